/** XEPLOAI: the 766 rating band of a score, or of each score of a range (same shape out). */
import { ratingOfArgument } from "../core/function-semantics";
import type { RatingBands } from "../core/settings";
import { figureOrError, toMatrix } from "./args";
import { criteriaFromArgument } from "./criteria-table";
import { ArgumentError, type Outcome } from "./errors";

/**
 * "Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"; "" for a blank cell, as the core rates a unit without a
 * score. 0 counts as blank here (unlike in DIEM and DEXUAT): Excel on Windows and Mac passes an empty
 * cell as 0, a column of ratings would otherwise show "Yếu" on every row not yet filled in, and no
 * published 766 result is 0.
 */
export function ratingCell(value: unknown, bands: RatingBands): Outcome<string> {
  const score = figureOrError(value, "score");
  if (score instanceof ArgumentError) return score;
  return ratingOfArgument(score, bands);
}

/** The bands come from the settings under the criteria table when one is given. */
export function xeploai(scores: unknown, table: unknown): Outcome<string>[][] {
  const bands = criteriaFromArgument(table).settings.rating;
  return toMatrix(scores).map((row) => row.map((value) => ratingCell(value, bands)));
}
