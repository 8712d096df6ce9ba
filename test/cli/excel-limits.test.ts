/**
 * Excel's limits on every sheet the tool writes (issue #23, item 8): eight proposed units with names of
 * 1,600 characters once gave summary rows far above 409 pt. Each row written is at most 409 pt, in the
 * CLI's file and in Excel (the fake), and the capped rows are said.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { loadWorkbook } from "../exceljs/workbook";
import { fakeFromWorkbook, scoreInFake } from "../excel/fixtures";
import { tempDir, writeXlsx, type SheetSpec } from "../helpers/workbooks";
import { cli, readBook } from "../helpers/cli";

const longName = (i: number) => `UBND xã số ${i} ` + "Trung tâm Phục vụ hành chính công ".repeat(48);
const SHEETS: SheetSpec[] = [
  {
    name: "Đơn vị",
    rows: [
      ["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766 năm 2025"],
      ...Array.from({ length: 8 }, (_, i) => [i + 1, longName(i + 1), "UBND cấp xã", 90]),
    ],
  },
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

it("keeps every row the CLI writes at most 409 pt, and says which were capped", async () => {
  const input = await writeXlsx(dir, "ten-dai.xlsx", SHEETS);
  const output = path.join(dir, "ket-qua.xlsx");
  const run = await cli("score", input, "-o", output, "--json");
  expect(run.code).toBe(0);
  const report = JSON.parse(run.stdout) as JsonReport;
  expect(report.eligible).toHaveLength(8);
  const book = await readBook(output);
  for (const sheet of book.worksheets) {
    sheet.eachRow((row) => expect(row.height ?? 0).toBeLessThanOrEqual(409));
  }
  const capped = report.problems.filter((p) => p.message.includes("tối đa 409 điểm"));
  expect(capped.length).toBeGreaterThan(0);
  expect(capped.every((p) => p.sheet === "Tổng hợp" && p.row !== undefined)).toBe(true);
});

it("keeps every row Excel is given at most 409 pt", async () => {
  const input = await writeXlsx(dir, "ten-dai-excel.xlsx", SHEETS);
  const fake = fakeFromWorkbook(await loadWorkbook(await fs.readFile(input), "ten-dai-excel.xlsx"));
  await scoreInFake(fake);
  for (const sheet of fake.state.sheets) {
    for (const height of sheet.rowHeights.values()) expect(height).toBeLessThanOrEqual(409);
  }
});
