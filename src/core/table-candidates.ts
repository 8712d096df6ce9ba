/**
 * Which sheets may hold the unit table, judged from their first rows only. An adapter that pays for
 * every cell it reads (Excel: each response is capped at 5 MB and crosses a process boundary) reads these
 * rows of every sheet, and the rest only of the sheets this lets through.
 */
import type { SheetGrid } from "./grid";
import { findHeader, HEADER_SCAN_ROWS, type ColumnMapping } from "./reader/table";
import { findPortalHeader } from "./sources/portal-766";

/** The rows in which the reader looks for a header, and the sub-header row below the last of them. */
export const HEADER_REGION_ROWS = HEADER_SCAN_ROWS + 2;

/**
 * True when the first `HEADER_REGION_ROWS` rows of `top` hold a header the reader could take (a unit
 * table's or a portal export's), or when the user named the header row (which may lie further down).
 */
export function mayHoldUnitTable(top: SheetGrid, mapping?: ColumnMapping): boolean {
  if (mapping?.headerRow !== undefined) return true;
  return findHeader(top) !== undefined || findPortalHeader(top) !== undefined;
}
