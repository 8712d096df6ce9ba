/** The package's index: relationships, content types, and the workbook's list of sheets. */
import { attributes, escapeXml, unescapeXml } from "./xml";

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  officeDocument: `${REL}/officeDocument`,
  worksheet: `${REL}/worksheet`,
  sharedStrings: `${REL}/sharedStrings`,
  styles: `${REL}/styles`,
  calcChain: `${REL}/calcChain`,
  table: `${REL}/table`,
  pivotTable: `${REL}/pivotTable`,
  drawing: `${REL}/drawing`,
  chart: `${REL}/chart`,
  extendedProperties: `${REL}/extended-properties`,
};
export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
};

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to, as a zip entry name ("xl/worksheets/sheet1.xml"). */
  part: string;
}

/** "xl/_rels/workbook.xml.rels" for "xl/workbook.xml". */
export function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target resolved against the folder of its source part. */
function resolveTarget(source: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = source.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** The target as written in `source`'s rels for the part `part`. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array(from.length - common).fill(".."), ...to.slice(common)].join("/");
}

export function parseRels(xml: string | undefined, source: string): Relationship[] {
  if (!xml) return [];
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const external = a.TargetMode === "External";
    out.push({
      id: a.Id,
      type: a.Type,
      target: a.Target,
      external,
      part: external ? "" : resolveTarget(source, a.Target),
    });
  }
  return out;
}

export function relationshipXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${escapeXml(id)}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
}

/** An id not yet used among `ids`: rId<n>. */
export function freshId(ids: Iterable<string>, prefix = "rId"): string {
  const used = new Set(ids);
  for (let n = 1; ; n++) if (!used.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

export function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
}

/** Appends relationships before the closing tag of a rels part. */
export function addRelationships(xml: string, added: string[]): string {
  if (added.length === 0) return xml;
  const selfClosed = /<Relationships\b[^>]*\/>/.exec(xml);
  if (selfClosed) {
    const open = selfClosed[0].replace(/\s*\/>$/, ">");
    return xml.replace(selfClosed[0], `${open}${added.join("")}</Relationships>`);
  }
  const close = xml.lastIndexOf("</Relationships>");
  return xml.slice(0, close) + added.join("") + xml.slice(close);
}

export function removeRelationships(xml: string, ids: Set<string>): string {
  return xml.replace(/<Relationship\b[^>]*>(?:<\/Relationship>)?/g, (tag) =>
    ids.has(attributes(tag).Id) ? "" : tag,
  );
}

// -------------------------------------------------------------------------------- [Content_Types].xml

function hasOverride(xml: string, part: string): boolean {
  return xml.includes(`PartName="/${escapeXml(part)}"`);
}

export function addOverride(xml: string, part: string, contentType: string): string {
  if (hasOverride(xml, part)) return xml;
  const close = xml.lastIndexOf("</Types>");
  return `${xml.slice(0, close)}<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>${xml.slice(close)}`;
}

export function removeOverride(xml: string, part: string): string {
  return xml.replace(/<Override\b[^>]*>(?:<\/Override>)?/g, (tag) =>
    unescapeXml(attributes(tag).PartName ?? "") === `/${part}` ? "" : tag,
  );
}

// ----------------------------------------------------------------------------------------- workbook.xml

export interface SheetEntry {
  name: string;
  sheetId: string;
  relId: string;
  state: "visible" | "hidden" | "veryHidden";
  /** The <sheet/> element as written. */
  tag: string;
}

export function parseSheets(workbookXml: string): SheetEntry[] {
  const sheets = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? "";
  return [...sheets.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const relId = Object.entries(a).find(([key]) => key === "r:id" || key.endsWith(":id"))?.[1] ?? "";
    const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
    return { name: a.name, sheetId: a.sheetId, relId, state, tag: m[0] };
  });
}
