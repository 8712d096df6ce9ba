/**
 * The tool run on its own output changes nothing (issue #23): every fixture workbook the suite builds —
 * the examples, the messy workbooks, ExcelJS, openpyxl and LibreOffice files, the six files saved by Excel
 * with a unit table typed in, a portal export, a table joined with sources, the input fixtures of issue #23
 * (legacy encodings, group texts, a macro workbook, a very hidden sheet, a totals row) — is scored, and its result
 * scored again without the options of the first run: the same award list and the same bytes.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { RunOptions } from "../../src/core/run";
import { readSource } from "../../src/core/sources/read-source";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { generatedWorkbook } from "../excel/fixtures";
import { saveWorkbook } from "../exceljs/workbook";
import { excel365Workbook } from "../fixtures/excel365/build";
import { withUnitTable } from "../fixtures/excel-saved/unit-table";
import { tracking2025 as compareTracking2025 } from "../helpers/compare-files";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";
import {
  GROUP_TEXTS_SCRIPT,
  legacyScript,
  PLAIN_TABLE_SCRIPT,
  TOTALS_ROW_SCRIPT,
  VERY_HIDDEN_SCRIPT,
} from "../helpers/input-fixtures";
import { toTcvn3, toVni } from "../helpers/legacy-text";
import { writeMacroWorkbook } from "../helpers/macro-workbook";
import { messyWorkbookBytes } from "../helpers/messy-workbook";
import { withModifyPassword } from "../helpers/modify-password";
import {
  EXAMPLE_2025,
  ii07b,
  II07B_ROWS,
  portalExport,
  tracking2025,
  verticalRates2025,
} from "../helpers/source-files";
import { freshSampleBytes, gridsOf, SAMPLE, tempDir, xlsxBytes } from "../helpers/workbooks";
import { exceljsWorkbook, openpyxlWorkbook } from "./package-fixtures";

interface Fixture {
  name: string;
  bytes: () => Promise<Uint8Array>;
  /** The options of the first run; the second run is given none. */
  options?: () => Promise<RunOptions>;
}

const EXCEL_SAVED: [string, string, number][] = [
  ["excel-2007.xlsx", "Sheet1", 4],
  ["excel-2011-mac.xlsx", "Sheet1", 4],
  ["excel-2016-chart.xlsx", "ClickThroughRateSheet", 18],
  ["excel-2016-mac-table.xlsx", "arts", 21],
  ["excel-365-mac-pivot-tables.xlsx", "iris_pivot", 11],
  ["excel-365-mac-threaded-comment.xlsx", "Sheet1", 3],
];
const savedDir = path.join(__dirname, "..", "fixtures", "excel-saved");
const read = async (file: string) => new Uint8Array(await fs.readFile(file));

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const OPENPYXL_FORMULAS = [
  `ws.title = "Đơn vị"`,
  `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa cấp tỉnh"])`,
  `ws.append([1, "Sở Ngoại vụ", "Sở", 91, None])`,
  `ws.append([2, "Sở Tư pháp", "Sở", "=Nguon!B2", None])`,
  `ws.append([3, "Cục Thuế tỉnh", "Cơ quan ngành dọc", None, 100])`,
  `src = wb.create_sheet("Nguon")`,
  `src.append(["Đơn vị", "Điểm"])`,
  `src.append(["Sở Tư pháp", 88])`,
].join("\n");

