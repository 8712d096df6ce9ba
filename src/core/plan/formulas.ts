/**
 * The formulas mode of the output columns: =KSTTHC.DIEM(…) per criterion, =SUM(…) for the total,
 * =KSTTHC.XEPLOAI(…) and =KSTTHC.DEXUAT(…), in en-US syntax, each carrying the core's value as its
 * result. A cell gets a formula only where the function, reading the cells it refers to, gives back
 * exactly the core's value; elsewhere (a criterion that does not apply to the unit's group, an error or
 * a date in the input cell, levels of the one-stop rate computed from counts…) it keeps the plain value.
 */
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "../criteria";
import type { CriteriaSheetLayout } from "../criteria-sheet/schema";
import { argumentPoints, argumentRating } from "../function-semantics";
import { cellAddress, cellAt, isCellError, rangeAddress, type CellValue, type SheetGrid } from "../grid";
import { roundTo } from "../numbers";
import type { UnitTable } from "../reader/units";
import type { UnitScore } from "../scoring";
import type { Settings } from "../settings";
import type { PlainValue, Scalar } from "./types";

export type OutputMode = "values" | "formulas";

/** The custom functions' namespace, as the manifest declares it. */
const FUNCTION_NAMESPACE = "KSTTHC";

/** Where the formulas find the criteria in force. */
export interface FormulaTables {
  /** The criteria table (header row through the last criterion) for DIEM; absent: the default criteria. */
  criteria?: string;
  /** The criteria table with the settings under it, for XEPLOAI (rating bands) and DEXUAT (award rule). */
  withSettings?: string;
}

/** A sheet name for a reference: always quoted, an inner ' doubled. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A text as a formula's string literal. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function absoluteAddress(row: number, col: number): string {
  return cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

/** 'Tiêu chí'!$A$3:$L$5. */
export function absoluteRange(sheet: string, top: number, left: number, bottom: number, right: number) {
  return `${quoteSheetName(sheet)}!${absoluteAddress(top, left)}:${absoluteAddress(bottom, right)}`;
}

/** The ranges of a "Tiêu chí" sheet for the formulas; no table when the sheet does not exist. */
export function formulaTables(sheet: string, layout: CriteriaSheetLayout | undefined): FormulaTables {
  if (!layout) return {};
  const range = (bottom: number) => absoluteRange(sheet, layout.headerRow, 0, bottom, layout.lastColumn);
  return { criteria: range(layout.lastCriterionRow), withSettings: range(layout.lastRow) };
}

const call = (name: string, args: (string | undefined)[]) =>
  `=${FUNCTION_NAMESPACE}.${name}(${args.filter((a) => a !== undefined).join(",")})`;

/** What a formula hands the function for one criterion: its text and the values it can take. */
interface Argument {
  text: string;
  /** Every value the function may receive: an empty cell arrives as null (the web) or 0 (Windows, Mac). */
  values: CellValue[];
}

/** Whether the unit's total is its points on a 100-point scale rather than their sum. */
function isConverted(score: UnitScore): boolean {
  return (
    score.total !==
    roundTo(
      score.scores.reduce((sum, s) => sum + s.points, 0),
      2,
    )
  );
}

/** A reference to one cell of the unit's row. */
function cellArgument(grid: SheetGrid, row: number, col: number): Argument {
  const value = cellAt(grid, row, col);
  const blank = value === null || (typeof value === "string" && value.trim() === "");
  return { text: cellAddress(row, col), values: blank ? [null, 0] : [value] };
}

/**
 * MIN (or MAX) over several cells of the row, as Excel computes it: numbers only (text, logical values
 * and empty cells are left out), 0 when there are none, the error of an error cell.
 */
