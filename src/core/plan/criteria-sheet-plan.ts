/** The "Tiêu chí" sheet as the tool writes it: when a workbook has none, and when the pane saves edits. */
import type { Criterion } from "../criteria";
import { CRITERIA_COLUMNS, CRITERIA_SHEET, WRITTEN_HEADER_ROW } from "../criteria-sheet/schema";
import { criteriaSheetRows } from "../criteria-sheet/write";
import type { Settings } from "../settings";
import { STYLES } from "./styles";
import { emptySheetPlan, type SheetPlan, type WritePlan } from "./types";

export function planCriteriaSheet(criteria: Criterion[], settings: Settings): SheetPlan {
  const plan = emptySheetPlan(CRITERIA_SHEET, "create");
  const rows = criteriaSheetRows(criteria, settings);
  const headerRow = WRITTEN_HEADER_ROW;
  const settingsHeader = rows.findIndex((r, i) => i > headerRow && r[0] === "Mục");
  rows.forEach((values, row) => {
    if (values.length === 0) return;
    const style =
      row === 0 || row === settingsHeader - 1
        ? "sheetTitle"
        : row === 1
          ? "note"
          : row === headerRow || row === settingsHeader
            ? "plainHeader"
            : "plainText";
    plan.blocks.push({ top: row, left: 0, values: [values], style });
  });
  // Column A holds the settings' labels and B their values too, hence the wider first two columns.
  plan.columnWidths = CRITERIA_COLUMNS.map((c, col) => ({
    col,
    width: col === 0 ? 34 : col === 1 ? 60 : c.width,
  }));
  return plan;
}

/** A plan that writes only the criteria sheet (the pane's "Lưu tiêu chí"). */
export function criteriaWritePlan(criteria: Criterion[], settings: Settings): WritePlan {
  return { styles: STYLES, sheets: [planCriteriaSheet(criteria, settings)] };
}
