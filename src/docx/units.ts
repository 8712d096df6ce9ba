/** Lengths in WordprocessingML units, and the page of Nghị định 30/2020 (A4, margins 20/20/30/15 mm). */

const TWIPS_PER_INCH = 1440;
const MM_PER_INCH = 25.4;

/**
 * Millimetres to twips, rounded. docx's own convertMillimetersToTwip floors (20 mm → 1133), while Word
 * rounds (20 mm → 1134, A4 = 11906 × 16838).
 */
export const mm = (value: number): number => Math.round((value * TWIPS_PER_INCH) / MM_PER_INCH);
export const cm = (value: number): number => mm(value * 10);
/** Points to twips (spacing, rule widths). */
export const pt = (value: number): number => Math.round(value * 20);
/** Font sizes are written in half-points. */
export const halfPoints = (size: number): number => Math.round(size * 2);
/** Auto line spacing is written in 240ths of a line. */
export const lines = (multiple: number): number => Math.round(multiple * 240);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
} as const;

/** Width between the left and right margins: portrait for the letter, landscape for a wide appendix. */
export function textWidth(landscape = false): number {
  const pageWidth = landscape ? PAGE.height : PAGE.width;
  return pageWidth - PAGE.margin.left - PAGE.margin.right;
}

/** Word's default left and right padding inside a table cell (0.19 cm). */
export const CELL_PADDING = 108;
