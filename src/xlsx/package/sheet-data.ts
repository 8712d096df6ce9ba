/**
 * A worksheet's sheetData with the plan's cells written in: rows the plan touches are rebuilt (their
 * other cells kept as written), every other row copied as it was. The cells go straight into the
 * output bytes, with no string made per cell: a sheet of 20,000 units writes a quarter of a million.
 */
import { columnLetter, overlaps, type CellRange } from "../../core/grid";
import { isFormulaCell, type Block, type Scalar, type SheetPlan } from "../../core/plan/types";
import { toFileFormula } from "../formulas";
import type { ByteWriter } from "./byte-writer";
import { newCellSpan, nextCell, referencedColumn } from "./cell-scan";
import { escapeXml, withAttributes } from "./xml";

export interface WriteContext {
  /** The s attribute for a plan style name. */
  cellStyle: (name: string) => number;
  sharedString: (text: string) => number;
  /** The dxfId of a highlight style. */
  highlightFormat: (style: string) => number;
  /** Merges the plan asks for inside this range are left out (an Excel table holds none). */
  noMergesIn?: CellRange;
  /** The relationship of the sheet's drawing (its charts), on a sheet the tool creates. */
  drawingRelId?: string;
}

const within = (r: CellRange, row: number, col: number) =>
  r.top <= row && row <= r.bottom && r.left <= col && col <= r.right;

const LETTERS: string[] = [];
const letterOf = (col: number) => (LETTERS[col] ??= columnLetter(col));
/** A cell's start up to its row number, by column: `<c r="G`. */
const OPENS: string[] = [];
const openOf = (col: number) => (OPENS[col] ??= `<c r="${letterOf(col)}`);
/** What follows the reference, by style id: `" s="5"`, or `"` for the default style. */
const STYLED: string[] = [];
const styledOf = (style: number | undefined) =>
  style === undefined || style === 0 ? '"' : (STYLED[style] ??= `" s="${style}"`);
/** From the end of the reference to the value, by style id, for a shared string and for a number. */
const TEXT_OPENS: string[] = [];
const NUMBER_OPENS: string[] = [];
const textOpenOf = (style: number | undefined) => (TEXT_OPENS[style ?? 0] ??= `${styledOf(style)} t="s"><v>`);
const numberOpenOf = (style: number | undefined) => (NUMBER_OPENS[style ?? 0] ??= `${styledOf(style)}><v>`);

/**
 * Sorts the first `count` columns, stably, and the entries of `along` at the same places with them: an
 * insertion sort, as a row's cells are few and most often in order already.
 */
function sortByColumn(count: number, cols: number[], along: unknown[][]): void {
  for (let i = 1; i < count; i++) {
    const col = cols[i];
    if (col >= cols[i - 1]) continue;
    const carried = along.map((entries) => entries[i]);
    let j = i - 1;
    for (; j >= 0 && cols[j] > col; j--) {
      cols[j + 1] = cols[j];
      for (const entries of along) entries[j + 1] = entries[j];
    }
    cols[j + 1] = col;
    along.forEach((entries, k) => (entries[j + 1] = carried[k]));
  }
}

/** Empty text is a blank cell, as Excel makes it when the add-in writes "" (no empty string to count). */
const isBlank = (value: Scalar) =>
  value === null || value === "" || (typeof value === "number" && !Number.isFinite(value));

/**
 * A row's new cells by column, in the order the plan gives them (a later block's value takes an earlier
 * one's place). One is reused from row to row. A text's shared string is looked up as the cell is set,
 * so that the table grows in the plan's order whatever order the columns are written in.
 */
class RowCells {
  count = 0;
  readonly cols: number[] = [];
  readonly values: Scalar[] = [];
  readonly styles: (number | undefined)[] = [];
  readonly strings: number[] = [];
  /** What moves with a column when the cells are sorted. */
  private readonly along: unknown[][] = [this.values, this.styles, this.strings];
  private last = -1;

  constructor(private readonly ctx: WriteContext) {}

  reset(): void {
    this.count = 0;
    this.last = -1;
  }

  indexOf(col: number): number {
    if (col > this.last) return -1;
    for (let i = 0; i < this.count; i++) if (this.cols[i] === col) return i;
    return -1;
  }

  set(col: number, value: Scalar, style: number | undefined): void {
    let i = this.indexOf(col);
    if (i < 0) {
      i = this.count++;
      if (col > this.last) this.last = col;
    }
    this.cols[i] = col;
    this.values[i] = value;
    this.styles[i] = style;
    this.strings[i] = typeof value === "string" && !isBlank(value) ? this.ctx.sharedString(value) : -1;
  }

