/**
 * The tool run on its own output changes nothing (issue #23, item 1): a workbook scored with source files
 * whose vertical-sector units have commune-level rates (two-row header) is scored again, with and without
 * the files, two and three times: the same award list and the same bytes each time.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { convertWithLibreOffice } from "../helpers/foreign-writers";
import { EXAMPLE_2025, portalExport, verticalRates2025 } from "../helpers/source-files";
import { tempDir, writeXlsx } from "../helpers/workbooks";
import { cli } from "../helpers/cli";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function score(input: string, output: string, ...extra: string[]) {
  const run = await cli("score", input, "-o", path.join(dir, output), "--json", ...extra);
  expect(run.stderr).toBe("");
  const report = JSON.parse(run.stdout) as JsonReport;
  return { code: run.code, report, bytes: await fs.readFile(path.join(dir, output)) };
}

const errors = (report: JsonReport) => report.problems.filter((p) => p.level === "error");

async function rerunsOf(input: string, tag: string) {
  const bieu = await writeXlsx(dir, "bieu-ii07b.xlsx", verticalRates2025());
  const portal = await writeXlsx(dir, "diem-766.xlsx", portalExport());
  const sources = ["--source", bieu, "--source", portal];
  const first = await score(input, `${tag}-1.xlsx`, ...sources);
  const second = await score(path.join(dir, `${tag}-1.xlsx`), `${tag}-2.xlsx`);
  const third = await score(path.join(dir, `${tag}-2.xlsx`), `${tag}-3.xlsx`);
  const again = await score(path.join(dir, `${tag}-1.xlsx`), `${tag}-2s.xlsx`, ...sources);
  return { first, second, third, again };
}

function expectSameEveryTime(runs: Awaited<ReturnType<typeof rerunsOf>>) {
  const { first, second, third, again } = runs;
  expect(first.code).toBe(0);
  // The commune level is read: Thuế tỉnh (97,37 %) and Thống kê (95,24 %) earn no IV.9.
  expect(first.report.eligible).toEqual([
    "Sở Tư pháp",
    "UBND xã An Phú",
    "UBND đặc khu Phú Quốc",
    "Bảo hiểm xã hội tỉnh An Giang",
    "Kho bạc Nhà nước khu vực XIX",
  ]);
  for (const run of [second, third, again]) {
    expect(run.report.eligible).toEqual(first.report.eligible);
    expect(run.report.headerRows).toEqual(first.report.headerRows);
    expect(errors(run.report)).toEqual([]);
    expect(run.code).toBe(first.code);
  }
  expect(Buffer.compare(second.bytes, first.bytes)).toBe(0);
  expect(Buffer.compare(third.bytes, first.bytes)).toBe(0);
  expect(Buffer.compare(again.bytes, first.bytes)).toBe(0);
}

describe("re-scoring a workbook joined with sources", () => {
  it("gives the same list and bytes, with or without the files, on the 2025 example", async () => {
    const runs = await rerunsOf(EXAMPLE_2025, "example");
    expect(runs.first.report.headerRows).toEqual({ from: 5, to: 6 });
    expectSameEveryTime(runs);
    // Without the files, the run says it used the ones the record keeps.
    expect(runs.second.report.sources.map((s) => s.file)).toEqual(["bieu-ii07b.xlsx", "diem-766.xlsx"]);
    expect(runs.second.report.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining("dùng lại số liệu của 2 tệp nguồn đã ghép ở lần chạy trước"),
    );
  });

  it("does the same on the example as LibreOffice saves it", async () => {
    const [saved] = await convertWithLibreOffice([EXAMPLE_2025], "xlsx", dir);
    expectSameEveryTime(await rerunsOf(saved, "libreoffice"));
  });
});
