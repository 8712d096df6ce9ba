/** Step "letter": the letter proposes the eligible units; blank facts raise one warning at the criteria sheet. */
import { presetById } from "../../../src/core/presets";
import { readUnitTable } from "../../../src/core/reader/units";
import { draftLetter, levelsOf } from "../../../src/core/run/draft-letter";
import { recogniseGroups } from "../../../src/core/run/recognise-groups";
import { scoreParts } from "../../../src/core/run/score-parts";
import { withoutFacts } from "../../../src/core/settings";
import { tracking } from "./grids";

function scored() {
  const preset = presetById("tu-nam-2025")!;
  const settings = preset.settings();
  settings.letter = { ...withoutFacts(settings.letter), year: 2025 };
  const grids = [tracking()];
  const [table] = recogniseGroups([readUnitTable(grids)]);
  const result = scoreParts([{ table, dataGrid: grids[0] }], preset.criteria(), settings);
  return { preset, settings, table, result };
}

describe("draftLetter", () => {
  it("names the levels of the one-stop figures the table has", () => {
    expect(levelsOf(scored().table)).toEqual(["tinh"]);
  });

  it("proposes the eligible units and asks for the blank facts where they are typed", () => {
    const { preset, settings, table, result } = scored();
    const written = draftLetter(result.scores, preset.criteria(), settings, [table], [], { written: true });
    const body = JSON.stringify(written.letter);
    expect(body).toContain("Sở Tư pháp");
    expect(body).toContain("Bảo hiểm xã hội tỉnh");
    expect(body).not.toContain("Đông Thái");
    expect(written.problems).toHaveLength(1);
    expect(written.problems[0]).toMatchObject({ sheet: "Tiêu chí", level: "warning" });
    expect(written.problems[0].message).toContain("Hãy điền ở phần CÀI ĐẶT");

    const without = draftLetter(result.scores, preset.criteria(), settings, [table], [], { written: false });
    expect(without.problems[0].message).toContain("Hãy thêm trang “Tiêu chí”");
  });
});
