/**
 * The package adapter (src/xlsx/package) on real files written by ExcelJS, openpyxl and LibreOffice, with
 * the parts users' files carry: charts and a chart sheet, pictures, comments, Excel tables, a PivotTable
 * and its cache, an external link, data validations, defined names, workbook protection, an unrelated
 * log sheet. `kstthc score` runs on each; input and output are compared zip entry by zip entry.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { cellText, parseRangeAddress } from "../../src/core/grid";
import { META_SHEET, readOwnership } from "../../src/core/ownership";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { hasSoffice, openpyxlPython, sofficeConvert } from "../helpers/office-tools";
import {
  cellsOf,
  entryNames,
  partText,
  rawEntries,
  sheetPart,
  sheetWithoutToolElements,
  EDITED_PARTS,
} from "../helpers/package-parts";
import { tempDir } from "../helpers/workbooks";
import { DATA_SHEET, exceljsWorkbook, libreOfficeSource, openpyxlWorkbook } from "./package-fixtures";

jest.setTimeout(300_000);

interface Fixture {
  input: Uint8Array;
  /** Parts the input must hold for the comparison to mean something. */
  carries: RegExp[];
}

const python = openpyxlPython();
const soffice = hasSoffice();
const fixtures = new Map<string, Fixture>();
let dir: string;

const FIXTURES: { name: string; needs: string | undefined }[] = [
  { name: "ExcelJS", needs: undefined },
  { name: "openpyxl", needs: python ? undefined : "python3 with openpyxl and PIL" },
  { name: "LibreOffice", needs: soffice ? undefined : "soffice (LibreOffice)" },
  {
    name: "openpyxl, saved again by LibreOffice",
    needs: !python ? "python3 with openpyxl and PIL" : soffice ? undefined : "soffice (LibreOffice)",
  },
];
for (const f of FIXTURES) {
  if (f.needs) console.warn(`Bỏ qua tệp mẫu “${f.name}”: máy không có ${f.needs}.`);
}
const available = FIXTURES.filter((f) => !f.needs).map((f) => f.name);

