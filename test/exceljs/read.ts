/** ExcelJS workbook → the core's grids. Used by the tests and the bench to read workbooks through ExcelJS. */
import type ExcelJS from "exceljs";
import { isUncalculated, type CellRange, type CellValue, type SheetGrid } from "../../src/core/grid";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Reduces ExcelJS's many cell shapes to the core's: a formula gives its cached result. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDay(value);
  if (typeof value === "object") {
    if ("error" in value && typeof value.error === "string") return { error: value.error };
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined) {
        // No cached value: the writer (openpyxl, a script) never calculated it. Not an empty cell.
        const formula = "formula" in value ? value.formula : value.sharedFormula;
        return { error: "", uncalculated: `=${String(formula ?? "").replace(/^=/, "")}` };
      }
      return toCellValue((result ?? null) as ExcelJS.CellValue);
    }
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("text" in value && typeof value.text === "object")
      return toCellValue(value.text as ExcelJS.CellValue);
  }
  return null;
}

/** Merged ranges of a sheet. ExcelJS keeps them in a private map; its public model would copy every row. */
export function mergesOf(sheet: ExcelJS.Worksheet): CellRange[] {
  const merges = (sheet as unknown as { _merges?: Record<string, { model: CellRange }> })._merges ?? {};
  return Object.values(merges).map(({ model }) => ({
    top: model.top - 1,
    left: model.left - 1,
    bottom: model.bottom - 1,
    right: model.right - 1,
  }));
}

/**
 * A cell's value; for a formula, with its cached result read from `cell.result`: ExcelJS's `cell.value`
 * leaves out a result of 0 or "", which would read as an empty cell.
 */
function valueOf(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    return { ...value, result: (cell as unknown as { result?: ExcelJS.CellFormulaValue["result"] }).result };
  }
  return value;
}

/**
 * ExcelJS reads a formula whose cached result is empty text (=IF(A1="";"";…) saved by Excel) like a
 * formula never calculated. Per sheet: was some formula calculated, and which uncached ones could be "".
 */
const formulaFacts = new WeakMap<SheetGrid, { calculated: boolean; maybeEmptyText: [number, number][] }>();

function sheetToGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  const facts = { calculated: false, maybeEmptyText: [] as [number, number][] };
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const hiddenRows: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (row.hidden) hiddenRows.push(rowNumber - 1);
    const line: CellValue[] = [];
    const lineFormats: (string | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged cell other than the top-left one reads as empty, as Excel shows it.
      const slave = cell.isMerged && cell.master !== cell;
      const value = slave ? null : toCellValue(valueOf(cell));
      line[colNumber - 1] = value;
      if (cell.type === 6 /* ExcelJS.ValueType.Formula */) {
        if (isUncalculated(value)) {
          if (value.uncalculated.includes('""')) facts.maybeEmptyText.push([rowNumber - 1, colNumber - 1]);
        } else facts.calculated = true;
      }
      if (cell.numFmt) lineFormats[colNumber - 1] = cell.numFmt;
    });
    values[rowNumber - 1] = line;
    formats[rowNumber - 1] = lineFormats;
  });
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) values[i] = [];
    if (!formats[i]) formats[i] = [];
  }
  const grid: SheetGrid = { name: sheet.name, values, formats, merges: mergesOf(sheet), hiddenRows };
  formulaFacts.set(grid, facts);
  return grid;
}

/**
 * In a workbook that Excel or LibreOffice calculated, an uncached formula that can give "" gave "";
 * in one that nothing calculated (openpyxl), every formula is uncalculated.
 */
export function workbookToGrids(workbook: ExcelJS.Workbook): SheetGrid[] {
  const grids = workbook.worksheets.map(sheetToGrid);
  const calculated = grids.some((g) => formulaFacts.get(g)?.calculated);
  if (calculated) {
    for (const grid of grids) {
      for (const [row, col] of formulaFacts.get(grid)?.maybeEmptyText ?? []) grid.values[row][col] = null;
    }
  }
  return grids;
}
