/**
 * Moved columns in the add-in (issue #23, item 5): after "Tính điểm", the user inserts a column inside the
 * table, as Excel does it (cells, merges, widths, the conditional format's range and its formula move
 * right). The next run writes over the tool's moved columns, leaves one highlight rule, and the one after
 * changes nothing.
 */
import { columnIndex, columnLetter } from "../../src/core/grid";
import type { SheetState } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, scoreInFake, stateOf, UNITS_SHEET } from "./fixtures";

/** Excel's Insert › Sheet Columns at 0-based `at`, on what the fake keeps of a sheet. */
function insertColumn(sheet: SheetState, at: number): void {
  const shift = (col: number) => (col >= at ? col + 1 : col);
  sheet.cells = new Map(
    [...sheet.cells].map(([row, line]) => [row, new Map([...line].map(([col, cell]) => [shift(col), cell]))]),
  );
  sheet.merges = sheet.merges.map((m) => ({ ...m, left: shift(m.left), right: shift(m.right) }));
  sheet.columnWidths = new Map([...sheet.columnWidths].map(([col, w]) => [shift(col), w]));
  for (const cf of sheet.conditionalFormats) {
    cf.range = { ...cf.range, left: shift(cf.range.left), right: shift(cf.range.right) };
    cf.formula = cf.formula.replace(/\$([A-Z]+)\$(\d+)/g, (_, col: string, row: string) => {
      return `$${columnLetter(shift(columnIndex(col)!))}$${row}`;
    });
  }
}

it("writes over its columns where the user moved them, with one highlight rule", async () => {
  const fake = fakeFromWorkbook(await generatedWorkbook(12));
  const first = await scoreInFake(fake);
  const sheet = () => fake.state.sheets.find((s) => s.name === UNITS_SHEET)!;
  const header = () =>
    [...(sheet().cells.get(2) ?? new Map())].sort(([a], [b]) => a - b).map(([, c]) => c.value);
  const before = header();
  expect(before[6]).toBe("Điểm tiêu chí III");

  insertColumn(sheet(), 3);
  sheet().cells.get(2)!.set(3, { value: "Mã đơn vị", numberFormat: "General", format: {} });
  await scoreInFake(fake);
  const after = header();
  expect(after.slice(7)).toEqual(before.slice(6));
  expect(after.filter((t) => t === "Điểm tiêu chí III")).toHaveLength(1);
  expect(sheet().conditionalFormats).toHaveLength(1);
  const second = await scoreInFake(fake);
  expect(second.outcome.proposed).toEqual(first.outcome.proposed);
  const once = stateOf(fake);
  await scoreInFake(fake);
  expect(stateOf(fake)).toEqual(once);
});
