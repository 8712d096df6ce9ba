/** Criteria as data: what each one reads, how it scores, and what the letter says about it. */

export type Operator = ">" | ">=" | "=" | "<=" | "<";
/** One tier of a "Bậc" criterion: the first that every figure passes gives its points (tiers.ts). */
export interface Tier {
  operator: Operator;
  bound: number;
  points: number;
}

export type CriterionKind = "threshold" | "proportional" | "manual" | "tiers";

/**
 * What a unit the criterion does not fit (not in its groups, or a cell saying "không áp dụng") gets:
 * "exclude" (the default) leaves the criterion out of the unit's maximum; "full" gives its full points.
 */
export type WhenNotApplicable = "exclude" | "full";

/** Inputs the reader knows by meaning; any other input names a column header of the unit table. */
export const INPUT_SCORE_766 = "diem766";
export const INPUT_ONE_STOP_RATE = "tyLeMotCua";

export interface Criterion {
  /** "III", "IV.9". */
  code: string;
  title: string;
  /** Maximum points. */
  points: number;
  kind: CriterionKind;
  /** INPUT_SCORE_766, INPUT_ONE_STOP_RATE or a column header. */
  input: string;
  /** Threshold: every figure the unit has (each level of the one-stop rate) must pass. */
  operator?: Operator;
  threshold?: number;
  /** Proportional: points × value / target, capped at points. */
  target?: number;
  /** Tiers: tried in order, the first that every figure passes gives its points; none gives 0. */
  tiers?: Tier[];
  /** Absent: "exclude". */
  whenNotApplicable?: WhenNotApplicable;
  /** "Cần minh chứng": without evidence or an explanation in the unit's row, the criterion gives 0. */
  needsEvidence?: boolean;
  /** Unit groups it applies to (matched loosely, "ngành dọc" matches "Cơ quan ngành dọc"); empty = all. */
  appliesTo: string[];
  basis: string;
  /**
   * Letter sentence when some units earned the points ({don_vi}, {diem}, {ma}, {nguong}, {dv}, and
   * {cac_cap}: "các cấp (cấp tỉnh, cấp xã)" from the levels the one-stop columns of the data have).
   */
  sentenceEarned: string;
  /** Letter sentence when no unit earned them; empty leaves the criterion out of the letter. */
  sentenceNone: string;
}

export const OPERATOR_SYMBOLS: Record<Operator, string> = {
  ">": ">",
  ">=": "≥",
  "=": "=",
  "<=": "≤",
  "<": "<",
};
const NEGATED: Record<Operator, string> = { ">": "≤", ">=": "<", "=": "≠", "<=": ">", "<": "≥" };

export function negatedSymbol(operator: Operator): string {
  return NEGATED[operator];
}

export function compare(value: number, operator: Operator, threshold: number): boolean {
  switch (operator) {
    case ">":
      return value > threshold;
    case ">=":
      return value >= threshold;
    case "=":
      return value === threshold;
    case "<=":
      return value <= threshold;
    case "<":
      return value < threshold;
  }
}

/** Reads ">", "≥", ">=", "=>", "lớn hơn"… into an operator. */
export function parseOperator(text: string): Operator | undefined {
  const t = text.replace(/\s+/g, "").toLowerCase();
  const table: Record<string, Operator> = {
    ">": ">",
    "≥": ">=",
    ">=": ">=",
    "=>": ">=",
    "=": "=",
    "==": "=",
    "≤": "<=",
    "<=": "<=",
    "=<": "<=",
    "<": "<",
  };
  return table[t];
}

/** Groups that the 766 index scores (sở, ban, ngành; UBND cấp huyện before 2025; UBND cấp xã). */
const GROUPS_WITH_766 = ["Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"] as const;

/** The criteria of An Giang's plan of 2023 (Quyết định 568/QĐ-UBND), the defaults before 2025. */
const DEFAULT_CRITERIA: readonly Criterion[] = [
  {
    code: "III",
    title: "Kết quả đánh giá Bộ chỉ số 766 (đạt trên 80 điểm)",
    points: 30,
    kind: "threshold",
    input: INPUT_SCORE_766,
    operator: ">",
    threshold: 80,
    // The units the 766 index scores; vertical-sector bodies have no 766 score.
    appliesTo: [...GROUPS_WITH_766],
    basis: "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ",
    sentenceEarned:
      "- {don_vi} đạt trên {nguong} điểm theo đánh giá tại {ket_qua} tương ứng đạt {diem} điểm tại tiêu chí {ma} phụ lục kèm theo {ke_hoach} trên thang điểm 100 (các đơn vị khác không đạt, nên 0 điểm nội dung này).",
    sentenceNone:
      "- Không có đơn vị đạt trên {nguong} điểm theo đánh giá tại {ket_qua}, nên các đơn vị 0 điểm tại tiêu chí {ma} phụ lục kèm theo {ke_hoach}.",
  },
  {
    code: "IV.9",
    title: "Tỷ lệ TTHC ngành dọc tiếp nhận tại Bộ phận Một cửa các cấp đạt 100%",
    points: 35,
    kind: "threshold",
    input: INPUT_ONE_STOP_RATE,
    operator: ">=",
    threshold: 100,
    appliesTo: ["ngành dọc"],
    basis: "Quyết định số 338/QĐ-UBND ngày 19/02/2020 của UBND tỉnh",
    sentenceEarned:
      "- {don_vi} đã triển khai {nguong}% thủ tục hành chính của {dv} (ngành dọc) tiếp nhận tại Bộ phận một cửa {cac_cap}, do đó {dv} đạt {diem} điểm theo tiêu chí IV (số thứ tự 9) phụ lục kèm theo {ke_hoach} trên thang điểm 100 (các đơn vị khác không thực hiện hoặc thực hiện không đầy đủ theo Quyết định số 338/QĐ-UBND ngày 19/02/2020 của UBND tỉnh, nên 0 điểm nội dung này).",
    sentenceNone:
      "- Không có đơn vị ngành dọc triển khai {nguong}% thủ tục hành chính tiếp nhận tại Bộ phận một cửa các cấp, nên các đơn vị 0 điểm tại tiêu chí IV (số thứ tự 9) phụ lục kèm theo {ke_hoach}.",
  },
];

export function defaultCriteria(): Criterion[] {
  return DEFAULT_CRITERIA.map((c) => ({ ...c, appliesTo: [...c.appliesTo] }));
}
