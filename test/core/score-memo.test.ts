/**
 * Units that share a group and figures share their scores (scoreUnits remembers them per table): every
 * unit of a generated table scores exactly as it does alone, whatever the units before it, the criteria
 * scored before, or what its row has of its own (review cells, unreadable or "không áp dụng" cells).
 */
import fc from "fast-check";
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "../../src/core/criteria";
import type { Level } from "../../src/core/reader/columns";
import type { Unit, UnitTable } from "../../src/core/reader/units";
import { scoreCriterion, scoreUnits } from "../../src/core/scoring";
import { defaultSettings, type Settings } from "../../src/core/settings";

const CUSTOM_INPUT = "Tỷ lệ hồ sơ đúng hạn";
const INPUTS = [INPUT_SCORE_766, INPUT_ONE_STOP_RATE, CUSTOM_INPUT];
/** Known kinds, texts that name none ("Khối A"), and no group: the unit's name then may tell its kind. */
const GROUPS = [
  "",
  "Cơ quan ngành dọc",
  "Sở, ban, ngành",
  "UBND cấp huyện",
  "UBND cấp xã",
  "Khối A",
  "Nhóm 2",
];
const NAMES = ["UBND huyện An Phú", "UBND xã Mỹ Hòa Hưng", "Sở Tư pháp", "Cục Thuế tỉnh", "Trung tâm Y tế"];
/** A table's levels are the same on every row; here they vary, so that no level is taken for another. */
const LEVELS: Level[][] = [["tinh", "huyen"], ["huyen", "xa"], ["chung"]];

/** Few distinct figures, so that many units share them. */
const figure = fc.constantFrom(0, 35, 79.99, 80, 80.01, 96.5, 100);

const criterion: fc.Arbitrary<Criterion> = fc
  .record({
    code: fc.constantFrom("III", "IV.9", "V"),
    kind: fc.constantFrom("threshold", "proportional", "manual", "tiers" as const),
    points: fc.constantFrom(10, 30, 35),
    input: fc.constantFrom(...INPUTS),
    operator: fc.constantFrom(">", ">=", "<" as const),
    threshold: fc.constantFrom(80, 100),
    appliesTo: fc.constantFrom(
      [],
      ["ngành dọc"],
      ["Sở, ban, ngành", "UBND cấp huyện"],
      ["Khối A"],
      ["UBND cấp xã"],
    ),
    whenNotApplicable: fc.constantFrom(undefined, "full" as const),
    needsEvidence: fc.boolean(),
  })
  .map((c) => ({
    ...c,
    appliesTo: [...c.appliesTo],
    tiers: c.kind === "tiers" ? [{ operator: ">=" as const, bound: 80, points: c.points }] : undefined,
    title: c.code,
    basis: "",
    sentenceEarned: "",
    sentenceNone: "",
  }));

const unit: fc.Arbitrary<Unit> = fc
  .record({
    name: fc.constantFrom(...NAMES),
    group: fc.constantFrom(...GROUPS),
    score766: fc.option(figure, { nil: null }),
    rates: fc.tuple(fc.constantFrom(null, 79.99, 100), fc.constantFrom(null, 79.99, 100)),
    custom: fc.option(figure, { nil: null }),
    /** Now and then a row with something of its own. */
    own: fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          "review",
          "evidence",
          "unreadable",
          "notApplicable",
          "groupUnreadable" as const,
        ),
      },
    ),
    input: fc.constantFrom(...INPUTS),
    levels: fc.constantFrom(...LEVELS),
  })
  .map(({ name, group, score766, rates, custom, own, input, levels }) => {
    const u: Unit = {
      row: 0,
      stt: "",
      name,
      group,
      score766,
      rates: levels.map((level, i) => ({ level, value: rates[i] })),
      custom: { [CUSTOM_INPUT]: custom },
    };
    if (own === "review") u.review = { iii: { self: 30, assessed: 20 }, v: { assessed: 99 } };
    if (own === "evidence") u.review = { iii: { evidence: "Báo cáo số 15" }, "iv 9": { explanation: "…" } };
    if (own === "unreadable") u.unreadable = [input];
    if (own === "notApplicable") u.notApplicable = [input];
    if (own === "groupUnreadable") u.groupUnreadable = true;
    return u;
  });

