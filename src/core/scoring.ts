/** Points per criterion, total, 766 rating and the award proposal, each with a line that explains it. */
import {
  compare,
  INPUT_ONE_STOP_RATE,
  INPUT_SCORE_766,
  negatedSymbol,
  OPERATOR_SYMBOLS,
  type Criterion,
} from "./criteria";
import { groupDecides, groupMatches, nameMatches } from "./groups";
import { NotAppliedNotes } from "./not-applied";
import { formatNumberVi, formatScore766, roundTo } from "./numbers";
import { tierIndexOf } from "./tiers";
import { emulationRatingOf } from "./emulation";
import type { UnitReview } from "./reader/review-columns";
import { decideReview, differenceOf, explainReview, hasEvidence, type ReviewDecision } from "./review";
import { foldKey } from "./text";
import { cellProblem, type Problem } from "./problems";
import { LEVEL_LABELS } from "./reader/columns";
import type { Unit, UnitTable } from "./reader/units";
import type { RatingBands, Settings } from "./settings";

interface CriterionScore {
  code: string;
  points: number;
  applies: boolean;
  /** Counts toward the unit's maximum: it fits the unit, or gives full points to units it does not fit. */
  counted: boolean;
  /** The points computed from the figures, before the review. */
  computed: number;
  /** How the review settled the points. */
  review: ReviewDecision["kind"];
  /** No figure to score: 0 points and a warning. */
  blank: boolean;
  /** Earned the criterion's full points. */
  full: boolean;
  /** The criterion applied and found a figure to score (what the letter may state a result from). */
  hasFigure: boolean;
  explanation: string;
}

/** A criterion's evidence as the unit's row gives it, for the letter's and the dossier's lists. */
export interface CriterionEvidence {
  code: string;
  /** "Minh chứng": a document number or a link. */
  evidence?: string;
  /** "Giải trình". */
  explanation?: string;
}

/** Self-assessed, computed and assessed points of a criterion that do not all agree. */
export interface PointsDifference {
  code: string;
  self?: number;
  computed: number;
  assessed?: number;
}

export interface UnitScore {
  unit: Unit;
  scores: CriterionScore[];
  /** The sum of the points, or that sum on a 100-point scale when the settings ask for it. */
  total: number;
  /** The maximum of the criteria that count for the unit (100 when all do, on the usual tables). */
  maximum: number;
  rating: string;
  eligible: boolean;
  explanation: string;
  /** "Xếp loại thi đua", when the "Tiêu chí" sheet has its table. */
  emulationRating?: string;
  /** 1 is best within the unit's group, when the settings ask for the rank (set by the score step). */
  rankInGroup?: number;
  /** Evidence and explanations per criterion, for the lists that go with the letter. */
  evidence: readonly CriterionEvidence[];
  differences: readonly PointsDifference[];
}

interface ScoreResult {
  units: UnitScore[];
  problems: Problem[];
}

/** One figure a criterion looks at: its value and, for the one-stop rate, its level ("cấp huyện"). */
export interface Figure {
  label: string;
  value: number;
}

/** What a criterion looks at for one unit: the unit's group and its figures. */
interface CriterionInputs {
  group: string;
  /** The unit's name: its kind counts when the group text names none ("Khối A" for "UBND huyện …"). */
  name?: string;
  figures: readonly Figure[];
  /** Some input cell could not be read: the criterion gives 0. */
  unreadable?: boolean;
  /** The unit's group could not be read (a legacy encoding): a criterion limited to groups gives 0. */
  groupUnreadable?: boolean;
  /** Labels of the levels with no figure ("cấp huyện"), said when the others pass. */
  emptyLevels?: readonly string[];
  /** The unit's cell says the criterion does not fit it ("không áp dụng", "không có TTHC"). */
  notApplicable?: boolean;
  /** Whether the criterion's groups take the unit, when the caller knows it (scoreUnits, once per group). */
  applies?: boolean;
}

/**
 * What a criterion decided for one unit, before any wording: the points and what they rest on. The
 * points are read from it as they are; the explanation is worded from it (explain), so both always agree.
 */
