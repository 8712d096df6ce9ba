import { defaultCriteria, type Criterion } from "../../src/core/criteria";
import type { Unit } from "../../src/core/reader/units";
import { isEligible, ratingOf, scoreCriterion } from "../../src/core/scoring";
import { DEFAULT_RATING, defaultSettings } from "../../src/core/settings";

const unit = (over: Partial<Unit>): Unit => ({
  row: 5,
  stt: "1",
  name: "Đơn vị thử",
  group: "",
  score766: null,
  rates: [],
  custom: {},
  ...over,
});
const [III, IV9] = defaultCriteria();

describe("criterion III: strictly above 80", () => {
  it.each([
    [84.37, 30, "84,37 > 80 → 30 điểm"],
    [80.01, 30, "80,01 > 80 → 30 điểm"],
    [80, 0, "80,00 ≤ 80 → 0 điểm"],
    [79.95, 0, "79,95 ≤ 80 → 0 điểm"],
  ])("%p gives %p", (score, points, explanation) => {
    expect(scoreCriterion(III, unit({ score766: score }))).toMatchObject({ points, explanation });
  });

  it("gives 0 and flags a blank in a group the 766 index scores", () => {
    for (const group of ["Sở, ban, ngành", "UBND cấp huyện", "UBND xã, phường, đặc khu"]) {
      expect(scoreCriterion(III, unit({ group }))).toMatchObject({ points: 0, blank: true });
    }
  });

  it("does not apply to a vertical-sector body: “không áp dụng”, no warning", () => {
    for (const group of ["Cơ quan ngành dọc", "Cơ quan Trung ương đóng trên địa bàn", "Khối nghành dọc"]) {
      expect(scoreCriterion(III, unit({ group, score766: 90 }))).toMatchObject({
        points: 0,
        applies: false,
        blank: false,
        explanation: "không áp dụng",
      });
    }
  });

  it("follows a ≥ setting (“từ 80 điểm trở lên”)", () => {
    const atLeast: Criterion = { ...III, operator: ">=" };
    expect(scoreCriterion(atLeast, unit({ score766: 80 }))).toMatchObject({
      points: 30,
      explanation: "80,00 ≥ 80 → 30 điểm",
    });
  });
});

describe("criterion IV.9: 100% at every level that has a figure", () => {
  const vertical = (tinh: number | null, huyen: number | null) =>
    unit({
      group: "Cơ quan ngành dọc",
      rates: [
        { level: "tinh", value: tinh },
        { level: "huyen", value: huyen },
      ],
    });

  it("earns 35 when every level is at 100%", () => {
    expect(scoreCriterion(IV9, vertical(100, 100))).toMatchObject({
      points: 35,
      full: true,
      explanation: "cấp tỉnh 100% ≥ 100%, cấp huyện 100% ≥ 100% → 35 điểm",
    });
  });

  it("names the level that falls short", () => {
    expect(scoreCriterion(IV9, vertical(100, 96.5)).explanation).toBe("cấp huyện 96,5% < 100% → 0 điểm");
    expect(scoreCriterion(IV9, vertical(91.3, null))).toMatchObject({
      points: 0,
      explanation: "cấp tỉnh 91,3% < 100% → 0 điểm",
    });
  });

  it("does not apply to other groups, and does not warn when the group is unknown", () => {
    expect(scoreCriterion(IV9, unit({ group: "Sở, ban, ngành" }))).toMatchObject({
      applies: false,
      points: 0,
    });
    expect(scoreCriterion(IV9, unit({ group: "" }))).toMatchObject({
      applies: true,
      blank: false,
      points: 0,
    });
  });
});

describe("other kinds of criteria", () => {
  const proportional: Criterion = {
    ...III,
    code: "II",
    kind: "proportional",
    points: 10,
    target: 100,
    input: "Tỷ lệ hồ sơ đúng hạn",
    operator: undefined,
    threshold: undefined,
  };
  const manual: Criterion = { ...proportional, code: "V", kind: "manual", points: 5, input: "Điểm kiểm tra" };

  it("scores proportionally, capped at the points", () => {
    expect(scoreCriterion(proportional, unit({ custom: { "Tỷ lệ hồ sơ đúng hạn": 87.5 } }))).toMatchObject({
      points: 8.75,
      full: false,
      explanation: "10 × 87,5 / 100 → 8,75 điểm",
    });
    expect(scoreCriterion(proportional, unit({ custom: { "Tỷ lệ hồ sơ đúng hạn": 120 } })).points).toBe(10);
  });

  it("takes points entered by hand, within the maximum", () => {
    expect(scoreCriterion(manual, unit({ custom: { "Điểm kiểm tra": 4 } }))).toMatchObject({ points: 4 });
    expect(scoreCriterion(manual, unit({ custom: { "Điểm kiểm tra": 9 } }))).toMatchObject({
      points: 5,
      explanation: "chấm trực tiếp 9, tối đa 5 → 5 điểm",
    });
  });
});

describe("rating and award rule", () => {
  it.each([
    [95, "Xuất sắc"],
    [90, "Xuất sắc"],
    [89.99, "Tốt"],
    [80, "Tốt"],
    [70, "Khá"],
    [50, "Trung bình"],
    [49.9, "Yếu"],
    [null, ""],
  ])("rates %p as %p", (score, rating) => {
    expect(ratingOf(score, DEFAULT_RATING)).toBe(rating);
  });

  it("proposes on full points of one criterion by default, or on a minimum total", () => {
    const full = scoreCriterion(III, unit({ score766: 85 }));
    const none = scoreCriterion(III, unit({ score766: 70 }));
    const settings = defaultSettings();
    expect(isEligible([full], 30, settings)).toBe(true);
    expect(isEligible([none], 0, settings)).toBe(false);
    settings.award = { kind: "minTotal", minTotal: 35 };
    expect(isEligible([full], 30, settings)).toBe(false);
    expect(isEligible([full], 35, settings)).toBe(true);
  });
});
