/// <reference types="office-js" />
/**
 * What the adapter must know about the workbook before writing: sheet protection, tables and
 * PivotTables with their ranges, and the custom-formula conditional formats (to find the tool's
 * own highlight). Loaded in stages because Office.js needs one sync to learn which objects exist
 * before it can ask for their ranges; each stage only queues loads, the caller syncs, so that the
 * stages share their syncs with the reading of the cells.
 */
import type { CellRange } from "../core/grid";
import { parseAddress, parseAreas, rangeAddress } from "./address";

import type { PivotFacts, PlanFacts, SheetFacts, TableFacts } from "../core/plan/preflight";

export type { PivotFacts, SheetFacts, TableFacts };

/** A conditional format with a custom formula, as Office.js reports it. */
export interface CustomFormatFacts {
  sheet: string;
  id: string;
  /** The A1 address of its range(s) without the sheet: "A9:P60". */
  address: string;
  /** Without the leading "=" that Office.js puts before it. */
  formula: string;
}

export interface WorkbookFacts extends PlanFacts {
  customFormats: CustomFormatFacts[];
}

/** Stage 1: the sheets, the workbook's protection and the lists of tables and PivotTables. */
export interface StructureLoad {
  worksheets: Excel.WorksheetCollection;
  protection: Excel.WorkbookProtection;
  tables: Excel.TableCollection;
  pivotTables: Excel.PivotTableCollection;
}

export function queueStructure(context: Excel.RequestContext): StructureLoad {
  const { workbook } = context;
  const worksheets = workbook.worksheets.load("items/name,items/visibility,items/protection/protected");
  const protection = workbook.protection.load("protected");
  const tables = workbook.tables.load("items/name,items/showHeaders");
  const pivotTables = workbook.pivotTables.load("items/name");
  return { worksheets, protection, tables, pivotTables };
}

export function sheetFacts(structure: StructureLoad): SheetFacts[] {
  return structure.worksheets.items.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visibility === "Visible",
    protected: sheet.protection.protected,
  }));
}

/** Stage 2: the ranges of tables and PivotTables, and the conditional formats of some sheets. */
export interface RangesLoad {
  structure: StructureLoad;
  tableRanges: Excel.Range[];
  pivotRanges: Excel.Range[];
  formats: { sheet: string; collection: Excel.ConditionalFormatCollection }[];
}

export function queueRanges(structure: StructureLoad, formatSheets: string[]): RangesLoad {
  const tableRanges = structure.tables.items.map((table) => table.getRange().load("address"));
  const pivotRanges = structure.pivotTables.items.map((pivot) => pivot.layout.getRange().load("address"));
  const formats = formatSheets.map((sheet) => ({
    sheet,
    // The sheet's whole grid: the collection then holds every conditional format of the sheet.
    collection: structure.worksheets.getItem(sheet).getRange().conditionalFormats.load("items/id,items/type"),
  }));
  return { structure, tableRanges, pivotRanges, formats };
}

/** Stage 3: the formula and range of each custom conditional format found in stage 2. */
export interface DetailsLoad {
  ranges: RangesLoad;
  customs: { sheet: string; id: string; rule: Excel.ConditionalFormatRule; areas: Excel.RangeAreas }[];
}

export function queueDetails(ranges: RangesLoad): DetailsLoad {
  const customs: DetailsLoad["customs"] = [];
  for (const { sheet, collection } of ranges.formats) {
    for (const format of collection.items) {
      if (format.type !== "Custom") continue;
      customs.push({
        sheet,
        id: format.id,
        rule: format.custom.rule.load("formula"),
        areas: format.getRanges().load("address"),
      });
    }
  }
  return { ranges, customs };
}

/** The A1 part of an Office.js address: "'Theo dõi 2023'!$A$9:$P$60" → "A9:P60"; areas joined by ",". */
function withoutSheet(address: string): string {
  return parseAreas(address)
    .map((area) => rangeAddress(area.range))
    .join(",");
}

function located(address: string): { sheet: string; range: CellRange } | undefined {
  const parsed = parseAddress(address);
  return parsed?.sheet !== undefined ? { sheet: parsed.sheet, range: parsed.range } : undefined;
}

export function collectFacts(details: DetailsLoad): WorkbookFacts {
  const { structure, tableRanges, pivotRanges } = details.ranges;
  const tables: TableFacts[] = [];
  structure.tables.items.forEach((table, i) => {
    const where = located(tableRanges[i].address);
    if (where) tables.push({ name: table.name, showHeaders: table.showHeaders, ...where });
  });
  const pivotTables: PivotFacts[] = [];
  structure.pivotTables.items.forEach((pivot, i) => {
    const where = located(pivotRanges[i].address);
    if (where) pivotTables.push({ name: pivot.name, ...where });
  });
  return {
    sheets: sheetFacts(structure),
    structureProtected: structure.protection.protected,
    tables,
    pivotTables,
    customFormats: details.customs.map(({ sheet, id, rule, areas }) => ({
      sheet,
      id,
      address: withoutSheet(areas.address),
      formula: rule.formula.replace(/^=/, ""),
    })),
  };
}

/**
 * The facts on their own, for writing a plan outside the reading run (a preview shown first):
 * two or three syncs, the third only when a sheet has custom conditional formats.
 */
export async function inspectWorkbook(
  context: Excel.RequestContext,
  formatSheets: string[],
): Promise<WorkbookFacts> {
  const structure = queueStructure(context);
  await context.sync();
  const present = new Set(structure.worksheets.items.map((s) => s.name));
  const ranges = queueRanges(
    structure,
    formatSheets.filter((name) => present.has(name)),
  );
  if (ranges.tableRanges.length + ranges.pivotRanges.length + ranges.formats.length > 0) await context.sync();
  const details = queueDetails(ranges);
  if (details.customs.length > 0) await context.sync();
  return collectFacts(details);
}
