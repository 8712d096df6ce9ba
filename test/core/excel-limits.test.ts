/** Excel's limits checked in the plan (issue #23, item 8): rows at most 409 pt, cells at most 32,767 characters. */
import { fitExcelLimits, MAX_CELL_CHARS, MAX_ROW_HEIGHT } from "../../src/core/plan/excel-limits";
import { STYLES } from "../../src/core/plan/styles";
import { emptySheetPlan } from "../../src/core/plan/types";

describe("fitExcelLimits", () => {
  it("sets a row asked taller at 409 points and cuts a longer text, saying each at its place", () => {
    const sheet = emptySheetPlan("Tổng hợp", "create");
    sheet.rowHeights.push({ row: 3, height: 1774 }, { row: 4, height: 409 });
    sheet.blocks.push({ top: 2, left: 1, values: [["a".repeat(MAX_CELL_CHARS + 5), "ngắn"]] });
    const problems = fitExcelLimits({ styles: STYLES, sheets: [sheet] });
    expect(sheet.rowHeights).toEqual([
      { row: 3, height: MAX_ROW_HEIGHT },
      { row: 4, height: 409 },
    ]);
    expect(sheet.blocks[0].values[0][0]).toHaveLength(MAX_CELL_CHARS);
    expect(sheet.blocks[0].values[0][1]).toBe("ngắn");
    expect(problems.map((p) => [p.sheet, p.row, p.column, p.level])).toEqual([
      ["Tổng hợp", 4, undefined, "warning"],
      ["Tổng hợp", 3, "B", "warning"],
    ]);
    expect(problems[0].message).toContain("cao 1.774 điểm nhưng Excel chỉ cho một dòng cao tối đa 409 điểm");
    expect(problems[1].message).toContain("chữ dài 32.772 ký tự, quá 32.767 ký tự một ô của Excel");
  });
});
