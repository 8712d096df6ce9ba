/**
 * The name and group columns of a unit table typed in TCVN3 (ABC) or VNI: decoded to Unicode when it is
 * certain, refused at their cells when it is not.
 *
 * Certain means: the column holds no Unicode Vietnamese beside the legacy text, and exactly one of the
 * two tables turns every cell with letters beyond ASCII into Vietnamese syllables. Anything else (a
 * column mixing both, a text that reads under both tables or neither) is an error at each such cell, and
 * a group read from such a cell is never used to score (Unit.groupUnreadable).
 */
import { cellAt, columnLetter, type SheetGrid } from "../grid";
import {
  decodeLegacy,
  hasUnicodeVietnamese,
  LEGACY_NAMES,
  looksLegacyEncoded,
  readsAsVietnamese,
  type LegacyEncoding,
} from "../legacy-encoding";
import { cellProblem, type Problem } from "../problems";

export interface LegacyColumn {
  col: number;
  /** "tên", "khối": what the column's cells are, for the messages. */
  what: string;
}

export interface LegacyColumnsResult {
  /** The grid with the decoded cells (the same grid when nothing was decoded). */
  grid: SheetGrid;
  problems: Problem[];
  /** Texts of the cells refused, as they stand: a group among them is not read. */
  refused: Set<string>;
}

const ENCODINGS: LegacyEncoding[] = ["tcvn3", "vni"];
const hasNonAscii = (text: string) => /[\u0080-\uffff]/.test(text);

interface TextCell {
  row: number;
  text: string;
}

function textCells(grid: SheetGrid, col: number, from: number): TextCell[] {
  const cells: TextCell[] = [];
  for (let row = from; row < grid.values.length; row++) {
    const value = cellAt(grid, row, col);
    if (typeof value === "string" && hasNonAscii(value)) cells.push({ row, text: value });
  }
  return cells;
}

function columnLooksLegacy(grid: SheetGrid, col: number, from: number): boolean {
  for (let row = from; row < grid.values.length; row++) {
    const value = grid.values[row]?.[col];
    if (typeof value === "string" && looksLegacyEncoded(value)) return true;
  }
  return false;
}

/** The one table that reads every cell as Vietnamese, or why there is none. */
function chooseEncoding(cells: TextCell[]): LegacyEncoding | string {
  if (cells.some((c) => hasUnicodeVietnamese(c.text)))
    return "cột có cả chữ Unicode lẫn chữ gõ bằng bảng mã cũ";
  const fits = ENCODINGS.filter((enc) => cells.every((c) => readsAsVietnamese(decodeLegacy(c.text, enc))));
  if (fits.length === 1) return fits[0];
  return fits.length === 0
    ? "chữ trong cột không đọc ra tiếng Việt theo bảng mã TCVN3 hay VNI"
    : "chữ trong cột đọc được theo cả TCVN3 lẫn VNI";
}

function convertedNote(
  sheet: string,
  column: LegacyColumn,
  encoding: LegacyEncoding,
  changed: { before: string; after: string }[],
): Problem {
  const letter = columnLetter(column.col);
  const example = changed[0];
  return {
    sheet,
    column: letter,
    level: "warning",
    message: `Trang “${sheet}”, cột ${letter}: ${changed.length} ô ${column.what} gõ bằng bảng mã ${LEGACY_NAMES[encoding]} đã được chuyển sang Unicode để tính điểm (ví dụ “${example.before}” thành “${example.after}”); ô trong tệp vẫn giữ nguyên, nên chuyển mã cả tệp sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) để chữ hiện đúng.`,
  };
}

function refusal(sheet: string, column: LegacyColumn, cell: TextCell, reason: string): Problem {
  const consequence =
    column.what === "khối"
      ? "khối này không được dùng để tính điểm"
      : "tên được giữ như trong ô và sẽ hiện sai trong công văn";
  return cellProblem(
    sheet,
    cell.row,
    column.col,
    "error",
    `${column.what} “${cell.text}” có vẻ được gõ bằng bảng mã cũ (TCVN3/VNI) nhưng không chuyển mã tự động được vì ${reason}, nên ${consequence}; hãy chuyển mã cả tệp sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi chạy lại.`,
  );
}

/** Decodes or refuses each of `columns` from row `from` down. */
export function decodeLegacyColumns(
  grid: SheetGrid,
  columns: LegacyColumn[],
  from: number,
): LegacyColumnsResult {
  const problems: Problem[] = [];
  const refused = new Set<string>();
  let values = grid.values;
  for (const column of columns) {
    // Most tables are Unicode: one pass of one regex over the column, no list, decides that.
    if (!columnLooksLegacy(grid, column.col, from)) continue;
    const cells = textCells(grid, column.col, from);
    const choice = chooseEncoding(cells);
    if (choice !== "tcvn3" && choice !== "vni") {
      // A cell that reads as Unicode Vietnamese as it stands is kept: only the others are refused.
      const legacy = cells.filter(
        (c) => looksLegacyEncoded(c.text) || (!hasUnicodeVietnamese(c.text) && !readsAsVietnamese(c.text)),
      );
      for (const cell of legacy) {
        problems.push(refusal(grid.name, column, cell, choice));
        refused.add(cell.text);
      }
      continue;
    }
    const changed: { before: string; after: string }[] = [];
    if (values === grid.values) values = grid.values.map((line) => line);
    for (const cell of cells) {
      const after = decodeLegacy(cell.text, choice);
      if (after === cell.text) continue;
      changed.push({ before: cell.text, after });
      const line = [...values[cell.row]];
      line[column.col] = after;
      values[cell.row] = line;
    }
    if (changed.length > 0) problems.push(convertedNote(grid.name, column, choice, changed));
  }
  return { grid: values === grid.values ? grid : { ...grid, values }, problems, refused };
}
