/**
 * DEXUAT: whether a unit is proposed for the award, from its points per criterion (one row per unit,
 * one column per criterion in the order of the criteria table), under the rule of the settings.
 */
import type { Criterion } from "../core/criteria";
import { formatNumberVi, roundTo } from "../core/numbers";
import { earnsFullPoints, isEligible } from "../core/scoring";
import type { Settings } from "../core/settings";
import { isBlankCell, readFigure, toMatrix } from "./args";
import { criteriaFromArgument } from "./criteria-table";
import { ArgumentError, type Outcome } from "./errors";

export const PROPOSED = "Có";
export const NOT_PROPOSED = "Không";

/** "Có" / "Không" for one unit; "" for a row with nothing in it (a blank point counts as 0). */
export function proposalOf(row: unknown[], criteria: Criterion[], settings: Settings): Outcome<string> {
  if (row.every(isBlankCell)) return "";
  const scores: { full: boolean }[] = [];
  let total = 0;
  for (let i = 0; i < criteria.length; i++) {
    const criterion = criteria[i];
    const read = readFigure(row[i], "plain");
    if (read.kind === "bad") return new ArgumentError(`Tiêu chí ${criterion.code}: ${read.detail}`);
    const value = read.kind === "number" ? read.value : 0;
    if (value < 0) {
      return new ArgumentError(`Tiêu chí ${criterion.code}: điểm ${formatNumberVi(value)} không được âm.`);
    }
    if (value > criterion.points) {
      return new ArgumentError(
        `Tiêu chí ${criterion.code}: ${formatNumberVi(value)} điểm vượt điểm tối đa ${formatNumberVi(criterion.points)}; kiểm tra thứ tự các cột điểm.`,
      );
    }
    scores.push({ full: earnsFullPoints(criterion, value) });
    total += value;
  }
  return isEligible(scores, roundTo(total, 2), settings) ? PROPOSED : NOT_PROPOSED;
}

export function dexuat(points: unknown, table: unknown): Outcome<string>[][] {
  const { criteria, settings } = criteriaFromArgument(table);
  const rows = toMatrix(points);
  const width = rows[0].length;
  if (width !== criteria.length) {
    const codes = criteria.map((c) => c.code).join(", ");
    throw new ArgumentError(
      `Cần ${criteria.length} cột điểm, mỗi cột một tiêu chí theo thứ tự ${codes}; vùng đã chọn có ${width} cột.`,
    );
  }
  return rows.map((row) => [proposalOf(row, criteria, settings)]);
}
