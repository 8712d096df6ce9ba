/**
 * The sheetData writer as it was before it wrote cells straight into bytes (8 Dec 2026): one string per
 * cell, a Map per row, a sort per row. Kept as the oracle of test/xlsx/sheet-data.property.test.ts,
 * which holds the faster writer to the very same bytes and the same order of shared strings.
 */
import { columnLetter, overlaps, type CellRange } from "../../../src/core/grid";
import { isFormulaCell, type Block, type Scalar, type SheetPlan } from "../../../src/core/plan/types";
import { toFileFormula } from "../../../src/xlsx/formulas";
import type { WriteContext } from "../../../src/xlsx/package/sheet-data";
import { escapeXml, withAttributes } from "../../../src/xlsx/package/xml";

const within = (r: CellRange, row: number, col: number) =>
  r.top <= row && row <= r.bottom && r.left <= col && col <= r.right;

function cellXml(ref: string, value: Scalar, style: number | undefined, ctx: WriteContext): string {
  const s = style !== undefined && style !== 0 ? ` s="${style}"` : "";
  if (isFormulaCell(value)) {
    const result = value.result;
    const type = typeof result === "string" ? ' t="str"' : typeof result === "boolean" ? ' t="b"' : "";
    const cached =
      result === null || (typeof result === "number" && !Number.isFinite(result))
        ? ""
        : `<v>${typeof result === "boolean" ? (result ? 1 : 0) : escapeXml(String(result))}</v>`;
    return `<c r="${ref}"${s}${type}><f>${escapeXml(toFileFormula(value.formula))}</f>${cached}</c>`;
  }
  // Empty text is a blank cell, as Excel makes it when the add-in writes "" (no empty string to count).
  if (value === null || value === "" || (typeof value === "number" && !Number.isFinite(value)))
    return `<c r="${ref}"${s}/>`;
  if (typeof value === "string") return `<c r="${ref}"${s} t="s"><v>${ctx.sharedString(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s}><v>${value}</v></c>`;
}

/** A row of a block: the block and the row's index in it. */
interface BlockRow {
  block: Block;
  r: number;
}

/**
 * New cells by row, then column, made row by row as the edit reaches them (a sheet of thousands of rows
 * never holds them all at once). The other cells of a merged range get the style of its top-left cell, as
 * Excel gives them when it merges, so that borders and fills cover the whole range.
 */
class PlannedCells {
  private readonly byRow = new Map<number, BlockRow[]>();
  private readonly mergesByRow = new Map<number, CellRange[]>();
  /** Style ids of each block's columns, made in the plan's order so that ids do not depend on rows. */
  private readonly styles = new Map<Block, (number | undefined)[]>();
  private readonly letters: string[] = [];

  constructor(
    plan: SheetPlan,
    private readonly ctx: WriteContext,
  ) {
    const styleOf = (name: string | undefined) => (name ? ctx.cellStyle(name) : undefined);
    for (const block of plan.blocks) {
      const width = block.values.reduce((n, line) => Math.max(n, line.length), 0);
      this.styles.set(
        block,
        Array.from({ length: width }, (_, c) => styleOf(block.columnStyles?.[c] ?? block.style)),
      );
      block.values.forEach((_, r) => this.rowRefs(block.top + r).push({ block, r }));
    }
    for (const m of plan.merges) {
      if (ctx.noMergesIn && overlaps(m, ctx.noMergesIn)) continue;
      for (let row = m.top; row <= m.bottom; row++) {
        let merges = this.mergesByRow.get(row);
        if (!merges) this.mergesByRow.set(row, (merges = []));
        merges.push(m);
      }
    }
  }

  private rowRefs(row: number): BlockRow[] {
    let refs = this.byRow.get(row);
    if (!refs) this.byRow.set(row, (refs = []));
    return refs;
  }

  /** The rows that get cells. */
  rows(): number[] {
    return [...new Set([...this.byRow.keys(), ...this.mergesByRow.keys()])];
  }

  /** The style id the plan gives a cell: the last block's that writes it. */
  private styleAt(row: number, col: number): number | undefined {
    let style: number | undefined;
    for (const { block, r } of this.byRow.get(row) ?? []) {
      const c = col - block.left;
      if (c >= 0 && block.values[r][c] !== undefined) style = this.styles.get(block)?.[c];
    }
    return style;
  }

  /** The row's new cells as XML, by column; undefined when the plan writes none. */
  cellsOf(row: number): Map<number, string> | undefined {
    const refs = this.byRow.get(row);
    const merges = this.mergesByRow.get(row);
    if (!refs && !merges) return undefined;
    const cells = new Map<number, string>();
    const ref = (col: number) => `${(this.letters[col] ??= columnLetter(col))}${row + 1}`;
    for (const { block, r } of refs ?? []) {
      const styles = this.styles.get(block) ?? [];
      const line = block.values[r];
      for (let c = 0; c < line.length; c++) {
        const value = line[c];
        // A hole of a sparse line writes nothing, as forEach would skip it.
        if (value === undefined) continue;
        const col = block.left + c;
        cells.set(col, cellXml(ref(col), value, styles[c], this.ctx));
      }
    }
    for (const m of merges ?? []) {
      const style = this.styleAt(m.top, m.left);
      for (let col = m.left; col <= m.right; col++) {
        if (!cells.has(col)) cells.set(col, cellXml(ref(col), null, style, this.ctx));
      }
    }
    return cells;
  }
}

