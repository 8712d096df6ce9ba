/**
 * A province's own rating of the total ("Xếp loại thi đua"): the first rating whose minimum total and
 * floor (no counted criterion below a share of its maximum) the unit meets, and why it missed the one
 * above; and the rank of each unit within its group.
 */
import type { Criterion } from "./criteria";
import { formatNumberVi, roundTo } from "./numbers";
import type { EmulationRating } from "./settings";
import { foldKey } from "./text";

/** The label given when no rating's conditions hold. */
export const NO_EMULATION_RATING = "Không đạt xếp loại";

interface CountedPoints {
  points: number;
  /** The criterion counts for the unit (it fits the unit, or gives full points to units it does not fit). */
  counted: boolean;
}

const vi = (n: number) => formatNumberVi(n);

/** The first condition of `rating` the unit fails, in words; undefined when every one holds. */
function failedFloor(
  rating: EmulationRating,
  criteria: readonly Criterion[],
  scores: readonly CountedPoints[],
  total: number,
): string | undefined {
  if (roundTo(total, 2) < rating.minTotal) return `tổng ${vi(total)} < ${vi(rating.minTotal)}`;
  for (let i = 0; i < criteria.length; i++) {
    if (!scores[i].counted) continue;
    const floor = roundTo((criteria[i].points * rating.minShare) / 100, 2);
    if (roundTo(scores[i].points, 2) < floor) {
      return `tiêu chí ${criteria[i].code} ${vi(scores[i].points)} < ${vi(rating.minShare)}% × ${vi(criteria[i].points)} = ${vi(floor)}`;
    }
  }
  return undefined;
}

export interface EmulationOutcome {
  label: string;
  /** "Hoàn thành tốt (chưa đạt Hoàn thành xuất sắc: tổng 85 < 90)". */
  explanation: string;
}

/** The rating of a unit's total under the table's rows, best first; undefined without a table. */
export function emulationRatingOf(
  ratings: readonly EmulationRating[],
  criteria: readonly Criterion[],
  scores: readonly CountedPoints[],
  total: number,
): EmulationOutcome | undefined {
  if (ratings.length === 0) return undefined;
  let missed: string | undefined;
  for (const rating of ratings) {
    const failed = failedFloor(rating, criteria, scores, total);
    if (failed === undefined) {
      return { label: rating.label, explanation: missed ? `${rating.label} (${missed})` : rating.label };
    }
    // Only the rating just above the one earned is worth saying why.
    missed = `chưa đạt ${rating.label}: ${failed}`;
  }
  return { label: NO_EMULATION_RATING, explanation: `${NO_EMULATION_RATING} (${missed})` };
}

interface Rankable {
  unit: { group: string; score766: number | null };
  total: number;
}

/**
 * The rank of each unit within its group (1 is best) by total, then by 766 score (none ranks last);
 * units equal on both share a rank and the next rank skips (1, 1, 3).
 */
export function ranksWithinGroups<T extends Rankable>(scores: readonly T[]): Map<T, number> {
  const groups = new Map<string, T[]>();
  for (const s of scores) {
    const key = foldKey(s.unit.group);
    const members = groups.get(key);
    if (members) members.push(s);
    else groups.set(key, [s]);
  }
  const score766 = (s: Rankable) => s.unit.score766 ?? -Infinity;
  const by766 = (a: Rankable, b: Rankable) => (score766(a) === score766(b) ? 0 : score766(b) - score766(a));
  const ranks = new Map<T, number>();
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => b.total - a.total || by766(a, b));
    sorted.forEach((s, i) => {
      const previous = sorted[i - 1];
      const tied = previous && previous.total === s.total && score766(previous) === score766(s);
      ranks.set(s, tied ? (ranks.get(previous) as number) : i + 1);
    });
  }
  return ranks;
}
