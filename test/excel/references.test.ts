/**
 * Formulas that point at the tool's own sheets survive a run and the pane's "Lưu tiêu chí": the tool's
 * sheets are rewritten in place, never deleted and added again, because Excel turns every reference to a
 * deleted sheet into #REF! for good (the fake models it, fake-excel.ts breakReferences).
 */
import { writeCriteria } from "../../src/excel/pane-actions";
import { FakeExcel, emptySheet, type Cell, type SheetState } from "./fake-excel";
import {
  fakeFromWorkbook,
  generatedWorkbook,
  installExcel,
  scoreInFake,
  uninstallExcel,
  UNITS_SHEET,
} from "./fixtures";

function sheetOf(fake: FakeExcel, name: string): SheetState {
  const found = fake.state.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function cellAt(fake: FakeExcel, name: string, row: number, col: number): Cell | undefined {
  return sheetOf(fake, name).cells.get(row)?.get(col);
}

function formulaCells(sheet: SheetState): Cell[] {
  return [...sheet.cells.values()].flatMap((line) => [...line.values()]).filter((c) => c.formula);
}

describe("the stand-in breaks references to a deleted sheet, as Excel does", () => {
  it("turns =Data!A1 into =#REF!A1, which a new sheet of the same name does not mend", async () => {
    const fake = new FakeExcel();
    const data = emptySheet("Data", "s1");
    const user = emptySheet("Sổ theo dõi", "s2");
    data.cells.set(0, new Map([[0, { value: 5, numberFormat: "General", format: {} }]]));
    user.cells.set(
      0,
      new Map([
        [0, { value: 5, formula: "=Data!A1", numberFormat: "General", format: {} }],
        [1, { value: 5, formula: "=SUM('Data'!A1:A2)", numberFormat: "General", format: {} }],
        [2, { value: 1, formula: "=MyData!A1", numberFormat: "General", format: {} }],
      ]),
    );
    fake.state.sheets.push(data, user);
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.worksheets.getItem("Data").delete();
    context.workbook.worksheets.add("Data");
    await context.sync();
    expect(cellAt(fake, "Sổ theo dõi", 0, 0)).toMatchObject({ formula: "=#REF!A1", value: "#REF!" });
    expect(cellAt(fake, "Sổ theo dõi", 0, 1)).toMatchObject({ formula: "=SUM(#REF!A1:A2)", value: "#REF!" });
    // Another sheet whose name ends like it is not touched.
    expect(cellAt(fake, "Sổ theo dõi", 0, 2)).toMatchObject({ formula: "=MyData!A1", value: 1 });
  });
});

describe("the tool's sheets are rewritten in place", () => {
  let fake: FakeExcel;

  beforeEach(async () => {
    fake = fakeFromWorkbook(await generatedWorkbook(30));
    await scoreInFake(fake, { output: "formulas" });
  });

  it("keeps the formulas mode's references to “Tiêu chí” working after “Lưu tiêu chí”", async () => {
    const { outcome } = await scoreInFake(fake, { output: "formulas" });
    const { criteria, settings } = outcome.result;
    const before = formulaCells(sheetOf(fake, UNITS_SHEET)).map((c) => ({ ...c }));
    expect(before.length).toBeGreaterThan(30);
    installExcel(fake);
    try {
      await writeCriteria(criteria, settings);
    } finally {
      uninstallExcel();
    }
    const after = formulaCells(sheetOf(fake, UNITS_SHEET));
    expect(after).toEqual(before);
    expect(after.some((c) => c.formula?.includes("'Tiêu chí'!"))).toBe(true);
    expect(after.filter((c) => c.error)).toEqual([]);
  });

  it("keeps a user's formula on the summary and the criteria sheet through another run", async () => {
    const notes = emptySheet("Ghi chú", fake.newId("sheet"));
    const formulas = ["='Tổng hợp'!A1", "='Tiêu chí'!A1"];
    notes.cells.set(
      0,
      new Map(
        formulas.map((formula, col) => [col, { value: "", formula, numberFormat: "General", format: {} }]),
      ),
    );
    fake.state.sheets.push(notes);
    await scoreInFake(fake, { output: "formulas" });
    expect(formulas.map((_, col) => cellAt(fake, "Ghi chú", 0, col)?.formula)).toEqual(formulas);
  });

  it("leaves nothing of the old sheet: cells, merges, rules, sizes, page breaks and charts", async () => {
    const summary = sheetOf(fake, "Tổng hợp");
    const charts = summary.charts.length;
    const far = { value: "cũ", numberFormat: "@", format: { bold: true } };
    summary.cells.set(900, new Map([[40, far]]));
    summary.merges.push({ top: 950, left: 0, bottom: 950, right: 3 });
    summary.rowHeights.set(990, 70);
    summary.columnWidths.set(60, 200);
    summary.pageLayout.breaksBefore.push(995);
    const once = (s: SheetState) => ({ ...s, id: "", charts: s.charts.length });
    await scoreInFake(fake, { output: "formulas" });
    const again = sheetOf(fake, "Tổng hợp");
    expect(again.cells.get(900)).toBeUndefined();
    expect(again.merges.some((m) => m.top === 950)).toBe(false);
    expect(again.rowHeights.has(990)).toBe(false);
    expect(again.columnWidths.has(60)).toBe(false);
    expect(again.pageLayout.breaksBefore).not.toContain(995);
    expect(once(again).charts).toBe(charts);
  });
});
