/** The output columns beside the unit table and the highlight of the proposed units. */
import type { Criterion } from "../criteria";
import { cellAt, cellText, columnLetter, type CellRange, type CellValue, type SheetGrid } from "../grid";
import type { DataSheetOwnership } from "../ownership";
import { cellProblem, UnusableInputError, type Problem } from "../problems";
import type { UnitTable } from "../reader/units";
import type { UnitScore } from "../scoring";
import type { Settings } from "../settings";
import { heightOfLines, wrappedLines } from "./row-height";
import { STYLES } from "./styles";
import { withFormulas, type FormulaTables, type OutputMode } from "./formulas";
import { emptySheetPlan, type PlainValue, type Scalar, type SheetPlan } from "./types";

/** Excel's last column is XFD, the 16,384th. */
const EXCEL_COLUMNS = 16384;

export const YES = "Có";
export const NO = "Không";
export const TOTAL_HEADER = "Tổng điểm thi đua";
export const PROPOSAL_HEADER = "Đề xuất khen thưởng";
export const EMULATION_RATING_HEADER = "Xếp loại thi đua";
export const RANK_HEADER = "Xếp hạng trong khối";
export const EXPLANATION_HEADER = "Cách tính điểm";

/** Every output header of a criterion starts so ("Điểm tiêu chí III"): the tool knows its columns by it. */
export const OUTPUT_HEADER_PREFIX = "Điểm tiêu chí";

/** The headers after the criteria's, in order: the tool finds its columns by them wherever they moved. */
export const FIXED_OUTPUT_HEADERS = [TOTAL_HEADER, "Xếp loại 766", PROPOSAL_HEADER, EXPLANATION_HEADER];

/**
 * The headers a province's own table adds between the proposal and the explanation, in this order, each
 * only when the "Tiêu chí" sheet asks for it (issue 26): the tool finds its columns by them too.
 */
export const OPTIONAL_OUTPUT_HEADERS = [EMULATION_RATING_HEADER, RANK_HEADER];

/** The columns a province's own table adds after the proposal, when its settings ask for them. */
function emulationHeaders(settings: Settings): string[] {
  return [
    ...(settings.emulation.ratings.length > 0 ? [EMULATION_RATING_HEADER] : []),
    ...(settings.emulation.rankInGroup ? [RANK_HEADER] : []),
  ];
}

function outputHeaders(criteria: Criterion[], settings: Settings): string[] {
  const [total, rating, proposal, explanation] = FIXED_OUTPUT_HEADERS;
  return [
    ...criteria.map((c) => `${OUTPUT_HEADER_PREFIX} ${c.code}`),
    total,
    rating,
    proposal,
    ...emulationHeaders(settings),
    explanation,
  ];
}

/** One row of output values for a scored unit, in the order of outputHeaders. */
export function outputRow(score: UnitScore, settings: Settings): PlainValue[] {
  // One row per unit: filled in place, with no list built on the way.
  const row: PlainValue[] = [];
  for (const s of score.scores) row.push(s.points);
  row.push(score.total, score.rating, score.eligible ? YES : NO);
  if (settings.emulation.ratings.length > 0) row.push(score.emulationRating ?? "");
  if (settings.emulation.rankInGroup) row.push(score.rankInGroup ?? null);
  row.push(score.explanation);
  return row;
}

interface DataSheetPlan {
  plan: SheetPlan;
  outputRange: CellRange;
  highlightRange: CellRange;
  highlightFormula: string;
  problems: Problem[];
}

const OUTPUT_FONT = STYLES.outHeader.font;

/** The leftmost column of the table's header: the highlight covers the whole row of a unit from there. */
function tableFirstColumn(grid: SheetGrid, table: UnitTable): number {
  const { layout } = table;
  const known = Math.min(layout.columns.name, layout.columns.stt ?? layout.columns.name);
  for (let col = 0; col < known; col++) {
    for (let row = layout.headerTop; row <= layout.headerBottom; row++) {
      if (!isEmpty(grid, row, col)) return col;
    }
  }
  return known;
}

