/**
 * What a zip file holds, and repairs of valid .xlsx files that ExcelJS cannot load: openpyxl writes
 * relationship targets as absolute paths ("/xl/comments/comment1.xml"), which ExcelJS does not resolve
 * (comments, tables, charts, chart sheets). Excel and LibreOffice open such files.
 */
import type JSZip from "jszip";

export { packageKind, zipPartNames, type PackageKind } from "../../src/xlsx/package-kind";

/** JSZip is loaded only for a file that needs repairing. */
export async function openZip(bytes: Uint8Array): Promise<JSZip | undefined> {
  try {
    const { default: zip } = await import("jszip");
    return await zip.loadAsync(bytes);
  } catch {
    return undefined;
  }
}

/** "/xl/drawings/drawing1.xml" seen from "xl/worksheets/_rels/sheet1.xml.rels" → "../drawings/drawing1.xml". */
export function relativeTarget(relsPath: string, absolute: string): string {
  // The source part lives in the folder above "_rels".
  const from = relsPath.split("/").slice(0, -2);
  const to = absolute.replace(/^\//, "").split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

const ABSOLUTE_TARGET = /(<Relationship\b[^>]*?\bTarget=")(\/[^"]*)"/g;
const DRAWING_REL = /<Relationship\b[^>]*?\bType="[^"]*\/relationships\/drawing"[^>]*?\/>/g;

interface Repair {
  bytes: Uint8Array;
  /** Drawings (charts, pictures) the repaired copy leaves out: the result file will not have them. */
  droppedDrawings: number;
}

async function rewrite(zip: JSZip, name: string, edit: (xml: string) => string): Promise<boolean> {
  const file = zip.file(name);
  if (!file) return false;
  const xml = await file.async("string");
  const fixed = edit(xml);
  if (fixed === xml) return false;
  zip.file(name, fixed);
  return true;
}

/** Moves a part to the name ExcelJS looks for and points the relationship at it. */
async function movePart(zip: JSZip, from: string, to: string): Promise<void> {
  const file = zip.file(from);
  if (!file || from === to) return;
  zip.file(to, await file.async("uint8array"));
  zip.remove(from);
}

/**
 * Rewrites what ExcelJS trips on, keeping the cells, styles, merges and comments. The repaired copy,
 * or undefined when there was nothing to repair.
 */
export async function repairForExcelJs(zip: JSZip): Promise<Repair | undefined> {
  let changed = false;
  let droppedDrawings = 0;
  let comments = 0;
  const names = Object.keys(zip.files);
  for (const name of names.filter((n) => n.endsWith(".rels") && n !== "_rels/.rels")) {
    changed =
      (await rewrite(zip, name, (xml) =>
        xml.replace(
          ABSOLUTE_TARGET,
          (_, head: string, target: string) => `${head}${relativeTarget(name, target)}"`,
        ),
      )) || changed;
  }
  for (const rels of names.filter((n) => /^xl\/(worksheets|chartsheets)\/_rels\/[^/]+\.rels$/.test(n))) {
    // Drawings written without the xdr: prefix (openpyxl) make ExcelJS fail; it does not keep charts anyway.
    const sheet = rels.replace("_rels/", "").replace(/\.rels$/, "");
    const before = (await zip.file(rels)?.async("string")) ?? "";
    const dropped = before.match(DRAWING_REL)?.length ?? 0;
    if (dropped > 0) {
      droppedDrawings += dropped;
      // ExcelJS reads every drawing part by its name, linked or not: the parts go too.
      for (const rel of before.match(DRAWING_REL) ?? []) {
        const target = /Target="\.\.\/drawings\/([^"]+)"/.exec(rel)?.[1];
        if (target) {
          zip.remove(`xl/drawings/${target}`);
          zip.remove(`xl/drawings/_rels/${target}.rels`);
        }
      }
      await rewrite(zip, rels, (xml) => xml.replace(DRAWING_REL, ""));
      await rewrite(zip, sheet, (xml) => xml.replace(/<drawing\b[^>]*\/>/g, ""));
      changed = true;
    }
    // Comments and their shapes under the names ExcelJS reads: xl/commentsN.xml, xl/drawings/vmlDrawingN.vml.
    const xml = (await zip.file(rels)?.async("string")) ?? "";
    let fixed = xml;
    for (const match of xml.matchAll(/Target="\.\.\/(comments\/[^"]+\.xml)"/g)) {
      comments++;
      await movePart(zip, `xl/${match[1]}`, `xl/comments${comments}.xml`);
      // ExcelJS reads a comment's text from runs only: a plain <t> (openpyxl) becomes one run.
      await rewrite(zip, `xl/comments${comments}.xml`, (text) =>
        text.replace(/<text>\s*<t(\b[^>]*)>([\s\S]*?)<\/t>\s*<\/text>/g, "<text><r><t$1>$2</t></r></text>"),
      );
      fixed = fixed.replace(match[0], `Target="../comments${comments}.xml"`);
    }
    for (const match of xml.matchAll(/Target="\.\.\/drawings\/([^"]+\.vml)"/g)) {
      if (/^vmlDrawing\d+\.vml$/.test(match[1])) continue;
      await movePart(zip, `xl/drawings/${match[1]}`, `xl/drawings/vmlDrawing${comments}.vml`);
      fixed = fixed.replace(match[0], `Target="../drawings/vmlDrawing${comments}.vml"`);
    }
    if (fixed !== xml) {
      zip.file(rels, fixed);
      changed = true;
    }
  }
  return changed ? { bytes: await zip.generateAsync({ type: "uint8array" }), droppedDrawings } : undefined;
}
