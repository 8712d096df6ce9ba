/**
 * "One page wide" for Excel, as a print scale. PageLayout.zoom documents three numbers, scale (10–400)
 * and horizontal/verticalFitToPages ("null if percentage scale is used"), and nothing for "as many pages
 * tall as needed" (the file's fitToHeight="0"). Fit-to-pages set through Office.js is also reported not
 * to take effect unless the Page Layout tab has been shown (OfficeDev/office-js#1860), while a scale
 * does. So the adapter sets the scale at which the print area's columns fit the printable width.
 */
import type { CellRange } from "../core/grid";
import type { PageSetup } from "../core/plan/types";
import { columnWidthPoints, marginPoints } from "./styles";

/** A4 in points (210 × 297 mm). */
const A4_POINTS = { short: (210 / 25.4) * 72, long: (297 / 25.4) * 72 };
/** Excel's default column: 64 px (8.43 characters of Calibri 11 plus padding). */
const DEFAULT_COLUMN_POINTS = 48;
const MIN_SCALE = 10;

function printableWidth(setup: PageSetup): number {
  const page = setup.orientation === "landscape" ? A4_POINTS.long : A4_POINTS.short;
  return page - marginPoints(setup.margins.left) - marginPoints(setup.margins.right);
}

/** Points of the columns of `area`, from the plan's widths (characters) or Excel's default. */
function columnsWidth(area: CellRange, widths: { col: number; width: number }[]): number {
  let points = 0;
  for (let col = area.left; col <= area.right; col++) {
    const planned = widths.find((w) => w.col === col);
    points += planned ? columnWidthPoints(planned.width) : DEFAULT_COLUMN_POINTS;
  }
  return points;
}

/** The largest whole percentage (at most 100) at which the print area is one page wide. */
export function fitWidthScale(setup: PageSetup, widths: { col: number; width: number }[]): number {
  const content = columnsWidth(setup.printArea, widths);
  const scale = Math.floor((100 * printableWidth(setup)) / content);
  return Math.max(MIN_SCALE, Math.min(100, scale));
}
