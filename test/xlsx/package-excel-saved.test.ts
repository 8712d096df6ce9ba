/**
 * The package adapter on workbooks that Microsoft Excel itself saved (test/fixtures/excel-saved: Excel
 * 2007; Excel 2011 for Mac, its sheet ending in an extension list; Excel 2016 for Windows with a chart;
 * Excel 2016 for Mac with an Excel table and a merged cell on the sheet written to; Microsoft 365 for Mac
 * with PivotTables, and with a threaded comment). README.md there says where each comes from.
 *
 * None of them holds a unit table, and Excel cannot run here to type one in. So, at test time, the
 * table is put in as Excel would have saved it after typing (test/fixtures/excel-saved/unit-table.ts):
 * in one sheet, below the rows Excel wrote, new `<row>` elements (with `spans`, and `x14ac:dyDescent`
 * where the sheet has it) holding a title naming the year, the header and six units, texts as shared
 * strings; that sheet's `dimension` widened to cover them; the texts appended to `xl/sharedStrings.xml`
 * with its `count` and `uniqueCount` raised. Those two entries are the only ones rewritten; every other
 * entry is copied raw, in its place — the first test checks so.
 *
 * The file is scored under the name "theo-doi-2024.xlsx": where the table stands below row 12, the year
 * is not read from its title (the core looks at the first 12 rows) but from the name, as users' files give it.
 *
 * Then, as for the Excel 365 stand-in: every part the tool does not own comes out as Excel wrote it,
 * byte for byte and in the same zip order; the sheet changes only in the tool's cells, Excel's rows and
 * their attributes kept; the scores and the list of proposed units are those the criteria give for the
 * six units; a second run changes nothing; LibreOffice opens the result and reads Excel's cells as before.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { cellText } from "../../src/core/grid";
import type { RunResult } from "../../src/core/run";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { SHARED_STRINGS, TABLE_ROWS, UNITS, withUnitTable } from "../fixtures/excel-saved/unit-table";
import { hasSoffice, sofficeConvert } from "../helpers/office-tools";
import {
  expectOnlyToolCells,
  entryNames,
  partText,
  rawEntries,
  sheetPart,
  sheetWithoutToolElements,
  EDITED_PARTS,
  topLevel,
  WORKSHEET_ORDER,
} from "../helpers/package-parts";
import { tempDir } from "../helpers/workbooks";

jest.setTimeout(300_000);

interface Saved {
  file: string;
  /** docProps/app.xml's AppVersion: 12 is Excel 2007, 14 Excel 2010/2011, 15 and 16 Excel 2013 to 365. */
  appVersion: string;
  /** The sheet the unit table is typed into, and its title row (1-based). */
  sheet: string;
  top: number;
  /** Parts Excel wrote that the comparison must cover. */
  carries: string[];
}

const SAVED: Saved[] = [
  {
    file: "excel-2007.xlsx",
    appVersion: "12.0000",
    sheet: "Sheet1",
    top: 4,
    carries: [
      "xl/calcChain.xml",
      "xl/printerSettings/printerSettings1.bin",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ],
  },
  {
    file: "excel-2011-mac.xlsx",
    appVersion: "14.0300",
    sheet: "Sheet1",
    top: 4,
    // The sheet ends with Excel for Mac's own extension list (mx:PLV): the tool's elements go before it.
    carries: ["docProps/thumbnail.jpeg", "xl/theme/theme1.xml"],
  },
  {
    file: "excel-2016-chart.xlsx",
    appVersion: "16.0300",
    sheet: "ClickThroughRateSheet",
    top: 18,
    carries: [
      "xl/charts/chart1.xml",
      "xl/charts/style1.xml",
      "xl/charts/colors1.xml",
      "xl/charts/_rels/chart1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/printerSettings/printerSettings1.bin",
      "xl/calcChain.xml",
    ],
  },
  {
    file: "excel-2016-mac-table.xlsx",
    appVersion: "15.0300",
    sheet: "arts",
    top: 21,
    // Below an Excel table with a calculated column and a merged cell, on the sheet the tool writes to.
    carries: [
      "xl/tables/table1.xml",
      "xl/tables/table2.xml",
      "xl/worksheets/_rels/sheet1.xml.rels",
      "xl/worksheets/sheet2.xml",
      "xl/calcChain.xml",
      "docProps/thumbnail.jpeg",
    ],
  },
  {
    file: "excel-365-mac-pivot-tables.xlsx",
    appVersion: "16.0300",
    sheet: "iris_pivot",
    top: 11,
    carries: [
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotTables/pivotTable2.xml",
      "xl/pivotTables/pivotTable3.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/pivotCache/pivotCacheDefinition2.xml",
      "xl/pivotCache/pivotCacheRecords2.xml",
      "xl/tables/table1.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet3.xml",
    ],
  },
  {
    file: "excel-365-mac-threaded-comment.xlsx",
    appVersion: "16.0300",
    sheet: "Sheet1",
    top: 3,
    carries: [
      "xl/threadedComments/threadedComment1.xml",
      "xl/persons/person.xml",
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/worksheets/_rels/sheet1.xml.rels",
    ],
  },
];

