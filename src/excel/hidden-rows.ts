/// <reference types="office-js" />
/**
 * Which rows of a sheet are hidden, by hand or by a filter. Office.js has no list of hidden rows: a
 * range's `rowHidden` says only all, none or some (ExcelApi 1.2), and the visible cells of a range come
 * as areas (`getSpecialCellsOrNullObject("Visible")`, ExcelApi 1.9). The rows of the used range that no
 * visible area covers are the hidden ones. Only sheets whose used range has some hidden rows cost a request.
 */
import type { CellRange } from "../core/grid";
import { parseAreas, rangeAddress } from "./address";

export interface HiddenRowsQuery {
  sheet: string;
  used: CellRange;
  visible: Excel.RangeAreas;
}

/** Queues the visible areas of the used range of `sheet`, when `rowHidden` says some rows are hidden. */
export function queueVisibleAreas(
  context: Excel.RequestContext,
  sheet: string,
  used: CellRange,
  rowHidden: boolean | null,
): HiddenRowsQuery | undefined {
  if (rowHidden === false) return undefined;
  const range = context.workbook.worksheets.getItem(sheet).getRange(rangeAddress(used));
  return { sheet, used, visible: range.getSpecialCellsOrNullObject("Visible").load("address") };
}

/** The hidden rows (0-based) of the used range, from its visible areas once synced. */
export function hiddenRowsOf(query: HiddenRowsQuery): number[] {
  const shown = new Set<number>();
  if (!query.visible.isNullObject) {
    for (const { range } of parseAreas(query.visible.address)) {
      for (let row = range.top; row <= range.bottom; row++) shown.add(row);
    }
  }
  const hidden: number[] = [];
  for (let row = query.used.top; row <= query.used.bottom; row++) if (!shown.has(row)) hidden.push(row);
  return hidden;
}
