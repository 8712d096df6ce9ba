/**
 * The error of a bad argument or a bad cell, in Vietnamese. The pure modules throw it (whole formula)
 * or put it in a result cell (one cell of a spill); functions.ts turns it into CustomFunctions.Error,
 * which exists only inside Excel.
 */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ArgumentError";
  }
}

/** One result cell: a value, or the error that cell shows as #VALUE!. */
export type Outcome<T> = T | ArgumentError;

/** Core details start in lower case ("không đọc được …"); a cell's message is a sentence. */
export function sentence(detail: string): string {
  return detail.charAt(0).toLocaleUpperCase("vi") + detail.slice(1);
}
