/**
 * The tool's columns found wherever the user moved them since the last run: a column inserted before them,
 * rows inserted above. The record says where they were; their headers say where they are.
 */
import { cellAt, cellText, columnIndex, columnLetter, type CellRange, type SheetGrid } from "../grid";
import type { DataSheetOwnership, Ownership } from "../ownership";
import {
  EXPLANATION_HEADER,
  FIXED_OUTPUT_HEADERS,
  OPTIONAL_OUTPUT_HEADERS,
  OUTPUT_HEADER_PREFIX,
} from "../plan/output-columns";
import { SOURCE_HEADERS } from "../sources/join";

const textAt = (grid: SheetGrid, row: number, col: number) => cellText(cellAt(grid, row, col)).trim();

/** The width of the tool's header block starting at (row, col), or undefined when none starts there. */
export function outputBlockWidth(grid: SheetGrid, row: number, col: number): number | undefined {
  let c = col;
  while (textAt(grid, row, c).startsWith(OUTPUT_HEADER_PREFIX)) c++;
  if (c === col) return undefined;
  for (const header of FIXED_OUTPUT_HEADERS) {
    // A province's rating and rank stand between the proposal and the explanation when asked for.
    if (header === EXPLANATION_HEADER)
      for (const optional of OPTIONAL_OUTPUT_HEADERS) if (textAt(grid, row, c) === optional) c++;
    if (textAt(grid, row, c++) !== header) return undefined;
  }
  if (SOURCE_HEADERS.every((header, i) => textAt(grid, row, c + i) === header)) c += SOURCE_HEADERS.length;
  return c - col;
}

/** Every start of a tool's header block on the sheet, nearest the recorded place first. */
function blocksOn(grid: SheetGrid, near: CellRange): { row: number; col: number; width: number }[] {
  const found: { row: number; col: number; width: number }[] = [];
  grid.values.forEach((line, row) =>
    (line ?? []).forEach((value, col) => {
      if (
        !cellText(value ?? null)
          .trim()
          .startsWith(OUTPUT_HEADER_PREFIX)
      )
        return;
      if (textAt(grid, row, col - 1).startsWith(OUTPUT_HEADER_PREFIX)) return;
      const width = outputBlockWidth(grid, row, col);
      if (width !== undefined) found.push({ row, col, width });
    }),
  );
  const distance = (b: { row: number; col: number }) =>
    Math.abs(b.row - near.top) + Math.abs(b.col - near.left);
  return found.sort((a, b) => distance(a) - distance(b));
}

/** `$M$5="Có"` moved by (rows, cols): Excel moves a conditional format's references with its cells. */
function movedFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(/\$([A-Z]{1,3})\$(\d+)/g, (_, col: string, row: string) => {
    return `$${columnLetter((columnIndex(col) ?? 0) + cols)}$${Number(row) + rows}`;
  });
}

function relocate(grid: SheetGrid, sheet: DataSheetOwnership): DataSheetOwnership {
  const range = sheet.outputRange;
  if (!range) return sheet;
  if (outputBlockWidth(grid, range.top, range.left) === range.right - range.left + 1) return sheet;
  const [block] = blocksOn(grid, range);
  if (!block) return sheet;
  const rows = block.row - range.top;
  const cols = block.col - range.left;
  const moved: DataSheetOwnership = {
    ...sheet,
    outputRange: {
      top: block.row,
      left: block.col,
      bottom: range.bottom + rows,
      right: block.col + block.width - 1,
    },
    headerRows: sheet.headerRows && {
      top: sheet.headerRows.top + rows,
      bottom: sheet.headerRows.bottom + rows,
    },
  };
  const { highlightRange: h, highlightFormula: formula } = sheet;
  if (h && formula) {
    // A column inserted inside the highlighted rows widens them; one inserted before them moves them.
    const shifted = movedFormula(formula, rows, cols);
    moved.movedHighlights = [
      {
        range: { ...h, top: h.top + rows, bottom: h.bottom + rows, right: h.right + cols },
        formula: shifted,
      },
      {
        range: { top: h.top + rows, bottom: h.bottom + rows, left: h.left + cols, right: h.right + cols },
        formula: shifted,
      },
    ];
  }
  return moved;
}

/** The record with each sheet's output range where the tool's headers now stand. */
export function relocateOutput(grids: SheetGrid[], ownership: Ownership | undefined): Ownership | undefined {
  if (!ownership) return ownership;
  const on = (sheet: DataSheetOwnership) => {
    const grid = grids.find((g) => g.name === sheet.dataSheet);
    return grid ? relocate(grid, sheet) : sheet;
  };
  return {
    ...ownership,
    ...on(ownership),
    ...(ownership.more ? { more: ownership.more.map(on) } : {}),
  };
}
