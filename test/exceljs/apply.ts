/**
 * Applies the core's write plan to an ExcelJS workbook: the file adapter the CLI had before the package
 * adapter (src/xlsx/package), kept for the parity test, the fixtures and the bench's ExcelJS floor.
 */
import type ExcelJS from "exceljs";
import type { CellRange } from "../../src/core/grid";
import { rangeAddress } from "../../src/core/grid";
import {
  isFormulaCell,
  type Block,
  type CellStyle,
  type SheetPlan,
  type WritePlan,
} from "../../src/core/plan/types";
import { toFileFormula } from "../../src/xlsx/formulas";

const MM_PER_INCH = 25.4;
const THIN: Partial<ExcelJS.Border> = { style: "thin" };

function styleOf(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style.font) out.font = { ...style.font };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${style.fill}` } };
  if (style.horizontal || style.vertical || style.wrap) {
    out.alignment = { horizontal: style.horizontal, vertical: style.vertical, wrapText: style.wrap };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  if (style.border === "thin") out.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.border === "bottom") out.border = { bottom: THIN };
  return out;
}

/**
 * A print area as ExcelJS takes it: it puts a "$" before each corner, so the rows get theirs here;
 * a half-absolute "$A1:$F32" is what Excel tolerates but LibreOffice ignores (it prints the whole sheet).
 */
function printAreaOf(range: CellRange): string {
  return rangeAddress(range).replace(/([A-Z]+)(\d+)/g, "$1$$$2");
}

function clearRange(sheet: ExcelJS.Worksheet, range: CellRange): void {
  sheet.unMergeCells(range.top + 1, range.left + 1, range.bottom + 1, range.right + 1);
  for (let row = range.top + 1; row <= range.bottom + 1; row++) {
    for (let col = range.left + 1; col <= range.right + 1; col++) {
      const cell = sheet.findCell(row, col);
      if (!cell) continue;
      cell.value = null;
      cell.style = {};
    }
  }
}

function writeBlock(
  sheet: ExcelJS.Worksheet,
  block: Block,
  styles: Record<string, Partial<ExcelJS.Style>>,
): void {
  block.values.forEach((line, r) => {
    const row = sheet.getRow(block.top + r + 1);
    line.forEach((value, c) => {
      const cell = row.getCell(block.left + c + 1);
      // Strings are written as strings: ExcelJS makes a formula only of a { formula } object, which only
      // the core's formula cells become, with the core's value as the cached result.
      cell.value = isFormulaCell(value)
        ? { formula: toFileFormula(value.formula), result: value.result ?? undefined }
        : value;
      const name = block.columnStyles?.[c] ?? block.style;
      // One shared object per named style: ExcelJS caches the style id by object, as it does for merges.
      if (name) cell.style = styles[name];
    });
  });
}

function applySheet(
  workbook: ExcelJS.Workbook,
  plan: SheetPlan,
  styles: Record<string, Partial<ExcelJS.Style>>,
  planStyles: WritePlan["styles"],
): void {
  let sheet = workbook.getWorksheet(plan.name);
  if (plan.mode === "create") {
    if (sheet) workbook.removeWorksheet(sheet.id);
    sheet = workbook.addWorksheet(plan.name, { state: plan.hidden ? "hidden" : "visible" });
    // ExcelJS reads a first page number of 1 back from any file it wrote; start there so that runs are stable.
    sheet.pageSetup.firstPageNumber = 1;
  }
  if (!sheet) throw new Error(`Không có trang “${plan.name}” để ghi kết quả.`);

  for (const range of plan.clear) clearRange(sheet, range);
  if (plan.removeHighlights.length > 0) {
    const old = new Set(plan.removeHighlights.map((h) => `${rangeAddress(h.range)}|${h.formula}`));
    sheet.removeConditionalFormatting(
      (cf: ExcelJS.ConditionalFormattingOptions) =>
        !cf.rules.some((rule) => "formulae" in rule && old.has(`${cf.ref}|${rule.formulae?.[0]}`)),
    );
  }
  for (const block of plan.blocks) writeBlock(sheet, block, styles);
  for (const m of plan.merges) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const { col, width } of plan.columnWidths) sheet.getColumn(col + 1).width = width;
  for (const { row, height, atLeast } of plan.rowHeights) {
    const line = sheet.getRow(row + 1);
    if (!atLeast || (line.height ?? 0) < height) line.height = height;
  }
  if (plan.printArea) sheet.pageSetup.printArea = printAreaOf(plan.printArea);
  for (const highlight of plan.highlights) {
    const fill = planStyles[highlight.style]?.fill ?? "FFFF00";
    sheet.addConditionalFormatting({
      ref: rangeAddress(highlight.range),
      rules: [
        {
          type: "expression",
          priority: 1,
          formulae: [highlight.formula],
          style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${fill}` } } },
        },
      ],
    });
  }
  const setup = plan.pageSetup;
  if (setup) {
    const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
    sheet.pageSetup = {
      ...sheet.pageSetup,
      paperSize: 9,
      orientation: setup.orientation,
      fitToPage: setup.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: printAreaOf(setup.printArea),
      margins: {
        top: inches(setup.margins.top),
        bottom: inches(setup.margins.bottom),
        left: inches(setup.margins.left),
        right: inches(setup.margins.right),
        header: inches(setup.margins.header),
        footer: inches(setup.margins.footer),
      },
    };
    for (const row of setup.pageBreaksBefore) if (row > 0) sheet.getRow(row).addPageBreak();
  }
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const styles = Object.fromEntries(Object.entries(plan.styles).map(([name, s]) => [name, styleOf(s)]));
  for (const sheet of plan.sheets) applySheet(workbook, sheet, styles, plan.styles);
}
