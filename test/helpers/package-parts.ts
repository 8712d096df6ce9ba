/** The parts of an .xlsx package as the tests compare them: entry by entry, raw. */
import { strFromU8, unzipSync } from "fflate";
import { parseRangeAddress } from "../../src/core/grid";
import { META_SHEET, readOwnership } from "../../src/core/ownership";
import type { RunOptions } from "../../src/core/run";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { scorePackage } from "../../src/xlsx/package/score";

/** The parts every run may edit besides the data sheet: the package index, workbook, styles, strings, properties. */
export const EDITED_PARTS = [
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
  "xl/sharedStrings.xml",
  "docProps/app.xml",
  "xl/calcChain.xml",
];

/** A package scored by the file adapter, as the CLI and the web page score it, saved to bytes. */
export function scoredPackage(bytes: Uint8Array, options: RunOptions = {}, name = "tep.xlsx"): Uint8Array {
  const pkg = WorkbookPackage.open(bytes, name);
  scorePackage(pkg, options);
  return pkg.save();
}

/** Every zip entry's uncompressed bytes, in the zip's order. */
export function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

/** The zip's entry names in their order. */
export function entryNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

export function partText(bytes: Uint8Array, part: string): string {
  const data = partsOf(bytes).get(part);
  if (!data) throw new Error(`no part ${part}`);
  return strFromU8(data);
}

/** The worksheet part of the sheet named `name`. */
export function sheetPart(bytes: Uint8Array, name: string): string {
  const parts = partsOf(bytes);
  const workbook = strFromU8(parts.get("xl/workbook.xml") as Uint8Array);
  const rels = strFromU8(parts.get("xl/_rels/workbook.xml.rels") as Uint8Array);
  const escaped = name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const sheet = new RegExp(
    `<sheet\\b[^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>`,
  ).exec(workbook)?.[0];
  const id = sheet && /\br:id="([^"]+)"/.exec(sheet)?.[1];
  const target = id && new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0];
  const path = target && /Target="([^"]+)"/.exec(target)?.[1];
  if (!path) throw new Error(`no sheet ${name}`);
  return path.startsWith("/") ? path.slice(1) : `xl/${path}`;
}

/** The rows before which a sheet breaks pages (ExcelJS writes row breaks but does not read them back). */
export function rowBreaks(bytes: Uint8Array, sheet: string): number[] {
  const xml = partText(bytes, sheetPart(bytes, sheet));
  return [...xml.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
}

export interface RawEntry {
  name: string;
  /** The local header and the compressed data, as stored. */
  raw: Uint8Array;
}

/** The entries as stored in the zip, read from its central directory (independently of src/xlsx). */
export function rawEntries(bytes: Uint8Array): RawEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && dv.getUint32(end, true) !== 0x06054b50) end--;
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  const out: RawEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = dv.getUint16(at + 28, true);
    const compressed = dv.getUint32(at + 20, true);
    const local = dv.getUint32(at + 42, true);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    const dataStart = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    out.push({ name, raw: bytes.subarray(local, dataStart + compressed) });
    at += 46 + nameLength + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return out;
}

/** The cells of a worksheet's XML: reference → the <c> element as written. */
export function cellsOf(xml: string): Map<string, string> {
  const cells = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g))
    cells.set(m[1], m[0]);
  return cells;
}

/** A worksheet's XML without its sheetData and the elements the tool may change beside it. */
export function sheetWithoutToolElements(xml: string): string {
  return (
    xml
      // An empty <sheetData/>, or the whole element: a cell's own "/>" does not end it.
      .replace(/<sheetData\b[^>]*\/>|<sheetData\b[\s\S]*?<\/sheetData>/, "")
      .replace(/<dimension\b[^>]*\/>/, "")
      .replace(/<cols>[\s\S]*?<\/cols>/, "")
      .replace(/<mergeCells\b[\s\S]*?<\/mergeCells>/, "")
      .replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g, "")
  );
}

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99). */
export const WORKSHEET_ORDER = [
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

/** The names of the root's children, in order (the test's own reading: depth counted over the tags). */
export function topLevel(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 1) names.push(m[2]);
      if (!m[3]) depth++;
    }
  }
  return names;
}

/**
 * Expects the sheet's cells outside the tool's output columns (as its ownership record in `output`
 * gives them) to come out exactly as they went in, none added; returns how many cells it wrote inside.
 */
export function expectOnlyToolCells(output: Uint8Array, xmlIn: string, xmlOut: string): number {
  const range = readOwnership(WorkbookPackage.open(output, "out.xlsx").grid(META_SHEET))?.outputRange;
  expect(range).toBeDefined();
  if (!range) return 0;
  const inside = (ref: string) => {
    const cell = parseRangeAddress(ref);
    return !!cell && cell.left >= range.left && cell.left <= range.right && cell.top >= range.top;
  };
  const cellsIn = cellsOf(xmlIn);
  const cellsOut = cellsOf(xmlOut);
  for (const [ref, cell] of cellsIn) if (!inside(ref)) expect([ref, cellsOut.get(ref)]).toEqual([ref, cell]);
  for (const ref of cellsOut.keys()) if (!inside(ref)) expect([ref, cellsIn.has(ref)]).toEqual([ref, true]);
  return [...cellsOut.keys()].filter(inside).length;
}
