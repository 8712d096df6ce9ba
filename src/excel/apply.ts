/// <reference types="office-js" />
/**
 * Applies the core's write plan to the open workbook, with the same result as the file adapter
 * (src/xlsx/package): same cells, number formats, merges, widths, highlight and page setup.
 *
 * The writes go in three phases, packed into as few requests as Excel's payload limit allows (one
 * request up to ~10,000 units, ~7,000 in the formulas mode): (A) the tool's sheets made or emptied in
 * place, the tool's old
 * highlight and output removed, the cells about to be written reset to the Normal style; (B) values,
 * formulas (the formulas mode), then their number formats, in row chunks; (C) the other formats per
 * column range, merges, widths, heights, the highlight rule, page setup and the table join.
 */
import { rangeAddress, type CellRange } from "../core/grid";
import {
  isFormulaCell,
  type Block,
  type CellStyle,
  type PageSetup,
  type SheetPlan,
  type WritePlan,
} from "../core/plan/types";
import { columnsAddress, overlaps, rowsAddress } from "./address";
import { supportsExcelApi } from "./api-support";
import { toOfficeValue } from "./cell-values";
import { chartSteps } from "./charts";
import { jsonBytes, packRequests, TARGET_REQUEST_BYTES, yieldToHost, type WriteStep } from "./chunks";
import { WriteBlockedError, WriteFailedError } from "./errors";
import { inspectWorkbook, type CustomFormatFacts, type WorkbookFacts } from "./facts";
import { checkPlan, type TableJoin } from "../core/plan/preflight";
import { fitWidthScale } from "./print-scale";
import { columnWidthPoints, formatBytes, marginPoints, queueFormat } from "./styles";

interface ApplyOptions {
  /**
   * What readWorkbook learnt in the same Excel.run. Without it (a plan previewed in an earlier run)
   * the adapter inspects the workbook first, in two or three more syncs.
   */
  facts?: WorkbookFacts;
  /** Bytes packed into one request (tests use smaller ones). */
  requestBytes?: number;
}

interface ApplyReport {
  /** Write requests sent, one context.sync() each. */
  requests: number;
  /** What was written, in Vietnamese, in order. */
  written: string[];
  join?: TableJoin;
}

/** A small fixed cost per operation besides its data, for the packing estimate. */
const OPERATION_BYTES = 200;

type Context = Excel.RequestContext;

const on = (name: string) => `trang “${name}”`;

