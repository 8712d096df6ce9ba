/** Step "read" (criteria): the sheet, else the preset asked for, else the preset of the year. */
import { planCriteriaSheet } from "../../../src/core/plan/criteria-sheet-plan";
import { presetById } from "../../../src/core/presets";
import { UnusableInputError } from "../../../src/core/problems";
import { chooseCriteria } from "../../../src/core/run/criteria-choice";
import { grid, tracking } from "./grids";

/** The "Tiêu chí" sheet as the tool writes it for `year`, read back as cells. */
function criteriaSheet(year: number) {
  const preset = presetById("tu-nam-2025")!;
  const settings = preset.settings();
  settings.letter.year = year;
  const plan = planCriteriaSheet(preset.criteria(), settings);
  const values: (string | number | null)[][] = [];
  for (const block of plan.blocks) {
    block.values.forEach((line, i) =>
      line.forEach((v, j) => {
        (values[block.top + i] ??= [])[block.left + j] = v as string | number | null;
      }),
    );
  }
  // Rows as an adapter hands them: dense, a blank cell being null.
  return grid(
    plan.name,
    Array.from(values, (line) => Array.from(line ?? [], (v) => v ?? null)),
  );
}

describe("chooseCriteria", () => {
  it("takes the year the workbook names and the two-level preset for 2025", () => {
    const choice = chooseCriteria([tracking()], {}, undefined);
    expect(choice).toMatchObject({ year: 2025, yearSource: "workbook", preset: "tu-nam-2025" });
    expect(choice.criteria.map((c) => c.code)).toEqual(["III", "IV.9"]);
    expect(choice.problems).toEqual([]);
  });

  it("gives the year of the option precedence and picks the 2023 preset before 2025", () => {
    const choice = chooseCriteria([tracking()], { year: 2023 }, undefined);
    expect(choice).toMatchObject({ year: 2023, yearSource: "option", preset: "an-giang-2023" });
  });

  it("refuses a preset it does not have", () => {
    expect(() => chooseCriteria([tracking()], { preset: "khong-co" as never }, undefined)).toThrow(
      UnusableInputError,
    );
  });

  it("reads the workbook's sheet, and warns when the run's year is another", () => {
    const choice = chooseCriteria([tracking(), criteriaSheet(2025)], { year: 2024 }, undefined);
    expect(choice.fromSheet).toBeDefined();
    expect(choice.preset).toBeUndefined();
    expect(choice.settings.letter.year).toBe(2024);
    expect(choice.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("năm thi đua ghi 2025 nhưng lần chạy này dùng năm 2024"),
    ]);
  });
});
