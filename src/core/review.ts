/**
 * The review over a criterion's computed points: a criterion marked "Cần minh chứng" gives nothing
 * without evidence or an explanation, and the assessors' points ("Thẩm định") replace the computed
 * ones. Decided first (decideReview), worded after (explainReview), like the criteria themselves.
 */
import type { Criterion } from "./criteria";
import { formatNumberVi } from "./numbers";
import type { UnitReview } from "./reader/review-columns";

export type ReviewDecision =
  | { kind: "computed"; points: number }
  | { kind: "noEvidence"; points: 0; computed: number }
  | { kind: "assessed"; points: number; computed: number }
  /** The assessors' points lie outside 0 to the maximum (an error at the cell): 0 points. */
  | { kind: "assessedOutOfRange"; points: 0; assessed: number };

export function hasEvidence(review: UnitReview | undefined): boolean {
  return Boolean(review?.evidence || review?.explanation);
}

/** `applies`: the criterion fits the unit (a unit it does not fit is never reviewed). */
export function decideReview(
  criterion: Criterion,
  computed: number,
  review: UnitReview | undefined,
  applies: boolean,
): ReviewDecision {
  if (!applies) return { kind: "computed", points: computed };
  if (criterion.needsEvidence && !hasEvidence(review)) return { kind: "noEvidence", points: 0, computed };
  const assessed = review?.assessed;
  if (assessed === undefined) return { kind: "computed", points: computed };
  if (assessed < 0 || assessed > criterion.points) return { kind: "assessedOutOfRange", points: 0, assessed };
  return { kind: "assessed", points: assessed, computed };
}

const vi = (n: number) => formatNumberVi(n);

/** The explanation of the final points, from the computed points' own explanation. */
export function explainReview(decision: ReviewDecision, criterion: Criterion, computedText: string): string {
  switch (decision.kind) {
    case "computed":
      return computedText;
    case "noEvidence":
      return `chưa có minh chứng hay giải trình → 0 điểm (tính được ${vi(decision.computed)})`;
    case "assessed":
      return `thẩm định: ${vi(decision.points)} điểm (tính được ${vi(decision.computed)})`;
    case "assessedOutOfRange":
      return `điểm thẩm định ${vi(decision.assessed)} ngoài khoảng 0–${vi(criterion.points)} (xem lỗi) → 0 điểm`;
  }
}

/** The self-assessed, computed and assessed points when they do not all agree, for the list of differences. */
export function differenceOf(
  computed: number,
  review: UnitReview | undefined,
): { self?: number; computed: number; assessed?: number } | undefined {
  if (!review) return undefined;
  const { self, assessed } = review;
  const given = [self, assessed].filter((p): p is number => p !== undefined);
  if (given.length === 0 || given.every((p) => p === computed)) return undefined;
  return {
    ...(self !== undefined ? { self } : {}),
    computed,
    ...(assessed !== undefined ? { assessed } : {}),
  };
}
