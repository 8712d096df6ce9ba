/**
 * The picture staff decide with: how many units of each group fall in each 766 rating band, how many
 * are above the award threshold, and every unit's 766 score against that threshold (the chart's data).
 * The bands are the ones XEPLOAI uses (the settings of "Tiêu chí"); the threshold is the one the 766
 * criterion tests, so the counts agree with the points the units earned.
 */
import { compare, INPUT_SCORE_766, OPERATOR_SYMBOLS, type Criterion, type Operator } from "./criteria";
import { formatNumberVi, roundTo } from "./numbers";
import type { UnitScore } from "./scoring";
import type { RatingBands } from "./settings";
import { foldKey } from "./text";

/** The names ratingOf gives, best first. */
export const RATING_NAMES = ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"] as const;
export type RatingName = (typeof RATING_NAMES)[number];

/** The label of units whose group neither a column, a section nor the name tells. */
export const UNKNOWN_GROUP = "Chưa rõ khối";

export interface AwardThreshold {
  value: number;
  operator: Operator;
  /** "Ngưỡng đề xuất (> 80)": the name of the threshold line, apart from the rating bands. */
  label: string;
  /** "> 80": the test as a column header says it. */
  test: string;
  /** The code of the criterion that tests the 766 score ("III"); absent when none does. */
  criterion?: string;
}

export interface GroupDistribution {
  group: string;
  /** Units per rating band; every band is present, with 0 when empty. */
  bands: Record<RatingName, number>;
  /** Units whose 766 score passes the award threshold. */
  aboveThreshold: number;
  /** Every unit of the group, with or without a 766 score. */
  units: number;
  /** Units without a 766 score that the 766 criterion applies to (blank, unreadable, not yet entered). */
  noScore: number;
  /** Units without a 766 score that the 766 criterion does not apply to ("Cơ quan ngành dọc"). */
  notApplicable: number;
}

/** One bar of the chart: a unit with a 766 score. */
export interface ChartPoint {
  group: string;
  name: string;
  score: number;
  proposed: boolean;
}

/** Scores are compared at 2 decimals, as the index publishes them and as the criteria compare them. */
const DECIMALS = 2;

/**
 * The award threshold of the 766 score: the first threshold criterion on the 766 score ("III: > 80"),
 * else the lower bound of "Tốt" (a workbook whose criteria do not test the score).
 */
export function awardThreshold(criteria: readonly Criterion[], bands: RatingBands): AwardThreshold {
  const criterion = criteria.find((c) => c.kind === "threshold" && c.input === INPUT_SCORE_766);
  const value = criterion?.threshold ?? bands.good;
  const operator = criterion ? (criterion.operator ?? ">=") : ">=";
  const test = `${OPERATOR_SYMBOLS[operator]} ${formatNumberVi(value)}`;
  return {
    value,
    operator,
    // The award's test, never a rating band's name: "> 80" and "Tốt" (80 to < 90) are not the same line.
    label: `Ngưỡng đề xuất (${test})`,
    test,
    ...(criterion ? { criterion: criterion.code } : {}),
  };
}

/** The chart's value axis: from a round 10 below the lowest score and the threshold, to 100. */
export interface ChartAxis {
  min: number;
  max: number;
  /** Between two ticks: 5 when the axis spans 40 points or less, else 10, or 20 over 60. */
  step: number;
}

/**
 * The axis shows the region around the threshold, so that 79,95, 80,00 and 81,02 read apart; it starts
 * at the lowest score (rounded down to 10), never cutting a bar, and ends at 100, the index's maximum.
 */
export function chartAxis(points: readonly ChartPoint[], threshold: AwardThreshold): ChartAxis {
  const lowest = Math.min(threshold.value, ...points.map((p) => p.score));
  const min = Math.max(0, Math.min(90, Math.floor((lowest - 2) / 10) * 10));
  const span = 100 - min;
  return { min, max: 100, step: span <= 40 ? 5 : span <= 60 ? 10 : 20 };
}

export function passesThreshold(score: number, threshold: AwardThreshold): boolean {
  return compare(roundTo(score, DECIMALS), threshold.operator, threshold.value);
}

const emptyBands = (): Record<RatingName, number> =>
  Object.fromEntries(RATING_NAMES.map((name) => [name, 0])) as Record<RatingName, number>;