function sheetOf(context: Context, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

function blockRange(block: Block, width: number, from = 0, to = block.values.length - 1): CellRange {
  return { top: block.top + from, left: block.left, bottom: block.top + to, right: block.left + width - 1 };
}

function blockWidth(block: Block): number {
  return Math.max(1, ...block.values.map((line) => line.length));
}

/** The style of each column of a block. */
function columnStyles(block: Block, width: number): (string | undefined)[] {
  return Array.from({ length: width }, (_, c) => block.columnStyles?.[c] ?? block.style);
}

/**
 * The tool's earlier highlight rules on an updated sheet: those with the range and formula it recorded.
 * A rule's id is its priority in its collection and the rules below it move up when it is deleted
 * (OfficeDev/office-js#5222), so they are deleted from the lowest priority (highest id) up, in one
 * request: every id is then still the one read.
 */
function oldHighlights(plan: SheetPlan, facts: WorkbookFacts): CustomFormatFacts[] {
  const wanted = new Set(plan.removeHighlights.map((h) => `${rangeAddress(h.range)}|${h.formula}`));
  return facts.customFormats
    .filter((f) => f.sheet === plan.name && wanted.has(`${f.address}|${f.formula}`))
    .sort((a, b) => (a.scope === b.scope ? Number(b.id) - Number(a.id) : a.scope < b.scope ? -1 : 1));
}

/**
 * A tool's sheet that exists is emptied where it stands, never deleted: Excel rewrites every formula
 * pointing at a deleted sheet with #REF! and a new sheet of the same name does not mend it, so the
 * formulas mode's references ('Tiêu chí'!$A$3:$L$n) and the user's would break for good. Emptied: the
 * used range's contents and formats (Range.clear "All"), the sheet's merges, the conditional formats
 * (ConditionalFormatCollection.clearAll, ExcelApi 1.6), row heights and column widths back to the
 * sheet's standard (RangeFormat.useStandardHeight/Width, ExcelApi 1.7), manual page breaks
 * (PageBreakCollection.removePageBreaks, ExcelApi 1.9) and the charts read before (`charts`).
 */
function emptySheetSteps(
  context: Context,
  plan: SheetPlan,
  visible: boolean | undefined,
  charts: string[],
): WriteStep {
  return {
    kind: "atomic",
    label: `đã xóa nội dung cũ ${on(plan.name)}`,
    bytes: OPERATION_BYTES * (6 + charts.length),
    queue: () => {
      const sheet = sheetOf(context, plan.name);
      for (const chart of charts) sheet.charts.getItem(chart).delete();
      const whole = sheet.getRange();
      whole.conditionalFormats.clearAll();
      // A merged area without content or format lies outside the used range.
      whole.unmerge();
      sheet.getUsedRange().clear("All");
      whole.format.useStandardHeight = true;
      whole.format.useStandardWidth = true;
      sheet.horizontalPageBreaks.removePageBreaks();
      if (visible !== undefined && visible === Boolean(plan.hidden))
        sheet.visibility = plan.hidden ? "Hidden" : "Visible";
    },
  };
}

/** Phase A for one sheet: make it or empty it, or clear what the tool wrote there before. */
function structureSteps(
  context: Context,
  plan: SheetPlan,
  facts: WorkbookFacts,
  charts: Map<string, string[]>,
): WriteStep[] {
  const steps: WriteStep[] = [];
  const atomic = (label: string, queue: () => void, bytes = OPERATION_BYTES) =>
    steps.push({ kind: "atomic", label, bytes, queue });
  if (plan.mode === "create") {
    const existing = facts.sheets.find((s) => s.name === plan.name);
    if (existing) {
      // Hiding or showing a sheet is a change of structure, which Protect Workbook forbids.
      const visible = facts.structureProtected ? undefined : existing.visible;
      steps.push(emptySheetSteps(context, plan, visible, charts.get(plan.name) ?? []));
      return steps;
    }
    atomic(`đã tạo ${on(plan.name)}`, () => {
      const sheet = context.workbook.worksheets.add(plan.name);
      if (plan.hidden) sheet.visibility = "Hidden";
    });
    return steps;
  }
  // The old highlight goes before the old output is cleared: clearing formats may cut a rule's range.
  const old = oldHighlights(plan, facts);
  if (old.length > 0) {
    atomic(`đã xóa tô màu cũ ở ${on(plan.name)}`, () => {
      for (const format of old) {
        const collection = sheetOf(context, plan.name).getRange(format.scope).conditionalFormats;
        collection.getItem(format.id).delete();
      }
    });
  }
  for (const range of plan.clear) {
    atomic(`đã xóa kết quả cũ ${rangeAddress(range)} ở ${on(plan.name)}`, () => {
      const target = sheetOf(context, plan.name).getRange(rangeAddress(range));
      target.unmerge();
      target.clear("All");
    });
  }
  // ExcelJS replaces a written cell's whole style: reset the cells to Normal, then set the style's formats.
  for (const block of plan.blocks) {
    const address = rangeAddress(blockRange(block, blockWidth(block)));
    atomic(
      `định dạng ở ${on(plan.name)}`,
      () => (sheetOf(context, plan.name).getRange(address).style = "Normal"),
    );
  }
  return steps;
}

/** Columns of a block holding a formula in some row, as runs [from, to] (0-based within the block). */
function formulaRuns(block: Block, width: number): [number, number][] {
  const columns = Array.from({ length: width }, (_, c) => ({
    at: c,
    value: block.values.some((line) => isFormulaCell(line[c])),
  }));
  return runs(columns)
    .filter(([, , hasFormula]) => hasFormula)
    .map(([from, to]) => [from, to]);
}

/**
 * Phase B for one block: values, then formulas, then number formats, row by row so that big blocks can
 * be split. Formula cells are skipped (null) by the values and written through `formulas`, in en-US
 * syntax; the number formats come last, over any format Excel gives a formula cell by itself.
 */
function valueSteps(
  context: Context,
  plan: SheetPlan,
  block: Block,
  styles: Record<string, CellStyle>,
): WriteStep {
  const width = blockWidth(block);
  const formats = columnStyles(block, width).map((name) => (name ? styles[name]?.numberFormat : undefined));
  const formatRow = formats.some((f) => f !== undefined) ? formats.map((f) => f ?? "General") : undefined;
  const rows = block.values.map((line) =>
    Array.from({ length: width }, (_, c) => {
      const value = line[c] ?? null;
      return isFormulaCell(value) ? null : toOfficeValue(value);
    }),
  );
  // Each row's formulas over a run: the formula text, null elsewhere (null leaves a cell as it is).
  const formulaBlocks = formulaRuns(block, width).map(([from, to]) => ({
    from,
    to,
    rows: block.values.map((line) =>
      Array.from({ length: to - from + 1 }, (_, i) => {
        const value = line[from + i];
        return isFormulaCell(value) ? value.formula : null;
      }),
    ),
  }));
  const formatBytesPerRow = formatRow ? jsonBytes(formatRow) : 0;
  const label = (from: number, to: number) =>
    plan.mode === "create"
      ? `nội dung ${on(plan.name)}`
      : `giá trị ${rangeAddress(blockRange(block, width, from, to))} ở ${on(plan.name)}`;
  return {
    kind: "rows",
    label,
    // A row of each array, and the comma after it in the request's JSON.
    rowBytes: rows.map(
      (row, i) =>
        jsonBytes(row) +
        1 +
        (formatRow ? formatBytesPerRow + 1 : 0) +
        formulaBlocks.reduce((sum, f) => sum + jsonBytes(f.rows[i]) + 1, 0) +
        (i === 0 ? OPERATION_BYTES * (1 + formulaBlocks.length) : 0),
    ),
    queue: (from, to) => {
      const sheet = sheetOf(context, plan.name);
      const range = sheet.getRange(rangeAddress(blockRange(block, width, from, to)));
      range.values = rows.slice(from, to + 1);
      for (const formulas of formulaBlocks) {
        const part = sheet.getRange(
          rangeAddress({
            top: block.top + from,
            bottom: block.top + to,
            left: block.left + formulas.from,
            right: block.left + formulas.to,
          }),
        );
        part.formulas = formulas.rows.slice(from, to + 1);
        part.untrack();
      }
      if (formatRow) range.numberFormat = rows.slice(from, to + 1).map(() => formatRow);
      // Queued: Office.js can drop its proxy (and the arrays it holds) before the batch runs.
      range.untrack();
    },
  };
}

function pageSetupSteps(context: Context, plan: SheetPlan, setup: PageSetup): WriteStep {
  const name = plan.name;
  return {
    kind: "atomic",
    label: `thiết lập trang in ở ${on(name)}`,
    bytes: OPERATION_BYTES * 4,
    queue: () => {
      const sheet = sheetOf(context, name);
      const layout = sheet.pageLayout;
      layout.paperSize = "A4";
      layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.topMargin = marginPoints(setup.margins.top);
      layout.bottomMargin = marginPoints(setup.margins.bottom);
      layout.leftMargin = marginPoints(setup.margins.left);
      layout.rightMargin = marginPoints(setup.margins.right);
      layout.headerMargin = marginPoints(setup.margins.header);
      layout.footerMargin = marginPoints(setup.margins.footer);
      // One page wide, as many tall as needed: as the scale that fits the columns (see print-scale.ts).
      if (setup.fitToWidth) layout.zoom = { scale: fitWidthScale(setup, plan.columnWidths) };
      layout.setPrintArea(rangeAddress(setup.printArea));
      // A break "before" a row: Office.js puts it above the given cell, ExcelJS under the row before.
      for (const row of setup.pageBreaksBefore) if (row > 0) sheet.horizontalPageBreaks.add(`A${row + 1}`);
    },
  };
}

/** Consecutive indexes with the same value, as [from, to, value] runs. */
function runs<T>(items: { at: number; value: T }[]): [number, number, T][] {
  const sorted = [...items].sort((a, b) => a.at - b.at);
  const out: [number, number, T][] = [];
  for (const { at, value } of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === at - 1 && last[2] === value) last[1] = at;
    else out.push([at, at, value]);
  }
  return out;
}

