/**
 * A sheet plan applied to a worksheet part's XML, as an edit: the rows the plan touches are rebuilt
 * (their other cells kept as written), every other row and element is copied as it was, and the
 * elements the tool adds (merges, conditional format, column widths, page setup) are put where the
 * schema orders them (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). A sheet the tool creates is the same
 * edit applied to an empty worksheet.
 */
import { columnLetter, overlaps, parseRangeAddress, rangeAddress, type CellRange } from "../../core/grid";
import { isFormulaCell, type Block, type Scalar, type SheetPlan } from "../../core/plan/types";
import { toFileFormula } from "../formulas";
import { ByteWriter } from "./byte-writer";
import { attributes, childrenOf, escapeXml, rootContent, unescapeXml, withAttributes } from "./xml";

/** CT_Worksheet's children, in the order the schema requires. */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const SHEET_DATA = WORKSHEET_ORDER.indexOf("sheetData");

export const EMPTY_WORKSHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

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

interface SheetEdit {
  /** The sheet's new XML, as UTF-8. */
  bytes: Uint8Array;
  /** Cells the edit removed or overwrote that held a formula (for the calculation chain). */
  removedFormulas: string[];
}

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

/** The sheet split around its (possibly huge) sheetData, which is never scanned as a whole. */
class WorksheetXml {
  before: string;
  head: string;
  data: string;
  tail: string;
  after: string;

  constructor(xml: string) {
    const root = rootContent(xml);
    const rootStart = xml.indexOf(root.open);
    this.before = xml.slice(0, rootStart) + root.open;
    this.after = xml.slice(root.to);
    const start = xml.indexOf("<sheetData", root.from);
    if (start < 0 || start > root.to) throw new Error("worksheet without sheetData");
    const gt = xml.indexOf(">", start);
    const end = xml[gt - 1] === "/" ? gt + 1 : xml.indexOf("</sheetData>", gt) + "</sheetData>".length;
    this.head = xml.slice(root.from, start);
    this.data = xml.slice(start, end);
    this.tail = xml.slice(end, root.to);
  }

  /** The sheet, its sheetData written by `writeData` (`added`: about how many bytes that adds). */
  write(added: number, writeData: (out: ByteWriter, data: string) => void): Uint8Array {
    // Room for all of it at once: a buffer grown by doubling would leave its smaller copies behind.
    const size = this.before.length + this.head.length + this.data.length + this.tail.length + added;
    const out = new ByteWriter(size + (size >> 3) + (1 << 12));
    out.text(this.before + this.head);
    writeData(out, this.data);
    out.text(this.tail + this.after);
    return out.bytes();
  }

  private side(name: string): "head" | "tail" {
    return WORKSHEET_ORDER.indexOf(name) < SHEET_DATA ? "head" : "tail";
  }

  /** The elements of that name, as written. */
  children(name: string): string[] {
    const text = this[this.side(name)];
    return childrenOf(text, 0, text.length)
      .filter((c) => c.name === name)
      .map((c) => text.slice(c.start, c.end));
  }

