/** Step "plan": the output columns, the criteria and summary sheets, and the record of what was written. */
import { META_SHEET, readOwnership } from "../../../src/core/ownership";
import { presetById } from "../../../src/core/presets";
import { readUnitTable } from "../../../src/core/reader/units";
import { draftLetter } from "../../../src/core/run/draft-letter";
import { planWrites, writesCriteriaSheet } from "../../../src/core/run/plan-writes";
import { recogniseGroups } from "../../../src/core/run/recognise-groups";
import { scoreParts } from "../../../src/core/run/score-parts";
import type { SheetGrid } from "../../../src/core/grid";
import { grid, tracking } from "./grids";

function planned(grids: SheetGrid[], writeCriteriaSheet?: boolean) {
  const preset = presetById("tu-nam-2025")!;
  const [criteria, settings] = [preset.criteria(), preset.settings()];
  const [table] = recogniseGroups([readUnitTable(grids)]);
  const scored = scoreParts([{ table, dataGrid: grids[0] }], criteria, settings);
  const { letter } = draftLetter(scored.scores, criteria, settings, [table], [], { written: true });
  return planWrites(
    grids,
    { writeCriteriaSheet },
    {
      ownership: undefined,
      criteria,
      settings,
      year: 2025,
      parts: scored.parts,
      scores: scored.scores,
      letter,
      provenance: [],
    },
  );
}

describe("planWrites", () => {
  it("writes the output right of the table, the criteria, the summary and the hidden record", () => {
    const writes = planned([tracking()]);
    expect(writes.plan.sheets.map((s) => s.name)).toEqual([
      "Theo dõi 2025",
      "Tiêu chí",
      "Tổng hợp",
      META_SHEET,
    ]);
    const data = writes.plan.sheets[0];
    expect(data.blocks[0]).toMatchObject({ top: 1, left: 5 });
    const meta = writes.plan.sheets[3];
    const record = readOwnership(grid(META_SHEET, meta.blocks[0].values as string[][]));
    expect(record).toMatchObject({
      dataSheet: "Theo dõi 2025",
      outputRange: { top: 1, left: 5, bottom: 4 },
      summarySheet: "Tổng hợp",
    });
  });

  it("puts the summary beside a user's sheet of the same name, and leaves out the criteria sheet when told", () => {
    const writes = planned([tracking(), grid("Tổng hợp", [["của người dùng"]])], false);
    expect(writes.summarySheet).toBe("Tổng hợp (2)");
    expect(writes.plan.sheets.map((s) => s.name)).not.toContain("Tiêu chí");
    expect(writesCriteriaSheet(undefined, { writeCriteriaSheet: false })).toBe(false);
    expect(writesCriteriaSheet(grid("Tiêu chí", []), {})).toBe(false);
  });
});
