/**
 * The package adapter on a workbook laid out as Excel 365 saves one (test/fixtures/excel365: an Excel
 * table with a slicer, a PivotTable, x14 conditional formatting and data validation in the sheet's
 * extLst, a calculation chain, revision ids): every part the tool does not own comes out byte for byte,
 * the data sheet changes only in the tool's cells with its extensions kept last, a second run changes
 * nothing, and LibreOffice opens the result.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { EXCEL365_DATA_SHEET, EXCEL365_PIVOT_SHEET, excel365Workbook } from "../fixtures/excel365/build";
import { hasSoffice, sofficeConvert } from "../helpers/office-tools";
import {
  expectOnlyToolCells,
  entryNames,
  rawEntries,
  sheetWithoutToolElements,
  scoredPackage,
  partText,
  EDITED_PARTS,
  topLevel,
  WORKSHEET_ORDER,
} from "../helpers/package-parts";
import { tempDir } from "../helpers/workbooks";

jest.setTimeout(300_000);

const DATA_PART = "xl/worksheets/sheet1.xml";

const text = partText;
const extLst = (xml: string) => /<extLst>[\s\S]*<\/extLst>(?=<\/worksheet>)/.exec(xml)?.[0];

const score = (bytes: Uint8Array) => scoredPackage(bytes, {}, "theo-doi-2024.xlsx");

let input: Uint8Array;
let output: Uint8Array;

beforeAll(async () => {
  input = await excel365Workbook();
  output = score(input);
});

it("is a fixture with what Excel 365 writes", () => {
  const names = entryNames(input);
  for (const part of [
    "xl/calcChain.xml",
    "xl/theme/theme1.xml",
    "xl/tables/table1.xml",
    "xl/slicers/slicer1.xml",
    "xl/slicerCaches/slicerCache1.xml",
    "xl/pivotTables/pivotTable1.xml",
    "xl/pivotCache/pivotCacheDefinition1.xml",
    "xl/pivotCache/pivotCacheRecords1.xml",
    "xl/drawings/drawing1.xml",
    "xl/printerSettings/printerSettings1.bin",
  ]) {
    expect(names).toContain(part);
  }
  const sheet = text(input, DATA_PART);
  expect(sheet).toMatch(/<worksheet [^>]*mc:Ignorable="x14ac xr xr2 xr3"[^>]*xr:uid="\{/);
  expect(sheet).toMatch(/<row r="4" spans="1:5" x14ac:dyDescent="0.25">/);
  expect(extLst(sheet)).toMatch(/x14:conditionalFormattings[\s\S]*x14:dataValidations[\s\S]*x14:slicerList/);
  expect(text(input, "xl/workbook.xml")).toMatch(/<x15:slicerCaches\b/);
  expect(text(input, "xl/tables/table1.xml")).toMatch(/xr:uid="\{[\s\S]*TableStyleMedium2/);
  expect(text(input, "docProps/app.xml")).toContain("<TitlesOfParts>");
});

it("copies every part the tool does not own byte for byte, in the same zip order", () => {
  const owned = new Set([
    DATA_PART,
    ...EDITED_PARTS,
    // Joined by the output columns.
    "xl/tables/table1.xml",
  ]);
  const after = new Map(rawEntries(output).map((e) => [e.name, e.raw]));
  const copied: string[] = [];
  for (const entry of rawEntries(input)) {
    if (owned.has(entry.name)) continue;
    expect([entry.name, Buffer.from(after.get(entry.name) ?? []).equals(Buffer.from(entry.raw))]).toEqual([
      entry.name,
      true,
    ]);
    copied.push(entry.name);
  }
  expect(copied).toEqual(
    expect.arrayContaining([
      "xl/slicers/slicer1.xml",
      "xl/slicerCaches/slicerCache1.xml",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/worksheets/sheet2.xml",
      "xl/theme/theme1.xml",
    ]),
  );
  // The formula cell the chain lists is not the tool's: the chain is kept as it was.
  expect(Buffer.from(after.get("xl/calcChain.xml") ?? []).toString("latin1")).toBe(
    Buffer.from(rawEntries(input).find((e) => e.name === "xl/calcChain.xml")?.raw ?? []).toString("latin1"),
  );
  expect(entryNames(output).slice(0, entryNames(input).length)).toEqual(entryNames(input));
});

it("changes the data sheet only in the tool's cells, its extensions kept last and in schema order", () => {
  const xmlIn = text(input, DATA_PART);
  const xmlOut = text(output, DATA_PART);
  expect(sheetWithoutToolElements(xmlOut)).toBe(sheetWithoutToolElements(xmlIn));
  expect(extLst(xmlOut)).toBe(extLst(xmlIn));
  // The user's own conditional format and validation stay as written.
  for (const element of xmlIn.match(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g) ?? []) {
    expect(xmlOut).toContain(element);
  }
  expect(xmlOut).toContain(/<dataValidations\b[\s\S]*?<\/dataValidations>/.exec(xmlIn)?.[0]);
  const order = topLevel(xmlOut).map((name) => WORKSHEET_ORDER.indexOf(name));
  expect(order).not.toContain(-1);
  expect(order).toEqual([...order].sort((a, b) => a - b));
  expect(topLevel(xmlOut).at(-1)).toBe("extLst");

  expect(expectOnlyToolCells(output, xmlIn, xmlOut)).toBeGreaterThan(6 * 6);
});

it("keeps the workbook's extensions, slicer name and pivot caches, and the table's revision ids", () => {
  const workbookIn = text(input, "xl/workbook.xml");
  const workbookOut = text(output, "xl/workbook.xml");
  expect(/<extLst>[\s\S]*<\/extLst>/.exec(workbookOut)?.[0]).toBe(
    /<extLst>[\s\S]*<\/extLst>/.exec(workbookIn)?.[0],
  );
  expect(workbookOut).toContain('<definedName name="Slicer_Khối">#N/A</definedName>');
  expect(workbookOut).toContain('<pivotCaches><pivotCache cacheId="1" r:id="rId4"/></pivotCaches>');
  const tableIn = text(input, "xl/tables/table1.xml");
  const tableOut = text(output, "xl/tables/table1.xml");
  for (const uid of tableIn.match(/xr3?:uid="[^"]+"/g) ?? []) expect(tableOut).toContain(uid);
  expect(tableOut).toContain('<tableStyleInfo name="TableStyleMedium2"');
  // The tool's sheets join the worksheets' titles, before the named range's.
  expect(text(output, "docProps/app.xml")).toMatch(
    /<vt:i4>6<\/vt:i4>[\s\S]*<vt:lpstr>Danh mục<\/vt:lpstr><vt:lpstr>Tiêu chí<\/vt:lpstr>[\s\S]*<vt:lpstr>Slicer_Khối<\/vt:lpstr>/,
  );
});

it("changes nothing on a second run", () => {
  expect(Buffer.from(score(output)).equals(Buffer.from(output))).toBe(true);
});

(hasSoffice() ? it : it.skip)(
  "opens in LibreOffice, the PivotTable's sheet and the output columns read",
  async () => {
    const dir = await tempDir();
    const files = [path.join(dir, "excel365-in.xlsx"), path.join(dir, "excel365-out.xlsx")];
    await fs.writeFile(files[0], input);
    await fs.writeFile(files[1], output);
    const converted = await sofficeConvert(files, "xlsx", path.join(dir, "lo"));
    const [fromIn, fromOut] = await Promise.all(
      converted.map(async (file) => WorkbookPackage.open(new Uint8Array(await fs.readFile(file)), "lo.xlsx")),
    );
    const header = fromOut.grid(EXCEL365_DATA_SHEET).values[2];
    expect(header.slice(0, 5)).toEqual(fromIn.grid(EXCEL365_DATA_SHEET).values[2].slice(0, 5));
    expect(header).toContain("Tổng điểm thi đua");
    expect(fromOut.grid(EXCEL365_PIVOT_SHEET).values).toEqual(fromIn.grid(EXCEL365_PIVOT_SHEET).values);
    expect(fromIn.grid(EXCEL365_PIVOT_SHEET).values[3]?.[0]).toBe("Sở, ban, ngành");
  },
);
