/**
 * What Excel hands a custom function, made into the core's cell values.
 *
 * Blanks: an empty cell arrives as null or "" (Excel on the web) or as 0 (Excel on Windows and Mac).
 * null, "" and white space are blank; 0 is the number 0, because it cannot be told apart from a
 * typed 0 (for the default criteria both score 0 points anyway).
 */
import { argumentKind, readArgumentNumber } from "../core/function-semantics";
import type { CellValue } from "../core/grid";
import type { CellNumber, NumberKind } from "../core/reader/values";
import { ArgumentError, sentence } from "./errors";

/** A scalar becomes a 1×1 matrix and a list one row, so that every function works on matrices. */
export function toMatrix(arg: unknown): unknown[][] {
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [[null]];
  return arg.every(Array.isArray) ? (arg as unknown[][]) : [arg];
}

/** An optional argument the user left out arrives as null (undefined when called from tests or code). */
export function isOmitted(arg: unknown): boolean {
  return arg === null || arg === undefined;
}

/** A cell as the core sees it, with the number format when the host sends one. */
export interface ArgCell {
  value: CellValue;
  format: string;
}

/**
 * Plain values arrive as they are. functions.json allows data types for "any" parameters
 * (allowCustomDataForDataTypeAny, set by the metadata plugin), so a cell may also arrive as an
 * Excel.CellValue object: { type, basicValue, numberFormat? }, errors with type "Error".
 */
export function toArgCell(value: unknown): ArgCell {
  if (value === null || value === undefined) return { value: null, format: "" };
  if (typeof value === "string") return { value: value.trim() === "" ? null : value, format: "" };
  if (typeof value === "number" || typeof value === "boolean") return { value, format: "" };
  if (typeof value === "object") {
    const { type, basicValue, numberFormat } = value as {
      type?: unknown;
      basicValue?: unknown;
      numberFormat?: unknown;
    };
    const format = typeof numberFormat === "string" ? numberFormat : "";
    if (type === "Error")
      return { value: { error: typeof basicValue === "string" ? basicValue : "#VALUE!" }, format };
    if (basicValue !== undefined && typeof basicValue !== "object")
      return { ...toArgCell(basicValue), format };
  }
  return { value: { error: "#VALUE!" }, format: "" };
}

export function toCellValue(value: unknown): CellValue {
  return toArgCell(value).value;
}

export function isBlankCell(value: unknown): boolean {
  return toCellValue(value) === null;
}

/** How the core reads the input of a criterion. */
export function numberKindOf(input: string): NumberKind {
  return argumentKind(input);
}

/**
 * One figure for a criterion: blank, bad, or a number as the core reads it ("84,37",
 * "84,37 điểm", "96,5%"). Rates: a number from 0 to 1 is a fraction, as a cell formatted as a percent
 * holds it (1 = 100%, 0,965 = 96,5%); a number above 1 is already a percentage (96,5); text is read
 * as written, with or without "%". So 1% must be typed as the text "1%".
 */
export function readFigure(value: unknown, kind: NumberKind): CellNumber {
  // Most cells of a range are plain numbers: read them without wrapping each one first.
  if (typeof value === "number") return readArgumentNumber(value, "", kind);
  const { value: cell, format } = toArgCell(value);
  return readArgumentNumber(cell, format, kind);
}

/** The figure, null for a blank, or the error its cell shows. */
export function figureOrError(value: unknown, kind: NumberKind): number | null | ArgumentError {
  const read = readFigure(value, kind);
  if (read.kind === "bad") return new ArgumentError(sentence(read.detail));
  return read.kind === "number" ? read.value : null;
}
