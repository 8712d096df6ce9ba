/// <reference types="office-js" />
/**
 * The open workbook → the core's grids (and the facts the writer needs), in a fixed number of syncs:
 * 1. the sheets and the lists of tables and PivotTables (Office.js cannot name a sheet it has not listed);
 * 2. the used range of each sheet, its merged cells (header cells and group cells merged down the
 *    table, which the core reads as Excel shows them), the tool's own sheet
 *    "KSTTHC" in full, table and PivotTable ranges, and the conditional formats;
 * 3. the cells, in requests of at most `readCellsPerRequest` cells (one for tables up to ~8,000 rows of
 *    7 columns), with the formulas of the custom conditional formats.
 */
import { CRITERIA_SHEET } from "../core/criteria-sheet/schema";
import type { CellValue, SheetGrid } from "../core/grid";
import { META_SHEET, readOwnership } from "../core/ownership";
import { cleanText, foldKey } from "../core/text";
import { parseAddress, parseAreas, rangeAddress } from "./address";
import { supportsExcelApi } from "./api-support";
import { fromOfficeValue } from "./cell-values";
import { collectFacts, queueDetails, queueRanges, queueStructure, type WorkbookFacts } from "./facts";

/**
 * Cells per read request. A cell costs ~30–60 bytes in the response (value, number format and
 * type); Excel on the web refuses responses above 5 MB, so 60,000 cells keep well under it.
 */
export const READ_CELLS_PER_REQUEST = 60_000;

export interface ReadOptions {
  /** Read this sheet (and the tool's own sheets) only, as the core's `sheet` option. */
  sheet?: string;
  readCellsPerRequest?: number;
}

export interface WorkbookRead {
  grids: SheetGrid[];
  facts: WorkbookFacts;
}

interface Loaded {
  values: unknown[][];
  valueTypes: string[][];
  numberFormat: string[][];
}

/** Puts loaded cells at their sheet coordinates, so that grid[row][col] is the cell at row, col from A1. */
function place(grid: SheetGrid, top: number, left: number, cells: Loaded): void {
  const formats = (grid.formats ??= []);
  cells.values.forEach((line, r) => {
    const row = top + r;
    const values: CellValue[] = (grid.values[row] ??= []);
    const rowFormats = (formats[row] ??= []);
    line.forEach((value, c) => {
      const format = cells.numberFormat[r]?.[c];
      values[left + c] = fromOfficeValue(value, cells.valueTypes[r]?.[c], format);
      rowFormats[left + c] = format;
    });
  });
  for (let row = 0; row < grid.values.length; row++) {
    grid.values[row] ??= [];
    formats[row] ??= [];
  }
}

/** Which sheets the core needs in full: every sheet, or the chosen one, and the criteria sheet. */
function sheetsToRead(names: string[], chosen: string | undefined): Set<string> {
  const criteria = foldKey(CRITERIA_SHEET);
  if (chosen === undefined) return new Set(names.filter((n) => n !== META_SHEET));
  const wanted = cleanText(chosen);
  const exact = names.find((n) => n === wanted);
  const matches = exact !== undefined ? [exact] : names.filter((n) => foldKey(n) === foldKey(wanted));
  return new Set(names.filter((n) => matches.includes(n) || foldKey(n) === criteria));
}

interface Slice {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Row slices of the used ranges, packed into requests of at most `maxCells` cells. */
function readRequests(slicesOf: Slice[], maxCells: number): Slice[][] {
  const requests: Slice[][] = [];
  let current: Slice[] = [];
  let cells = 0;
  for (const used of slicesOf) {
    const width = used.right - used.left + 1;
    let top = used.top;
    while (top <= used.bottom) {
      const rest = (used.bottom - top + 1) * width;
      // A last few rows ride along (up to 10% over) rather than cost a request of their own.
      const room = cells + rest <= maxCells * 1.1 ? rest / width : Math.floor((maxCells - cells) / width);
      if (room < 1 && current.length > 0) {
        requests.push(current);
        current = [];
        cells = 0;
        continue;
      }
      const rows = Math.max(1, Math.min(room, used.bottom - top + 1));
      current.push({ ...used, top, bottom: top + rows - 1 });
      cells += rows * width;
      top += rows;
    }
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const maxCells = options.readCellsPerRequest ?? READ_CELLS_PER_REQUEST;
  const structure = queueStructure(context);
  await context.sync();

  const names = structure.worksheets.items.map((s) => s.name);
  const full = sheetsToRead(names, options.sheet);
  const sheets = context.workbook.worksheets;
  const mergesOk = supportsExcelApi(13);
  const used = [...full].map((name) => {
    const sheet = sheets.getItem(name);
    return {
      name,
      range: sheet.getUsedRangeOrNullObject(true).load("address"),
      merges: mergesOk ? sheet.getRange().getMergedAreasOrNullObject().load("address") : undefined,
    };
  });
  const meta = names.includes(META_SHEET)
    ? sheets.getItem(META_SHEET).getUsedRangeOrNullObject(true).load("address,values,valueTypes,numberFormat")
    : undefined;
  const criteriaKey = foldKey(CRITERIA_SHEET);
  const ranges = queueRanges(
    structure,
    [...full].filter((n) => foldKey(n) !== criteriaKey),
  );
  await context.sync();

  const grids = new Map<string, SheetGrid>(names.map((name) => [name, { name, values: [], formats: [] }]));
  if (meta && !meta.isNullObject) {
    const at = parseAddress(meta.address);
    if (at) place(grids.get(META_SHEET) as SheetGrid, at.range.top, at.range.left, meta);
  }
  // The summary sheet the tool wrote itself is never read by the core: skip its cells (20,000 rows at most).
  const ownSummary = readOwnership(grids.get(META_SHEET))?.summarySheet;
  const slices: Slice[] = [];
  for (const { name, range, merges } of used) {
    const grid = grids.get(name) as SheetGrid;
    if (merges && !merges.isNullObject) grid.merges = parseAreas(merges.address).map((a) => a.range);
    if (range.isNullObject || (name === ownSummary && options.sheet === undefined)) continue;
    const at = parseAddress(range.address);
    if (at) slices.push({ sheet: name, ...at.range });
  }

  // The formulas of the custom conditional formats ride with the first request of cells.
  const details = queueDetails(ranges);
  const requests = readRequests(slices, maxCells);
  if (requests.length === 0 && details.customs.length > 0) requests.push([]);
  for (const request of requests) {
    const loads = request.map((slice) => ({
      slice,
      range: sheets.getItem(slice.sheet).getRange(rangeAddress(slice)).load("values,valueTypes,numberFormat"),
    }));
    await context.sync();
    for (const { slice, range } of loads) {
      place(grids.get(slice.sheet) as SheetGrid, slice.top, slice.left, range);
      // The values are copied into the grid: let Office.js release the proxy and its arrays.
      range.untrack();
    }
  }
  return { grids: names.map((name) => grids.get(name) as SheetGrid), facts: collectFacts(details) };
}

export async function readGrids(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<SheetGrid[]> {
  return (await readWorkbook(context, options)).grids;
}
