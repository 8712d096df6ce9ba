/// <reference types="office-js" />
/**
 * Which rows of a sheet are hidden, by hand or by a filter. Office.js has no list of hidden rows: a
 * range's `rowHidden` says only all, none or some (ExcelApi 1.2), and the visible cells of a range come
 * as areas (`getSpecialCellsOrNullObject("Visible")`, ExcelApi 1.9). The rows of the used range that no
 * visible area covers are the hidden ones. Only sheets whose used range has some hidden rows cost a request.
 *
 * A range read is limited to 5,000,000 cells, beyond which "the API will either return null or throw an
 * error" (Resource limits and performance optimization): the used range is asked in pieces under that,
 * each with its own `rowHidden` so that a null answer can be told from "every row hidden". When Excel
 * still refuses, the sheet's hidden rows are unknown and the core says so, as merges and rules degrade.
 */
import type { CellRange } from "../core/grid";
import { parseAreas, rangeAddress } from "./address";

/** Cells asked at once, under the 5,000,000 of a read. */
export const VISIBLE_CELLS_PER_READ = 4_000_000;

interface Piece {
  rows: CellRange;
  range: Excel.Range;
  visible: Excel.RangeAreas;
}

export interface HiddenRowsQuery {
  sheet: string;
  used: CellRange;
  pieces: Piece[];
}

/** The used range in row bands of at most VISIBLE_CELLS_PER_READ cells. */
function bands(used: CellRange): CellRange[] {
  const width = used.right - used.left + 1;
  const rows = Math.max(1, Math.floor(VISIBLE_CELLS_PER_READ / width));
  const out: CellRange[] = [];
  for (let top = used.top; top <= used.bottom; top += rows) {
    out.push({ ...used, top, bottom: Math.min(used.bottom, top + rows - 1) });
  }
  return out;
}

/** Queues the visible areas of the used range of `sheet`, when `rowHidden` says some rows are hidden. */
export function queueVisibleAreas(
  context: Excel.RequestContext,
  sheet: string,
  used: CellRange,
  rowHidden: boolean | null,
): HiddenRowsQuery | undefined {
  if (rowHidden === false) return undefined;
  return { sheet, used, pieces: queuePieces(context, sheet, used) };
}

function queuePieces(context: Excel.RequestContext, sheet: string, used: CellRange): Piece[] {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  return bands(used).map((rows) => {
    const range = worksheet.getRange(rangeAddress(rows)).load("rowHidden");
    return { rows, range, visible: range.getSpecialCellsOrNullObject("Visible").load("address") };
  });
}

/**
 * The hidden rows (0-based) of the used range once synced, or undefined when Excel did not tell: a null
 * visible area over a piece whose rows are not all hidden is a refused read, not an answer.
 */
export function hiddenRowsOf(query: HiddenRowsQuery): number[] | undefined {
  const hidden: number[] = [];
  for (const { rows, range, visible } of query.pieces) {
    if (range.rowHidden === false) continue;
    const shown = new Set<number>();
    if (visible.isNullObject) {
      if (range.rowHidden !== true) return undefined;
    } else {
      for (const { range: area } of parseAreas(visible.address)) {
        for (let row = area.top; row <= area.bottom; row++) shown.add(row);
      }
    }
    for (let row = rows.top; row <= rows.bottom; row++) if (!shown.has(row)) hidden.push(row);
  }
  return hidden;
}

/**
 * Syncs the queries; when the request fails, asks each sheet again in a request of its own, and a sheet
 * that still fails has unknown hidden rows (undefined).
 */
export async function readHiddenRows(
  context: Excel.RequestContext,
  queries: HiddenRowsQuery[],
): Promise<Map<string, number[] | undefined>> {
  const result = new Map<string, number[] | undefined>();
  if (queries.length === 0) return result;
  try {
    await context.sync();
    for (const query of queries) result.set(query.sheet, hiddenRowsOf(query));
    return result;
  } catch {
    for (const query of queries) {
      const again = { ...query, pieces: queuePieces(context, query.sheet, query.used) };
      try {
        await context.sync();
        result.set(query.sheet, hiddenRowsOf(again));
      } catch {
        result.set(query.sheet, undefined);
      }
    }
    return result;
  }
}
