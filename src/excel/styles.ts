/// <reference types="office-js" />
/** The core's named styles as Office.js range formats, set once per range rather than per cell. */
import type { CellStyle } from "../core/plan/types";
import { jsonBytes } from "./chunks";

const HORIZONTAL = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;

const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

/**
 * The borders that draw the style on a rows × cols range: "thin" boxes every cell (the outer edges
 * and the lines between cells), "bottom" rules under every cell. Inside edges only exist when the
 * range has more than one row or column.
 */
export function bordersOf(style: CellStyle, rows: number, cols: number): Edge[] {
  if (!style.border) return [];
  const edges: Edge[] =
    style.border === "thin" ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] : ["EdgeBottom"];
  if (rows > 1) edges.push("InsideHorizontal");
  if (style.border === "thin" && cols > 1) edges.push("InsideVertical");
  return edges;
}

/**
 * Queues every format of the style except the number format (written with the values) on the range.
 * Properties the style leaves out are not touched: the caller resets the range to the Normal style
 * first where it may hold older formats, as ExcelJS replaces a cell's whole style.
 */
export function queueFormat(range: Excel.Range, style: CellStyle, rows: number, cols: number): void {
  const format = range.format;
  const { font } = style;
  if (font?.name !== undefined) format.font.name = font.name;
  if (font?.size !== undefined) format.font.size = font.size;
  if (font?.bold !== undefined) format.font.bold = font.bold;
  if (font?.italic !== undefined) format.font.italic = font.italic;
  if (font?.underline !== undefined) format.font.underline = font.underline ? "Single" : "None";
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  for (const edge of bordersOf(style, rows, cols)) {
    const border = format.borders.getItem(edge);
    border.style = "Continuous";
    border.weight = "Thin";
  }
}

/** Request bytes of queueFormat: a few properties, whatever the size of the range. */
export function formatBytes(style: CellStyle): number {
  return jsonBytes(style) + 200;
}

/**
 * Column width: the plan gives ExcelJS/OOXML widths, in characters of the default font's widest digit
 * (7 px in Calibri or Aptos 11 at 96 dpi) with the 5 px cell padding already counted in, which is why
 * a width of 11 shows as "10.29 (77 pixels)" in Excel. Office.js wants points: pixels = round(7 × width),
 * points = pixels × 72 / 96. So 11 → 57.75 pt, which Excel saves back as width 11.
 */
const PIXELS_PER_CHARACTER = 7;
const POINTS_PER_PIXEL = 0.75;

export function columnWidthPoints(characters: number): number {
  return Math.round(characters * PIXELS_PER_CHARACTER) * POINTS_PER_PIXEL;
}

/** Margins: millimetres → inches rounded as the file adapter writes them, → points for Office.js. */
export function marginPoints(mm: number): number {
  const inches = Math.round((mm / 25.4) * 1000) / 1000;
  return Math.round(inches * 72 * 1000) / 1000;
}