/** What the default criteria give the six units: III (766 score above 80) and IV.9 (100% at every level). */
const EXPECTED_TOTALS = new Map([
  ["Sở Ngoại vụ", 30],
  ["Sở Tư pháp", 0],
  ["UBND huyện An Phú", 30],
  ["UBND huyện Tri Tôn", 0],
  ["Bảo hiểm xã hội tỉnh", 35],
  ["Cục Thuế tỉnh", 0],
]);

interface Run {
  excel: Uint8Array;
  input: Uint8Array;
  output: Uint8Array;
  result: RunResult;
  part: string;
}

const runs = new Map<string, Run>();

function score(bytes: Uint8Array): { output: Uint8Array; result: RunResult } {
  // The file's name tells the year where the title stands below the rows the year is read from (12).
  const fileName = "theo-doi-2024.xlsx";
  const pkg = WorkbookPackage.open(bytes, fileName);
  const result = scorePackage(pkg, { fileName });
  return { output: pkg.save(), result };
}

beforeAll(async () => {
  for (const saved of SAVED) {
    const excel = new Uint8Array(
      await fs.readFile(path.join(__dirname, "..", "fixtures", "excel-saved", saved.file)),
    );
    const input = withUnitTable(excel, saved.sheet, saved.top);
    runs.set(saved.file, { excel, input, ...score(input), part: sheetPart(input, saved.sheet) });
  }
});

const run = (saved: Saved) => runs.get(saved.file) as Run;
const raw = (bytes: Uint8Array) => new Map(rawEntries(bytes).map((e) => [e.name, Buffer.from(e.raw)]));