type Decision =
  /** `full`: the criterion gives its full points to units it does not fit ("đủ điểm"). */
  | { kind: "notApplicable"; points: number; full: boolean }
  /** No figure: 0 points; `expected` when the unit should have had one (a warning). */
  | { kind: "blank"; points: 0; expected: boolean }
  /** `shown`: every figure when the unit passed, the failing ones when it did not. */
  | {
      kind: "threshold";
      points: number;
      passed: boolean;
      shown: readonly Figure[];
      /** Levels left blank or "-" beside a passing rate: no procedures there. */
      noProcedures?: readonly string[];
    }
  /** An input cell (or the group, for a group-limited criterion) could not be read (its error is listed). */
  | { kind: "unreadable"; points: 0; what?: "group" }
  | { kind: "proportional"; points: number; lowest: Figure; target: number }
  | { kind: "manual"; points: number; value: number }
  /** `tier`: the first tier every figure passes (0-based), -1 for none; `shown`: the figures it rests on. */
  | { kind: "tiers"; points: number; tier: number; shown: readonly Figure[] };

const NO_FIGURES: readonly Figure[] = [];

/** The figures a criterion looks at for one unit (several for the one-stop rate: one per level). */
export function figuresOf(unit: Unit, input: string): readonly Figure[] {
  if (input === INPUT_SCORE_766)
    return unit.score766 === null ? NO_FIGURES : [{ label: "", value: unit.score766 }];
  if (input === INPUT_ONE_STOP_RATE) {
    return unit.rates
      .filter((r): r is { level: typeof r.level; value: number } => r.value !== null)
      .map((r) => ({ label: LEVEL_LABELS[r.level], value: r.value }));
  }
  const value = unit.custom[input];
  return value === null || value === undefined ? NO_FIGURES : [{ label: "", value }];
}

function suffixOf(input: string): string {
  return input === INPUT_ONE_STOP_RATE ? "%" : "";
}

const vi = (n: number) => formatNumberVi(n, COMPARE_DECIMALS);

/** Figures are compared and shown at 2 decimals, as the 766 index and the rates are published. */
const COMPARE_DECIMALS = 2;

/** Levels left blank or "-": no procedures there. */
function emptyLevelsOf(unit: Unit, input: string): readonly string[] | undefined {
  if (input !== INPUT_ONE_STOP_RATE) return undefined;
  const empty = unit.rates.filter((r) => r.value === null).map((r) => LEVEL_LABELS[r.level] || "tỷ lệ chung");
  return empty.length > 0 ? empty : undefined;
}

/** Whether a criterion limited to some groups applies; unknown groups count as applying. */
export function appliesTo(criterion: Criterion, group: string, name = ""): boolean {
  return criterion.appliesTo.length === 0 || group === "" || groupMatches(criterion.appliesTo, group, name);
}

const operatorOf = (criterion: Criterion) => criterion.operator ?? ">=";
const thresholdOf = (criterion: Criterion) => criterion.threshold ?? 0;

function targetOf(criterion: Criterion): number {
  return criterion.target && criterion.target > 0 ? criterion.target : 100;
}

const clampPoints = (criterion: Criterion, value: number) =>
  roundTo(Math.max(0, Math.min(criterion.points, value)), 2);

/** A threshold criterion's test of one figure, compared as shown: at the published precision. */
function passes(criterion: Criterion, figure: Figure): boolean {
  return compare(roundTo(figure.value, COMPARE_DECIMALS), operatorOf(criterion), thresholdOf(criterion));
}