function aggregateArgument(grid: SheetGrid, row: number, cols: number[], lowest: boolean): Argument {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const adjacent = sorted.every((col, i) => i === 0 || col === sorted[i - 1] + 1);
  const refs = adjacent
    ? rangeAddress({ top: row, bottom: row, left: sorted[0], right: sorted[sorted.length - 1] })
    : sorted.map((col) => cellAddress(row, col)).join(",");
  const cells = sorted.map((col) => cellAt(grid, row, col));
  const error = cells.find((v): v is { error: string } => v !== null && isCellError(v));
  const numbers = cells.filter((v): v is number => typeof v === "number");
  const value = error ?? (numbers.length === 0 ? 0 : lowest ? Math.min(...numbers) : Math.max(...numbers));
  return { text: `${lowest ? "MIN" : "MAX"}(${refs})`, values: [value] };
}

/**
 * The cell DIEM reads for a criterion on a unit's row, or undefined where no cell holds the figure the
 * core uses. Several levels of the one-stop rate: every level must pass a threshold, which the lowest
 * rate decides (the highest for "<" and "≤"); a proportional criterion takes the lowest.
 */
function criterionArgument(
  criterion: Criterion,
  grid: SheetGrid,
  table: UnitTable,
  row: number,
): Argument | undefined {
  const { columns } = table.layout;
  if (criterion.input === INPUT_SCORE_766) {
    return columns.score766 === undefined ? undefined : cellArgument(grid, row, columns.score766);
  }
  if (criterion.input === INPUT_ONE_STOP_RATE) {
    const fromCounts = columns.counts.some((c) => !columns.rates.some((r) => r.level === c.level));
    const cols = [...new Set(columns.rates.map((r) => r.col))];
    if (fromCounts || cols.length === 0) return undefined;
    if (cols.length === 1) return cellArgument(grid, row, cols[0]);
    const highest =
      criterion.kind === "threshold" && (criterion.operator === "<" || criterion.operator === "<=");
    return aggregateArgument(grid, row, cols, !highest);
  }
  const col = table.customColumns[criterion.input];
  return col === undefined ? undefined : cellArgument(grid, row, col);
}

interface FormulaRowInput {
  grid: SheetGrid;
  table: UnitTable;
  criteria: Criterion[];
  settings: Settings;
  tables: FormulaTables;
  /** 0-based column of the first output column (the first criterion's points). */
  left: number;
}

/**
 * The output cells of one unit in the formulas mode, from its plain values (outputRow): each becomes a
 * formula with that value as its result, where the formula gives it back.
 */
export function withFormulas(plain: PlainValue[], score: UnitScore, input: FormulaRowInput): Scalar[] {
  const { grid, table, criteria, settings, tables, left } = input;
  const row = score.unit.row;
  const out: Scalar[] = [...plain];
  criteria.forEach((criterion, i) => {
    const { points, applies } = score.scores[i];
    // DIEM knows no groups: a criterion that does not apply to this unit stays a plain 0.
    if (!applies) return;
    const argument = criterionArgument(criterion, grid, table, row);
    if (!argument || !argument.values.every((v) => argumentPoints(criterion, v) === points)) return;
    out[i] = {
      formula: call("DIEM", [stringLiteral(criterion.code), argument.text, tables.criteria]),
      result: points,
    };
  });
  const n = criteria.length;
  const pointCells = rangeAddress({ top: row, bottom: row, left, right: left + n - 1 });
  // A total on a 100-point scale is not the sum of the points.
  if (!isConverted(score)) out[n] = { formula: `=SUM(${pointCells})`, result: plain[n] };
  const col766 = table.layout.columns.score766;
  if (col766 !== undefined) {
    const argument = cellArgument(grid, row, col766);
    if (argument.values.every((v) => argumentRating(v, settings.rating) === score.rating)) {
      out[n + 1] = { formula: call("XEPLOAI", [argument.text, tables.withSettings]), result: plain[n + 1] };
    }
  }
  // DEXUAT sees the points only: not a total on 100, nor full points given to a unit a criterion does
  // not fit (which earn no award). Such a unit keeps its proposal as a value.
  if (!isConverted(score) && score.scores.every((s) => s.applies || s.points === 0))
    out[n + 2] = { formula: call("DEXUAT", [pointCells, tables.withSettings]), result: plain[n + 2] };
  return out;
}
