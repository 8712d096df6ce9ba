/** The neutral picture of a worksheet that every adapter hands to the core. */

interface CellError {
  error: string;
  /** The formula of a cell that the file holds without a calculated value (openpyxl writes them so). */
  uncalculated?: string;
}

export type CellValue = string | number | boolean | null | CellError;

/** Rows and columns are 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Row-major values from A1; rows may be ragged. */
  values: CellValue[][];
  /** Number formats of the same cells, where the adapter knows them (a percent format turns 1 into 100%). */
  formats?: (string | null | undefined)[][];
  merges?: CellRange[];
  /** 0-based rows that are hidden or filtered out, where the adapter knows them. */
  hiddenRows?: number[];
  /** A sheet the user does not see: "hidden" (Excel's Unhide lists it) or "veryHidden" (only VBA shows it). */
  state?: "hidden" | "veryHidden";
  /** The adapter could not tell which rows are hidden (Excel refused the read): the core says so. */
  hiddenRowsUnknown?: boolean;
}

export function isCellError(value: CellValue): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

export function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const line = grid.values[row];
  if (!line) return null;
  const value = line[col];
  return value === undefined ? null : value;
}

/** A formula without a calculated value: the file was written by a program that does not calculate. */
export function isUncalculated(value: CellValue): value is CellError & { uncalculated: string } {
  return isCellError(value) && value.uncalculated !== undefined;
}

/** The merge that covers a cell, if any. */
export function mergeAt(grid: SheetGrid, row: number, col: number): CellRange | undefined {
  return grid.merges?.find((m) => m.top <= row && row <= m.bottom && m.left <= col && col <= m.right);
}

export function formatAt(grid: SheetGrid, row: number, col: number): string {
  return grid.formats?.[row]?.[col] ?? "";
}

export function columnCount(grid: SheetGrid): number {
  let max = 0;
  for (const line of grid.values) if (line.length > max) max = line.length;
  return max;
}

/** 0 → "A", 26 → "AA". */
export function columnLetter(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "AA" → 26; undefined for anything that is not a column letter. */
export function columnIndex(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  const end = cellAddress(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** "B3:D10" or "B3" → a range; undefined when the text is not an A1 address. */
export function parseRangeAddress(text: string): CellRange | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const left = columnIndex(match[1]);
  const right = columnIndex(match[3] ?? match[1]);
  const top = Number(match[2]) - 1;
  const bottom = Number(match[4] ?? match[2]) - 1;
  if (left === undefined || right === undefined || top < 0 || bottom < top || right < left) return undefined;
  return { top, left, bottom, right };
}

/** The text of a cell for display and matching (numbers as written by JavaScript). */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return value.error;
}
