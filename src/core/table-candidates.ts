/**
 * Which sheets may hold the unit table, judged from their first rows only. An adapter that pays for
 * every cell it reads (Excel: each response is capped at 5 MB and crosses a process boundary; a file:
 * each sheet is decompressed) reads these rows of every sheet, and the rest only of the sheets this
 * lets through.
 */
import { cellText, type CellValue, type SheetGrid } from "./grid";
import { HEADER_SCAN_ROWS, type ColumnMapping } from "./reader/table";
import { foldKey } from "./text";

/** The rows in which the reader looks for a header, and the sub-header row below the last of them. */
export const HEADER_REGION_ROWS = HEADER_SCAN_ROWS + 2;

/** Longer than any header: a cell this long that mentions "đơn vị" is a note, not the name column. */
const HEADER_TEXT_MAX = 120;

/**
 * A cell that may be the header naming the units, or a piece of it: "Tên…", "Đơn vị…", "Cơ quan…",
 * a portal export's "ten" / "ten_coquan". Every reader's name column has such a cell, merged or not,
 * in one header row or split over two.
 */
function namesUnits(value: CellValue | undefined): boolean {
  const key = foldKey(cellText(value ?? null));
  return key.length <= HEADER_TEXT_MAX && (/^ten\b/.test(key) || /\b(don vi|co quan|coquan)\b/.test(key));
}

/**
 * True when the first rows of a sheet (`top`) may hold the header of a unit table for any reader — a
 * necessary condition only, checked cell by cell so that it holds without the sheet's merges — or when
 * the user named the header row, which may lie further down.
 */
export function mayHoldUnitTable(top: SheetGrid, mapping?: ColumnMapping): boolean {
  if (mapping?.headerRow !== undefined) return true;
  return top.values.some((line) => (line ?? []).some(namesUnits));
}
