/** DIEM: the points of one criterion for a value, or for each value of a range (same shape out). */
import type { Criterion } from "../core/criteria";
import { figurePoints, isNotApplicableCell, NOT_APPLICABLE } from "../core/function-semantics";
import { cleanText, foldKey } from "../core/text";
import { figureOrError, numberKindOf, toCellValue, toMatrix } from "./args";
import { criteriaFromArgument } from "./criteria-table";
import { ArgumentError, type Outcome } from "./errors";

/** "III", " iii ", "IV.9": exact code first, then regardless of case, accents and spacing. */
export function findCriterion(criteria: Criterion[], code: unknown): Criterion {
  const text = typeof code === "string" || typeof code === "number" ? cleanText(String(code)) : "";
  if (text === "") throw new ArgumentError("Chưa ghi mã tiêu chí, ví dụ “III” hoặc “IV.9”.");
  const found =
    criteria.find((c) => c.code === text) ?? criteria.find((c) => foldKey(c.code) === foldKey(text));
  if (!found) {
    const codes = criteria.map((c) => c.code).join(", ");
    throw new ArgumentError(`Không có tiêu chí mã “${text}”. Các mã hiện có: ${codes}.`);
  }
  return found;
}

/** Points exactly as the pane and the CLI give them; a blank value scores 0 like "chưa có số liệu". */
export function pointsOf(criterion: Criterion, value: unknown): Outcome<number> {
  // "không áp dụng": no points, or full points when the criterion says "đủ điểm", as the core gives.
  if (isNotApplicableCell(toCellValue(value))) return figurePoints(criterion, NOT_APPLICABLE);
  const figure = figureOrError(value, numberKindOf(criterion.input));
  if (figure instanceof ArgumentError) return figure;
  return figurePoints(criterion, figure);
}

/**
 * pointsOf for a whole range, each distinct number scored once: a column repeats few figures, and
 * scoring allocates (the reading, the decision), which the collector paid for every cell. The result
 * depends on the number alone, so the first answer serves its repeats (-0 is left to pointsOf).
 */
export function pointsOfRange(criterion: Criterion, values: unknown[][]): Outcome<number>[][] {
  const seen = new Map<number, Outcome<number>>();
  return values.map((row) =>
    row.map((value) => {
      if (typeof value !== "number" || Object.is(value, -0)) return pointsOf(criterion, value);
      let points = seen.get(value);
      if (points === undefined) {
        points = pointsOf(criterion, value);
        seen.set(value, points);
      }
      return points;
    }),
  );
}

export function diem(code: unknown, values: unknown, table: unknown): Outcome<number>[][] {
  const { criteria } = criteriaFromArgument(table);
  const criterion = findCriterion(criteria, code);
  return pointsOfRange(criterion, toMatrix(values));
}
