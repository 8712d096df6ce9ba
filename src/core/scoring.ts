/** Points per criterion, total, 766 rating and the award proposal, each with a line that explains it. */
import {
  compare,
  INPUT_ONE_STOP_RATE,
  INPUT_SCORE_766,
  negatedSymbol,
  OPERATOR_SYMBOLS,
  type Criterion,
} from "./criteria";
import { groupMatches } from "./groups";
import { formatNumberVi, roundTo } from "./numbers";
import { cellProblem, type Problem } from "./problems";
import { LEVEL_LABELS } from "./reader/columns";
import type { Unit, UnitTable } from "./reader/units";
import type { RatingBands, Settings } from "./settings";

export interface CriterionScore {
  code: string;
  points: number;
  applies: boolean;
  /** No figure to score: 0 points and a warning. */
  blank: boolean;
  /** Earned the criterion's full points. */
  full: boolean;
  explanation: string;
}

export interface UnitScore {
  unit: Unit;
  scores: CriterionScore[];
  total: number;
  rating: string;
  eligible: boolean;
  explanation: string;
}

export interface ScoreResult {
  units: UnitScore[];
  problems: Problem[];
}

interface Figure {
  label: string;
  value: number;
}

/** The figures a criterion looks at for one unit (several for the one-stop rate: one per level). */
function figuresOf(unit: Unit, input: string): Figure[] {
  if (input === INPUT_SCORE_766) return unit.score766 === null ? [] : [{ label: "", value: unit.score766 }];
  if (input === INPUT_ONE_STOP_RATE) {
    return unit.rates
      .filter((r): r is { level: typeof r.level; value: number } => r.value !== null)
      .map((r) => ({ label: LEVEL_LABELS[r.level], value: r.value }));
  }
  const value = unit.custom[input];
  return value === null || value === undefined ? [] : [{ label: "", value }];
}

function suffixOf(input: string): string {
  return input === INPUT_ONE_STOP_RATE ? "%" : "";
}

const vi = (n: number) => formatNumberVi(n);

/** Whether a criterion limited to some groups applies; unknown groups count as applying. */
export function appliesTo(criterion: Criterion, group: string): boolean {
  if (criterion.appliesTo.length === 0 || group === "") return true;
  // A table has few groups and many units: remember each answer.
  const memo = `${criterion.appliesTo.join("\u0000")}\u0001${group}`;
  let answer = appliesMemo.get(memo);
  if (answer === undefined) {
    answer = groupMatches(criterion.appliesTo, group);
    if (appliesMemo.size > 1000) appliesMemo.clear();
    appliesMemo.set(memo, answer);
  }
  return answer;
}

const appliesMemo = new Map<string, boolean>();

export function scoreCriterion(criterion: Criterion, unit: Unit): CriterionScore {
  const base = { code: criterion.code, applies: true, blank: false, full: false };
  if (!appliesTo(criterion, unit.group)) {
    return { ...base, applies: false, points: 0, explanation: "không áp dụng" };
  }
  const figures = figuresOf(unit, criterion.input);
  if (figures.length === 0) {
    // A group-limited criterion on a unit of unknown group: no figure is expected, so no warning.
    const expected = criterion.appliesTo.length === 0 || unit.group !== "";
    return { ...base, blank: expected, points: 0, explanation: "chưa có số liệu → 0 điểm" };
  }
  const suffix = suffixOf(criterion.input);
  const show = (f: Figure) => `${f.label ? `${f.label} ` : ""}${vi(f.value)}${suffix}`;
  let points: number;
  let reason: string;
  switch (criterion.kind) {
    case "threshold": {
      const operator = criterion.operator ?? ">=";
      const threshold = criterion.threshold ?? 0;
      const failing = figures.filter((f) => !compare(roundTo(f.value), operator, threshold));
      const passed = failing.length === 0;
      points = passed ? criterion.points : 0;
      const shown = passed ? figures : failing;
      const symbol = passed ? OPERATOR_SYMBOLS[operator] : negatedSymbol(operator);
      reason = shown.map((f) => `${show(f)} ${symbol} ${vi(threshold)}${suffix}`).join(", ");
      break;
    }
    case "proportional": {
      const target = criterion.target && criterion.target > 0 ? criterion.target : 100;
      const lowest = figures.reduce((a, b) => (b.value < a.value ? b : a));
      points = roundTo(
        Math.max(0, Math.min(criterion.points, (criterion.points * lowest.value) / target)),
        2,
      );
      reason = `${vi(criterion.points)} × ${show(lowest)} / ${vi(target)}${suffix}`;
      break;
    }
    case "manual": {
      const value = figures[0].value;
      points = roundTo(Math.max(0, Math.min(criterion.points, value)), 2);
      reason =
        points === value ? "chấm trực tiếp" : `chấm trực tiếp ${vi(value)}, tối đa ${vi(criterion.points)}`;
      break;
    }
  }
  return {
    ...base,
    points,
    full: points > 0 && points >= criterion.points,
    explanation: `${reason} → ${vi(points)} điểm`,
  };
}

export function ratingOf(score: number | null, bands: RatingBands): string {
  if (score === null) return "";
  if (score >= bands.excellent) return "Xuất sắc";
  if (score >= bands.good) return "Tốt";
  if (score >= bands.fair) return "Khá";
  if (score >= bands.average) return "Trung bình";
  return "Yếu";
}

export function isEligible(scores: CriterionScore[], total: number, settings: Settings): boolean {
  if (settings.award.kind === "minTotal") return total > 0 && total >= settings.award.minTotal;
  return scores.some((s) => s.full);
}

/** Scores every unit; blanks where a criterion needs data become warnings at the cell. */
export function scoreUnits(table: UnitTable, criteria: Criterion[], settings: Settings): ScoreResult {
  const problems: Problem[] = [];
  const { layout } = table;
  const columnOf = (input: string): number | undefined => {
    if (input === INPUT_SCORE_766) return layout.columns.score766;
    if (input === INPUT_ONE_STOP_RATE) return layout.columns.rates[0]?.col ?? layout.columns.counts[0]?.total;
    return table.customColumns[input];
  };
  const units = table.units.map((unit) => {
    const scores = criteria.map((criterion) => {
      const score = scoreCriterion(criterion, unit);
      if (score.blank) {
        problems.push(
          cellProblem(
            layout.sheet,
            unit.row,
            columnOf(criterion.input),
            "warning",
            `“${unit.name}” chưa có số liệu cho tiêu chí ${criterion.code}, tính 0 điểm.`,
          ),
        );
      }
      return score;
    });
    const total = roundTo(
      scores.reduce((sum, s) => sum + s.points, 0),
      2,
    );
    return {
      unit,
      scores,
      total,
      rating: ratingOf(unit.score766, settings.rating),
      eligible: isEligible(scores, total, settings),
      explanation: scores.map((s) => `${s.code}: ${s.explanation}`).join("; "),
    };
  });
  return { units, problems };
}