/** Phase C for one sheet: formats, merges, sizes, highlight, page setup. */
function layoutSteps(
  context: Context,
  plan: SheetPlan,
  styles: Record<string, CellStyle>,
  join?: TableJoin,
): WriteStep[] {
  const steps: WriteStep[] = [];
  const atomic = (label: string, queue: () => void, bytes = OPERATION_BYTES) =>
    steps.push({ kind: "atomic", label, bytes, queue });
  const sheet = () => sheetOf(context, plan.name);
  const formatted = `định dạng ở ${on(plan.name)}`;
  for (const block of plan.blocks) {
    const width = blockWidth(block);
    const names = columnStyles(block, width).map((value, at) => ({ at, value }));
    for (const [from, to, name] of runs(names)) {
      const style = name ? styles[name] : undefined;
      if (!style) continue;
      const range: CellRange = {
        ...blockRange(block, width),
        left: block.left + from,
        right: block.left + to,
      };
      const rows = block.values.length;
      atomic(
        formatted,
        () => queueFormat(sheet().getRange(rangeAddress(range)), style, rows, to - from + 1),
        formatBytes(style),
      );
    }
  }
  // After the formats: a merge gives the whole area the format of its top-left cell, as ExcelJS does.
  for (const merge of plan.merges) {
    if (join && join.sheet === plan.name && overlaps(merge, join.after)) continue;
    atomic(formatted, () => sheet().getRange(rangeAddress(merge)).merge(false));
  }
  const widths = plan.columnWidths.map(({ col, width }) => ({ at: col, value: width }));
  for (const [from, to, width] of runs(widths)) {
    atomic(
      formatted,
      () => (sheet().getRange(columnsAddress(from, to)).format.columnWidth = columnWidthPoints(width)),
    );
  }
  // A height "at least" is set as it is: reading the row's own height first would cost a round trip,
  // and the core asks for one only on a one-row header, whose user-set height is rarely taller.
  const heights = plan.rowHeights.map(({ row, height }) => ({ at: row, value: height }));
  for (const [from, to, height] of runs(heights)) {
    atomic(formatted, () => (sheet().getRange(rowsAddress(from, to)).format.rowHeight = height));
  }
  for (const highlight of plan.highlights) {
    const fill = styles[highlight.style]?.fill ?? "FFFF00";
    atomic(`tô màu đơn vị đề xuất ở ${on(plan.name)}`, () => {
      const format = sheet().getRange(rangeAddress(highlight.range)).conditionalFormats.add("Custom");
      // Office.js takes the formula with its "=", in en-US syntax, relative to the range's top-left cell.
      format.custom.rule.formula = `=${highlight.formula}`;
      format.custom.format.fill.color = `#${fill}`;
    });
  }
  if (plan.pageSetup) steps.push(pageSetupSteps(context, plan, plan.pageSetup));
  const printArea = plan.printArea;
  if (printArea) {
    atomic(`vùng in ở ${on(plan.name)}`, () => sheet().pageLayout.setPrintArea(rangeAddress(printArea)));
  }
  if (join && join.sheet === plan.name && join.added.length > 0) {
    atomic(`đã nới bảng “${join.table}” ra các cột kết quả`, () =>
      context.workbook.tables.getItem(join.table).resize(sheet().getRange(rangeAddress(join.after))),
    );
  }
  return steps;
}

