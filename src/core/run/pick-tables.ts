/**
 * Step "pick table": the unit tables of a run (a portal export's sheets of units, or the one table the
 * reader finds), with the column mapping in force: the user's, else the one an earlier run kept.
 */
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "../criteria";
import { cellAt, cellText, type SheetGrid } from "../grid";
import { ownedColumns, ownedSheetNames, type Ownership } from "../ownership";
import { OUTPUT_HEADER_PREFIX } from "../plan/output-columns";
import { parseMapping } from "../reader/mapping";
import type { ColumnMapping, KnownHeader } from "../reader/table";
import { readUnitTable, type ReadOptions, type UnitTable } from "../reader/units";
import { isPortalExport } from "../sources/portal-766";
import { portalUnitTables } from "../sources/portal-table";
import type { Source } from "../sources/types";
import { foldKey } from "../text";
import type { RunOptions } from "./types";
import type { YearChoice } from "./year-choice";

export interface PickedTables {
  parts: UnitTable[];
  /** The workbook itself as a source, when it is a portal export. */
  own?: Source;
  mapping?: ColumnMapping;
}

/** The inputs criteria read besides the 766 score and the one-stop rate: columns named by header. */
export function customInputsOf(criteria: Criterion[]): string[] {
  return criteria
    .map((c) => c.input)
    .filter((input) => input !== INPUT_SCORE_766 && input !== INPUT_ONE_STOP_RATE);
}

/**
 * The header rows each sheet's record names, when the tool's own header still stands at the top of its
 * output range there (rows inserted above since would have moved it: then the header is looked for).
 */
export function recordedHeaders(
  grids: SheetGrid[],
  ownership: Ownership | undefined,
): Record<string, KnownHeader> {
  const known: Record<string, KnownHeader> = {};
  for (const sheet of ownership ? [ownership, ...(ownership.more ?? [])] : []) {
    const { headerRows, outputRange } = sheet;
    const grid = grids.find((g) => g.name === sheet.dataSheet);
    if (!grid || !headerRows || !outputRange || outputRange.top !== headerRows.top) continue;
    const first = cellText(cellAt(grid, headerRows.top, outputRange.left)).trim();
    if (first.startsWith(OUTPUT_HEADER_PREFIX)) known[sheet.dataSheet] = headerRows;
  }
  return known;
}

/** The unit tables: a portal export's sheets of units, or the one table the reader finds. */
function readParts(
  grids: SheetGrid[],
  options: RunOptions,
  read: ReadOptions,
): Omit<PickedTables, "mapping"> {
  const own = new Set((read.ownSheets ?? []).map(foldKey));
  const candidates = grids.filter((g) => !own.has(foldKey(g.name)));
  const chosen =
    read.sheet === undefined
      ? candidates
      : candidates.filter((g) => foldKey(g.name) === foldKey(read.sheet as string));
  if (!read.mapping && chosen.length > 0 && isPortalExport(chosen)) {
    const portal = portalUnitTables(
      candidates,
      options.fileName ?? "tệp đang tính điểm",
      { ...options.sourceSettings, sheet: read.sheet },
      read.customInputs ?? [],
    );
    return { parts: portal.parts, own: portal.source };
  }
  return { parts: [readUnitTable(grids, read)] };
}

export function pickTables(
  grids: SheetGrid[],
  options: RunOptions,
  ownership: Ownership | undefined,
  criteria: Criterion[],
  year: { year: number | null; found: YearChoice },
): PickedTables {
  const kept = ownership?.mapping ? parseMapping(ownership.mapping) : undefined;
  const mapping = options.mapping ?? (typeof kept === "object" ? kept : undefined);
  const read = readParts(grids, options, {
    sheet: options.sheet ?? (mapping && ownership ? ownership.dataSheet : undefined),
    mapping,
    // The year given or found picks, of several 766 columns, the one naming it; not a year read from
    // those very headers, which would silently take the latest column (the reader refuses instead).
    year: year.found.fromHeader ? undefined : (year.year ?? undefined),
    customInputs: customInputsOf(criteria),
    ownedColumns: ownedColumns(ownership),
    ownSheets: ownedSheetNames(ownership),
    knownHeaders: recordedHeaders(grids, ownership),
  });
  return { ...read, mapping };
}