/** The one place where a criterion's points are decided. */
export function decide(criterion: Criterion, inputs: CriterionInputs): Decision {
  // Never decide by a group that was not read: not "không áp dụng", not points.
  if (inputs.groupUnreadable && criterion.appliesTo.length > 0)
    return { kind: "unreadable", points: 0, what: "group" };
  if (inputs.notApplicable || !(inputs.applies ?? appliesTo(criterion, inputs.group, inputs.name))) {
    const full = criterion.whenNotApplicable === "full";
    return { kind: "notApplicable", points: full ? criterion.points : 0, full };
  }
  // One unreadable input (its error is listed) makes the whole criterion 0: never a pass on the rest.
  if (inputs.unreadable) return { kind: "unreadable", points: 0 };
  const { figures } = inputs;
  if (figures.length === 0) {
    // A group-limited criterion on a unit of unknown group: no figure is expected, so no warning.
    return { kind: "blank", points: 0, expected: criterion.appliesTo.length === 0 || inputs.group !== "" };
  }
  switch (criterion.kind) {
    case "threshold": {
      const passed = figures.every((f) => passes(criterion, f));
      // Most units pass: only a failing unit pays for the list of its failing figures.
      const shown = passed ? figures : figures.filter((f) => !passes(criterion, f));
      const noProcedures = passed ? inputs.emptyLevels : undefined;
      return { kind: "threshold", points: passed ? criterion.points : 0, passed, shown, noProcedures };
    }
    case "proportional": {
      const target = targetOf(criterion);
      let lowest = figures[0];
      for (const f of figures) if (f.value < lowest.value) lowest = f;
      return {
        kind: "proportional",
        points: clampPoints(criterion, (criterion.points * lowest.value) / target),
        lowest,
        target,
      };
    }
    case "manual": {
      const value = figures[0].value;
      return { kind: "manual", points: clampPoints(criterion, value), value };
    }
    case "tiers": {
      const tiers = criterion.tiers ?? [];
      const tier = tierIndexOf(
        tiers,
        figures.map((f) => f.value),
      );
      // No tier: the figures that fail the last one, as a failed threshold shows its failing figures.
      const last = tiers[tiers.length - 1];
      const shown =
        tier >= 0 || !last
          ? figures
          : figures.filter((f) => !compare(roundTo(f.value, COMPARE_DECIMALS), last.operator, last.bound));
      return {
        kind: "tiers",
        points: tier >= 0 ? clampPoints(criterion, tiers[tier].points) : 0,
        tier,
        shown,
      };
    }
  }
}

/** The explanation of a decision: "84,37 > 80 → 30 điểm", "cấp huyện 96,5% < 100% → 0 điểm". */
function explain(criterion: Criterion, decision: Decision): string {
  if (decision.kind === "notApplicable")
    return decision.full ? `không áp dụng → đủ ${vi(decision.points)} điểm` : "không áp dụng";
  if (decision.kind === "blank") return "chưa có số liệu → 0 điểm";
  if (decision.kind === "unreadable")
    return decision.what === "group"
      ? "khối của đơn vị không đọc được (xem lỗi) → 0 điểm"
      : "có ô số liệu không đọc được (xem lỗi) → 0 điểm";
  const suffix = suffixOf(criterion.input);
  const number = criterion.input === INPUT_SCORE_766 ? formatScore766 : vi;
  const show = (f: Figure) => `${f.label ? `${f.label} ` : ""}${number(f.value)}${suffix}`;
  let reason: string;
  switch (decision.kind) {
    case "threshold": {
      const operator = operatorOf(criterion);
      const threshold = thresholdOf(criterion);
      const symbol = decision.passed ? OPERATOR_SYMBOLS[operator] : negatedSymbol(operator);
      reason = decision.shown.map((f) => `${show(f)} ${symbol} ${vi(threshold)}${suffix}`).join(", ");
      if (decision.noProcedures?.length)
        reason += ` (${decision.noProcedures.join(", ")}: không có TTHC, ô trống)`;
      break;
    }
    case "proportional":
      reason = `${vi(criterion.points)} × ${show(decision.lowest)} / ${vi(decision.target)}${suffix}`;
      break;
    case "manual":
      reason =
        decision.points === decision.value
          ? "chấm trực tiếp"
          : `chấm trực tiếp ${vi(decision.value)}, tối đa ${vi(criterion.points)}`;
      break;
    case "tiers": {
      const tiers = criterion.tiers ?? [];
      const tier = tiers[decision.tier] ?? tiers[tiers.length - 1];
      if (!tier) return "chưa ghi các bậc → 0 điểm";
      const symbol = decision.tier >= 0 ? OPERATOR_SYMBOLS[tier.operator] : negatedSymbol(tier.operator);
      reason = decision.shown.map((f) => `${show(f)} ${symbol} ${vi(tier.bound)}${suffix}`).join(", ");
      const which = decision.tier >= 0 ? `bậc ${decision.tier + 1}` : "không đạt bậc nào";
      return `${reason} → ${vi(decision.points)} điểm (${which})`;
    }
  }
  return `${reason} → ${vi(decision.points)} điểm`;
}

/** Full points: what the award rule "đạt đủ điểm ít nhất một tiêu chí" counts. */
export function earnsFullPoints(criterion: Criterion, points: number): boolean {
  return points > 0 && points >= criterion.points;
}