interface RowChange {
  cells?: Map<number, string>;
  height?: number;
  /** The row keeps its own height when that is taller (a user's row). */
  atLeast?: boolean;
}

/** "AB" → 27 (0-based). */
function columnOf(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** A row the sheet did not have: its cells in column order, its height if the plan gives one. */
function newRowXml(index: number, change: RowChange): string {
  const tall = change.height !== undefined && !(change.atLeast && change.height <= 0);
  const height = tall ? ` ht="${change.height}" customHeight="1"` : "";
  if (!change.cells?.size && change.height === undefined) return "";
  let xml = `<row r="${index + 1}"${height}>`;
  for (const cell of inColumnOrder(change.cells)) xml += cell;
  return `${xml}</row>`;
}

/** The cells' XML by column; most rows come from one block, already in order, and need no sort. */
function inColumnOrder(cells: Map<number, string> | undefined): Iterable<string> {
  if (!cells) return [];
  let last = -1;
  for (const col of cells.keys()) {
    if (col < last) return [...cells].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);
    last = col;
  }
  return cells.values();
}

function rowXml(
  index: number,
  open: string,
  body: string,
  change: RowChange,
  clear: CellRange[],
  removedFormulas: string[],
): string {
  const kept: { col: number; xml: string }[] = [];
  let nextCol = 0;
  for (const m of body.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const letters = /\sr="([A-Z]{1,3})\d+"/.exec(m[1])?.[1];
    const col = letters ? columnOf(letters) : nextCol;
    nextCol = col + 1;
    const replaced = change.cells?.has(col) || clear.some((r) => within(r, index, col));
    if (replaced) {
      if (m[2]?.includes("<f")) removedFormulas.push(`${columnLetter(col)}${index + 1}`);
      continue;
    }
    kept.push({
      col,
      xml: letters ? m[0] : m[0].replace(/^<c\b/, `<c r="${columnLetter(col)}${index + 1}"`),
    });
  }
  for (const [col, xml] of change.cells ?? []) kept.push({ col, xml });
  kept.sort((a, b) => a.col - b.col);
  let tag = open.endsWith("/>") ? `${open.slice(0, -2).trimEnd()}>` : open;
  if (!/\sr="/.test(tag)) tag = withAttributes(tag, { r: String(index + 1) });
  const own = Number(/\sht="([^"]*)"/.exec(tag)?.[1] ?? 0);
  if (change.height !== undefined && !(change.atLeast && own >= change.height)) {
    tag = withAttributes(tag, { ht: String(change.height), customHeight: "1" });
  }
  const spans = /\sspans="([^"]*)"/.exec(tag)?.[1];
  if (spans && kept.length > 0) {
    const [from, to] = spans.split(":").map(Number);
    const min = Math.min(from, kept[0].col + 1);
    const max = Math.max(to, kept[kept.length - 1].col + 1);
    if (min !== from || max !== to) tag = withAttributes(tag, { spans: `${min}:${max}` });
  }
  if (kept.length === 0 && change.height === undefined && !/\s(ht|s|hidden)="/.test(tag)) return "";
  return `${tag}${kept.map((k) => k.xml).join("")}</row>`;
}

/** The sheetData element with the plan's cells, as one string. */
export function referenceSheetData(
  data: string,
  plan: SheetPlan,
  ctx: WriteContext,
  removedFormulas: string[],
): string {
  let written = "";
  const planned = new PlannedCells(plan, ctx);
  const heights = new Map<number, { height: number; atLeast?: boolean }>();
  for (const { row, height, atLeast } of plan.rowHeights) heights.set(row, { height, atLeast });
  const clear = plan.clear;
  const pending = [...new Set([...planned.rows(), ...heights.keys()])].sort((a, b) => a - b);
  const changed = new Set(pending);
  const touched = (row: number) => changed.has(row) || clear.some((r) => r.top <= row && row <= r.bottom);
  const change = (row: number): RowChange => ({ cells: planned.cellsOf(row), ...heights.get(row) });
  if (pending.length === 0 && clear.length === 0) return data;

  const open = data.slice(0, data.indexOf(">") + 1);
  const selfClosed = open.endsWith("/>");
  const body = selfClosed ? "" : data.slice(open.length, data.lastIndexOf("</sheetData>"));
  let next = 0;
  const push = (xml: string) => {
    written += xml;
  };
  push(selfClosed ? `${open.slice(0, -2).trimEnd()}>` : open);
  const flushBefore = (row: number) => {
    while (next < pending.length && pending[next] < row) {
      const r = pending[next++];
      push(newRowXml(r, change(r)));
    }
  };
  let at = 0;
  let index = -1;
  for (;;) {
    const lt = body.indexOf("<row", at);
    if (lt < 0) break;
    const gt = body.indexOf(">", lt);
    const tag = body.slice(lt, gt + 1);
    const end = tag.endsWith("/>") ? gt + 1 : body.indexOf("</row>", gt) + 6;
    const r = /\sr="(\d+)"/.exec(tag)?.[1];
    index = r ? Number(r) - 1 : index + 1;
    push(body.slice(at, lt));
    flushBefore(index);
    if (touched(index)) {
      if (pending[next] === index) next++;
      const inner = tag.endsWith("/>") ? "" : body.slice(gt + 1, end - 6);
      push(rowXml(index, tag, inner, change(index), clear, removedFormulas));
    } else push(body.slice(lt, end));
    at = end;
  }
  flushBefore(Infinity);
  push(body.slice(at));
  push("</sheetData>");
  return written;
}
