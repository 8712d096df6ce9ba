/** Step "score": every unit of every part scored as one set, problems by row. */
import { presetById } from "../../../src/core/presets";
import { readUnitTable } from "../../../src/core/reader/units";
import { recogniseGroups } from "../../../src/core/run/recognise-groups";
import { scoreParts } from "../../../src/core/run/score-parts";
import { tracking } from "./grids";

const preset = presetById("tu-nam-2025")!;

describe("scoreParts", () => {
  it("scores III strictly above 80 and IV.9 for a vertical-sector unit at 100 %", () => {
    const grids = [tracking([[4, "Sở Nội vụ", "Sở, ban, ngành", "không rõ", null]])];
    const parts = recogniseGroups([readUnitTable(grids)]);
    const result = scoreParts(
      [{ table: parts[0], dataGrid: grids[0] }],
      preset.criteria(),
      preset.settings(),
    );
    expect(result.scores.map((s) => [s.unit.name, s.total, s.eligible])).toEqual([
      ["Sở Tư pháp", 30, true],
      ["UBND xã Đông Thái", 0, false],
      ["Bảo hiểm xã hội tỉnh", 35, true],
      ["Sở Nội vụ", 0, false],
    ]);
    expect(result.origins.size).toBe(0);
    const rows = result.parts[0].problems.map((p) => p.row ?? 0);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(result.parts[0].problems.some((p) => p.level === "error" && p.row === 6)).toBe(true);
  });
});