/** The review cells of the unit's row for a criterion. */
export function reviewOf(unit: Unit, criterion: Criterion): UnitReview | undefined {
  // Most rows have no review cells: no code is folded for them.
  return unit.review ? unit.review[foldKey(criterion.code)] : undefined;
}

/** `groupTakes`: whether the criterion's groups take the unit, when the caller already knows. */
export function scoreCriterion(criterion: Criterion, unit: Unit, groupTakes?: boolean): CriterionScore {
  const decision = decide(criterion, {
    group: unit.group,
    name: unit.name,
    applies: groupTakes,
    figures: figuresOf(unit, criterion.input),
    unreadable: unit.unreadable?.includes(criterion.input),
    groupUnreadable: unit.groupUnreadable,
    emptyLevels: emptyLevelsOf(unit, criterion.input),
    notApplicable: unit.notApplicable?.includes(criterion.input),
  });
  const applies = decision.kind !== "notApplicable";
  const reviewed = decideReview(criterion, decision.points, reviewOf(unit, criterion), applies);
  return {
    code: criterion.code,
    points: reviewed.points,
    computed: decision.points,
    review: reviewed.kind,
    applies,
    counted: applies || decision.full,
    blank: decision.kind === "blank" && decision.expected && reviewed.kind !== "assessed",
    // Full points given to a unit the criterion does not fit were not earned: no award rests on them.
    full: applies && earnsFullPoints(criterion, reviewed.points),
    hasFigure:
      decision.kind === "threshold" || decision.kind === "proportional" || decision.kind === "manual",
    explanation: explainReview(reviewed, criterion, explain(criterion, decision)),
  };
}

export function ratingOf(score: number | null, bands: RatingBands): string {
  if (score === null) return "";
  score = roundTo(score, COMPARE_DECIMALS);
  if (score >= bands.excellent) return "Xuất sắc";
  if (score >= bands.good) return "Tốt";
  if (score >= bands.fair) return "Khá";
  if (score >= bands.average) return "Trung bình";
  return "Yếu";
}

/** Whether a unit is proposed for the award, from whether it earned each criterion's full points. */
export function isEligible(
  scores: readonly Pick<CriterionScore, "full">[],
  total: number,
  settings: Settings,
): boolean {
  if (settings.award.kind === "minTotal") return total > 0 && total >= settings.award.minTotal;
  return scores.some((s) => s.full);
}

/**
 * Values remembered by a sequence of keys (numbers, texts, objects, compared as Map keys): a unit's
 * figures, or its criteria's scores, looked up one by one, without building a text of them.
 */
class Trie<V> {
  /** Made when the first child is: most nodes are leaves (one per distinct figure). */
  private children?: Map<unknown, Trie<V>>;
  value?: V;

  child(key: unknown): Trie<V> {
    this.children ??= new Map();
    let found = this.children.get(key);
    if (!found) this.children.set(key, (found = new Trie<V>()));
    return found;
  }
}

/** The node of the figures a criterion reads of a unit (for the one-stop rate, each level's). */
function figureNode<V>(root: Trie<V>, unit: Unit, input: string): Trie<V> {
  if (input === INPUT_SCORE_766) return root.child(unit.score766);
  if (input === INPUT_ONE_STOP_RATE) {
    // Indexed loops on what runs per unit: no iterator while the code is still cold.
    let node = root;
    for (let i = 0; i < unit.rates.length; i++)
      node = node.child(unit.rates[i].level).child(unit.rates[i].value);
    return node;
  }
  return root.child(unit.custom[input] ?? null);
}

/** Whether a unit has some figure for the input (figuresOf without building them). */
function hasFigureFor(unit: Unit, input: string): boolean {
  if (input === INPUT_SCORE_766) return unit.score766 !== null;
  if (input === INPUT_ONE_STOP_RATE) return unit.rates.some((r) => r.value !== null);
  const value = unit.custom[input];
  return value !== null && value !== undefined;
}

/** What a criterion gives each group and each figure: the same for every unit that has them. */
interface CriterionMemo {
  /** Whether the criterion takes the group; undefined when the group text leaves it to the name. */
  takes: Map<string, boolean | undefined>;
  /** Scores of units the criterion does not take, then by figure, for units with and without a group. */
  notTaken?: CriterionScore;
  byFigure: [Trie<CriterionScore>, Trie<CriterionScore>];
}

