/**
 * The styles part: number formats of the cell formats (what the reader needs), and the cell and
 * differential formats the tool appends for its named styles. A format identical to one the part
 * already holds is reused, so that a second run adds nothing. The XML follows what ExcelJS writes for
 * the same style, so that both file adapters give the same cells.
 */
import type { CellStyle } from "../../core/plan/types";
import { attributes, childrenOf, escapeXml, rootContent, unescapeXml, type XmlChild } from "./xml";

/** Excel's built-in number formats, by id (those a reader meets; the others are locale-specific). */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Date formats, as ExcelJS tells them: a y, m, d, h, s or b outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

interface Collection {
  items: string[];
  added: string[];
}

export class Styles {
  /** Number format of each cell format (index = the cell's s attribute); undefined for General. */
  readonly cellFormats: (string | undefined)[] = [];
  private readonly numFmts = new Map<number, string>();
  private readonly collections = new Map<string, Collection>();
  private readonly xml: string;

  constructor(xml: string | undefined) {
    this.xml =
      xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`;
    const root = rootContent(this.xml);
    for (const child of childrenOf(this.xml, root.from, root.to)) {
      if (!ORDER.includes(child.name)) continue;
      const inner = this.inner(child);
      const items = childrenOf(this.xml, inner.from, inner.to).map((c) => this.xml.slice(c.start, c.end));
      this.collections.set(child.name, { items, added: [] });
    }
    for (const item of this.collections.get("numFmts")?.items ?? []) {
      const a = attributes(item);
      this.numFmts.set(Number(a.numFmtId), unescapeXml(a.formatCode ?? ""));
    }
    for (const xf of this.collections.get("cellXfs")?.items ?? []) {
      const id = Number(attributes(xf).numFmtId ?? 0);
      this.cellFormats.push(id === 0 ? undefined : (this.numFmts.get(id) ?? BUILT_IN[id]));
    }
  }

  private inner(child: XmlChild): { from: number; to: number } {
    const text = this.xml.slice(child.start, child.end);
    if (text.endsWith("/>")) return { from: child.end, to: child.end };
    return { from: child.start + text.indexOf(">") + 1, to: child.start + text.lastIndexOf("</") };
  }

  /** The index of `item` in the collection, appending it when it is not there. */
  private indexIn(name: string, item: string): number {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = { items: [], added: [] };
      this.collections.set(name, collection);
    }
    const found = collection.items.indexOf(item);
    if (found >= 0) return found;
    collection.items.push(item);
    collection.added.push(item);
    return collection.items.length - 1;
  }

  private numFmtId(format: string | undefined): number {
    if (!format || format === "General") return 0;
    for (const [id, code] of this.numFmts) if (code === format) return id;
    const builtIn = Object.entries(BUILT_IN).find(([, code]) => code === format);
    if (builtIn) return Number(builtIn[0]);
    const id = Math.max(163, ...this.numFmts.keys()) + 1;
    this.numFmts.set(id, format);
    this.indexIn("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(format)}"/>`);
    return id;
  }

  /** The cell format index (s attribute) for a plan style. */
  cellStyle(style: CellStyle): number {
    const numFmtId = this.numFmtId(style.numberFormat);
    const fontId = style.font ? this.indexIn("fonts", fontXml(style.font)) : 0;
    const fillId = style.fill ? this.indexIn("fills", fillXml(style.fill, "fgColor")) : 0;
    const borderId = style.border ? this.indexIn("borders", borderXml(style.border)) : 0;
    const alignment = alignmentXml(style);
    const applied = [
      numFmtId ? ' applyNumberFormat="1"' : "",
      fontId ? ' applyFont="1"' : "",
      fillId ? ' applyFill="1"' : "",
      borderId ? ' applyBorder="1"' : "",
      alignment ? ' applyAlignment="1"' : "",
    ].join("");
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applied}`;
    const xf = alignment ? `${head}>${alignment}</xf>` : `${head}/>`;
    const index = this.indexIn("cellXfs", xf);
    this.cellFormats[index] = numFmtId === 0 ? undefined : (this.numFmts.get(numFmtId) ?? BUILT_IN[numFmtId]);
    return index;
  }

  /** The differential format (dxfId) that fills a highlighted row. */
  highlightFormat(fill: string): number {
    return this.indexIn("dxfs", `<dxf>${fillXml(fill, "bgColor")}</dxf>`);
  }

  get changed(): boolean {
    return [...this.collections.values()].some((c) => c.added.length > 0);
  }

  /** The part with the appended formats; the rest of it as it was. */
  toXml(): string | undefined {
    if (!this.changed) return undefined;
    const root = rootContent(this.xml);
    const children = childrenOf(this.xml, root.from, root.to);
    let out = this.xml;
    // From the end, so that earlier offsets stay valid.
    const edits: { at: number; end: number; text: string }[] = [];
    for (const [name, collection] of this.collections) {
      if (collection.added.length === 0) continue;
      const existing = children.find((c) => c.name === name);
      const count = collection.items.length;
      if (existing) {
        const text = this.xml.slice(existing.start, existing.end);
        const open = text.endsWith("/>")
          ? text.slice(0, -2).trimEnd() + ">"
          : text.slice(0, text.indexOf(">") + 1);
        const body = text.endsWith("/>") ? "" : text.slice(open.length, text.lastIndexOf("</"));
        const counted = /\scount="/.test(open)
          ? open.replace(/\scount="\d*"/, ` count="${count}"`)
          : open.replace(/>$/, ` count="${count}">`);
        const close = `</${/^<([^\s>/]+)/.exec(open)?.[1] ?? name}>`;
        edits.push({
          at: existing.start,
          end: existing.end,
          text: `${counted}${body}${collection.added.join("")}${close}`,
        });
      } else {
        const next = children.find((c) => ORDER.indexOf(c.name) > ORDER.indexOf(name));
        const at = next ? next.start : root.to;
        edits.push({ at, end: at, text: `<${name} count="${count}">${collection.added.join("")}</${name}>` });
      }
    }
    edits.sort((a, b) => b.at - a.at);
    for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.end);
    return out;
  }
}

function fontXml(font: NonNullable<CellStyle["font"]>): string {
  return [
    "<font>",
    font.bold ? "<b/>" : "",
    font.italic ? "<i/>" : "",
    font.underline ? "<u/>" : "",
    font.size !== undefined ? `<sz val="${font.size}"/>` : "",
    font.name ? `<name val="${escapeXml(font.name)}"/>` : "",
    "</font>",
  ].join("");
}

function fillXml(rgb: string, which: "fgColor" | "bgColor"): string {
  return `<fill><patternFill patternType="solid"><${which} rgb="FF${rgb.toUpperCase()}"/></patternFill></fill>`;
}

function borderXml(border: NonNullable<CellStyle["border"]>): string {
  if (border === "bottom") return `<border><left/><right/><top/><bottom style="thin"/><diagonal/></border>`;
  return `<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>`;
}

function alignmentXml(style: CellStyle): string {
  if (!style.horizontal && !style.vertical && !style.wrap) return "";
  const vertical = style.vertical === "middle" ? "center" : style.vertical;
  return `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${
    vertical ? ` vertical="${vertical}"` : ""
  }${style.wrap ? ' wrapText="1"' : ""}/>`;
}