  /** Into column order (most rows come from one block, already in order). */
  sort(): void {
    sortByColumn(this.count, this.cols, this.along);
  }

  /** The i-th cell's XML, written into `out` (`row`: the row's number as Excel shows it). */
  write(out: ByteWriter, i: number, row: string): void {
    const value = this.values[i];
    out.text(openOf(this.cols[i]));
    out.text(row);
    const style = this.styles[i];
    if (typeof value === "string" && value !== "") {
      out.text(textOpenOf(style));
      out.number(this.strings[i]);
      out.text("</v></c>");
    } else if (typeof value === "number" && Number.isFinite(value)) {
      out.text(numberOpenOf(style));
      out.number(value);
      out.text("</v></c>");
    } else if (isFormulaCell(value)) {
      out.text(styledOf(style));
      const result = value.result;
      const type = typeof result === "string" ? ' t="str"' : typeof result === "boolean" ? ' t="b"' : "";
      const cached =
        result === null || (typeof result === "number" && !Number.isFinite(result))
          ? ""
          : `<v>${typeof result === "boolean" ? (result ? 1 : 0) : escapeXml(String(result))}</v>`;
      out.text(`${type}><f>${escapeXml(toFileFormula(value.formula))}</f>${cached}</c>`);
    } else if (typeof value === "boolean") {
      out.text(styledOf(style));
      out.text(value ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>');
    } else {
      // null, "" and a number that is not finite: a blank cell.
      out.text(styledOf(style));
      out.text("/>");
    }
  }
}

/**
 * New cells by row, then column, found row by row as the edit reaches them (a sheet of thousands of rows
 * never holds them all at once). The other cells of a merged range get the style of its top-left cell, as
 * Excel gives them when it merges, so that borders and fills cover the whole range.
 */
class PlannedCells {
  private readonly blocks: Block[];
  /** Style ids of each block's columns, made in the plan's order so that ids do not depend on rows. */
  private readonly styles: (number | undefined)[][];
  /** By row, the first block that writes it (-1: none); a row most often has one. */
  private readonly first: Int32Array;
  /** The other blocks that write a row, in the plan's order. */
  private readonly more = new Map<number, number[]>();
  private readonly mergesByRow = new Map<number, CellRange[]>();

  constructor(plan: SheetPlan, ctx: WriteContext, rows: number) {
    const styleOf = (name: string | undefined) => (name ? ctx.cellStyle(name) : undefined);
    this.blocks = plan.blocks;
    this.styles = plan.blocks.map((block) => {
      const width = block.values.reduce((n, line) => Math.max(n, line.length), 0);
      return Array.from({ length: width }, (_, c) => styleOf(block.columnStyles?.[c] ?? block.style));
    });
    this.first = new Int32Array(rows).fill(-1);
    plan.blocks.forEach((block, b) =>
      // A hole of a sparse list of lines is no row, as forEach skips it.
      block.values.forEach((_, r) => {
        const row = block.top + r;
        if (this.first[row] < 0) this.first[row] = b;
        else {
          let others = this.more.get(row);
          if (!others) this.more.set(row, (others = []));
          others.push(b);
        }
      }),
    );
    for (const m of plan.merges) {
      if (ctx.noMergesIn && overlaps(m, ctx.noMergesIn)) continue;
      for (let row = m.top; row <= m.bottom; row++) {
        let merges = this.mergesByRow.get(row);
        if (!merges) this.mergesByRow.set(row, (merges = []));
        merges.push(m);
      }
    }
  }

  /** Marks the rows that get cells. */
  mark(rows: Uint8Array): void {
    for (let row = 0; row < this.first.length; row++) if (this.first[row] >= 0) rows[row] = 1;
    for (const row of this.mergesByRow.keys()) rows[row] = 1;
  }

  /** The blocks that write the row, in the plan's order. */
  private blocksOf(row: number): number[] {
    const first = row < this.first.length ? this.first[row] : -1;
    if (first < 0) return NONE;
    const others = this.more.get(row);
    return others ? [first, ...others] : [first];
  }

  /** The style id the plan gives a cell: the last block's that writes it. */
  private styleAt(row: number, col: number): number | undefined {
    let style: number | undefined;
    for (const b of this.blocksOf(row)) {
      const block = this.blocks[b];
      const c = col - block.left;
      if (c >= 0 && block.values[row - block.top][c] !== undefined) style = this.styles[b][c];
    }
    return style;
  }

