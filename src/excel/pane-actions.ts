/// <reference types="office-js" />
/**
 * What the task pane asks of the workbook open in Excel, each one Excel.run: read and score without
 * writing, show a cell, read the selection, write the criteria sheet. The pane's port (src/taskpane/
 * excel-port.ts) calls these and never Office.js itself.
 */
import type { Criterion } from "../core/criteria";
import { criteriaWritePlan } from "../core/plan/criteria-sheet-plan";
import { UserFacingError } from "../core/problems";
import { runScoring, type RunOptions, type RunResult } from "../core/run";
import { documentFileName } from "./score-action";
import type { Settings } from "../core/settings";
import { parseAddress, parseAreas, rangeAddress } from "./address";
import { applyPlan } from "./apply";
import { readWorkbook } from "./read";

/** Thrown when the selection is not one contiguous range on a sheet; the message is for the user. */
class SelectionError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = "SelectionError";
  }
}

/** Reads the workbook and scores it without writing anything: the preview the pane shows. */
export async function analyseWorkbook(
  options: Pick<RunOptions, "sheet" | "mapping" | "sources" | "prefer" | "year" | "preset" | "previous">,
): Promise<RunResult> {
  return Excel.run(async (context) => {
    const { grids } = await readWorkbook(context, { sheet: options.sheet, mapping: options.mapping });
    return runScoring(grids, { ...options, fileName: documentFileName() });
  });
}

/** Activates `sheet` and selects `address` on it, when given. */
export async function selectCell(sheet: string, address?: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (address) worksheet.getRange(address).select();
    await context.sync();
  });
}

/**
 * The user's selection as a sheet and an A1 address without the sheet. Through getSelectedRanges
 * (ExcelApi 1.9): getSelectedRange "will throw an error" when several ranges are selected (Excel.Workbook),
 * and its message, in Excel's words, would reach the user. Several areas get a Vietnamese sentence instead.
 */
export async function getSelection(): Promise<{ sheet: string; address: string }> {
  return Excel.run(async (context) => {
    const ranges = context.workbook.getSelectedRanges().load("address");
    await context.sync();
    const areas = parseAreas(ranges.address);
    if (areas.length > 1)
      throw new SelectionError(
        `Đang chọn ${areas.length} vùng rời nhau (${ranges.address}): hãy chọn một vùng liền rồi thử lại.`,
      );
    const parsed = parseAddress(ranges.address);
    if (!parsed?.sheet)
      throw new SelectionError(`Không đọc được vùng đang chọn (${ranges.address}): hãy chọn một vùng liền.`);
    return { sheet: parsed.sheet, address: rangeAddress(parsed.range) };
  });
}

/** Writes (or replaces) the "Tiêu chí" sheet. */
export async function writeCriteria(criteria: Criterion[], settings: Settings): Promise<void> {
  await Excel.run(async (context) => {
    await applyPlan(context, criteriaWritePlan(criteria, settings));
  });
}