const isRatingName = (rating: string): rating is RatingName =>
  (RATING_NAMES as readonly string[]).includes(rating);

/** Units of one group, under the group's label as first written. */
export interface UnitGroup {
  group: string;
  scores: UnitScore[];
}

/** The units in groups, in the order the groups first appear; "SỞ, BAN, NGÀNH" and "Sở, ban, ngành" are one. */
export function byGroup(scores: readonly UnitScore[]): UnitGroup[] {
  const groups = new Map<string, { group: string; scores: UnitScore[] }>();
  // A few groups among thousands of units: each label is folded once.
  const keys = new Map<string, string>();
  for (const score of scores) {
    const label = score.unit.group.trim() || UNKNOWN_GROUP;
    let key = keys.get(label);
    if (key === undefined) keys.set(label, (key = foldKey(label)));
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { group: label, scores: [] }));
    entry.scores.push(score);
  }
  return [...groups.values()];
}

/** Whether the 766 criterion does not apply to the unit (its group, or its cell says "không áp dụng"). */
const outsideCriterion = (s: UnitScore, threshold: AwardThreshold): boolean =>
  threshold.criterion !== undefined && s.scores.some((c) => c.code === threshold.criterion && !c.applies);

/**
 * Counts per group: the rating each unit got (as XEPLOAI gives it), and the units above the threshold.
 * A unit without a score is "không áp dụng" when the 766 criterion does not fit it, else "chưa có điểm";
 * a unit with a score is counted in its band whatever its group.
 */
export function distributionOf(
  scores: readonly UnitScore[],
  threshold: AwardThreshold,
  /** The units already in groups (byGroup), when the caller has them. */
  groups: readonly UnitGroup[] = byGroup(scores),
): GroupDistribution[] {
  return groups.map(({ group, scores: units }) => {
    const bands = emptyBands();
    let noScore = 0;
    let notApplicable = 0;
    let aboveThreshold = 0;
    for (const s of units) {
      if (isRatingName(s.rating)) bands[s.rating]++;
      else if (outsideCriterion(s, threshold)) notApplicable++;
      else noScore++;
      if (s.unit.score766 !== null && passesThreshold(s.unit.score766, threshold)) aboveThreshold++;
    }
    return { group, bands, aboveThreshold, units: units.length, noScore, notApplicable };
  });
}

/** The sum of every group: the "Tổng cộng" row. */
export function distributionTotal(groups: readonly GroupDistribution[]): GroupDistribution {
  const bands = emptyBands();
  for (const g of groups) for (const name of RATING_NAMES) bands[name] += g.bands[name];
  const sum = (pick: (g: GroupDistribution) => number) => groups.reduce((n, g) => n + pick(g), 0);
  return {
    group: "Tổng cộng",
    bands,
    aboveThreshold: sum((g) => g.aboveThreshold),
    units: sum((g) => g.units),
    noScore: sum((g) => g.noScore),
    notApplicable: sum((g) => g.notApplicable),
  };
}

/** The chart's bars: units with a 766 score, group after group, in table order within a group. */
export function chartPoints(
  scores: readonly UnitScore[],
  /** The units already in groups (byGroup), when the caller has them. */
  groups: readonly UnitGroup[] = byGroup(scores),
): ChartPoint[] {
  return groups.flatMap(({ group, scores: units }) =>
    units
      .filter((s) => s.unit.score766 !== null)
      .map((s) => ({
        group,
        name: s.unit.name,
        score: roundTo(s.unit.score766 as number, DECIMALS),
        proposed: s.eligible,
      })),
  );
}

/** "Điểm Bộ chỉ số 766 của 33 đơn vị theo khối, …": what the chart shows, for its accessible name. */
export function chartDescription(points: readonly ChartPoint[], threshold: AwardThreshold): string {
  const groups = new Set(points.map((p) => p.group)).size;
  const above = points.filter((p) => passesThreshold(p.score, threshold)).length;
  const proposed = points.filter((p) => p.proposed).length;
  return (
    `Biểu đồ điểm Bộ chỉ số 766 của ${points.length} đơn vị, chia theo ${groups} khối, ` +
    `với đường ${threshold.label.charAt(0).toLowerCase()}${threshold.label.slice(1)}: ` +
    `${above} đơn vị ${threshold.test} điểm, ${proposed} đơn vị được đề xuất khen thưởng.`
  );
}
