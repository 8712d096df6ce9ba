/// <reference types="office-js" />
/**
 * What the adapter must know about the workbook before writing: sheet protection, tables and
 * PivotTables with their ranges, and the custom-formula conditional formats over the tool's own highlight
 * (highlight-rules.ts). Loaded in stages because Office.js needs one sync to learn which objects exist
 * before it can ask for their ranges; each stage only queues loads, the caller syncs, so that the
 * stages share their syncs with the reading of the cells.
 */
import type { CellRange } from "../core/grid";
import { parseAddress } from "./address";
import type { CustomFormatFacts } from "./custom-format-facts";
import { readHighlightRules, type HighlightScope } from "./highlight-rules";

import type { PivotFacts, PlanFacts, SheetFacts, TableFacts } from "../core/plan/preflight";

export type { CustomFormatFacts, PivotFacts, SheetFacts, TableFacts };

export interface WorkbookFacts extends PlanFacts {
  customFormats: CustomFormatFacts[];
}

/** Stage 1: the sheets, the workbook's protection and the lists of tables and PivotTables. */
interface StructureLoad {
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

function sheetFacts(structure: StructureLoad): SheetFacts[] {
  return structure.worksheets.items.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visibility === "Visible",
    protected: sheet.protection.protected,
  }));
}

/** Stage 2: the ranges of tables and PivotTables. */
interface RangesLoad {
  structure: StructureLoad;
  tableRanges: Excel.Range[];
  pivotRanges: Excel.Range[];
}

export function queueRanges(structure: StructureLoad): RangesLoad {
  const tableRanges = structure.tables.items.map((table) => table.getRange().load("address"));
  const pivotRanges = structure.pivotTables.items.map((pivot) => pivot.layout.getRange().load("address"));
  return { structure, tableRanges, pivotRanges };
}

function located(address: string): { sheet: string; range: CellRange } | undefined {
  const parsed = parseAddress(address);
  return parsed?.sheet !== undefined ? { sheet: parsed.sheet, range: parsed.range } : undefined;
}

export function collectFacts(ranges: RangesLoad, customFormats: CustomFormatFacts[]): WorkbookFacts {
  const { structure, tableRanges, pivotRanges } = ranges;
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
    customFormats,
  };
}

/**
 * The facts on their own, for writing a plan outside the reading run (a preview shown first): two syncs,
 * and the tool's own highlight rules in requests of their own when there are some to replace.
 */
export async function inspectWorkbook(
  context: Excel.RequestContext,
  highlights: HighlightScope[],
): Promise<WorkbookFacts> {
  const structure = queueStructure(context);
  await context.sync();
  const present = new Set(structure.worksheets.items.map((s) => s.name));
  const ranges = queueRanges(structure);
  if (ranges.tableRanges.length + ranges.pivotRanges.length > 0) await context.sync();
  const customFormats = await readHighlightRules(
    context,
    highlights.filter((h) => present.has(h.sheet)),
  );
  return collectFacts(ranges, customFormats);
}
