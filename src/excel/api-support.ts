/// <reference types="office-js" />
/**
 * Which Excel API requirement sets the host supports. The adapter needs ExcelApi 1.9 (page layout,
 * conditional format ranges, calculation suspended during writes; checked by the pane's entry, host.ts);
 * with 1.13 it also reads merged cells and widens the user's table over the output with Table.resize,
 * and does without both before.
 */

/**
 * True when the host supports ExcelApi 1.`minor`. Outside Office (tests, tools) there is no
 * `Office` global and the stand-in implements what the adapter uses, so the answer is yes.
 */
export function supportsExcelApi(minor: number): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported("ExcelApi", `1.${minor}`);
}
