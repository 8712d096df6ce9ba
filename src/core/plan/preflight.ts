/**
 * Checks, before anything is written, that Excel will accept every write of the plan: no protected
 * sheet, no table or PivotTable in the way. Decides too whether the output columns join the user's
 * Excel table (see `TableJoin`). Shared by the adapters: the Excel adapter learns the facts through
 * Office.js (src/excel/facts.ts), the file adapter from the package's parts.
 */
import { cellText, overlaps, rangeAddress, type CellRange } from "../grid";
import { isFormulaCell, type SheetPlan, type WritePlan } from "./types";

export interface SheetFacts {
  name: string;
  visible: boolean;
  protected: boolean;
}

export interface TableFacts {
  name: string;
  sheet: string;
  range: CellRange;
  showHeaders: boolean;
}

export interface PivotFacts {
  name: string;
  sheet: string;
  range: CellRange;
}

/** What the preflight needs to know of the workbook. */
export interface PlanFacts {
  sheets: SheetFacts[];
  /** Protect Workbook (structure): no sheet can be added or deleted. */
  structureProtected: boolean;
  tables: TableFacts[];
  pivotTables: PivotFacts[];
}

/**
 * The unit table is an Excel table (ListObject) and the output columns start right of it, on its header
 * row: the table is widened over them, so that its filters, sorting and banding cover the scores too and
 * a later row added to the table keeps its scores beside it. Only the columns grow: the units are the
 * table's rows. An Excel table cannot hold merged cells, so merges inside its new range are left out.
 */
export interface TableJoin {
  sheet: string;
  table: string;
  before: CellRange;
  after: CellRange;
  /** The headers of the columns the table gains, left to right. */
  added: string[];
}

interface Preflight {
  problems: string[];
  join?: TableJoin;
}

/** The rectangle of everything the plan writes on an updated sheet (its blocks). */
function outputArea(plan: SheetPlan): CellRange | undefined {
  if (plan.blocks.length === 0) return undefined;
  let area: CellRange | undefined;
  for (const b of plan.blocks) {
    const bottom = b.top + b.values.length - 1;
    const right = b.left + Math.max(1, ...b.values.map((line) => line.length)) - 1;
    area = area
      ? {
          top: Math.min(area.top, b.top),
          left: Math.min(area.left, b.left),
          bottom: Math.max(area.bottom, bottom),
          right: Math.max(area.right, right),
        }
      : { top: b.top, left: b.left, bottom, right };
  }
  return area;
}

/** Every rectangle the plan changes on an updated sheet. */
function touched(plan: SheetPlan): CellRange[] {
  return [
    ...plan.clear,
    ...plan.blocks.map((b) => ({
      top: b.top,
      left: b.left,
      bottom: b.top + b.values.length - 1,
      right: b.left + Math.max(1, ...b.values.map((line) => line.length)) - 1,
    })),
    ...plan.merges,
  ];
}

function headerAt(plan: SheetPlan, row: number, col: number): string {
  for (const b of plan.blocks) {
    const value = b.values[row - b.top]?.[col - b.left];
    if (value !== undefined) return cellText(isFormulaCell(value) ? value.result : value);
  }
  return "";
}

function joinOf(plan: SheetPlan, table: TableFacts, area: CellRange): TableJoin | undefined {
  const t = table.range;
  const joinable = table.showHeaders && t.top === area.top && t.left < area.left && area.left <= t.right + 1;
  if (!joinable) return undefined;
  const after = { ...t, right: Math.max(t.right, area.right) };
  const added: string[] = [];
  for (let col = t.right + 1; col <= after.right; col++) added.push(headerAt(plan, area.top, col));
  return { sheet: table.sheet, table: table.name, before: t, after, added };
}

const quoted = (name: string) => `“${name}”`;

/**
 * `canResizeTables`: the host has Table.resize (ExcelApi 1.13). Without it the output stays beside the
 * table as plain cells: the older way, TableColumnCollection.add, inserts cells in the table's rows and
 * shifts every cell right of the table along them (as "Insert Table Columns to the Right" does), which
 * would move the user's own cells out of their columns.
 */
export function checkPlan(plan: WritePlan, facts: PlanFacts, canResizeTables = true): Preflight {
  const problems: string[] = [];
  let join: TableJoin | undefined;
  // Only adding a sheet changes the structure: a tool's sheet that exists is rewritten in place.
  const created = plan.sheets
    .filter((s) => s.mode === "create" && !facts.sheets.some((f) => f.name === s.name))
    .map((s) => s.name);
  if (facts.structureProtected && created.length > 0) {
    problems.push(
      `Sổ tính đang được bảo vệ cấu trúc (Bảo vệ Sổ làm việc – Protect Workbook) nên không thêm được trang ${created.map(quoted).join(", ")}: hãy bỏ bảo vệ sổ tính.`,
    );
  }
  for (const sheetPlan of plan.sheets) {
    const sheet = facts.sheets.find((s) => s.name === sheetPlan.name);
    if (!sheet) {
      if (sheetPlan.mode === "update")
        problems.push(`Không còn trang ${quoted(sheetPlan.name)} để ghi kết quả.`);
      continue;
    }
    if (sheet.protected) {
      problems.push(
        `Trang ${quoted(sheet.name)} đang được bảo vệ (Bảo vệ Trang tính – Protect Sheet) nên không ${
          sheetPlan.mode === "update" ? "ghi kết quả vào" : "thay"
        } được: hãy bỏ bảo vệ trang.`,
      );
    }
    if (sheetPlan.mode !== "update") continue;
    const area = outputArea(sheetPlan);
    const rects = touched(sheetPlan);
    const hits = (range: CellRange) => rects.some((r) => overlaps(r, range));
    for (const table of facts.tables.filter((t) => t.sheet === sheet.name)) {
      const joined = !join && area && canResizeTables ? joinOf(sheetPlan, table, area) : undefined;
      if (joined) {
        join = joined;
        continue;
      }
      if (!hits(table.range)) continue;
      problems.push(
        `Bảng ${quoted(table.name)} ở trang ${quoted(sheet.name)} (vùng ${rangeAddress(table.range)}) nằm trong vùng kết quả${
          area ? ` ${rangeAddress(area)}` : ""
        }: hãy chuyển bảng thành vùng thường (Chuyển đổi thành Dải ô – Convert to Range) hoặc dời bảng đi chỗ khác.`,
      );
    }
    for (const pivot of facts.pivotTables.filter((p) => p.sheet === sheet.name)) {
      if (!hits(pivot.range)) continue;
      problems.push(
        `PivotTable ${quoted(pivot.name)} ở trang ${quoted(sheet.name)} (vùng ${rangeAddress(pivot.range)}) nằm trong vùng kết quả${
          area ? ` ${rangeAddress(area)}` : ""
        }: hãy dời PivotTable sang chỗ khác.`,
      );
    }
  }
  return { problems: problems.map((p) => p.normalize("NFC")), join };
}
