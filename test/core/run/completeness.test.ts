/** Step "decide completeness": an error in the unit table makes the list a draft, naming the units it touches. */
import { presetById } from "../../../src/core/presets";
import { readUnitTable } from "../../../src/core/reader/units";
import { decideCompleteness, draftMark } from "../../../src/core/run/completeness";
import { recogniseGroups } from "../../../src/core/run/recognise-groups";
import { scoreParts } from "../../../src/core/run/score-parts";
import type { CellValue } from "../../../src/core/grid";
import { tracking } from "./grids";

const preset = presetById("tu-nam-2025")!;

function decide(rows: CellValue[][] = []) {
  const grids = [tracking(rows)];
  const [table] = recogniseGroups([readUnitTable(grids)]);
  const scored = scoreParts([{ table, dataGrid: grids[0] }], preset.criteria(), preset.settings());
  return decideCompleteness(scored.parts);
}

describe("decideCompleteness", () => {
  it("finds a table without errors complete, warnings and blanks notwithstanding", () => {
    expect(decide([[4, "Sở Nội vụ", "Sở, ban, ngành", null, null]])).toEqual({
      complete: true,
      unsure: [],
      errors: [],
    });
  });

  it("names the units whose score, rate or formula cannot be read", () => {
    const result = decide([
      [4, "Sở Nội vụ", "Sở, ban, ngành", "85,5,1", null],
      [5, "Thuế tỉnh", "Cơ quan ngành dọc", null, "x"],
      [6, "Sở Y tế", "Sở, ban, ngành", { error: "#VALUE!", uncalculated: "=D7*2" }, null],
    ]);
    expect(result.complete).toBe(false);
    expect(result.unsure).toEqual(["Sở Nội vụ", "Thuế tỉnh", "Sở Y tế"]);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [6, "D"],
      [7, "E"],
      [8, "D"],
    ]);
  });

  it("counts a row of figures without a name, which no unit can stand for", () => {
    const result = decide([[4, null, "Sở, ban, ngành", 90, null]]);
    expect(result).toMatchObject({ complete: false, unsure: [] });
    expect(result.errors).toHaveLength(1);
  });

  it("words the draft line with the number of errors", () => {
    expect(draftMark(2)).toBe("DỰ THẢO — CÒN 2 LỖI CẦN SỬA TRƯỚC KHI GỬI");
  });
});
