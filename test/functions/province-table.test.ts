/**
 * The custom functions on a province's own table (issue 26): DIEM on tiers and on cells saying
 * "không áp dụng", XEPLOAI giving the emulation rating, each agreeing with the core on the example.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { runScoring, type RunResult } from "../../src/core/run";
import { parseTiers } from "../../src/core/tiers";
import { diem } from "../../src/functions/diem";
import { ArgumentError } from "../../src/functions/errors";
import { xeploai } from "../../src/functions/xeploai";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook } from "../exceljs/workbook";
import { criteriaRange } from "./helpers";

const tiered = criteriaRange((criteria, settings) => {
  const parsed = parseTiers("≥ 90: 30; > 80: 20; ≥ 70: 10");
  if (!parsed.ok) throw new Error(parsed.detail);
  Object.assign(criteria[0], {
    kind: "tiers",
    tiers: parsed.tiers,
    operator: undefined,
    threshold: undefined,
  });
  Object.assign(criteria[1], { whenNotApplicable: "full" });
  settings.emulation.ratings = [
    { label: "Hoàn thành xuất sắc", minTotal: 90, minShare: 85 },
    { label: "Hoàn thành tốt", minTotal: 80, minShare: 80 },
  ];
});

describe("DIEM on a province's table", () => {
  it("gives the points of the first tier that holds", () => {
    expect(diem("III", [[92.5, 84.37, 80, 65, null]], tiered)).toEqual([[30, 20, 10, 0, 0]]);
  });

  it("gives full points or none for a cell saying “không áp dụng”, as the criterion says", () => {
    expect(diem("IV.9", [["không áp dụng", "Không có TTHC"]], tiered)).toEqual([[35, 35]]);
    expect(diem("IV.9", [["không áp dụng"]], null)).toEqual([[0]]);
  });

  it("refuses a table whose tiers cannot be read, naming the cell", () => {
    const bad = tiered.map((row) => row.map((v) => (v === "≥ 90: 30; > 80: 20; ≥ 70: 10" ? "≥ 90 30" : v)));
    expect(() => diem("III", [[90]], bad)).toThrow(
      /^Bảng tiêu chí, dòng 4, cột G: tiêu chí “III” tính theo bậc nhưng bậc 1 \(“≥ 90 30”\) thiếu dấu hai chấm/,
    );
  });
});

describe("XEPLOAI with the points per criterion", () => {
  it("rates each total under the table's rows, the floors read from the points", () => {
    expect(
      xeploai([[95], [95], [82], [60], [null]], tiered, [
        [30, 35],
        [20, 35],
        [30, 35],
        [30, null],
        [null, null],
      ]),
    ).toEqual([
      ["Hoàn thành xuất sắc"],
      ["Không đạt xếp loại"],
      ["Hoàn thành tốt"],
      ["Không đạt xếp loại"],
      [""],
    ]);
  });

  it("refuses a table without ratings and points over the maximum", () => {
    expect(() => xeploai([[95]], null, [[30, 35]])).toThrow(/chưa có dòng “Xếp loại thi đua”/);
    expect(
      xeploai([[95], [90]], tiered, [
        [40, 35],
        [30, 35],
      ])[0][0],
    ).toEqual(new ArgumentError("Tiêu chí III: 40 điểm vượt điểm tối đa 30; kiểm tra thứ tự các cột điểm."));
  });
});

describe("the functions on the province example agree with the core", () => {
  let result: RunResult;
  let grid: SheetGrid;
  let table: CellValue[][];

  beforeAll(async () => {
    const name = "bang-tieu-chi-rieng-minh-hoa-2025.xlsx";
    const workbook = await loadWorkbook(readFileSync(join(__dirname, "..", "..", "examples", name)), name);
    const grids = workbookToGrids(workbook);
    result = runScoring(grids);
    grid = grids.find((g) => g.name === result.table.layout.sheet) as SheetGrid;
    table = (grids.find((g) => g.name === "Tiêu chí") as SheetGrid).values;
  });

  it("DIEM gives every unit's points of each criterion the unit's figures decide", () => {
    for (const [i, criterion] of result.criteria.entries()) {
      const col =
        criterion.input === "diem766"
          ? result.table.layout.columns.score766
          : criterion.input === "tyLeMotCua"
            ? result.table.layout.columns.rates[0]?.col
            : result.table.customColumns[criterion.input];
      for (const score of result.scores) {
        const own = score.scores[i];
        // A unit's group, the review columns and missing evidence are not in the one cell DIEM reads.
        if (!own.applies || own.review !== "computed") continue;
        const value = col === undefined ? null : (grid.values[score.unit.row]?.[col] ?? null);
        expect([criterion.code, score.unit.name, diem(criterion.code, [[value]], table)[0][0]]).toEqual([
          criterion.code,
          score.unit.name,
          own.points,
        ]);
      }
    }
  });

  it("XEPLOAI gives every unit's emulation rating from its total and points", () => {
    const totals = result.scores.map((s) => [s.total]);
    // A criterion that does not count for the unit is a blank point to XEPLOAI.
    const points = result.scores.map((s) => s.scores.map((c) => (c.counted ? c.points : null)));
    expect(xeploai(totals, table, points)).toEqual(result.scores.map((s) => [s.emulationRating]));
  });
});
