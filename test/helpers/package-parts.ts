/** The parts of an .xlsx package as the tests compare them: entry by entry, raw. */
import { strFromU8, unzipSync } from "fflate";

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