/**
 * The scores of one table's units. A table has thousands of units but few groups and, per criterion, few
 * distinct figures: a unit whose row has nothing of its own (no review, no unreadable or "không áp dụng"
 * cell) shares the score of the first unit with the same group answer and figures, and the unit's total
 * and explanation with those of the first unit whose criteria scored the same. The memos live as long as
 * one call: nothing is carried over to other criteria or another run.
 */
class TableScorer {
  private readonly memos: CriterionMemo[];
  /** The outcome of each sequence of shared scores. */
  private readonly outcomes = new Trie<Outcome>();
  /** The scores of the unit being scored, before its outcome is found (copied when it is new). */
  private readonly scratch: CriterionScore[];

  constructor(
    private readonly criteria: Criterion[],
    private readonly settings: Settings,
  ) {
    this.memos = criteria.map(() => ({ takes: new Map(), byFigure: [new Trie(), new Trie()] }));
    this.scratch = new Array<CriterionScore>(criteria.length);
  }

  private groupTakes(i: number, unit: Unit): boolean {
    const { appliesTo } = this.criteria[i];
    if (appliesTo.length === 0 || unit.group === "") return true;
    const { takes } = this.memos[i];
    let answer = takes.get(unit.group);
    if (answer === undefined && !takes.has(unit.group)) {
      answer = groupDecides(appliesTo, unit.group);
      takes.set(unit.group, answer);
    }
    return answer ?? nameMatches(appliesTo, unit.name);
  }

  /** Whether the unit's row has something of its own that its scores depend on. */
  private static isPlain(unit: Unit): boolean {
    return !unit.review && !unit.unreadable && !unit.notApplicable && !unit.groupUnreadable;
  }

  /** The criterion's score of a plain unit: that of the first unit with the same group answer and figures. */
  private sharedScore(i: number, unit: Unit): CriterionScore {
    const criterion = this.criteria[i];
    const memo = this.memos[i];
    if (!this.groupTakes(i, unit)) return (memo.notTaken ??= scoreCriterion(criterion, unit, false));
    const node = figureNode(memo.byFigure[unit.group === "" ? 1 : 0], unit, criterion.input);
    return (node.value ??= scoreCriterion(criterion, unit, true));
  }

  /** The unit's scores with their total, maximum, explanation and ratings; shared when they are. */
  outcomeOf(unit: Unit): Outcome {
    const { criteria, settings } = this;
    if (!TableScorer.isPlain(unit)) {
      const scores = criteria.map((c, i) => scoreCriterion(c, unit, this.groupTakes(i, unit)));
      return outcome(scores, criteria, settings);
    }
    let node = this.outcomes;
    for (let i = 0; i < criteria.length; i++) {
      const score = this.sharedScore(i, unit);
      this.scratch[i] = score;
      node = node.child(score);
    }
    return (node.value ??= outcome([...this.scratch], criteria, settings));
  }
}

interface Outcome {
  scores: CriterionScore[];
  total: number;
  maximum: number;
  eligible: boolean;
  explanation: string;
  emulationRating?: string;
}

/** What a unit's criteria scores add up to, and the line that explains it. */
function outcome(scores: CriterionScore[], criteria: Criterion[], settings: Settings): Outcome {
  const sum = roundTo(
    scores.reduce((total, s) => total + s.points, 0),
    2,
  );
  const maximum = roundTo(
    criteria.reduce((total, c, i) => total + (scores[i].counted ? c.points : 0), 0),
    2,
  );
  const converted = settings.emulation.convertTo100 && maximum > 0 && maximum !== 100;
  const total = converted ? roundTo((sum * 100) / maximum, 2) : sum;
  const explained = scores.map((s) => `${s.code}: ${s.explanation}`);
  if (converted) explained.push(`tổng ${vi(sum)}/${vi(maximum)} điểm → quy đổi thang 100: ${vi(total)}`);
  const emulation = emulationRatingOf(settings.emulation.ratings, criteria, scores, total);
  if (emulation) explained.push(`xếp loại thi đua: ${emulation.explanation}`);
  return {
    scores,
    total,
    maximum,
    eligible: isEligible(scores, total, settings),
    explanation: explained.join("; "),
    ...(emulation ? { emulationRating: emulation.label } : {}),
  };
}

