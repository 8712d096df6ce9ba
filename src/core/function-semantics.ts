/**
 * How the custom functions =KSTTHC.DIEM and =KSTTHC.XEPLOAI read one cell and score it. Shared by
 * src/functions and by the plan of the formulas mode, which writes a formula only where the function
 * gives back exactly what the core computed.
 */
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "./criteria";
import type { CellValue } from "./grid";
import { saysNotApplicable } from "./reader/figures";
import { readNumberCell, type CellNumber, type NumberKind } from "./reader/values";
import { decide, ratingOf } from "./scoring";
import type { RatingBands } from "./settings";

/** How a criterion's input is read. */
export function argumentKind(input: string): NumberKind {
  if (input === INPUT_SCORE_766) return "score";
  if (input === INPUT_ONE_STOP_RATE) return "rate";
  return "plain";
}

/**
 * One figure as a function reads it. Rates: a number from 0 to 1 is a fraction, as a cell formatted as
 * a percent holds it (1 = 100%, 0,965 = 96,5%); a number above 1 is already a percentage; text is read
 * as written, with or without "%".
 */
export function readArgumentNumber(value: CellValue, format: string, kind: NumberKind): CellNumber {
  const fraction = kind === "rate" && typeof value === "number" && value >= 0 && value <= 1;
  return readNumberCell(value, format, kind, fraction);
}

/**
 * DIEM's points for one figure (null: blank). The function knows no group, so a criterion limited to
 * some groups ("ngành dọc") applies, as the core does for a unit without a group. The same decision as
 * the core's, with no explanation worded.
 */
export function figurePoints(criterion: Criterion, figure: number | null | typeof NOT_APPLICABLE): number {
  if (figure === NOT_APPLICABLE)
    return decide(criterion, { group: "", figures: [], notApplicable: true }).points;
  return decide(criterion, { group: "", figures: figure === null ? [] : [{ label: "", value: figure }] })
    .points;
}

/** A cell saying "không áp dụng" or "không có TTHC": the criterion does not fit the unit. */
export const NOT_APPLICABLE = "notApplicable";

/** Whether a cell says the criterion does not fit the unit, as the reader of the unit table takes it. */
export function isNotApplicableCell(value: CellValue): boolean {
  return saysNotApplicable(value);
}

/** XEPLOAI's band: 0 counts as blank, since Excel on Windows and Mac passes an empty cell as 0. */
export function ratingOfArgument(score: number | null, bands: RatingBands): string {
  return ratingOf(score === 0 ? null : score, bands);
}

/** DIEM of one plain cell value; undefined where the function shows an error. */
export function argumentPoints(criterion: Criterion, value: CellValue): number | undefined {
  const read = readArgumentNumber(value, "", argumentKind(criterion.input));
  if (read.kind === "bad") return undefined;
  return figurePoints(criterion, read.kind === "number" ? read.value : null);
}

/** XEPLOAI of one plain cell value; undefined where the function shows an error. */
export function argumentRating(value: CellValue, bands: RatingBands): string | undefined {
  const read = readArgumentNumber(value, "", "score");
  if (read.kind === "bad") return undefined;
  return ratingOfArgument(read.kind === "number" ? read.value : null, bands);
}