const FIXTURES: Fixture[] = [
  { name: "the 2023 example", bytes: () => read(SAMPLE) },
  { name: "the 2023 example as staff start from it", bytes: freshSampleBytes },
  { name: "the 2025 example (two-row header)", bytes: () => read(EXAMPLE_2025) },
  {
    name: "the 2025 example joined with a II.07b and a portal export",
    bytes: () => read(EXAMPLE_2025),
    options: async () => ({
      sources: [
        readSource(await gridsOf(verticalRates2025()), "bieu-ii07b.xlsx"),
        readSource(await gridsOf(portalExport()), "diem-766.xlsx"),
      ],
    }),
  },
  {
    name: "a 2025 tracking table joined with a II.07b, the table preferred",
    bytes: () => xlsxBytes(tracking2025()),
    options: async () => ({
      sources: [readSource(await gridsOf(ii07b(II07B_ROWS)), "bieu.xlsx")],
      prefer: "table",
    }),
  },
  { name: "a portal export scored on its own", bytes: () => xlsxBytes(portalExport()) },
  { name: "the messy workbook", bytes: messyWorkbookBytes },
  {
    name: "a generated table with an error cell",
    bytes: async () => saveWorkbook(await generatedWorkbook(30)),
  },
  { name: "an ExcelJS table (ListObject) with a picture", bytes: () => exceljsWorkbook(40, 10) },
  { name: "a 2025 table with a units map", bytes: () => xlsxBytes(compareTracking2025()) },
  { name: "a workbook laid out as Excel 365 saves one", bytes: excel365Workbook },
  {
    name: "an openpyxl table with formulas never calculated",
    bytes: async () => read(await writeWithOpenpyxl(dir, "cong-thuc.xlsx", OPENPYXL_FORMULAS)),
  },
  {
    name: "the openpyxl package fixture",
    bytes: async () => {
      const file = path.join(dir, "openpyxl-package.xlsx");
      openpyxlWorkbook("/usr/bin/python3", file, 20);
      return read(file);
    },
  },
  {
    name: "the 2023 example as LibreOffice saves it",
    bytes: async () => read((await convertWithLibreOffice([SAMPLE], "xlsx", dir))[0]),
  },
  {
    name: "the formulas table calculated by LibreOffice",
    bytes: async () => {
      const file = await writeWithOpenpyxl(dir, "cong-thuc-lo.xlsx", OPENPYXL_FORMULAS);
      return read((await convertWithLibreOffice([file], "xlsx", dir))[0]);
    },
  },
  // Issue #23's input fixtures (items 2, 3, 4, 9).
  {
    name: "group texts in short and unknown forms",
    bytes: async () => read(await writeWithOpenpyxl(dir, "khoi.xlsx", GROUP_TEXTS_SCRIPT)),
  },
  {
    name: "names and groups typed in TCVN3",
    bytes: async () => read(await writeWithOpenpyxl(dir, "tcvn3.xlsx", legacyScript(toTcvn3))),
  },
  {
    name: "names and groups typed in VNI",
    bytes: async () => read(await writeWithOpenpyxl(dir, "vni.xlsx", legacyScript(toVni))),
  },
  {
    name: "a column mixing Unicode and TCVN3",
    bytes: async () =>
      read(
        await writeWithOpenpyxl(
          dir,
          "lan-ma.xlsx",
          legacyScript((t, i) => (i === 2 ? toTcvn3(t) : t)),
        ),
      ),
  },
  {
    name: "a macro workbook (.xlsm) with a VBA project",
    bytes: async () => read(await writeMacroWorkbook(await fs.mkdtemp(path.join(dir, "xlsm-")))),
  },
  {
    name: "a unit table on a very hidden sheet",
    bytes: async () => read(await writeWithOpenpyxl(dir, "an-sau.xlsx", VERY_HIDDEN_SCRIPT)),
  },
  {
    name: "an Excel table with its totals row",
    bytes: async () => read(await writeWithOpenpyxl(dir, "dong-tong.xlsx", TOTALS_ROW_SCRIPT)),
  },
  {
    name: "a workbook with a password to modify",
    bytes: async () =>
      withModifyPassword(await read(await writeWithOpenpyxl(dir, "mat-khau-sua.xlsx", PLAIN_TABLE_SCRIPT))),
  },
  ...EXCEL_SAVED.map(([file, sheet, top]) => ({
    name: `${file} (saved by Excel) with a unit table typed in`,
    bytes: async () => withUnitTable(await read(path.join(savedDir, file)), sheet, top),
  })),
];

function score(bytes: Uint8Array, options: RunOptions) {
  const pkg = WorkbookPackage.open(bytes, "theo-doi.xlsx");
  const result = scorePackage(pkg, options);
  return { bytes: pkg.save(), eligible: result.scores.filter((s) => s.eligible).map((s) => s.unit.name) };
}

describe("scoring the tool's own output again", () => {
  it.each(FIXTURES.map((f) => [f.name, f] as const))(
    "changes nothing: %s",
    async (_, fixture) => {
      const first = score(await fixture.bytes(), (await fixture.options?.()) ?? {});
      const second = score(first.bytes, {});
      expect(second.eligible).toEqual(first.eligible);
      expect(Buffer.compare(Buffer.from(second.bytes), Buffer.from(first.bytes))).toBe(0);
    },
    60_000,
  );
});