/** Scores every unit; blanks where a criterion needs data become warnings at the cell. */
export function scoreUnits(table: UnitTable, criteria: Criterion[], settings: Settings): ScoreResult {
  const problems: Problem[] = [];
  const leftOut = new NotAppliedNotes();
  const { layout } = table;
  const columnOf = (input: string): number | undefined => {
    if (input === INPUT_SCORE_766) return layout.columns.score766;
    if (input === INPUT_ONE_STOP_RATE) return layout.columns.rates[0]?.col ?? layout.columns.counts[0]?.total;
    return table.customColumns[input];
  };
  const scorer = new TableScorer(criteria, settings);
  const units = table.units.map((unit): UnitScore => {
    // Units that scored the same share the array of scores too: nothing writes to it.
    const scored = scorer.outcomeOf(unit);
    const { scores } = scored;
    for (let i = 0; i < criteria.length; i++) {
      const criterion = criteria[i];
      const score = scores[i];
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
      const reviewed = reviewProblems(table, unit, criterion, score);
      if (reviewed.length > 0) problems.push(...reviewed);
      if (!score.applies && hasFigureFor(unit, criterion.input)) {
        leftOut.add(unit, criterion, columnOf(criterion.input));
      }
    }
    return {
      unit,
      scores: scored.scores,
      total: scored.total,
      maximum: scored.maximum,
      rating: ratingOf(unit.score766, settings.rating),
      eligible: scored.eligible,
      explanation: scored.explanation,
      ...(scored.emulationRating !== undefined ? { emulationRating: scored.emulationRating } : {}),
      evidence: evidenceOf(unit, criteria),
      differences: !unit.review
        ? NO_DIFFERENCES
        : criteria.flatMap((c, i) => {
            const found = differenceOf(scores[i].computed, reviewOf(unit, c));
            return found ? [{ code: c.code, ...found }] : [];
          }),
    };
  });
  return { units, problems: [...problems, ...leftOut.problems(layout.sheet)] };
}

const NO_DIFFERENCES: readonly PointsDifference[] = Object.freeze([]);
const NO_EVIDENCE: readonly CriterionEvidence[] = Object.freeze([]);

const NO_PROBLEMS: Problem[] = [];

/** The evidence and explanations the unit's row gives, criterion by criterion. */
function evidenceOf(unit: Unit, criteria: readonly Criterion[]): readonly CriterionEvidence[] {
  if (!unit.review) return NO_EVIDENCE;
  return criteria.flatMap((c) => {
    const review = reviewOf(unit, c);
    if (!hasEvidence(review)) return [];
    return [
      {
        code: c.code,
        ...(review?.evidence ? { evidence: review.evidence } : {}),
        ...(review?.explanation ? { explanation: review.explanation } : {}),
      },
    ];
  });
}

/** Missing evidence (a warning), assessed points out of range (an error), differing points (a note). */
function reviewProblems(
  table: UnitTable,
  unit: Unit,
  criterion: Criterion,
  score: CriterionScore,
): Problem[] {
  if (!unit.review && score.review === "computed") return NO_PROBLEMS;
  const columns = table.reviewColumns?.[foldKey(criterion.code)] ?? {};
  const at = (col: number | undefined, level: Problem["level"], detail: string) =>
    cellProblem(table.layout.sheet, unit.row, col, level, detail);
  const review = reviewOf(unit, criterion);
  const name = `“${unit.name}”, tiêu chí ${criterion.code}`;
  switch (score.review) {
    case "noEvidence":
      return [
        at(
          columns.evidence ?? columns.explanation,
          "warning",
          `${name}: cần minh chứng hoặc giải trình nhưng chưa có, tính 0 điểm (tính được ${vi(score.computed)}).`,
        ),
      ];
    case "assessedOutOfRange":
      return [
        at(
          columns.assessed,
          "error",
          `${name}: điểm thẩm định ${vi(review?.assessed ?? 0)} ngoài khoảng 0–${vi(criterion.points)} điểm, tính 0 điểm.`,
        ),
      ];
  }
  const difference = differenceOf(score.computed, review);
  if (!difference) return [];
  const parts = [
    difference.self !== undefined ? `tự chấm ${vi(difference.self)} điểm` : undefined,
    `tính được ${vi(difference.computed)}`,
    difference.assessed !== undefined ? `thẩm định ${vi(difference.assessed)}` : undefined,
  ].filter(Boolean);
  return [at(columns.self ?? columns.assessed, "info", `${name}: ${parts.join(", ")}.`)];
}