const settings: fc.Arbitrary<Settings> = fc
  .record({ convertTo100: fc.boolean(), rated: fc.boolean() })
  .map(({ convertTo100, rated }) => {
    const s = defaultSettings();
    s.emulation.convertTo100 = convertTo100;
    if (rated) s.emulation.ratings = [{ label: "Hoàn thành xuất sắc", minTotal: 30, minShare: 50 }];
    return s;
  });

function tableOf(units: Unit[]): UnitTable {
  return {
    units: units.map((u, row) => ({ ...u, row: row + 5 })),
    layout: { sheet: "Theo dõi", columns: { name: 1, score766: 3, rates: [], counts: [] } },
    customColumns: { [CUSTOM_INPUT]: 6 },
    reviewColumns: {},
  } as unknown as UnitTable;
}

/**
 * Each unit scored in a table of its own, nothing to share with another unit; its criteria scored one by
 * one, with the groups matched afresh.
 */
function alone(table: UnitTable, criteria: Criterion[], s: Settings) {
  return table.units.map((u) => {
    const scored = scoreUnits({ ...table, units: [u] }, criteria, s).units[0];
    expect(scored.scores).toEqual(criteria.map((c) => scoreCriterion(c, u)));
    return scored;
  });
}

describe("scores shared between units of a table", () => {
  it("every unit scores as it does alone", () => {
    fc.assert(
      fc.property(
        fc.array(criterion, { minLength: 1, maxLength: 3 }),
        fc.array(unit, { minLength: 1, maxLength: 30 }),
        settings,
        (criteria, units, s) => {
          const table = tableOf(units);
          expect(scoreUnits(table, criteria, s).units).toEqual(alone(table, criteria, s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a run with other criteria before it (same codes, other groups and thresholds) carries nothing over", () => {
    fc.assert(
      fc.property(
        fc.array(criterion, { minLength: 1, maxLength: 3 }),
        fc.array(criterion, { minLength: 1, maxLength: 3 }),
        fc.array(unit, { minLength: 1, maxLength: 20 }),
        settings,
        (first, second, units, s) => {
          const table = tableOf(units);
          scoreUnits(table, first, s);
          expect(scoreUnits(table, second, s).units).toEqual(alone(table, second, s));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the warnings stay one per unit and cell", () => {
    const [III] = [
      {
        code: "III",
        title: "III",
        points: 30,
        kind: "threshold" as const,
        input: INPUT_SCORE_766,
        operator: ">" as const,
        threshold: 80,
        appliesTo: ["Sở, ban, ngành"],
        basis: "",
        sentenceEarned: "",
        sentenceNone: "",
      },
    ];
    // Two blanks of the same group and figure: one shared score, two warnings, each at its own row.
    const table = tableOf([
      { row: 0, stt: "", name: "Sở Tư pháp", group: "Sở, ban, ngành", score766: null, rates: [], custom: {} },
      { row: 0, stt: "", name: "Sở Y tế", group: "Sở, ban, ngành", score766: null, rates: [], custom: {} },
    ]);
    const { units, problems } = scoreUnits(table, [III], defaultSettings());
    expect(units[0].scores[0]).toBe(units[1].scores[0]);
    expect(problems.map((p) => [p.row, p.message])).toEqual([
      [6, "Trang “Theo dõi”, dòng 6, cột D: “Sở Tư pháp” chưa có số liệu cho tiêu chí III, tính 0 điểm."],
      [7, "Trang “Theo dõi”, dòng 7, cột D: “Sở Y tế” chưa có số liệu cho tiêu chí III, tính 0 điểm."],
    ]);
  });
});
