/**
 * How the custom functions =KSTTHC.DIEM and =KSTTHC.XEPLOAI read one cell and score it. Shared by
 * src/functions and by the plan of the formulas mode, which writes a formula only where the function
 * gives back exactly what the core computed.
 */
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "./criteria";
import type { CellValue } from "./grid";
import type { Unit } from "./reader/units";
import { readNumberCell, type CellNumber, type NumberKind } from "./reader/values";
import { ratingOf, scoreCriterion } from "./scoring";
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
 * A unit that has only this figure. Its group is unknown, so a criterion limited to some groups
 * ("ngành dọc") applies, as the core does for a unit without a group.
 */
export function unitWithFigure(input: string, value: number | null): Unit {
  const unit: Unit = { row: 0, stt: "", name: "", group: "", score766: null, rates: [], custom: {} };
  if (input === INPUT_SCORE_766) unit.score766 = value;
  else if (input === INPUT_ONE_STOP_RATE) unit.rates = [{ level: "chung", value }];
  else unit.custom[input] = value;
  return unit;
}

/** XEPLOAI's band: 0 counts as blank, since Excel on Windows and Mac passes an empty cell as 0. */
export function ratingOfArgument(score: number | null, bands: RatingBands): string {
  return ratingOf(score === 0 ? null : score, bands);
}

/** DIEM of one plain cell value; undefined where the function shows an error. */
export function argumentPoints(criterion: Criterion, value: CellValue): number | undefined {
  const read = readArgumentNumber(value, "", argumentKind(criterion.input));
  if (read.kind === "bad") return undefined;
  const figure = read.kind === "number" ? read.value : null;
  return scoreCriterion(criterion, unitWithFigure(criterion.input, figure)).points;
}

/** XEPLOAI of one plain cell value; undefined where the function shows an error. */
export function argumentRating(value: CellValue, bands: RatingBands): string | undefined {
  const read = readArgumentNumber(value, "", "score");
  if (read.kind === "bad") return undefined;
  return ratingOfArgument(read.kind === "number" ? read.value : null, bands);
}