describe.each(SAVED.map((s) => [s.file, s] as const))("%s", (_file, saved) => {
  it("is Excel's file, with the unit table typed into one sheet and nothing else rewritten", () => {
    const { excel, input, part } = run(saved);
    expect(partText(excel, "docProps/app.xml")).toMatch(
      /<Application>Microsoft (Macintosh )?Excel<\/Application>/,
    );
    expect(partText(excel, "docProps/app.xml")).toContain(`<AppVersion>${saved.appVersion}</AppVersion>`);
    expect(partText(excel, "xl/workbook.xml")).toMatch(/<fileVersion appName="xl"/);
    const names = entryNames(excel);
    expect(names).toEqual(expect.arrayContaining(saved.carries));
    expect(entryNames(input)).toEqual(names);
    const before = raw(excel);
    const rewritten = [...raw(input)].filter(([name, bytes]) => !bytes.equals(before.get(name) as Buffer));
    expect(rewritten.map(([name]) => name).sort()).toEqual([part, SHARED_STRINGS].sort());
  });

  it("copies every part the tool does not own byte for byte as Excel wrote it, in the same zip order", () => {
    const { excel, output, part } = run(saved);
    const owned = new Set([part, ...EDITED_PARTS]);
    const after = raw(output);
    const copied: string[] = [];
    for (const [name, bytes] of raw(excel)) {
      if (owned.has(name)) continue;
      expect([name, after.get(name)?.equals(bytes)]).toEqual([name, true]);
      copied.push(name);
    }
    expect(copied).toEqual(expect.arrayContaining(saved.carries.filter((name) => !owned.has(name))));
    // The tool writes no formula: Excel's calculation chain stays as it was.
    if (after.has("xl/calcChain.xml")) {
      expect(after.get("xl/calcChain.xml")?.equals(raw(excel).get("xl/calcChain.xml") as Buffer)).toBe(true);
    }
    expect(entryNames(output).slice(0, entryNames(excel).length)).toEqual(entryNames(excel));
  });

  it("changes the sheet only in the tool's cells, Excel's rows and their attributes kept", () => {
    const { input, output, part } = run(saved);
    const xmlIn = partText(input, part);
    const xmlOut = partText(output, part);
    expect(sheetWithoutToolElements(xmlOut)).toBe(sheetWithoutToolElements(xmlIn));
    expect(expectOnlyToolCells(output, xmlIn, xmlOut)).toBeGreaterThan(UNITS.length * 3);
    // The tool's elements stand where the schema puts them among Excel's, whose own come out as written.
    const order = topLevel(xmlOut).map((name) => WORKSHEET_ORDER.indexOf(name));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const name of [
      "mergeCells",
      "pageMargins",
      "pageSetup",
      "drawing",
      "legacyDrawing",
      "tableParts",
      "extLst",
    ]) {
      const element = new RegExp(`<${name}\\b(?:[^>]*/>|[\\s\\S]*?</${name}>)`).exec(xmlIn)?.[0];
      if (element) expect(xmlOut).toContain(element);
    }
    if (xmlIn.includes("<extLst>")) expect(topLevel(xmlOut).at(-1)).toBe("extLst");
    // Every row Excel wrote keeps its start tag (spans, heights, x14ac:dyDescent).
    const rowsOut = new Set(xmlOut.match(/<row\b[^>]*>/g));
    const excelRows = [...xmlIn.matchAll(/<row\b[^>]*?\br="(\d+)"[^>]*>/g)].filter(
      (m) => Number(m[1]) < saved.top,
    );
    expect(excelRows.length).toBeGreaterThan(0);
    for (const [tag] of excelRows) expect([tag, rowsOut.has(tag)]).toEqual([tag, true]);
  });

  it("scores the six units as the criteria say and proposes those that earned points", () => {
    const { output, result } = run(saved);
    expect(result.table.layout.sheet).toBe(saved.sheet);
    expect(result.table.layout.headerTop + 1).toBe(saved.top + 2);
    expect(new Map(result.scores.map((s) => [s.unit.name, s.total]))).toEqual(EXPECTED_TOTALS);
    expect(result.letter.proposed.map((p) => p.name)).toEqual([
      "Sở Ngoại vụ",
      "UBND huyện An Phú",
      "Bảo hiểm xã hội tỉnh",
    ]);
    expect(result.year).toBe(2024);
    // The file says the same: the totals column as written.
    const grid = WorkbookPackage.open(output, "out.xlsx").grid(saved.sheet);
    const header = grid.values[saved.top + 1].map((v) => cellText(v));
    const total = header.indexOf("Tổng điểm thi đua");
    expect(total).toBeGreaterThan(5);
    const written = grid.values
      .slice(saved.top + 2, saved.top - 1 + TABLE_ROWS)
      .map((row) => [cellText(row[1]), row[total]]);
    expect(written).toEqual([...EXPECTED_TOTALS]);
  });

  it("changes nothing on a second run", () => {
    const { output } = run(saved);
    expect(Buffer.from(score(output).output).equals(Buffer.from(output))).toBe(true);
  });
});

(hasSoffice() ? it : it.skip)("opens in LibreOffice, Excel's cells and the output columns read", async () => {
  const dir = await tempDir();
  const files: string[] = [];
  for (const saved of SAVED) {
    const name = path.parse(saved.file).name;
    for (const [suffix, bytes] of [
      ["in", run(saved).input],
      ["out", run(saved).output],
    ] as const) {
      files.push(path.join(dir, `${name}-${suffix}.xlsx`));
      await fs.writeFile(files.at(-1) as string, bytes);
    }
  }
  const converted = await sofficeConvert(files, "xlsx", path.join(dir, "lo"));
  const opened = await Promise.all(
    converted.map(async (file) => WorkbookPackage.open(new Uint8Array(await fs.readFile(file)), "lo.xlsx")),
  );
  SAVED.forEach((saved, i) => {
    const [fromIn, fromOut] = [opened[2 * i], opened[2 * i + 1]];
    const names = fromIn.worksheets.map((s) => s.name);
    expect(fromOut.worksheets.map((s) => s.name).slice(0, names.length)).toEqual(names);
    // Excel's sheets read the same, the target sheet above the table and in its first columns.
    for (const name of names) {
      const before = fromIn.grid(name).values;
      const after = fromOut.grid(name).values;
      if (name !== saved.sheet) expect([saved.file, name, after]).toEqual([saved.file, name, before]);
      else
        expect([saved.file, after.map((row) => (row ?? []).slice(0, 6))]).toEqual([
          saved.file,
          before.map((row) => (row ?? []).slice(0, 6)),
        ]);
    }
    const header = fromOut.grid(saved.sheet).values[saved.top + 1].map((v) => cellText(v));
    expect([saved.file, header.includes("Tổng điểm thi đua")]).toEqual([saved.file, true]);
  });
});
