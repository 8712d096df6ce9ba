/** Problems found in the user's data, each naming where it is, in Vietnamese. */
import { columnLetter } from "./grid";

export type ProblemLevel = "error" | "warning" | "info";

export interface Problem {
  /** The source file a problem lies in, when it is not the workbook being scored. */
  file?: string;
  sheet: string;
  /** 1-based row as Excel shows it. */
  row?: number;
  /** Column letter as Excel shows it. */
  column?: string;
  level: ProblemLevel;
  /** A complete sentence that names the sheet, row and column. */
  message: string;
}

/** A problem at a cell, given 0-based coordinates; the message gets the location in front. */
export function cellProblem(
  sheet: string,
  row: number,
  col: number | undefined,
  level: ProblemLevel,
  detail: string,
): Problem {
  const column = col === undefined ? undefined : columnLetter(col);
  const where = column ? `dòng ${row + 1}, cột ${column}` : `dòng ${row + 1}`;
  return { sheet, row: row + 1, column, level, message: `Trang “${sheet}”, ${where}: ${detail}` };
}

export function sheetProblem(sheet: string, level: ProblemLevel, detail: string): Problem {
  return { sheet, level, message: `Trang “${sheet}”: ${detail}` };
}

/**
 * An error whose message is a complete Vietnamese sentence meant for the user as it stands: the faces
 * show it without a prefix. Anything else (Office.js, the browser, a bug) is introduced as unexpected.
 */
export class UserFacingError extends Error {}

/** An input the tool cannot work with at all: nothing is written, the CLI exits with 1. */
export class UnusableInputError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = "UnusableInputError";
  }
}
