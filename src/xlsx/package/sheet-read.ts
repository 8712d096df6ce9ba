/**
 * A worksheet part → the core's grid, streamed: the XML is decompressed and scanned piece by piece, so
 * that memory holds the cells' values, not the sheet's text. Values as ExcelJS gives them to the core
 * (see test/exceljs/read.ts): a formula gives its cached result, a date-formatted number its ISO day, and a merged
 * cell other than the top-left one reads as empty.
 */
import { parseRangeAddress, type CellRange, type CellValue, type SheetGrid } from "../../core/grid";
import { newCellSpan, nextCell } from "./cell-scan";
import { isDateFormat, type Styles } from "./styles";
import { attributes, mainPrefixCutter, textOf, unescapeXml } from "./xml";

/** Hands the part's text to `onText` piece by piece until it returns false. */
export type TextFeed = (onText: (text: string) => boolean) => void;

export interface SheetContext {
  strings: string[];
  styles: Styles;
  date1904: boolean;
}

interface ReadSheet {
  grid: SheetGrid;
  protected: boolean;
  /** Whether the whole part was read: its merges and protection are known. */
  whole: boolean;
}

/** "BC12" → 54, the 0-based column; undefined when the reference is not 1–3 capitals and digits. */
function columnOfRef(ref: string): number | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  if (i === 0 || i > 3 || i === ref.length) return undefined;
  for (let j = i; j < ref.length; j++) {
    const code = ref.charCodeAt(j);
    if (code < 48 || code > 57) return undefined;
  }
  return col - 1;
}

/** The attributes of a cell the reading needs. */
interface CellAttributes {
  r?: string;
  s?: string;
  t?: string;
}

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;
const isNameStart = (code: number) =>
  (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
/** \w . : - */
const isNameChar = (code: number) =>
  isNameStart(code) || (code >= 48 && code <= 57) || code === 46 || code === 58 || code === 45;

/**
 * r, s and t of a cell's start tag (the text after "<c"), as `attributes` reads them, by one scan
 * without a regular expression or an object per attribute; anything unusual goes to `attributes`.
 */
export function cellAttributes(tag: string): CellAttributes {
  const out: CellAttributes = {};
  const n = tag.length;
  if (n === 0) return out;
  if (!isSpace(tag.charCodeAt(0))) return attributes(tag);
  let i = 0;
  for (;;) {
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (i >= n) return out;
    const start = i;
    if (!isNameStart(tag.charCodeAt(i))) return attributes(tag);
    while (i < n && isNameChar(tag.charCodeAt(i))) i++;
    const nameEnd = i;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) return attributes(tag);
    i++;
    while (i < n && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 34 && quote !== 39) return attributes(tag);
    const close = tag.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (close < 0) return attributes(tag);
    if (nameEnd - start === 1) {
      const value = unescapeXml(tag.slice(i + 1, close));
      const name = tag[start];
      if (name === "r") out.r = value;
      else if (name === "s") out.s = value;
      else if (name === "t") out.t = value;
    }
    i = close + 1;
  }
}

const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;

/** The text of the first <v> of a cell's inner XML; most cells start with a plain one. */
function valueText(inner: string): string | undefined {
  if (inner.startsWith("<v>")) {
    const end = inner.indexOf("</v>", 3);
    if (end >= 0) return inner.slice(3, end);
  }
  return VALUE.exec(inner)?.[1];
}

const DAY_MS = 24 * 3600 * 1000;

function isoDay(serial: number, date1904: boolean): string {
  const days = serial - 25569 + (date1904 ? 1462 : 0);
  return new Date(Math.round(days * DAY_MS)).toISOString().slice(0, 10);
}