  /**
   * Replaces every element of that name by `elements` (at the first one's place), or inserts them
   * where the schema puts them.
   */
  set(name: string, elements: string[]): void {
    const side = this.side(name);
    const text = this[side];
    const children = childrenOf(text, 0, text.length);
    const same = children.filter((c) => c.name === name);
    let at: number;
    let out = text;
    if (same.length > 0) {
      at = same[0].start;
      for (const c of [...same].reverse()) out = out.slice(0, c.start) + out.slice(c.end);
    } else {
      const order = WORKSHEET_ORDER.indexOf(name);
      const next = children.find((c) => {
        const index = WORKSHEET_ORDER.indexOf(c.name);
        return index < 0 ? c.name === "extLst" : index > order;
      });
      at = next ? next.start : text.length;
    }
    this[side] = out.slice(0, at) + elements.join("") + out.slice(at);
  }
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

/** Writes the sheetData element with the plan's cells into `out`. */
function writeSheetData(
  out: ByteWriter,
  data: string,
  plan: SheetPlan,
  ctx: WriteContext,
  removedFormulas: string[],
): void {
  const planned = new PlannedCells(plan, ctx);
  const heights = new Map<number, { height: number; atLeast?: boolean }>();
  for (const { row, height, atLeast } of plan.rowHeights) heights.set(row, { height, atLeast });
  const clear = plan.clear;
  const pending = [...new Set([...planned.rows(), ...heights.keys()])].sort((a, b) => a - b);
  const changed = new Set(pending);
  const touched = (row: number) => changed.has(row) || clear.some((r) => r.top <= row && row <= r.bottom);
  const change = (row: number): RowChange => ({ cells: planned.cellsOf(row), ...heights.get(row) });
  if (pending.length === 0 && clear.length === 0) {
    out.text(data);
    return;
  }

  const open = data.slice(0, data.indexOf(">") + 1);
  const selfClosed = open.endsWith("/>");
  const body = selfClosed ? "" : data.slice(open.length, data.lastIndexOf("</sheetData>"));
  let next = 0;
  const push = (xml: string) => out.text(xml);
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
}

function editMerges(sheet: WorksheetXml, plan: SheetPlan, ctx: WriteContext): void {
  const existing = sheet.children("mergeCells");
  const refs = existing.flatMap((m) =>
    [...m.matchAll(/<mergeCell\b[^>]*>/g)].map((x) => attributes(x[0]).ref),
  );
  const ranges = refs
    .map((ref) => ({ ref, range: parseRangeAddress(ref) }))
    .filter(({ range }) => !range || !plan.clear.some((c) => overlaps(c, range)))
    .map(({ ref }) => ref);
  const added = plan.merges
    .filter((m) => !(ctx.noMergesIn && overlaps(m, ctx.noMergesIn)))
    .map((m) => rangeAddress(m));
  const all = [...ranges, ...added.filter((a) => !ranges.includes(a))];
  if (all.length === refs.length && added.length === 0) return;
  sheet.set(
    "mergeCells",
    all.length === 0
      ? []
      : [
          `<mergeCells count="${all.length}">${all.map((ref) => `<mergeCell ref="${ref}"/>`).join("")}</mergeCells>`,
        ],
  );
}

function editConditionalFormats(sheet: WorksheetXml, plan: SheetPlan, ctx: WriteContext): void {
  if (plan.removeHighlights.length === 0 && plan.highlights.length === 0) return;
  const old = new Set(plan.removeHighlights.map((h) => `${rangeAddress(h.range)}|${h.formula}`));
  const formats = sheet.children("conditionalFormatting");
  const kept = formats.filter((cf) => {
    const sqref = attributes(cf.slice(0, cf.indexOf(">") + 1)).sqref ?? "";
    const formulas = [...cf.matchAll(/<formula>([\s\S]*?)<\/formula>/g)].map((m) => unescapeXml(m[1]));
    return !formulas.some((f) => old.has(`${sqref}|${f}`));
  });
  const priorities = kept.flatMap((cf) => [...cf.matchAll(/\spriority="(\d+)"/g)].map((m) => Number(m[1])));
  let priority = Math.max(0, ...priorities);
  const added = plan.highlights.map(
    (h) =>
      `<conditionalFormatting sqref="${rangeAddress(h.range)}"><cfRule type="expression" dxfId="${ctx.highlightFormat(
        h.style,
      )}" priority="${++priority}"><formula>${escapeXml(h.formula)}</formula></cfRule></conditionalFormatting>`,
  );
  if (kept.length === formats.length && added.length === 0) return;
  sheet.set("conditionalFormatting", [...kept, ...added]);
}

function editColumns(sheet: WorksheetXml, plan: SheetPlan): void {
  if (plan.columnWidths.length === 0) return;
  interface Col {
    min: number;
    max: number;
    tag: string;
  }
  const cols: Col[] =
    (sheet.children("cols")[0] ?? "").match(/<col\b[^>]*>/g)?.map((tag) => {
      const a = attributes(tag);
      return {
        min: Number(a.min),
        max: Number(a.max),
        tag: tag.endsWith("/>") ? tag : `${tag.slice(0, -1)}/>`,
      };
    }) ?? [];
  const before = JSON.stringify(cols);
  for (const { col, width } of plan.columnWidths) {
    const n = col + 1;
    const i = cols.findIndex((c) => c.min <= n && n <= c.max);
    const set = (tag: string) => withAttributes(tag, { width: String(width), customWidth: "1" });
    if (i < 0) {
      const at = cols.findIndex((c) => c.min > n);
      const added = { min: n, max: n, tag: set(`<col min="${n}" max="${n}"/>`) };
      cols.splice(at < 0 ? cols.length : at, 0, added);
      continue;
    }
    const c = cols[i];
    const piece = (min: number, max: number, tag: string) => ({
      min,
      max,
      tag: withAttributes(tag, { min: String(min), max: String(max) }),
    });
    const pieces = [
      ...(c.min < n ? [piece(c.min, n - 1, c.tag)] : []),
      piece(n, n, set(c.tag)),
      ...(n < c.max ? [piece(n + 1, c.max, c.tag)] : []),
    ];
    cols.splice(i, 1, ...pieces);
  }
  if (JSON.stringify(cols) === before) return;
  sheet.set("cols", [`<cols>${cols.map((c) => c.tag).join("")}</cols>`]);
}

function editDimension(sheet: WorksheetXml, plan: SheetPlan): void {
  const written = plan.blocks.map((b) => ({
    top: b.top,
    left: b.left,
    bottom: b.top + b.values.length - 1,
    right: b.left + Math.max(1, ...b.values.map((l) => l.length)) - 1,
  }));
  if (written.length === 0) return;
  const tag = sheet.children("dimension")[0];
  const current = tag ? parseRangeAddress(attributes(tag).ref ?? "") : undefined;
  const isEmpty = !current || (current.bottom === 0 && current.right === 0 && !tag?.includes(":"));
  let area = isEmpty ? written[0] : current;
  for (const w of written) {
    area = {
      top: Math.min(area.top, w.top),
      left: Math.min(area.left, w.left),
      bottom: Math.max(area.bottom, w.bottom),
      right: Math.max(area.right, w.right),
    };
  }
  const ref = rangeAddress(area);
  if (tag && attributes(tag).ref === ref) return;
  sheet.set("dimension", [tag ? withAttributes(tag, { ref }) : `<dimension ref="${ref}"/>`]);
}

const MM_PER_INCH = 25.4;

function editPageSetup(sheet: WorksheetXml, plan: SheetPlan): void {
  const setup = plan.pageSetup;
  if (!setup) return;
  const inches = (mm: number) => Math.round((mm / MM_PER_INCH) * 1000) / 1000;
  const m = setup.margins;
  sheet.set("pageMargins", [
    `<pageMargins left="${inches(m.left)}" right="${inches(m.right)}" top="${inches(m.top)}" bottom="${inches(
      m.bottom,
    )}" header="${inches(m.header)}" footer="${inches(m.footer)}"/>`,
  ]);
  sheet.set("pageSetup", [
    `<pageSetup paperSize="9" orientation="${setup.orientation}" fitToWidth="1" fitToHeight="0"/>`,
  ]);
  if (setup.fitToWidth) sheet.set("sheetPr", [`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`]);
  const breaks = setup.pageBreaksBefore.filter((row) => row > 0);
  if (breaks.length > 0) {
    sheet.set("rowBreaks", [
      `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks
        .map((row) => `<brk id="${row}" max="16383" man="1"/>`)
        .join("")}</rowBreaks>`,
    ]);
  }
}

/** About the bytes a plan's cells and rows take in the sheet's XML (a cell is some 30 to 50). */
function estimatedBytes(plan: SheetPlan): number {
  let cells = 0;
  for (const block of plan.blocks) for (const line of block.values) cells += line.length;
  return cells * 44 + plan.rowHeights.length * 40;
}

/** Applies the plan to the sheet's XML. */
export function editSheet(xml: string, plan: SheetPlan, ctx: WriteContext): SheetEdit {
  const sheet = new WorksheetXml(xml);
  const removedFormulas: string[] = [];
  // The elements around sheetData first (none depends on its cells), then the cells, written as bytes.
  editDimension(sheet, plan);
  editColumns(sheet, plan);
  editMerges(sheet, plan, ctx);
  editConditionalFormats(sheet, plan, ctx);
  editPageSetup(sheet, plan);
  if (ctx.drawingRelId) sheet.set("drawing", [`<drawing r:id="${escapeXml(ctx.drawingRelId)}"/>`]);
  const bytes = sheet.write(estimatedBytes(plan), (out, data) =>
    writeSheetData(out, data, plan, ctx, removedFormulas),
  );
  return { bytes, removedFormulas };
}
