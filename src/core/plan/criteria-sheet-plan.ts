/** The "Tiêu chí" sheet as the tool writes it: when a workbook has none, and when the pane saves edits. */
import type { Criterion } from "../criteria";
import {
  CRITERIA_COLUMNS,
  CRITERIA_SHEET,
  WRITTEN_HEADER_ROW,
  writtenColumns,
} from "../criteria-sheet/schema";
import { criteriaSheetRows } from "../criteria-sheet/write";
import { formatNumberVi } from "../numbers";
import type { Settings } from "../settings";
import { rowHeightFor } from "./row-height";
import { STYLES } from "./styles";
import { emptySheetPlan, type SheetPlan, type WritePlan } from "./types";

/**
 * Column widths for screen and print: column A also holds the settings' labels and B their values,
 * hence wider; the long texts (căn cứ, the letter's sentences) wrap in narrower columns than the schema's
 * so that the sheet prints one page wide, landscape, at a readable scale.
 */
const WIDTHS: Partial<Record<(typeof CRITERIA_COLUMNS)[number]["field"], number>> = {
  code: 30,
  title: 46,
  input: 14,
  appliesTo: 14,
  basis: 26,
  sentenceEarned: 40,
  sentenceNone: 32,
};
const FONT_SIZE = 11;

export function planCriteriaSheet(criteria: Criterion[], settings: Settings): SheetPlan {
  const plan = emptySheetPlan(CRITERIA_SHEET, "create");
  const rows = criteriaSheetRows(criteria, settings);
  const headerRow = WRITTEN_HEADER_ROW;
  const settingsHeader = rows.findIndex((r, i) => i > headerRow && r[0] === "Mục");
  const columns = writtenColumns(criteria);
  const widths = columns.map((c) => WIDTHS[c.field] ?? c.width);
  rows.forEach((values, row) => {
    if (values.length === 0) return;
    const title = row === 0 || row === settingsHeader - 1;
    const style = title
      ? "sheetTitle"
      : row === 1
        ? "note"
        : row === headerRow || row === settingsHeader
          ? "plainHeader"
          : "plainText";
    plan.blocks.push({ top: row, left: 0, values: [values], style });
    // Titles and the note run on one line over empty cells; the other rows wrap and must grow.
    if (!title && row !== 1) {
      const cells = values.map((v, col) => ({
        text: typeof v === "number" ? formatNumberVi(v) : (v ?? ""),
        width: widths[col],
      }));
      plan.rowHeights.push({ row, height: rowHeightFor(cells, { size: FONT_SIZE }) });
    }
  });
  plan.columnWidths = widths.map((width, col) => ({ col, width }));
  plan.pageSetup = {
    paper: "A4",
    orientation: "landscape",
    margins: { top: 15, bottom: 15, left: 15, right: 15, header: 8, footer: 8 },
    fitToWidth: true,
    printArea: { top: 0, left: 0, bottom: rows.length - 1, right: columns.length - 1 },
    pageBreaksBefore: [],
  };
  return plan;
}

/** A plan that writes only the criteria sheet (the pane's "Lưu tiêu chí"). */
export function criteriaWritePlan(criteria: Criterion[], settings: Settings): WritePlan {
  return { styles: STYLES, sheets: [planCriteriaSheet(criteria, settings)] };
}
