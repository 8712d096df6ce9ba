/** A custom-formula conditional format as Office.js reports it (read by highlight-rules.ts, used by facts.ts). */
/**
 * A conditional format with a custom formula, as Office.js reports it. Its `id` is its priority within
 * the collection of the range `scope` (learn.microsoft.com, Excel.ConditionalFormat.id: "The priority of
 * the conditional format in the current ConditionalFormatCollection"): it is only valid in that
 * collection, and it shifts when a rule above it is deleted (OfficeDev/office-js#5222).
 */
export interface CustomFormatFacts {
  sheet: string;
  /** The A1 address (without the sheet) of the range whose collection `id` indexes. */
  scope: string;
  id: string;
  /** The A1 address of its range(s) without the sheet: "A9:P60". */
  address: string;
  /** Without the leading "=" that Office.js puts before it. */
  formula: string;
}