  private fillFrom(b: number, row: number, cells: RowCells): void {
    const block = this.blocks[b];
    const styles = this.styles[b];
    const line = block.values[row - block.top];
    for (let c = 0; c < line.length; c++) {
      const value = line[c];
      // A hole of a sparse line writes nothing, as forEach would skip it.
      if (value !== undefined) cells.set(block.left + c, value, styles[c]);
    }
  }

  /** The row's new cells, into `cells` (emptied first). */
  fill(row: number, cells: RowCells): void {
    cells.reset();
    const first = row < this.first.length ? this.first[row] : -1;
    if (first >= 0) {
      this.fillFrom(first, row, cells);
      for (const b of this.more.get(row) ?? NONE) this.fillFrom(b, row, cells);
    }
    for (const m of this.mergesByRow.get(row) ?? NO_MERGES) {
      const style = this.styleAt(m.top, m.left);
      for (let col = m.left; col <= m.right; col++) {
        if (cells.indexOf(col) < 0) cells.set(col, null, style);
      }
    }
    cells.sort();
  }
}

const NONE: number[] = [];
const NO_MERGES: CellRange[] = [];

/** One more than the last row the plan writes, merges or sizes. */
function rowsOf(plan: SheetPlan): number {
  let rows = 0;
  for (const block of plan.blocks) rows = Math.max(rows, block.top + block.values.length);
  for (const m of plan.merges) rows = Math.max(rows, m.bottom + 1);
  for (const { row } of plan.rowHeights) rows = Math.max(rows, row + 1);
  return rows;
}

interface RowHeight {
  height: number;
  /** The row keeps its own height when that is taller (a user's row). */
  atLeast?: boolean;
}

/** A row the sheet did not have: its cells in column order, its height if the plan gives one. */
function writeNewRow(out: ByteWriter, index: number, cells: RowCells, height: RowHeight | undefined): void {
  if (cells.count === 0 && height === undefined) return;
  const row = String(index + 1);
  out.text('<row r="');
  out.text(row);
  out.text('"');
  if (height && !(height.atLeast && height.height <= 0)) out.text(` ht="${height.height}" customHeight="1"`);
  out.text(">");
  for (let i = 0; i < cells.count; i++) cells.write(out, i, row);
  out.text("</row>");
}

const SPAN = newCellSpan();

/** The cells a row keeps, where they stand in its XML; reused from row to row. */
class KeptCells {
  count = 0;
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly cols: number[] = [];
  /** Whether the cell names its own reference (one that does not gets it written in). */
  readonly named: boolean[] = [];
  private readonly along: unknown[][] = [this.starts, this.ends, this.named];

  push(start: number, end: number, col: number, named: boolean): void {
    const i = this.count++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.cols[i] = col;
    this.named[i] = named;
  }

