/** Cell values between Office.js and the core, both ways: the add-in sees and writes what the CLI does. */
import { serialToIso } from "../core/dates";
import type { CellValue } from "../core/grid";
import type { PlainValue } from "../core/plan/types";

/**
 * Whether a number format shows dates, by the test ExcelJS applies when it reads a file (date tokens
 * outside quotes and brackets), so that a date reads as the same ISO text in the add-in and the CLI.
 */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/**
 * One cell as Office.js reads it (`values`, `valueTypes`, `numberFormat`) → the core's value.
 * Empty cells arrive as "", errors as their text ("#N/A") with the type "Error", dates as serial numbers.
 */
export function fromOfficeValue(
  value: unknown,
  type: string | undefined,
  format: string | undefined,
): CellValue {
  if (type === "Error") return { error: String(value) };
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(format) ? serialToIso(value) : value;
  if (typeof value === "boolean") return value;
  return String(value);
}

/**
 * The value to put in `Range.values` so that Excel stores exactly `value`.
 *
 * Office.js parses strings written to `values` the way Excel parses typing: per the Range.values
 * reference, a string that starts with "=", "+" or "-" becomes a formula ("@" starts one too), and in a
 * cell that is not formatted as text a string that looks like a number, date, percentage or boolean in
 * the user's locale is converted ("1,5" is a number in vi-VN, "1/2" a date in en-US). Whether a text
 * ("@") format set beforehand stops the formula parsing through the API is not documented, and a
 * number written into an "@" cell may be stored as text as typing would.
 *
 * A leading apostrophe is Excel's own marker for "this is text": Excel stores the rest of the string
 * as text and does not keep the apostrophe (it becomes the cell's quote prefix, which `values` does not
 * return). So the adapter writes values first, into cells still in the General format, with an
 * apostrophe before every non-empty string, and sets the number formats after: strings stay exactly
 * the strings (even "=1+1" or "001"), numbers stay numbers, whatever the locale and whatever Excel
 * does with "@" cells. null writes "": Office.js leaves a cell unchanged for null, ExcelJS empties it.
 */
export function toOfficeValue(value: PlainValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string" || value === "") return value;
  return `'${value}`;
}
