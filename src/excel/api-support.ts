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

/**
 * Why the formulas mode cannot be offered, or undefined when it can: where CustomFunctionsRuntime 1.1 is
 * missing, Excel knows no =KSTTHC.… function and every output cell would show #NAME?. Retail perpetual
 * Excel on Windows has SharedRuntime 1.1 (the pane) from Version 2002 but custom functions only from
 * Version 2311 (Custom functions requirement sets). Outside Office the answer is "offered".
 */
export function formulasUnavailable(): string | undefined {
  if (typeof Office === "undefined" || !Office.context?.requirements) return undefined;
  if (Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1")) return undefined;
  return "Bản Excel này chưa có hàm tùy chỉnh (CustomFunctionsRuntime 1.1; Excel cho Windows mua đứt có từ Version 2311), nên các cột kết quả luôn được ghi dưới dạng giá trị: công thức =KSTTHC.… ở đây sẽ chỉ hiện lỗi #NAME?.";
}
