/**
 * Workbooks whose parts prefix SpreadsheetML's elements (`<x:worksheet xmlns:x="…/main"><x:sheetData>`),
 * as the Open XML SDK and other .NET writers produce them: read as the same workbook unprefixed, and
 * edited with every new element in that namespace under the same prefix. The fixture is an ExcelJS
 * file whose main-namespace parts (workbook, sheets, shared strings, styles, table, comments) are
 * rewritten with the prefix, at test time.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { promises as fs } from "node:fs";
import path from "node:path";
import { SaxesParser } from "saxes";
import type { RunOptions } from "../../src/core/run";
import {
  mainPrefixCutter,
  mainPrefixOf,
  withMainPrefix,
  withoutMainPrefix,
} from "../../src/xlsx/package/xml";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { hasSoffice, sofficeConvert } from "../helpers/office-tools";
import { rawEntries, sheetPart, scoredPackage, partText, EDITED_PARTS } from "../helpers/package-parts";
import { tempDir } from "../helpers/workbooks";
import { DATA_SHEET, exceljsWorkbook } from "./package-fixtures";

jest.setTimeout(300_000);

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** Every part whose root has SpreadsheetML as its default namespace, rewritten with the prefix "x". */
function prefixed(bytes: Uint8Array): { bytes: Uint8Array; parts: string[] } {
  const files = unzipSync(bytes);
  const parts: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!name.endsWith(".xml")) continue;
    const xml = strFromU8(data);
    const root = /<(?!\?)[^>]*>/.exec(xml)?.[0] ?? "";
    if (!root.includes(` xmlns="${MAIN}"`)) continue;
    const rewritten = xml
      .replace(root, root.replace(` xmlns="${MAIN}"`, ` xmlns:x="${MAIN}"`))
      .replace(/<(\/?)(?![\w.-]+:)(?=[A-Za-z_])/g, "<$1x:");
    files[name] = strToU8(rewritten);
    parts.push(name);
  }
  return { bytes: zipSync(files), parts };
}

const OPTIONS: RunOptions = { year: 2024 };

const score = (bytes: Uint8Array) => scoredPackage(bytes, OPTIONS);

function grids(bytes: Uint8Array) {
  const pkg = WorkbookPackage.open(bytes, "tep.xlsx");
  return pkg.worksheets.map((s) => pkg.grid(s.name));
}

/** The namespace and prefix of every element of a part, as a namespace-aware parser reads them. */
function elements(xml: string): { name: string; uri: string; prefix: string }[] {
  const out: { name: string; uri: string; prefix: string }[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (tag) => out.push({ name: tag.name, uri: tag.uri ?? "", prefix: tag.prefix ?? "" }));
  parser.write(xml).close();
  return out;
}

let plain: Uint8Array;
let input: Uint8Array;
let prefixedParts: string[];
let output: Uint8Array;
let plainOutput: Uint8Array;
/** The data sheet's part (the test's own part lookup reads unprefixed workbooks). */
let dataPart: string;

beforeAll(async () => {
  // A log long enough that its part is decompressed in many pieces, tags split between them.
  plain = await exceljsWorkbook(12, 20_000);
  dataPart = sheetPart(plain, DATA_SHEET);
  ({ bytes: input, parts: prefixedParts } = prefixed(plain));
  output = score(input);
  plainOutput = score(plain);
});

const text = partText;

it("is a fixture that prefixes the workbook, the sheets, shared strings, styles and the table", () => {
  for (const part of [dataPart, "xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml"]) {
    expect(prefixedParts).toContain(part);
  }
  expect(prefixedParts.some((p) => p.startsWith("xl/tables/"))).toBe(true);
  const sheet = text(input, dataPart);
  expect(sheet).toMatch(/^[\s\S]*?<x:worksheet xmlns:x="[^"]+"[\s\S]*<x:sheetData><x:row /);
  expect(sheet).not.toMatch(/<sheetData|<row\b|<c\b/);
});

it("is read and scored as the same workbook unprefixed", () => {
  expect(grids(input)).toEqual(grids(plain));
  expect(grids(output)).toEqual(grids(plainOutput));
});

