/// <reference types="office-js" />
/**
 * The merged cells of a sheet's header rows. Range.getMergedAreasOrNullObject "will fail" when the range
 * holds more than 512 merged areas (Excel.Range reference, ExcelApi 1.13): the rows are then asked for in
 * halves, down to single rows, so that a sheet full of merges still gives the merges of its header.
 */
import type { CellRange } from "../core/grid";
import { parseAreas, rangeAddress, rowsAddress } from "./address";

export function queueMerges(context: Excel.RequestContext, sheet: string, top: number, bottom: number) {
  return context.workbook.worksheets
    .getItem(sheet)
    .getRange(rowsAddress(top, bottom))
    .getMergedAreasOrNullObject()
    .load("address");
}

export function mergesOf(areas: Excel.RangeAreas): CellRange[] {
  return areas.isNullObject ? [] : parseAreas(areas.address).map((a) => a.range);
}

/** Rows top..bottom in requests of their own, halved after each failure; a merge across halves once. */
export async function readMergesApart(
  context: Excel.RequestContext,
  sheet: string,
  top: number,
  bottom: number,
): Promise<CellRange[]> {
  const areas = queueMerges(context, sheet, top, bottom);
  try {
    await context.sync();
    return mergesOf(areas);
  } catch {
    // One row of more than 512 merges: that row is read without them (the core then sees plain cells).
    if (top === bottom) return [];
    const middle = Math.floor((top + bottom) / 2);
    const found = [
      ...(await readMergesApart(context, sheet, top, middle)),
      ...(await readMergesApart(context, sheet, middle + 1, bottom)),
    ];
    const seen = new Set<string>();
    return found.filter((range) => {
      const key = rangeAddress(range);
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
}
