/**
 * What to write into the workbook, decided by the core and applied by an adapter (ExcelJS for files,
 * Office.js in Excel). Coordinates are 0-based; styles are named and defined once.
 */
import type { CellRange } from "../grid";

/** A value written as it is: strings always as text, never parsed into a formula or a number. */
export type PlainValue = string | number | boolean | null;

/**
 * A formula, in en-US syntax with its leading "=" as typed in Excel (=KSTTHC.DIEM("III",D9,…)), with the
 * value the core computed for it: files keep that value as the formula's cached result, so that a reader
 * sees the numbers before Excel recalculates. Only the core makes formulas; no user text becomes one.
 */
interface FormulaCell {
  formula: string;
  result: PlainValue;
}

export type Scalar = PlainValue | FormulaCell;

export function isFormulaCell(value: Scalar | undefined): value is FormulaCell {
  return typeof value === "object" && value !== null && "formula" in value;
}

export interface CellStyle {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: boolean };
  /** Background colour, hex RGB without "#". */
  fill?: string;
  horizontal?: "left" | "center" | "right" | "justify";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** "@" keeps text as text; "General" lets numbers show as the user's locale writes them. */
  numberFormat?: string;
  /** "thin": a thin border all around; "bottom": a rule under the cell. */
  border?: "thin" | "bottom";
}

/** A rectangle of values; `style` names one style for all of it, `columnStyles` one per column. */
export interface Block {
  top: number;
  left: number;
  values: Scalar[][];
  style?: string;
  columnStyles?: (string | undefined)[];
}

/** A native conditional format (formula relative to the range's top-left cell) that works without the add-in. */
interface Highlight {
  range: CellRange;
  formula: string;
  style: string;
}

export interface PageSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Millimetres. */
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  fitToWidth: boolean;
  printArea: CellRange;
  /** 0-based rows that start a new printed page. */
  pageBreaksBefore: number[];
}

/**
 * A native chart on the sheet, over cells of the same sheet: clustered columns of `bars` (some of them
 * `marked` in another colour) and a line series, on categories of one or more label columns.
 */
export interface ChartPlan {
  /** The chart object's name, the same in Excel and in the file. */
  name: string;
  title: string;
  /** Label columns, outer level first (the group, then the unit): a multi-level category axis. */
  categories: CellRange;
  bars: {
    name: string;
    /** One column, one row per category. */
    values: CellRange;
    /** Hex RGB without "#". */
    fill: string;
    /** 0-based indexes of the bars drawn in `markedFill`. */
    marked: number[];
    markedFill: string;
  };
  line: { name: string; values: CellRange; color: string };
  valueAxis: { min: number; max: number };
  /** The cells the chart covers, from the top-left of the first to the bottom-right of the last. */
  anchor: CellRange;
}

export interface SheetPlan {
  name: string;
  /**
   * "create": a sheet the tool owns, made anew (an older one of that name is replaced);
   * "update": the user's sheet, where only `clear` and the blocks are touched.
   */
  mode: "create" | "update";
  hidden?: boolean;
  /** The tool's own ranges from an earlier run, emptied (values, formats, merges) before writing. */
  clear: CellRange[];
  /** The tool's own conditional formats from an earlier run, removed before writing. */
  removeHighlights: { range: CellRange; formula: string }[];
  blocks: Block[];
  merges: CellRange[];
  columnWidths: { col: number; width: number }[];
  /** `atLeast`: the row keeps a height of its own when that is taller (the user's rows). */
  rowHeights: { row: number; height: number; atLeast?: boolean }[];
  highlights: Highlight[];
  pageSetup?: PageSetup;
  /** The print area alone, on the user's sheet, whose other page settings stay the user's. */
  printArea?: CellRange;
  /** Charts on a sheet the tool creates (mode "create"): they go with the sheet when it is replaced. */
  charts?: ChartPlan[];
}

export interface WritePlan {
  styles: Record<string, CellStyle>;
  sheets: SheetPlan[];
}

export function emptySheetPlan(name: string, mode: SheetPlan["mode"]): SheetPlan {
  return {
    name,
    mode,
    clear: [],
    removeHighlights: [],
    blocks: [],
    merges: [],
    columnWidths: [],
    rowHeights: [],
    highlights: [],
  };
}
