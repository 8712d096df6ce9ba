/** Last year's workbook (`--compare`, the pane's "So sánh với năm trước") read from its bytes. */
import { readPreviousYear } from "../core/compare/previous-year";
import type { PreviousYear } from "../core/compare/types";
import { packageGrids } from "./package/score";
import { WorkbookPackage } from "./package/workbook-package";

/** Throws UnusableInputError, naming the file (and sheet, row, column), when it cannot be used. */
export async function readPreviousFile(name: string, bytes: Uint8Array): Promise<PreviousYear> {
  const workbook = WorkbookPackage.open(bytes, name);
  return readPreviousYear(packageGrids(workbook, { fileName: name }), name);
}
