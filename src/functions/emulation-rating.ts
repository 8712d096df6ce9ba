/**
 * XEPLOAI's third argument: the emulation rating ("Xếp loại thi đua") of a total under the rows of the
 * criteria table, from the unit's points per criterion (the floors). A blank point is a criterion that
 * does not count for the unit, as the core leaves out a criterion that does not fit it.
 */
import type { Criterion } from "../core/criteria";
import { emulationRatingOf } from "../core/emulation";
import { formatNumberVi } from "../core/numbers";
import type { EmulationRating } from "../core/settings";
import { figureOrError, toMatrix } from "./args";
import { ArgumentError, type Outcome } from "./errors";

/** One unit's rating; "" for a blank total. */
function ratingOfRow(
  total: unknown,
  points: unknown[],
  criteria: Criterion[],
  ratings: EmulationRating[],
): Outcome<string> {
  const sum = figureOrError(total, "plain");
  if (sum instanceof ArgumentError) return sum;
  // 0 counts as blank, as for a 766 score: Excel on Windows and Mac passes an empty cell as 0.
  if (sum === null || sum === 0) return "";
  const scores: { points: number; counted: boolean }[] = [];
  for (let i = 0; i < criteria.length; i++) {
    const value = figureOrError(points[i], "plain");
    if (value instanceof ArgumentError)
      return new ArgumentError(`Tiêu chí ${criteria[i].code}: ${value.message}`);
    if (value !== null && value > criteria[i].points) {
      return new ArgumentError(
        `Tiêu chí ${criteria[i].code}: ${formatNumberVi(value)} điểm vượt điểm tối đa ${formatNumberVi(criteria[i].points)}; kiểm tra thứ tự các cột điểm.`,
      );
    }
    scores.push({ points: value ?? 0, counted: value !== null });
  }
  return emulationRatingOf(ratings, criteria, scores, sum)?.label ?? "";
}

/** One rating per row of totals; each row of `points` holds that unit's points, criterion by criterion. */
export function emulationRatings(
  totals: unknown,
  points: unknown,
  criteria: Criterion[],
  ratings: EmulationRating[],
): Outcome<string>[][] {
  if (ratings.length === 0) {
    throw new ArgumentError(
      "Bảng tiêu chí chưa có dòng “Xếp loại thi đua” ở phần cài đặt; hãy thêm các dòng xếp loại, hoặc bỏ trống đối số diem_cac_tieu_chi để xếp loại theo điểm 766.",
    );
  }
  const totalRows = toMatrix(totals);
  const pointRows = toMatrix(points);
  if (totalRows.some((row) => row.length !== 1) || totalRows.length !== pointRows.length) {
    throw new ArgumentError(
      `Cần một cột tổng điểm và một dòng điểm các tiêu chí cho mỗi đơn vị; vùng tổng điểm có ${totalRows.length} dòng, vùng điểm có ${pointRows.length} dòng.`,
    );
  }
  const width = pointRows[0].length;
  if (width !== criteria.length) {
    throw new ArgumentError(
      `Cần ${criteria.length} cột điểm, mỗi cột một tiêu chí theo thứ tự ${criteria.map((c) => c.code).join(", ")}; vùng đã chọn có ${width} cột.`,
    );
  }
  return totalRows.map((row, i) => [ratingOfRow(row[0], pointRows[i], criteria, ratings)]);
}