/** Every step of the plan, in the order Excel must run them. */
function planSteps(
  context: Context,
  plan: WritePlan,
  facts: WorkbookFacts,
  charts: Map<string, string[]>,
  join?: TableJoin,
): WriteStep[] {
  return [
    ...plan.sheets.flatMap((sheet) => structureSteps(context, sheet, facts, charts)),
    ...plan.sheets.flatMap((sheet) =>
      sheet.blocks.map((block) => valueSteps(context, sheet, block, plan.styles)),
    ),
    ...plan.sheets.flatMap((sheet) => layoutSteps(context, sheet, plan.styles, join)),
    ...plan.sheets.flatMap((sheet) => chartSteps(context, sheet)),
  ];
}

const unique = (labels: string[]) => [...new Set(labels)];

/** The tool's sheets that exist already (they are emptied in place). */
function sheetsToEmpty(plan: WritePlan, facts: WorkbookFacts): string[] {
  return plan.sheets
    .filter((s) => s.mode === "create" && facts.sheets.some((f) => f.name === s.name))
    .map((s) => s.name);
}

/**
 * The names of the charts on the sheets about to be emptied, which Range.clear leaves: one sync more, only
 * when such a sheet exists (a run after the first).
 */
async function chartsOn(context: Context, names: string[]): Promise<Map<string, string[]>> {
  if (names.length === 0) return new Map();
  const loads = names.map((name) => [name, sheetOf(context, name).charts.load("items/name")] as const);
  await context.sync();
  return new Map(loads.map(([name, charts]) => [name, charts.items.map((chart) => chart.name)]));
}

