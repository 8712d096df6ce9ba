/**
 * What the adapter refuses before writing, how it joins the user's Excel table, what it says when Excel
 * stops it half-way, and writing a plan previewed in an earlier run. Excel is played by the recording
 * fake of fake-excel.ts (Excel itself cannot run here).
 */
import { runScoring } from "../../src/core/run";
import { applyPlan } from "../../src/excel/apply";
import { WriteBlockedError, WriteFailedError } from "../../src/excel/errors";
import { readGrids, readWorkbook } from "../../src/excel/read";
import { FakeOfficeError, parseA1, type FakeExcel, type SyncRecord } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, scoreInFake, stateOf, UNITS_SHEET } from "./fixtures";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;
const WRITES = [
  "range.values",
  "worksheets.add",
  "worksheet.delete",
  "range.clear",
  "range.style",
  "table.resize",
];
const wrote = (syncs: SyncRecord[]) => syncs.some((s) => s.log.some((op) => WRITES.includes(op)));

async function blocked(fake: FakeExcel): Promise<WriteBlockedError> {
  const before = stateOf(fake);
  const first = fake.syncs.length;
  const error = await scoreInFake(fake).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WriteBlockedError);
  expect(wrote(fake.syncs.slice(first))).toBe(false);
  expect(stateOf(fake)).toEqual(before);
  const problems = (error as WriteBlockedError).problems;
  for (const problem of problems) expect(problem).toBe(problem.normalize("NFC"));
  return error as WriteBlockedError;
}

describe("pre-flight: nothing is written when Excel would refuse", () => {
  it("refuses a protected data sheet, saying which and how to fix it", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30, { protectSheet: true }));
    expect(fake.state.sheets[0].protected).toBe(true);
    const error = await blocked(fake);
    expect(error.problems).toEqual([
      "Trang “Đơn vị 2024” đang được bảo vệ (Bảo vệ Trang tính – Protect Sheet) nên không ghi kết quả vào được: hãy bỏ bảo vệ trang.",
    ]);
    expect(error.message).toMatch(/^Chưa ghi gì vào sổ tính vì: Trang “Đơn vị 2024”/);
  });

  it("refuses to rewrite a protected sheet of the tool", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    await scoreInFake(fake);
    fake.state.sheets.find((s) => s.name === "Tổng hợp")!.protected = true;
    const error = await blocked(fake);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(/^Trang “Tổng hợp” đang được bảo vệ .* không thay được/);
  });

  it("refuses to add the tool's sheets to a workbook whose structure is protected", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    fake.state.structureProtected = true;
    const error = await blocked(fake);
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]).toMatch(
      /^Sổ tính đang được bảo vệ cấu trúc .* không thêm được trang “Tiêu chí”, “Tổng hợp”, “KSTTHC”/,
    );
  });

  it("rewrites the tool's sheets in place under Protect Workbook, which forbids only adding sheets", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    await scoreInFake(fake);
    const once = stateOf(fake);
    fake.state.structureProtected = true;
    await scoreInFake(fake);
    expect(stateOf(fake)).toEqual({ ...once, structureProtected: true });
  });

  it("refuses a table or a PivotTable lying in the output columns", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    fake.state.tables.push({
      id: "t1",
      name: "BangTam",
      sheet: UNITS_SHEET,
      range: parseA1("H10:I12"),
      showHeaders: false,
    });
    fake.state.tables.push({
      id: "t2",
      name: "BangXa",
      sheet: UNITS_SHEET,
      range: parseA1("Q1:R4"),
      showHeaders: true,
    });
    fake.state.pivots.push({ name: "PivotKhoi", sheet: UNITS_SHEET, range: parseA1("J20:K22") });
    const error = await blocked(fake);
    expect(error.problems).toEqual([
      "Bảng “BangTam” ở trang “Đơn vị 2024” (vùng H10:I12) nằm trong vùng kết quả G3:L33: hãy chuyển bảng thành vùng thường (Chuyển đổi thành Dải ô – Convert to Range) hoặc dời bảng đi chỗ khác.",
      "PivotTable “PivotKhoi” ở trang “Đơn vị 2024” (vùng J20:K22) nằm trong vùng kết quả G3:L33: hãy dời PivotTable sang chỗ khác.",
    ]);
  });
});

