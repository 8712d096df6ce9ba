/**
 * The action behind the ribbon button and the task pane, run through `Excel.run` on the recording fake
 * of fake-excel.ts (Excel itself cannot run here).
 */
import ExcelJS from "exceljs";
import { UnusableInputError } from "../../src/core/problems";
import { readGrids } from "../../src/excel/read";
import { scoreActiveWorkbook } from "../../src/excel/score-action";
import type { FakeExcel } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, loadSample, roundTrip, scoreInFake } from "./fixtures";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;

describe("scoreActiveWorkbook", () => {
  it("reports the units scored, the names proposed and the number of problems, with the full result", async () => {
    const fake = fakeFromWorkbook(await loadSample());
    const { outcome } = await scoreInFake(fake);
    expect(outcome.units).toBe(outcome.result.scores.length);
    expect(outcome.units).toBeGreaterThan(20);
    expect(outcome.proposed).toEqual(outcome.result.scores.filter((s) => s.eligible).map((s) => s.unit.name));
    expect(outcome.proposed.length).toBeGreaterThan(0);
    expect(outcome.problems).toBe(outcome.result.problems.length);
  });

  it("passes the core's refusal through and writes nothing when the workbook has no unit table", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Trống").getCell("A1").value = "Không có bảng";
    const fake = fakeFromWorkbook(await roundTrip(workbook));
    await expect(scoreInFake(fake)).rejects.toBeInstanceOf(UnusableInputError);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Trống"]);
  });
});

describe("outside Excel", () => {
  it("says in Vietnamese that it needs Excel, instead of a ReferenceError", async () => {
    await expect(scoreActiveWorkbook()).rejects.toThrow("Chức năng tính điểm chỉ chạy trong Excel");
  });
});

describe("reading with a chosen sheet", () => {
  it("reads only that sheet, matched as the core matches names, and the tool's own sheets", async () => {
    const workbook = await loadSample();
    const other = workbook.addWorksheet("Ghi chú");
    other.getCell("A1").value = "ghi chú của người dùng";
    const fake = fakeFromWorkbook(await roundTrip(workbook));
    const grids = await readGrids(context(fake), { sheet: "theo doi 2023" });
    expect(grids.map((g) => [g.name, g.values.length > 0])).toEqual([
      ["Theo dõi 2023", true],
      // The sample's own "Tiêu chí" sheet (the preset of 2023) is read, as the core reads it.
      ["Tiêu chí", true],
      ["Ghi chú", false],
    ]);
  });

  it("skips the cells of the summary sheet the tool wrote, which the core never reads", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    await scoreInFake(fake);
    const grids = await readGrids(context(fake));
    expect(grids.find((g) => g.name === "Tổng hợp")?.values).toEqual([]);
    expect(grids.find((g) => g.name === "KSTTHC")?.values.length).toBeGreaterThan(2);
    expect(grids.find((g) => g.name === "Tiêu chí")?.values.length).toBeGreaterThan(10);
  });
});