/**
 * Writes the plan. Throws WriteBlockedError, with nothing written, when a sheet is protected or a table or
 * PivotTable is in the way; WriteFailedError, saying what was written, when Excel refuses a request.
 * `onProgress(done, total)` counts write requests.
 */
export async function applyPlan(
  context: Context,
  plan: WritePlan,
  onProgress?: (done: number, total: number) => void,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const facts =
    options.facts ??
    (await inspectWorkbook(
      context,
      plan.sheets.flatMap((s) =>
        s.mode === "update" ? s.removeHighlights.map((h) => ({ sheet: s.name, range: h.range })) : [],
      ),
    ));
  const { problems, join } = checkPlan(plan, facts, supportsExcelApi(13));
  if (problems.length > 0) throw new WriteBlockedError(problems);
  const charts = await chartsOn(context, sheetsToEmpty(plan, facts));

  const requests = packRequests(
    planSteps(context, plan, facts, charts, join),
    options.requestBytes ?? TARGET_REQUEST_BYTES,
  );
  const written: string[] = [];
  onProgress?.(0, requests.length);
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i];
    try {
      // Calculation is not suspended: after suspendApiCalculationUntilNextSync "it is the developer's
      // responsibility to re-calc the workbook" (Excel.Application), while the performance article says it
      // resumes after the sync. Excel's own recalculation after each request is what both agree on.
      for (const queue of request.queue) queue();
      await context.sync();
    } catch (error) {
      throw new WriteFailedError(unique(written), unique(request.labels), error);
    }
    written.push(...request.labels);
    onProgress?.(i + 1, requests.length);
    if (i + 1 < requests.length) await yieldToHost();
  }
  return { requests: requests.length, written: unique(written), join };
}