beforeAll(async () => {
  dir = await tempDir();
  fixtures.set("ExcelJS", {
    input: await exceljsWorkbook(20, 2000),
    carries: [/^xl\/tables\/table1\.xml$/, /^xl\/media\//, /^xl\/comments1\.xml$/, /^xl\/drawings\//],
  });
  const openpyxlFile = path.join(dir, "openpyxl.xlsx");
  if (python) {
    openpyxlWorkbook(python, openpyxlFile, 2000);
    fixtures.set("openpyxl", {
      input: new Uint8Array(await fs.readFile(openpyxlFile)),
      carries: [
        /^xl\/charts\/chart1\.xml$/,
        /^xl\/chartsheets\/sheet1\.xml$/,
        /^xl\/media\/image1\.png$/,
        /^xl\/comments\/comment1\.xml$/,
        /^xl\/tables\/table1\.xml$/,
      ],
    });
  }
  if (soffice) {
    const source = path.join(dir, "libreoffice.fods");
    await libreOfficeSource(source, 15);
    const sources = python ? [source, openpyxlFile] : [source];
    const [lo, resaved] = await sofficeConvert(sources, "xlsx", path.join(dir, "lo"));
    fixtures.set("LibreOffice", {
      input: new Uint8Array(await fs.readFile(lo)),
      carries: [/^xl\/pivotCache\/pivotCacheDefinition1\.xml$/, /^xl\/pivotTables\//, /^xl\/externalLinks\//],
    });
    if (resaved) {
      fixtures.set("openpyxl, saved again by LibreOffice", {
        input: new Uint8Array(await fs.readFile(resaved)),
        carries: [/^xl\/charts\/chart\d+\.xml$/, /^xl\/media\//, /^xl\/comments\d*\.xml$/],
      });
    }
  }
});

async function score(input: Uint8Array, name: string, args: string[] = []) {
  const inFile = path.join(dir, `${name}.xlsx`);
  const outFile = path.join(dir, `${name}-out.xlsx`);
  await fs.writeFile(inFile, input);
  const io = { out: "", err: "" };
  const code = await main(["score", inFile, "-o", outFile, ...args], {
    stdout: (t) => (io.out += t),
    stderr: (t) => (io.err += t),
  });
  const output = code === 0 ? new Uint8Array(await fs.readFile(outFile)) : undefined;
  return { code, output, ...io };
}

const slug = (name: string) => name.replace(/[^a-z]+/gi, "-");
const outputs = new Map<string, Uint8Array>();
async function scored(name: string): Promise<Uint8Array> {
  let out = outputs.get(name);
  if (!out) {
    const run = await score((fixtures.get(name) as Fixture).input, slug(name));
    expect(run.err).toBe("");
    out = run.output as Uint8Array;
    outputs.set(name, out);
  }
  return out;
}

/** The parts the tool may change: the data sheet, the package index, workbook, styles, strings, properties. */
function ownedParts(input: Uint8Array): Set<string> {
  return new Set([sheetPart(input, DATA_SHEET), ...EDITED_PARTS]);
}

describe.each(available)("a workbook written by %s", (name) => {
  it("comes out with every part the tool does not own byte for byte, in the same zip order", async () => {
    const { input, carries } = fixtures.get(name) as Fixture;
    const output = await scored(name);
    const before = rawEntries(input);
    const after = new Map(rawEntries(output).map((e) => [e.name, e.raw]));
    for (const part of carries) expect(before.map((e) => e.name).some((n) => part.test(n))).toBe(true);

    const owned = ownedParts(input);
    const joinedTable = name === "ExcelJS" ? "xl/tables/table1.xml" : undefined;
    let copied = 0;
    for (const entry of before) {
      if (owned.has(entry.name) || entry.name === joinedTable) continue;
      expect([entry.name, Buffer.from(after.get(entry.name) ?? []).equals(Buffer.from(entry.raw))]).toEqual([
        entry.name,
        true,
      ]);
      copied++;
    }
    expect(copied).toBeGreaterThan(5);
    // The input's entries keep their order; the tool's new parts come after them.
    const names = entryNames(output);
    expect(names.slice(0, before.length)).toEqual(before.map((e) => e.name));
  });

  it("keeps the workbook's sheets, defined names and protection as written, and adds its own sheets", async () => {
    const { input } = fixtures.get(name) as Fixture;
    const output = await scored(name);
    const workbookIn = partText(input, "xl/workbook.xml");
    const workbookOut = partText(output, "xl/workbook.xml");
    for (const sheet of workbookIn.match(/<sheet\b[^>]*>/g) ?? []) expect(workbookOut).toContain(sheet);
    for (const definedName of workbookIn.match(/<definedName\b[^>]*>[^<]*<\/definedName>/g) ?? []) {
      expect(workbookOut).toContain(definedName);
    }
    const protection = /<workbookProtection\b[^>]*>/.exec(workbookIn)?.[0];
    if (name === "openpyxl") expect(protection).toBeDefined();
    if (protection) expect(workbookOut).toContain(protection);
    const pkg = WorkbookPackage.open(output, "out.xlsx");
    const added = pkg.worksheets.slice(-3).map((s) => [s.name, s.state]);
    expect(added).toEqual([
      ["Tiêu chí", "visible"],
      ["Tổng hợp", "visible"],
      [META_SHEET, "hidden"],
    ]);
  });

  it("changes the data sheet only in the tool's output columns", async () => {
    const { input } = fixtures.get(name) as Fixture;
    const output = await scored(name);
    const xmlIn = partText(input, sheetPart(input, DATA_SHEET));
    const xmlOut = partText(output, sheetPart(output, DATA_SHEET));
    const ownership = readOwnership(WorkbookPackage.open(output, "out.xlsx").grid(META_SHEET));
    const range = ownership?.outputRange;
    expect(range).toBeDefined();
    if (!range) return;
    const inside = (ref: string) => {
      const cell = parseRangeAddress(ref);
      return (
        cell !== undefined && cell.left >= range.left && cell.left <= range.right && cell.top >= range.top
      );
    };
    const cellsIn = cellsOf(xmlIn);
    const cellsOut = cellsOf(xmlOut);
    let kept = 0;
    for (const [ref, cell] of cellsIn) {
      if (inside(ref)) continue;
      expect([ref, cellsOut.get(ref)]).toEqual([ref, cell]);
      kept++;
    }
    expect(kept).toBeGreaterThan(60);
    for (const ref of cellsOut.keys()) if (!inside(ref)) expect(cellsIn.has(ref)).toBe(true);
    expect([...cellsOut.keys()].filter(inside).length).toBeGreaterThan(20);
    expect(sheetWithoutToolElements(xmlOut)).toBe(sheetWithoutToolElements(xmlIn));
  });

  it("changes nothing on a second run over its own output", async () => {
    const output = await scored(name);
    const again = await score(output, `${slug(name)}-again`);
    expect(again.err).toBe("");
    expect(Buffer.from(again.output as Uint8Array).equals(Buffer.from(output))).toBe(true);
  });
});

describe("an Excel table holding the unit table", () => {
  it("is widened over the output columns: its range, its filter and its columns", async () => {
    const { input } = fixtures.get("ExcelJS") as Fixture;
    const output = await scored("ExcelJS");
    const before = partText(input, "xl/tables/table1.xml");
    const after = partText(output, "xl/tables/table1.xml");
    expect(/<table\b[^>]*\bref="([^"]+)"/.exec(before)?.[1]).toBe("A3:E23");
    const ref = /<table\b[^>]*\bref="([^"]+)"/.exec(after)?.[1];
    const range = parseRangeAddress(ref ?? "");
    expect(range && [range.top, range.left, range.bottom]).toEqual([2, 0, 22]);
    expect(range?.right).toBeGreaterThan(4);
    expect(/<autoFilter\b[^>]*\bref="([^"]+)"/.exec(after)?.[1]).toBe(ref);
    // Each new column is named as its header cell reads, which Excel requires of a table.
    const grid = WorkbookPackage.open(output, "out.xlsx").grid(DATA_SHEET);
    const columns = [...after.matchAll(/<tableColumn\b[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
    const headers = (grid.values[2] ?? []).map((v) => cellText(v));
    expect(columns).toEqual(headers.slice(0, (range?.right ?? 0) + 1));
    expect(/<tableColumns count="(\d+)"/.exec(after)?.[1]).toBe(String(columns.length));
  });
});

describe("the outputs, opened in LibreOffice", () => {
  const converted = new Map<string, { xlsx: Uint8Array; pdf: Buffer }>();

  beforeAll(async () => {
    if (!soffice) return;
    // One conversion of every output per format: starting LibreOffice is the slow part.
    const files = await Promise.all(
      available.map(async (name) => {
        const file = path.join(dir, `${slug(name)}-lo-check.xlsx`);
        await fs.writeFile(file, await scored(name));
        return file;
      }),
    );
    const xlsx = await sofficeConvert(files, "xlsx", path.join(dir, "lo-xlsx"));
    const pdf = await sofficeConvert(files, "pdf", path.join(dir, "lo-pdf"));
    for (const [i, name] of available.entries()) {
      converted.set(name, {
        xlsx: new Uint8Array(await fs.readFile(xlsx[i])),
        pdf: await fs.readFile(pdf[i]),
      });
    }
  });

  (soffice ? it.each(available) : it.skip.each(available))(
    "converts the output for %s to PDF and back to .xlsx with the tool's cells in place",
    (name) => {
      const { xlsx, pdf } = converted.get(name) as { xlsx: Uint8Array; pdf: Buffer };
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pkg = WorkbookPackage.open(xlsx, "lo.xlsx");
      const headers = (pkg.grid(DATA_SHEET).values[2] ?? []).map((v) => cellText(v));
      expect(headers).toContain("Tổng điểm thi đua");
      expect(pkg.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Tiêu chí", "Tổng hợp"]));
      const summary = pkg
        .grid("Tổng hợp")
        .values.flat()
        .map((v) => cellText(v));
      expect(summary.some((t) => t.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))).toBe(true);
    },
  );
});
