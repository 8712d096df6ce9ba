/// <reference types="office-js" />
/**
 * The open workbook → the core's grids (and the facts the writer needs), in a fixed number of syncs:
 * 1. the sheets and the lists of tables and PivotTables (Office.js cannot name a sheet it has not listed);
 * 2. the used range of each sheet, its merged cells (header cells and group cells merged down the
 *    table, which the core reads as Excel shows them), the first 42 rows of each sheet (where the core
 *    looks for the unit table's header), the tool's own sheet "KSTTHC" in full, table and PivotTable ranges;
 * 3. the rest of the cells of the sheets that may hold the unit table (their first rows hold a header, or
 *    the user chose the sheet) and of the criteria sheet only, in requests of about 3 MB of response;
 * 4. on a workbook the tool scored before, the conditional formats over its own highlight (two syncs).
 */
import { UNIT_MAP_SHEET } from "../core/compare/unit-map-sheet";
import { CRITERIA_SHEET } from "../core/criteria-sheet/schema";
import type { CellRange, CellValue, SheetGrid } from "../core/grid";
import { META_SHEET, readOwnership } from "../core/ownership";
import type { ColumnMapping } from "../core/reader/table";
import { HEADER_REGION_ROWS, mayHoldUnitTable } from "../core/table-candidates";
import { cleanText, foldKey } from "../core/text";
import { LAST_ROW, parseAddress, rangeAddress } from "./address";
import { supportsExcelApi } from "./api-support";
import { fromOfficeValue } from "./cell-values";
import { jsonBytes } from "./chunks";
import { mergesOf, queueMerges, readMergesApart } from "./merges";
import { collectFacts, queueRanges, queueStructure, type WorkbookFacts } from "./facts";
import { queueVisibleAreas, readHiddenRows } from "./hidden-rows";
import { readHighlightRules, type HighlightScope } from "./highlight-rules";

/**
 * Bytes of response per read request. Excel on the web refuses a response above 5 MB
 * (ResponsePayloadSizeLimitExceeded, "Resource limits and performance optimization for Office Add-ins");
 * a cell weighs its value, its type and its number format as JSON, from ~30 bytes for a number to
 * kilobytes for a long text, so requests are sized by bytes: by an estimate first, then by what the
 * cells of each sheet actually weighed, and a request refused for its size is read again in halves.
 */
const READ_RESPONSE_BYTES = 3 * 1024 * 1024;
/** The first estimate of a cell's weight in a response: a short text or a number with its format. */
const ESTIMATED_CELL_BYTES = 60;

export interface ReadOptions {
  /** Read this sheet (and the tool's own sheets) only, as the core's `sheet` option. */
  sheet?: string;
  /** The user's column mapping: a header row they name may lie below the rows probed. */
  mapping?: ColumnMapping;
  /** Bytes of response per read request (tests use smaller ones). */
  readResponseBytes?: number;
}

