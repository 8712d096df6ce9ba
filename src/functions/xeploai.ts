/**
 * XEPLOAI: the 766 rating band of a score, or of each score of a range (same shape out); with the
 * points per criterion as a third argument, the emulation rating of each total under the criteria table.
 */
import { ratingOfArgument } from "../core/function-semantics";
import type { RatingBands } from "../core/settings";
import { figureOrError, isOmitted, toMatrix } from "./args";
import { emulationRatings } from "./emulation-rating";
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
export function xeploai(scores: unknown, table: unknown, points?: unknown): Outcome<string>[][] {
  const { criteria, settings } = criteriaFromArgument(table);
  if (!isOmitted(points)) return emulationRatings(scores, points, criteria, settings.emulation.ratings);
  const bands = settings.rating;
  return toMatrix(scores).map((row) => row.map((value) => ratingCell(value, bands)));
}