/** The value of one <c> element (attributes, inner XML and the text of its <v>). */
function cellValue(
  a: CellAttributes,
  inner: string,
  v: string | undefined,
  ctx: SheetContext,
  format?: string,
): CellValue {
  switch (a.t) {
    case "s":
      return v === undefined ? null : (ctx.strings[Number(v)] ?? null);
    case "inlineStr":
      return textOf(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
    case "str":
      return v === undefined ? null : unescapeXml(v);
    case "b":
      return v === undefined ? null : v.trim() === "1" || v.trim() === "true";
    case "e":
      return v === undefined ? null : { error: unescapeXml(v).trim() };
    case "d":
      return v === undefined ? null : new Date(unescapeXml(v).trim()).toISOString().slice(0, 10);
    default: {
      if (v === undefined || v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      return isDateFormat(format) ? isoDay(n, ctx.date1904) : n;
    }
  }
}

/** A formula cell without a cached value, with its formula for the message ("=SUM(D2:D9)"). */
function uncalculated(inner: string): CellValue {
  const text = /<f(?:\s[^>]*)?>([\s\S]*?)<\/f>/.exec(inner)?.[1];
  return { error: "", uncalculated: text ? `=${unescapeXml(text)}` : "=…" };
}

const SPAN = newCellSpan();

/**
 * Reads the sheet; with `maxRows`, keeps only the cells of its first rows. The merges and the protection,
 * which follow the cells, are read from the whole part all the same, unless `stopEarly`: the part is then
 * decompressed no further than those rows, and the grid has no merges.
 */
export function readSheet(
  feed: TextFeed,
  name: string,
  ctx: SheetContext,
  maxRows = Infinity,
  stopEarly = false,
): ReadSheet {
  const values: CellValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const merges: CellRange[] = [];
  const hiddenRows: number[] = [];
  let isProtected = false;
  let buffer = "";
  let inData = false;
  let dataDone = false;
  let nextRow = 0;

  const row = (xml: string) => {
    const open = xml.slice(0, xml.indexOf(">") + 1);
    const r = /\sr="(\d+)"/.exec(open)?.[1];
    const index = r ? Number(r) - 1 : nextRow;
    nextRow = index + 1;
    if (index >= maxRows) return;
    if (/\shidden="(1|true)"/.test(open)) hiddenRows.push(index);
    let nextCol = 0;
    let line: CellValue[] | undefined;
    let lineFormats: (string | undefined)[] | undefined;
    for (let at = 0; nextCell(xml, at, SPAN); at = SPAN.end) {
      const a = cellAttributes(xml.slice(SPAN.tagStart, SPAN.tagEnd));
      const col = a.r ? (columnOfRef(a.r) ?? nextCol) : nextCol;
      nextCol = col + 1;
      const format = a.s ? ctx.styles.cellFormats[Number(a.s)] : undefined;
      const inner = SPAN.innerStart < 0 ? "" : xml.slice(SPAN.innerStart, SPAN.innerEnd);
      // A formula never calculated (openpyxl, scripts) has no value, or an empty one in a cell not typed
      // as text: not an empty cell. Empty text that Excel calculated is t="str" with <v></v>: blank.
      const cached = inner === "" ? undefined : valueText(inner);
      const never = inner.includes("<f") && (cached === undefined || (cached === "" && a.t !== "str"));
      const value = never ? uncalculated(inner) : cellValue(a, inner, cached, ctx, format);
      if (value === null) continue;
      line ??= [];
      lineFormats ??= [];
      line[col] = value;
      if (format) lineFormats[col] = format;
    }
    if (line) {
      values[index] = line;
      formats[index] = lineFormats ?? [];
    }
  };

  const tail = (xml: string) => {
    for (const m of xml.matchAll(/<mergeCell\b[^>]*>/g)) {
      const range = parseRangeAddress(attributes(m[0]).ref ?? "");
      if (range) merges.push(range);
    }
    const protection = /<sheetProtection\b[^>]*>/.exec(xml);
    if (protection) {
      const sheet = attributes(protection[0]).sheet;
      if (sheet === "1" || sheet === "true") isProtected = true;
    }
  };

  /** Consumes what it can of the buffer; the rest waits for the next piece. */
  const consume = (final: boolean) => {
    let at = 0;
    if (!inData && !dataDone) {
      const start = buffer.indexOf("<sheetData");
      if (start < 0) {
        if (final) tail(buffer);
        else buffer = buffer.slice(Math.max(0, buffer.length - 16));
        return;
      }
      const gt = buffer.indexOf(">", start);
      if (gt < 0) return;
      if (buffer[gt - 1] === "/") dataDone = true;
      else inData = true;
      at = gt + 1;
    }
    while (inData) {
      const lt = buffer.indexOf("<", at);
      if (lt < 0) {
        at = buffer.length;
        break;
      }
      if (buffer.startsWith("</sheetData", lt)) {
        inData = false;
        dataDone = true;
        at = lt;
        break;
      }
      if (!buffer.startsWith("<row", lt)) {
        const gt = buffer.indexOf(">", lt);
        if (gt < 0) break;
        at = gt + 1;
        continue;
      }
      const gt = buffer.indexOf(">", lt);
      if (gt < 0) break;
      if (buffer[gt - 1] === "/") {
        row(buffer.slice(lt, gt + 1));
        at = gt + 1;
        continue;
      }
      // Past the rows kept, a row is only skipped: its cells need not be looked at.
      const close = buffer.indexOf("</row>", gt);
      if (close < 0) break;
      if (nextRow < maxRows) row(buffer.slice(lt, close + 6));
      else {
        const r = /\sr="(\d+)"/.exec(buffer.slice(lt, gt))?.[1];
        nextRow = r ? Number(r) : nextRow + 1;
      }
      at = close + 6;
    }
    buffer = buffer.slice(at);
    if (dataDone && final) tail(buffer);
  };

  // A sheet that prefixes its elements (<x:row>) is read as if it did not.
  const unprefixed = mainPrefixCutter();

  let stopped = false;
  feed((text) => {
    buffer += unprefixed(text, false);
    consume(false);
    stopped = stopEarly && nextRow >= maxRows;
    return !stopped;
  });
  buffer += unprefixed("", true);
  consume(true);

  // As ExcelJS reads them: every other cell of a merged range is an empty cell.
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, maxRows - 1); r++) {
      const line = (values[r] ??= []);
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) line[c] = null;
    }
  }
  for (let i = 0; i < values.length; i++) {
    values[i] ??= [];
    formats[i] ??= [];
  }
  return { grid: { name, values, formats, merges, hiddenRows }, protected: isProtected, whole: !stopped };
}