const isEmpty = (grid: SheetGrid, row: number, col: number) => isBlankValue(cellAt(grid, row, col));

/** A cell that shows nothing: no value, or only spaces (a number or a truth value always shows). */
function isBlankValue(value: CellValue): boolean {
  if (typeof value === "number" || typeof value === "boolean") return false;
  return cellText(value).trim() === "";
}

/** Whether the earlier output range still starts with the tool's own header, so that clearing it loses nothing. */
function stillOwned(grid: SheetGrid, range: CellRange, headerRow: number, firstHeader: string): boolean {
  if (range.top !== headerRow) return false;
  const text = cellText(cellAt(grid, range.top, range.left)).trim();
  return text.startsWith(OUTPUT_HEADER_PREFIX) || text === firstHeader;
}

/** How the output cells are written: plain values (the default), or formulas over the criteria sheet. */
interface OutputOptions {
  output: OutputMode;
  settings: Settings;
  tables: FormulaTables;
  /** Columns after the explanation: the figures taken from source files and their origin, per unit row. */
  extra?: { headers: string[]; rows: Map<number, PlainValue[]> };
}

export function planDataSheet(
  grid: SheetGrid,
  table: UnitTable,
  scores: UnitScore[],
  criteria: Criterion[],
  ownership: DataSheetOwnership | undefined,
  options: OutputOptions,
): DataSheetPlan {
  const { layout } = table;
  const extra = options.extra;
  const headers = [...outputHeaders(criteria, options.settings), ...(extra?.headers ?? [])];
  const plan = emptySheetPlan(layout.sheet, "update");
  const problems: Problem[] = [];
  const top = layout.headerTop;
  const bottom = Math.max(table.lastRow, layout.headerBottom);

  let owned: CellRange | undefined;
  if (ownership && ownership.dataSheet === layout.sheet && ownership.outputRange) {
    if (stillOwned(grid, ownership.outputRange, top, headers[0])) {
      owned = ownership.outputRange;
      plan.clear.push(owned);
    } else {
      problems.push(
        cellProblem(
          layout.sheet,
          ownership.outputRange.top,
          ownership.outputRange.left,
          "warning",
          "vùng kết quả của lần chạy trước đã bị thay đổi nên được giữ nguyên; kết quả mới được ghi sang cột trống bên phải.",
        ),
      );
    }
  }
  if (ownership?.dataSheet === layout.sheet && ownership.highlightRange && ownership.highlightFormula) {
    plan.removeHighlights.push({ range: ownership.highlightRange, formula: ownership.highlightFormula });
  }
  if (ownership?.dataSheet === layout.sheet) plan.removeHighlights.push(...(ownership.movedHighlights ?? []));

  // The output stays where it was, or goes right of the table; it moves further right past any user
  // cell in its way, so that no user cell is ever overwritten.
  const isOwned = (row: number, col: number) =>
    owned !== undefined && row >= owned.top && row <= owned.bottom && col >= owned.left && col <= owned.right;
  const blockingColumn = (from: number): number | undefined => {
    let found: number | undefined;
    for (let row = top; row <= bottom; row++) {
      const last = Math.min((grid.values[row] ?? []).length - 1, from + headers.length - 1);
      for (let col = last; col >= from && (found === undefined || col > found); col--) {
        if (!isEmpty(grid, row, col) && !isOwned(row, col)) found = col;
      }
    }
    return found;
  };
  let left = Math.max(owned?.left ?? 0, layout.lastColumn + 1);
  for (let blocking = blockingColumn(left); blocking !== undefined; blocking = blockingColumn(left)) {
    left = blocking + 1;
  }
  const right = left + headers.length - 1;
  if (right >= EXCEL_COLUMNS) {
    throw new UnusableInputError(
      `Không còn chỗ ghi kết quả trên trang “${layout.sheet}”: cần ${headers.length} cột trống bên phải bảng (từ cột ${columnLetter(Math.min(left, EXCEL_COLUMNS - 1))}) nhưng trang tính chỉ có đến cột XFD. Hãy xóa các ô thừa ở những cột xa bên phải bảng (hoặc chép bảng sang trang mới) rồi chạy lại. Chưa có gì được ghi.`,
    );
  }
  // Each row read from its end, down to the rightmost user cell found so far.
  let lastUserColumn = 0;
  grid.values.forEach((line, row) => {
    for (let col = line.length - 1; col > lastUserColumn; col--) {
      if (!isBlankValue(line[col] ?? null) && !isOwned(row, col)) {
        lastUserColumn = col;
        break;
      }
    }
  });

  plan.blocks.push({ top, left, values: [headers], style: "outHeader" });
  if (layout.headerBottom > top) {
    for (let i = 0; i < headers.length; i++) {
      plan.merges.push({ top, left: left + i, bottom: layout.headerBottom, right: left + i });
    }
  }
  const firstDataRow = layout.headerBottom + 1;
  const byRow = new Map(scores.map((s) => [s.unit.row, s]));
  const formulas =
    options.output === "formulas"
      ? { grid, table, criteria, settings: options.settings, tables: options.tables, left }
      : undefined;
  const values: Scalar[][] = [];
  for (let row = firstDataRow; row <= bottom; row++) {
    const score = byRow.get(row);
    if (!score) {
      values.push(headers.map(() => null));
      continue;
    }
    const plain = outputRow(score, options.settings);
    const own = formulas ? withFormulas(plain, score, formulas) : plain;
    values.push(extra ? [...own, ...(extra.rows.get(row) ?? extra.headers.map(() => null))] : own);
  }
  const pointColumns = criteria.length + 1;
  const emulationCount = emulationHeaders(options.settings).length;
  const explanationCol = criteria.length + 3 + emulationCount;
  const extraStyle = (i: number) => (i === explanationCol + 1 ? "outNumber" : "outText");
  /** The rating and the rank are values in both modes; the rank is a number. */
  const emulationStyle = (i: number) =>
    i === explanationCol - 1 && options.settings.emulation.rankInGroup ? "outNumber" : "outCenter";
  if (values.length > 0) {
    plan.blocks.push({
      top: firstDataRow,
      left,
      values,
      columnStyles: headers.map((_, i) =>
        i < pointColumns
          ? "outNumber"
          : i === explanationCol
            ? "outText"
            : i > explanationCol
              ? extraStyle(i)
              : i > pointColumns + 1
                ? emulationStyle(i)
                : formulas
                  ? "outFormula"
                  : "outCenter",
      ),
    });
  }
  const widths = headers.map((_, i) =>
    i === explanationCol || i === headers.length - 1
      ? 60
      : i === explanationCol + 2
        ? 28
        : i < pointColumns
          ? 11
          : 12,
  );
  plan.columnWidths = widths.map((width, i) => ({ col: left + i, width }));
  // The headers wrap in narrow columns: a one-row header grows to hold them (never shrinks).
  if (layout.headerBottom === top) {
    const lines = Math.max(...headers.map((h, i) => wrappedLines(h, widths[i], OUTPUT_FONT)));
    plan.rowHeights.push({ row: top, height: heightOfLines(lines, OUTPUT_FONT), atLeast: true });
  }

  const proposedCol = left + criteria.length + 2;
  // The rating and the rank print with the scores; the explanation after them stays on the screen.
  const lastPrinted = proposedCol + emulationCount;
  const firstCol = tableFirstColumn(grid, table);
  const highlightRange = { top: table.firstRow, left: firstCol, bottom: table.lastRow, right };
  const highlightFormula = `$${columnLetter(proposedCol)}${table.firstRow + 1}="${YES}"`;
  if (scores.length > 0)
    plan.highlights.push({ range: highlightRange, formula: highlightFormula, style: "highlight" });
  // "Cách tính điểm" is for the screen: the printed sheet keeps its pages, with the scores on them.
  // (and so are the columns of the sources after it).
  const printRight = Math.max(lastUserColumn, lastPrinted);
  plan.printArea = { top: 0, left: 0, bottom: Math.max(grid.values.length - 1, bottom), right: printRight };

  return {
    plan,
    outputRange: { top, left, bottom, right },
    highlightRange,
    highlightFormula,
    problems,
  };
}
