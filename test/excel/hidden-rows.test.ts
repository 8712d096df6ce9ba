/**
 * Hidden and filtered rows on a sheet too large for one read: Excel limits a read to 5,000,000 cells and
 * then "will either return null or throw an error" (Resource limits). The adapter asks in pieces under
 * the limit; where Excel refuses all the same, the analysis goes on and says the hidden rows are unknown.
 */
import type { CellRange } from "../../src/core/grid";
import { runScoring } from "../../src/core/run";
import { queueVisibleAreas, readHiddenRows } from "../../src/excel/hidden-rows";
import { readGrids } from "../../src/excel/read";
import { FakeExcel, MAX_READ_CELLS } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, UNITS_SHEET } from "./fixtures";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;

/** 30 units with the row of the third hidden. */
async function filteredSheet(): Promise<FakeExcel> {
  const fake = fakeFromWorkbook(await generatedWorkbook(30));
  fake.state.sheets.find((s) => s.name === UNITS_SHEET)!.hiddenRows.add(5);
  return fake;
}

const hiddenNotes = (problems: ReturnType<typeof runScoring>["problems"]) =>
  problems.filter((p) => /dòng đang bị ẩn hoặc bị lọc|không cho đọc đó là những dòng nào/.test(p.message));

describe("hidden rows on a sheet past Excel's 5,000,000-cell read", () => {
  // A used range of 200,000 rows by 30 columns (a note far down and right of the table).
  const used: CellRange = { top: 0, left: 0, bottom: 199_999, right: 29 };

  it("are read in pieces under the limit, whatever Excel does above it", async () => {
    expect(200_000 * 30).toBeGreaterThan(MAX_READ_CELLS);
    for (const mode of ["throw", "null"] as const) {
      const fake = await filteredSheet();
      fake.oversizedRead = mode;
      const query = queueVisibleAreas(context(fake), UNITS_SHEET, used, null);
      const hidden = await readHiddenRows(context(fake), query ? [query] : []);
      expect([mode, hidden.get(UNITS_SHEET)]).toEqual([mode, [5]]);
    }
  });

  it("go unknown, with a warning, when Excel refuses to tell: the analysis still scores every unit", async () => {
    const fake = await filteredSheet();
    fake.onOperation = (name) => {
      if (name.startsWith("load FakeRangeAreas")) throw new Error("GeneralException");
    };
    const grids = await readGrids(context(fake));
    const grid = grids.find((g) => g.name === UNITS_SHEET);
    expect(grid?.hiddenRows).toBeUndefined();
    expect(grid?.hiddenRowsUnknown).toBe(true);
    const result = runScoring(grids);
    expect(result.scores).toHaveLength(30);
    const notes = hiddenNotes(result.problems);
    expect(notes.map((p) => [p.level, p.sheet])).toEqual([["warning", UNITS_SHEET]]);
    expect(notes[0].message).toMatch(
      /^Trang “Đơn vị 2024”: trang có dòng bị ẩn hoặc bị lọc nhưng Excel không cho đọc/,
    );
  });

  it("(as before) notes each unit in a hidden row when Excel tells", async () => {
    const grids = await readGrids(context(await filteredSheet()));
    expect(grids.find((g) => g.name === UNITS_SHEET)?.hiddenRows).toEqual([5]);
    expect(hiddenNotes(runScoring(grids).problems).map((p) => p.message)).toEqual([
      expect.stringMatching(/nằm ở dòng đang bị ẩn hoặc bị lọc/),
    ]);
  });
});