it("keeps every element of the parts it edits in SpreadsheetML's namespace, under the file's prefix", () => {
  const edited = prefixedParts.filter((part) => {
    const before = rawEntries(input).find((e) => e.name === part)?.raw;
    const after = rawEntries(output).find((e) => e.name === part)?.raw;
    return !before || !after || !Buffer.from(before).equals(Buffer.from(after));
  });
  // The data sheet, the workbook, styles, shared strings and the joined table were written.
  expect(edited).toEqual(expect.arrayContaining([dataPart, "xl/workbook.xml"]));
  expect(edited.length).toBeGreaterThanOrEqual(4);
  for (const part of edited) {
    const found = elements(text(output, part));
    const main = found.filter((e) => e.uri === MAIN);
    expect([part, main.length]).not.toEqual([part, 0]);
    // No element falls out of its namespace (no default namespace is declared), none loses the prefix.
    expect([part, found.filter((e) => e.uri === "")]).toEqual([part, []]);
    expect([part, main.filter((e) => e.prefix !== "x").map((e) => e.name)]).toEqual([part, []]);
  }
  // The tool's output cells are among them, prefixed.
  expect(text(output, dataPart)).toMatch(/<x:c r="[F-L]4"/);
});

it("copies every part it does not edit byte for byte", () => {
  const after = new Map(rawEntries(output).map((e) => [e.name, e.raw]));
  const owned = new Set([dataPart, ...EDITED_PARTS, "xl/tables/table1.xml"]);
  const copied = rawEntries(input).filter((e) => !owned.has(e.name));
  expect(copied.length).toBeGreaterThan(5);
  for (const entry of copied) {
    expect([entry.name, Buffer.from(after.get(entry.name) ?? []).equals(Buffer.from(entry.raw))]).toEqual([
      entry.name,
      true,
    ]);
  }
});

it("changes nothing on a second run", () => {
  expect(Buffer.from(score(output)).equals(Buffer.from(output))).toBe(true);
});

(hasSoffice() ? it : it.skip)(
  "opens in LibreOffice with the same cells as the unprefixed file's output",
  async () => {
    const dir = await tempDir();
    const files = [path.join(dir, "prefixed.xlsx"), path.join(dir, "plain.xlsx")];
    await fs.writeFile(files[0], output);
    await fs.writeFile(files[1], plainOutput);
    const [fromPrefixed, fromPlain] = await sofficeConvert(files, "xlsx", path.join(dir, "lo"));
    const read = async (file: string) => grids(new Uint8Array(await fs.readFile(file)));
    const prefixedGrids = await read(fromPrefixed);
    expect(prefixedGrids.find((g) => g.name === DATA_SHEET)?.values[3]?.length).toBeGreaterThan(6);
    expect(prefixedGrids).toEqual(await read(fromPlain));
  },
);

describe("the prefix, cut and put back", () => {
  const sheet =
    `<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${MAIN}" xmlns:r="rel"><x:sheetData>` +
    `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>` +
    `<x:extLst><x:ext uri="u"><x14:id xmlns:x14="n">a&lt;x:b</x14:id></x:ext></x:extLst></x:worksheet>`;
  const bare =
    `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="${MAIN}" xmlns:x="${MAIN}" xmlns:r="rel"><sheetData>` +
    `<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>` +
    `<extLst><ext uri="u"><x14:id xmlns:x14="n">a&lt;x:b</x14:id></ext></extLst></worksheet>`;

  it("reads the same text whatever pieces the part comes in", () => {
    for (let a = 0; a <= sheet.length; a++) {
      for (const b of [a, a + 1, a + 3, a + 7]) {
        const cut = mainPrefixCutter();
        const pieces = [sheet.slice(0, a), sheet.slice(a, Math.max(a, b)), sheet.slice(Math.max(a, b))];
        const read = pieces.map((p) => cut(p, false)).join("") + cut("", true);
        // The root keeps its declarations; the streamed reader needs only the elements' names.
        expect([a, b, read]).toEqual([a, b, bare.replace(` xmlns="${MAIN}"`, "")]);
      }
    }
  });

  it("gives a part's exact text back, and puts new elements under the prefix", () => {
    const main = mainPrefixOf(sheet);
    expect(main).toEqual({ prefix: "x", declaresDefault: false });
    if (!main) return;
    expect(withoutMainPrefix(sheet, main)).toBe(bare);
    expect(withMainPrefix(bare, main)).toBe(sheet);
    const edited = bare.replace("</sheetData>", '<row r="2"><c r="B2"><v>1</v></c></row></sheetData>');
    expect(withMainPrefix(edited, main)).toContain('<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row>');
    expect(mainPrefixOf(bare)).toBeUndefined();
    expect(mainPrefixOf(sheet.slice(0, 60))).toBeNull();
    // A prefix bound to another namespace is no concern of the adapter.
    expect(mainPrefixOf('<x:worksheet xmlns:x="other">')).toBeUndefined();
  });
});
