/**
 * The custom functions agree with the core's scoring of the sample workbook, read from the raw cells
 * the way a formula in that workbook would see them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { runScoring, type RunResult } from "../../src/core/run";
import { dexuat } from "../../src/functions/dexuat";
import { diem } from "../../src/functions/diem";
import { xeploai } from "../../src/functions/xeploai";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook } from "../exceljs/workbook";
import { criteriaRange } from "./helpers";

const SAMPLE = join(__dirname, "..", "..", "examples", "theo-doi-thi-dua-kstthc-2023.xlsx");

let result: RunResult;
let grid: SheetGrid;

beforeAll(async () => {
  const workbook = await loadWorkbook(readFileSync(SAMPLE), "theo-doi-thi-dua-kstthc-2023.xlsx");
  const grids = workbookToGrids(workbook);
  result = runScoring(grids);
  grid = grids.find((g) => g.name === result.table.layout.sheet) as SheetGrid;
});

const cell = (row: number, col: number | undefined): CellValue =>
  col === undefined ? null : (grid.values[row]?.[col] ?? null);
const pointsOf = (code: string, index: number) =>
  result.scores[index].scores.find((s) => s.code === code)?.points;

describe("custom functions on the sample workbook", () => {
  it("has units to compare", () => {
    expect(result.scores.length).toBeGreaterThan(20);
  });

  it("DIEM gives every unit's III points, one by one and as one spill", () => {
    const column = result.table.layout.columns.score766;
    const values = result.scores.map((s) => [cell(s.unit.row, column)]);
    values.forEach((value, i) => expect(diem("III", [value], null)).toEqual([[pointsOf("III", i)]]));
    expect(diem("III", values, null)).toEqual(result.scores.map((_, i) => [pointsOf("III", i)]));
  });

  it("DIEM with the criteria table the tool writes gives the same III points", () => {
    const column = result.table.layout.columns.score766;
    const values = result.scores.map((s) => [cell(s.unit.row, column)]);
    expect(diem("III", values, criteriaRange())).toEqual(result.scores.map((_, i) => [pointsOf("III", i)]));
  });

  it("DIEM of the lowest level rate (=MIN of the level cells) gives IV.9 of the units it applies to", () => {
    const rateColumns = result.table.layout.columns.rates.map((r) => r.col);
    // IV.9 applies to vertical-sector units only; DIEM knows no group, so compare those.
    const vertical = result.scores.filter((s) => /ngành dọc/.test(s.unit.group));
    expect(vertical.length).toBeGreaterThan(0);
    for (const unit of vertical) {
      const numbers = rateColumns.map((col) => cell(unit.unit.row, col)).filter((v) => typeof v === "number");
      const lowest = numbers.length ? Math.min(...(numbers as number[])) : null;
      expect(diem("IV.9", [[lowest]], null)).toEqual([[pointsOf("IV.9", result.scores.indexOf(unit))]]);
    }
  });

  it("XEPLOAI gives every unit's rating", () => {
    const column = result.table.layout.columns.score766;
    expect(
      xeploai(
        result.scores.map((s) => [cell(s.unit.row, column)]),
        null,
      ),
    ).toEqual(result.scores.map((s) => [s.rating]));
  });

  it("DEXUAT of the points proposes exactly the units the core proposes", () => {
    const points = result.scores.map((s) =>
      result.criteria.map((c) => s.scores.find((x) => x.code === c.code)?.points),
    );
    expect(dexuat(points, null)).toEqual(result.scores.map((s) => [s.eligible ? "Có" : "Không"]));
    expect(result.scores.filter((s) => s.eligible).length).toBeGreaterThan(0);
  });
});