describe("an Excel table holding the units", () => {
  const withTable = async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    fake.state.tables.push({
      id: "t1",
      name: "DonVi",
      sheet: UNITS_SHEET,
      range: parseA1("A3:F33"),
      showHeaders: true,
    });
    return fake;
  };

  it("is widened over the output columns, once", async () => {
    const fake = await withTable();
    await scoreInFake(fake);
    expect(fake.state.tables[0].range).toEqual(parseA1("A3:L33"));
    const once = stateOf(fake);
    await scoreInFake(fake);
    expect(stateOf(fake)).toEqual(once);
  });

  it("stays as it is where Table.resize is missing (before ExcelApi 1.13): no user cell moves", async () => {
    const fake = await withTable();
    const note = { value: "ghi chú", numberFormat: "General", format: {} };
    fake.sheetByName(UNITS_SHEET).cells.get(9)?.set(13, note);
    const office = globalThis as unknown as { Office?: unknown };
    office.Office = {
      context: { requirements: { isSetSupported: (_: string, version: string) => version !== "1.13" } },
    };
    try {
      await scoreInFake(fake);
    } finally {
      delete office.Office;
    }
    expect(fake.syncs.some((s) => s.log.includes("table.columns.add"))).toBe(false);
    expect(fake.state.tables[0].range).toEqual(parseA1("A3:F33"));
    expect(fake.sheetByName(UNITS_SHEET).cells.get(9)?.get(13)).toBe(note);
    expect(fake.sheetByName(UNITS_SHEET).cells.get(2)?.get(6)?.value).toBeTruthy();
  });

  it("(the stand-in) inserts a table column as Excel does, moving the cells right of the table on its rows", async () => {
    const fake = await withTable();
    const sheet = fake.sheetByName(UNITS_SHEET);
    const note = { value: "ghi chú", numberFormat: "General", format: {} };
    sheet.cells.get(9)?.set(13, note);
    sheet.cells.set(40, new Map([[13, { value: "dưới bảng", numberFormat: "General", format: {} }]]));
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.tables.getItem("DonVi").columns.add(undefined, undefined, "Mới");
    await context.sync();
    expect(sheet.cells.get(9)?.get(14)).toBe(note);
    expect(sheet.cells.get(9)?.has(13)).toBe(false);
    expect(sheet.cells.get(40)?.get(13)?.value).toBe("dưới bảng");
    expect(fake.state.tables[0].range).toEqual(parseA1("A3:G33"));
  });
});

describe("a write that Excel stops half-way", () => {
  it("says what was written and what may be half-written", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    const context = fake.context as unknown as Excel.RequestContext;
    const { grids, facts } = await readWorkbook(context);
    const plan = runScoring(grids).plan;
    const third = fake.syncs.length + 2;
    fake.onOperation = (name, sync) => {
      if (sync === third && name === "range.values")
        throw new FakeOfficeError("GeneralException", "Excel đang bận");
    };
    const error = await applyPlan(context, plan, undefined, { facts, requestBytes: 4000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WriteFailedError);
    const failed = error as WriteFailedError;
    expect(failed.written).toEqual(
      expect.arrayContaining(["đã tạo trang “Tiêu chí”", "đã tạo trang “KSTTHC”"]),
    );
    expect(failed.partial.length).toBeGreaterThan(0);
    expect(failed.message).toMatch(
      /^Ghi kết quả vào sổ tính bị dừng giữa chừng \(GeneralException: Excel đang bận\)\. Đã ghi xong: /,
    );
    expect(failed.message).toContain("Có thể đã ghi một phần: ");
  });
});

describe("a plan previewed in one run and written in another", () => {
  it("inspects the workbook itself and writes what the one-run action writes", async () => {
    const workbook = await generatedWorkbook(30);
    const direct = fakeFromWorkbook(workbook);
    await scoreInFake(direct);
    await scoreInFake(direct);

    const fake = fakeFromWorkbook(workbook);
    // The second run reads the charts of the tool's sheets it empties: one sync more.
    for (const [run, inspections] of [
      [1, 1],
      [2, 4],
    ]) {
      const plan = runScoring(await readGrids(context(fake))).plan;
      const first = fake.syncs.length;
      const report = await applyPlan(context(fake), plan);
      expect([run, fake.syncs.length - first]).toEqual([run, inspections + report.requests]);
    }
    expect(stateOf(fake)).toEqual(stateOf(direct));
  });
});