interface WorkbookRead {
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

/** Which sheets the core needs in full: every sheet, or the chosen one, the criteria and the unit mapping. */
function sheetsToRead(names: string[], chosen: string | undefined): Set<string> {
  const own = new Set([CRITERIA_SHEET, UNIT_MAP_SHEET].map(foldKey));
  if (chosen === undefined) return new Set(names.filter((n) => n !== META_SHEET));
  const wanted = cleanText(chosen);
  const exact = names.find((n) => n === wanted);
  const matches = exact !== undefined ? [exact] : names.filter((n) => foldKey(n) === foldKey(wanted));
  return new Set(names.filter((n) => matches.includes(n) || own.has(foldKey(n))));
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

const cellsOf = (slice: Slice) => (slice.bottom - slice.top + 1) * (slice.right - slice.left + 1);

function isTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === "ResponsePayloadSizeLimitExceeded" || code === "PayloadTooLarge";
}

/** A request's slices cut in two halves by rows (a one-row slice by columns), to read them apart. */
function halves(request: Slice[]): Slice[][] {
  if (request.length > 1) {
    const middle = Math.ceil(request.length / 2);
    return [request.slice(0, middle), request.slice(middle)];
  }
  const [slice] = request;
  if (slice.bottom > slice.top) {
    const middle = slice.top + Math.floor((slice.bottom - slice.top) / 2);
    return [[{ ...slice, bottom: middle }], [{ ...slice, top: middle + 1 }]];
  }
  if (slice.right > slice.left) {
    const middle = slice.left + Math.floor((slice.right - slice.left) / 2);
    return [[{ ...slice, right: middle }], [{ ...slice, left: middle + 1 }]];
  }
  return [];
}

/**
 * Reads the slices one request at a time, each of about `budget` bytes by the heaviest cell weight seen
 * so far; a request Excel refuses for its size is split and read again.
 */
async function readCells(
  context: Excel.RequestContext,
  slices: Slice[],
  budget: number,
  placeLoaded: (slice: Slice, range: Loaded) => void,
): Promise<void> {
  let cellBytes = ESTIMATED_CELL_BYTES;
  let pending = readRequests(slices, Math.max(1, Math.floor(budget / cellBytes)));
  const sheets = context.workbook.worksheets;
  while (pending.length > 0) {
    const request = pending.shift() as Slice[];
    const loads = request.map((slice) => ({
      slice,
      range: sheets.getItem(slice.sheet).getRange(rangeAddress(slice)).load("values,valueTypes,numberFormat"),
    }));
    try {
      await context.sync();
    } catch (error) {
      const parts = isTooLarge(error) ? halves(request) : [];
      if (parts.length === 0) throw error;
      pending = [...parts, ...pending];
      continue;
    }
    let bytes = 0;
    for (const { slice, range } of loads) {
      bytes += jsonBytes(range.values) + jsonBytes(range.valueTypes) + jsonBytes(range.numberFormat);
      placeLoaded(slice, range);
      // The values are copied into the grid: let Office.js release the proxy and its arrays.
      range.untrack();
    }
    const weight =
      bytes /
      Math.max(
        1,
        request.reduce((sum, slice) => sum + cellsOf(slice), 0),
      );
    if (weight > cellBytes && pending.length > 0) {
      // Heavier than estimated: the rest is packed again by what these cells weighed.
      cellBytes = weight;
      pending = readRequests(pending.flat(), Math.max(1, Math.floor(budget / cellBytes)));
    }
  }
}

/**
 * Sheets read in full whatever their first rows hold: the one the user chose, the criteria sheet and the
 * user's mapping of renamed and merged units (longer than the rows probed after the 2025 mergers).
 */
function alwaysRead(full: Set<string>, chosen: string | undefined): Set<string> {
  if (chosen !== undefined) return new Set(full);
  const own = new Set([CRITERIA_SHEET, UNIT_MAP_SHEET].map(foldKey));
  return new Set([...full].filter((n) => own.has(foldKey(n))));
}

export async function readWorkbook(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<WorkbookRead> {
  const budget = options.readResponseBytes ?? READ_RESPONSE_BYTES;
  const structure = queueStructure(context);
  await context.sync();

  const names = structure.worksheets.items.map((s) => s.name);
  const full = sheetsToRead(names, options.sheet);
  const always = alwaysRead(full, options.sheet);
  // The other sheets are probed first: their header region, and the rest only if it holds a header.
  const probed = [...full].filter((n) => !always.has(n));
  const sheets = context.workbook.worksheets;
  const mergesOk = supportsExcelApi(13);
  const queueUsed = (withExtras: boolean) => {
    const used = [...full].map((name) => ({
      name,
      range: sheets.getItem(name).getUsedRangeOrNullObject(true).load("address,rowHidden"),
      merges: withExtras && mergesOk ? queueMerges(context, name, 0, LAST_ROW) : undefined,
    }));
    const regions = withExtras
      ? probed.map((name) => ({
          name,
          range: sheets
            .getItem(name)
            .getRange(`1:${HEADER_REGION_ROWS}`)
            .getUsedRangeOrNullObject(true)
            .load("address,values,valueTypes,numberFormat"),
        }))
      : [];
    const meta = names.includes(META_SHEET)
      ? sheets
          .getItem(META_SHEET)
          .getUsedRangeOrNullObject(true)
          .load("address,values,valueTypes,numberFormat")
      : undefined;
    return { used, regions, meta, ranges: queueRanges(structure) };
  };
  let stage = queueUsed(true);
  let extrasRefused = false;
  try {
    await context.sync();
  } catch {
    // More than 512 merged areas on a sheet, or header regions too heavy for one response, fail the
    // whole request: again without them (which rethrows any other failure), then each apart.
    extrasRefused = true;
    stage = queueUsed(false);
    await context.sync();
  }
  const { used, regions, meta, ranges } = stage;
  const usedAt = new Map(
    used.map(({ name, range }) => [
      name,
      range.isNullObject ? undefined : parseAddress(range.address)?.range,
    ]),
  );
  const mergesApart = new Map<string, CellRange[]>();
  if (extrasRefused && mergesOk) {
    for (const name of full) {
      // Merges of empty cells lie outside the used range of values: the header region's count all the same.
      const bottom = Math.max(usedAt.get(name)?.bottom ?? 0, HEADER_REGION_ROWS - 1);
      mergesApart.set(name, await readMergesApart(context, name, 0, bottom));
    }
  }

  const grids = new Map<string, SheetGrid>(names.map((name) => [name, { name, values: [], formats: [] }]));
  // The sheets the user does not see, so that the core can say where the units stand.
  for (const sheet of structure.worksheets.items) {
    const grid = grids.get(sheet.name);
    if (grid && sheet.visibility === "Hidden") grid.state = "hidden";
    if (grid && sheet.visibility === "VeryHidden") grid.state = "veryHidden";
  }
  const gridOf = (name: string) => grids.get(name) as SheetGrid;
  if (meta && !meta.isNullObject) {
    const at = parseAddress(meta.address);
    if (at) place(gridOf(META_SHEET), at.range.top, at.range.left, meta);
  }
  for (const { name, range } of regions) {
    const at = range.isNullObject ? undefined : parseAddress(range.address);
    if (at) place(gridOf(name), at.range.top, at.range.left, range);
    range.untrack();
  }
  if (extrasRefused) {
    const regionSlices = probed.flatMap((name): Slice[] => {
      const at = usedAt.get(name);
      if (!at || at.top >= HEADER_REGION_ROWS) return [];
      return [{ sheet: name, ...at, bottom: Math.min(at.bottom, HEADER_REGION_ROWS - 1) }];
    });
    await readCells(context, regionSlices, budget, (slice, range) =>
      place(gridOf(slice.sheet), slice.top, slice.left, range),
    );
  }

  // The summary sheet the tool wrote itself is never read by the core: skip its cells (20,000 rows at most).
  const ownership = readOwnership(grids.get(META_SHEET));
  const ownSummary = options.sheet === undefined ? ownership?.summarySheet : undefined;
  if (ownSummary !== undefined && grids.has(ownSummary))
    grids.set(ownSummary, { name: ownSummary, values: [], formats: [] });
  // The rest of a probed sheet is read only when its header region may hold the unit table; when none
  // does, every sheet is read, so that the core can say why (a header further down, say).
  const others = probed.filter((name) => name !== ownSummary);
  const holding = others.filter((name) => mayHoldUnitTable(gridOf(name), options.mapping));
  const rest = new Set([...always, ...(holding.length > 0 ? holding : others)]);
  const slices: Slice[] = [];
  for (const { name, merges } of used) {
    const grid = gridOf(name);
    const merged = merges ? mergesOf(merges) : mergesApart.get(name);
    if (merged && merged.length > 0) grid.merges = merged;
    const at = usedAt.get(name);
    if (!at || !rest.has(name)) continue;
    // A probed sheet's header region is in the grid already.
    const top = always.has(name) ? at.top : Math.max(at.top, HEADER_REGION_ROWS);
    if (top <= at.bottom) slices.push({ sheet: name, ...at, top });
  }

  await readCells(context, slices, budget, (slice, range) =>
    place(gridOf(slice.sheet), slice.top, slice.left, range),
  );

  // Units in hidden or filtered rows are scored, and the core says so: a request only when there are some.
  const hiddenQueries = used.flatMap(({ name, range }) => {
    const at = usedAt.get(name);
    const query = at && rest.has(name) && queueVisibleAreas(context, name, at, range.rowHidden);
    return query ? [query] : [];
  });
  for (const [sheet, hidden] of await readHiddenRows(context, hiddenQueries)) {
    if (hidden) gridOf(sheet).hiddenRows = hidden;
    else gridOf(sheet).hiddenRowsUnknown = true;
  }

  // The rules over the tool's own highlight only, in requests of their own (see highlight-rules.ts).
  const highlights: HighlightScope[] =
    ownership?.highlightRange && ownership.highlightFormula && names.includes(ownership.dataSheet)
      ? [{ sheet: ownership.dataSheet, range: ownership.highlightRange }]
      : [];
  const customFormats = await readHighlightRules(context, highlights);
  return {
    grids: names.map(gridOf),
    facts: collectFacts(ranges, customFormats),
  };
}

export async function readGrids(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<SheetGrid[]> {
  return (await readWorkbook(context, options)).grids;
}
