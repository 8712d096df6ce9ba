/**
 * A sheet plan applied to a worksheet part's XML, as an edit: the rows the plan touches are rebuilt
 * (their other cells kept as written), every other row and element is copied as it was, and the
 * elements the tool adds (merges, conditional format, column widths, page setup) are put where the
 * schema orders them (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet). A sheet the tool creates is the same
 * edit applied to an empty worksheet.
 */
import { overlaps, parseRangeAddress, rangeAddress } from "../../core/grid";
import type { SheetPlan } from "../../core/plan/types";
import { ByteWriter } from "./byte-writer";
import { writeSheetData, type WriteContext } from "./sheet-data";
import { attributes, childrenOf, escapeXml, rootContent, unescapeXml, withAttributes } from "./xml";

export type { WriteContext } from "./sheet-data";

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

interface SheetEdit {
  /** The sheet's new XML, as UTF-8. */
  bytes: Uint8Array;
  /** Cells the edit removed or overwrote that held a formula (for the calculation chain). */
  removedFormulas: string[];
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