  /** Into column order, cells of one column in the order written (a stable sort, as Excel reads them). */
  sort(): void {
    sortByColumn(this.count, this.cols, this.along);
  }
}

/**
 * A row the sheet has: its cells that neither the plan nor a cleared range takes are kept as written
 * (a formula cell taken is noted for the calculation chain), the new ones put in column order among them.
 */
function writeExistingRow(
  out: ByteWriter,
  index: number,
  open: string,
  body: string,
  cells: RowCells,
  kept: KeptCells,
  height: RowHeight | undefined,
  clear: CellRange[],
  removedFormulas: string[],
): void {
  kept.count = 0;
  let nextCol = 0;
  for (let at = 0; nextCell(body, at, SPAN); at = SPAN.end) {
    const named = referencedColumn(body, SPAN.tagStart, SPAN.tagEnd);
    const col = named >= 0 ? named : nextCol;
    nextCol = col + 1;
    if (cells.indexOf(col) >= 0 || clear.some((r) => within(r, index, col))) {
      const formula = SPAN.innerStart < 0 ? -1 : body.indexOf("<f", SPAN.innerStart);
      if (formula >= 0 && formula <= SPAN.innerEnd - 2) removedFormulas.push(`${letterOf(col)}${index + 1}`);
      continue;
    }
    kept.push(SPAN.start, SPAN.end, col, named >= 0);
  }
  kept.sort();
  const total = kept.count + cells.count;
  let tag = open.endsWith("/>") ? `${open.slice(0, -2).trimEnd()}>` : open;
  if (!/\sr="/.test(tag)) tag = withAttributes(tag, { r: String(index + 1) });
  const own = Number(/\sht="([^"]*)"/.exec(tag)?.[1] ?? 0);
  if (height && !(height.atLeast && own >= height.height)) {
    tag = withAttributes(tag, { ht: String(height.height), customHeight: "1" });
  }
  const spans = /\sspans="([^"]*)"/.exec(tag)?.[1];
  if (spans && total > 0) {
    const first = Math.min(kept.count ? kept.cols[0] : Infinity, cells.count ? cells.cols[0] : Infinity);
    const last = Math.max(
      kept.count ? kept.cols[kept.count - 1] : -1,
      cells.count ? cells.cols[cells.count - 1] : -1,
    );
    const [from, to] = spans.split(":").map(Number);
    const min = Math.min(from, first + 1);
    const max = Math.max(to, last + 1);
    if (min !== from || max !== to) tag = withAttributes(tag, { spans: `${min}:${max}` });
  }
  if (total === 0 && height === undefined && !/\s(ht|s|hidden)="/.test(tag)) return;
  out.text(tag);
  const row = String(index + 1);
  // The kept cells and the new ones, merged by column (no column is in both).
  let k = 0;
  let c = 0;
  while (k < kept.count || c < cells.count) {
    if (c >= cells.count || (k < kept.count && kept.cols[k] < cells.cols[c])) {
      if (kept.named[k]) out.range(body, kept.starts[k], kept.ends[k]);
      else {
        out.text(`${openOf(kept.cols[k])}${row}"`);
        out.range(body, kept.starts[k] + 2, kept.ends[k]);
      }
      k++;
    } else cells.write(out, c++, row);
  }
  out.text("</row>");
}

/** Writes the sheetData element with the plan's cells into `out`. */
export function writeSheetData(
  out: ByteWriter,
  data: string,
  plan: SheetPlan,
  ctx: WriteContext,
  removedFormulas: string[],
): void {
  const rows = rowsOf(plan);
  const planned = new PlannedCells(plan, ctx, rows);
  const heights = new Map<number, RowHeight>();
  for (const { row, height, atLeast } of plan.rowHeights) heights.set(row, { height, atLeast });
  const clear = plan.clear;
  // The rows the plan changes, marked, then listed in order.
  const changed = new Uint8Array(rows);
  planned.mark(changed);
  for (const row of heights.keys()) changed[row] = 1;
  const pending: number[] = [];
  for (let row = 0; row < rows; row++) if (changed[row]) pending.push(row);
  const touched = (row: number) =>
    (row < rows && changed[row] === 1) || clear.some((r) => r.top <= row && row <= r.bottom);
  if (pending.length === 0 && clear.length === 0) {
    out.text(data);
    return;
  }
  const cells = new RowCells(ctx);
  const kept = new KeptCells();

  const open = data.slice(0, data.indexOf(">") + 1);
  const selfClosed = open.endsWith("/>");
  const bodyStart = selfClosed ? data.length : open.length;
  const bodyEnd = selfClosed ? data.length : data.lastIndexOf("</sheetData>");
  let next = 0;
  out.text(selfClosed ? `${open.slice(0, -2).trimEnd()}>` : open);
  const flushBefore = (row: number) => {
    while (next < pending.length && pending[next] < row) {
      const r = pending[next++];
      planned.fill(r, cells);
      writeNewRow(out, r, cells, heights.get(r));
    }
  };
  let at = bodyStart;
  let index = -1;
  for (;;) {
    const lt = data.indexOf("<row", at);
    if (lt < 0 || lt >= bodyEnd) break;
    const gt = data.indexOf(">", lt);
    const tag = data.slice(lt, gt + 1);
    const end = tag.endsWith("/>") ? gt + 1 : data.indexOf("</row>", gt) + 6;
    const r = /\sr="(\d+)"/.exec(tag)?.[1];
    index = r ? Number(r) - 1 : index + 1;
    out.range(data, at, lt);
    flushBefore(index);
    if (touched(index)) {
      if (pending[next] === index) next++;
      const inner = tag.endsWith("/>") ? "" : data.slice(gt + 1, end - 6);
      planned.fill(index, cells);
      writeExistingRow(out, index, tag, inner, cells, kept, heights.get(index), clear, removedFormulas);
    } else out.range(data, lt, end);
    at = end;
  }
  flushBefore(Infinity);
  out.range(data, at, bodyEnd);
  out.text("</sheetData>");
}
