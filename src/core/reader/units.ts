/**
 * Reads the rows of the unit table into units; every row that is not a unit is accounted for.
 * Steps: pick the table (pick-table.ts) → classify each row (row-kind.ts) → read a unit's figures
 * (figures.ts) → assemble the unit with the notes that concern it.
 */
import {
  cellAt,
  cellText,
  isBlank,
  isUncalculated,
  rangeAddress,
  type CellValue,
  type SheetGrid,
} from "../grid";
import { cellProblem, sheetProblem, UnusableInputError, type Problem } from "../problems";
import { cleanText, foldKey } from "../text";
import {
  findFractionColumns,
  percentScoreNotes,
  readFigures,
  type FigureContext,
  type LevelValue,
} from "./figures";
import { decodeLegacyColumns } from "./legacy-columns";
import { pickTable, type PickOptions } from "./pick-table";
import { findReviewColumns, readReview, type ReviewColumns, type UnitReview } from "./review-columns";
import { severalTablesError, tableYear, lastFilledRow } from "./several-tables";
import { hiddenTableNotes } from "./sheet-state";
import { classifyRow, type RowCells } from "./row-kind";
import { findColumnByHeader, type TableColumns, type TableLayout } from "./table";
import { uncalculatedDetail } from "./values";

export type { LevelValue } from "./figures";

export interface Unit {
  /** 0-based row in the sheet. */
  row: number;
  stt: string;
  name: string;
  /** From the group column, or else from the section row above the unit ("I. SỞ, BAN, NGÀNH"). */
  group: string;
  score766: number | null;
  /** One-stop reception rate per level, from rate columns or computed from counts. */
  rates: LevelValue[];
  /** Figures of columns that criteria name, keyed by the criterion's input text. */
  custom: Record<string, number | null>;
  /** Criterion inputs with a cell that could not be read (an error is listed): those criteria give 0. */
  unreadable?: string[];
  /** Criterion inputs whose cell says they do not fit the unit ("không áp dụng", "không có TTHC"). */
  notApplicable?: string[];
  /** Self-assessed and assessed points, evidence and explanation, by folded criterion code. */
  review?: Record<string, UnitReview>;
  /** The group was typed in a legacy encoding that could not be decoded (an error is listed). */
  groupUnreadable?: boolean;
}

type SkippedReason = "section" | "total" | "numbering" | "note" | "empty-name";

export interface UnitTable {
  layout: TableLayout;
  units: Unit[];
  /** Rows inside the table that are not units, with why. */
  skipped: { row: number; reason: SkippedReason }[];
  /** 0-based rows of the first and last unit (the header row when there is none). */
  firstRow: number;
  lastRow: number;
  /** Columns of custom inputs, by input text. */
  customColumns: Record<string, number>;
  /** Columns of evidence and review ("Tự chấm III", "Minh chứng III"…), by folded criterion code. */
  reviewColumns?: ReviewColumns;
  problems: Problem[];
}

export interface ReadOptions extends PickOptions {
  /** Column headers that criteria read besides the 766 score and the one-stop rate. */
  customInputs?: string[];
  /**
   * Read the first of several tables on a sheet, with a warning (a source file); by default the reader
   * refuses to choose unless the header row was named (the user's, or the record's).
   */
  firstTable?: boolean;
}

function findCustomColumns(layout: TableLayout, inputs: string[]): Record<string, number> {
  const found: Record<string, number> = {};
  for (const input of inputs) {
    const col = findColumnByHeader(layout, input);
    if (col === undefined) {
      throw new UnusableInputError(
        `Tiêu chí cần cột “${input}” nhưng bảng đơn vị ở trang “${layout.sheet}” (dòng ${layout.headerTop + 1}) không có cột nào có tiêu đề này.`,
      );
    }
    found[input] = col;
  }
  return found;
}

function figureColumns(columns: TableColumns, customColumns: Record<string, number>): number[] {
  return [
    columns.score766,
    ...columns.rates.map((r) => r.col),
    ...columns.counts.flatMap((c) => [c.total, c.received]),
    ...Object.values(customColumns),
  ].filter((c): c is number => c !== undefined);
}

/** Reads text cells of the table; a merged group cell gives its value to every row it spans. */
class RowReader {
  /** Rows under the top of a vertically merged group cell, with the merge's text. */
  private readonly mergedGroups = new Map<number, string>();

  constructor(
    private readonly grid: SheetGrid,
    private readonly columns: TableColumns,
    private readonly figureCols: number[],
    private readonly problems: Problem[],
  ) {
    const col = columns.group;
    for (const merge of grid.merges ?? []) {
      if (col === undefined || merge.left > col || merge.right < col || merge.bottom === merge.top) continue;
      const text = cleanText(cellText(cellAt(grid, merge.top, merge.left)));
      for (let row = merge.top + 1; row <= merge.bottom; row++) this.mergedGroups.set(row, text);
    }
  }

  private text(row: number, col: number | undefined): string {
    if (col === undefined) return "";
    const value = cellAt(this.grid, row, col);
    if (isUncalculated(value)) {
      this.problems.push(
        cellProblem(this.grid.name, row, col, "error", uncalculatedDetail(value.uncalculated)),
      );
    }
    return cleanText(cellText(value));
  }

  cells(row: number): RowCells {
    const col = this.columns.group;
    const own = this.text(row, col);
    // The group as Excel shows it: the rows under a merged group cell show the merge's value.
    const group = own !== "" ? own : (this.mergedGroups.get(row) ?? "");
    const figures: CellValue[] = [];
    let filled = own !== "";
    for (let i = 0; i < this.figureCols.length; i++) {
      const value = cellAt(this.grid, row, this.figureCols[i]);
      figures.push(value);
      if (!filled && !isBlank(value)) filled = true;
    }
    const name = this.text(row, this.columns.name);
    return {
      name,
      nameKey: foldKey(name),
      stt: cleanText(cellText(cellAt(this.grid, row, this.columns.stt ?? -1))),
      group,
      hasData: filled,
      line: this.grid.values[row] ?? [],
      figureHeaders: figures,
    };
  }
}

/** A figure cell merged over several rows counts for its first row only: say so. */
function mergedFigureNotes(grid: SheetGrid, cols: number[], from: number, to: number): Problem[] {
  return (grid.merges ?? [])
    .filter((m) => m.bottom > m.top && m.top >= from && m.top <= to)
    .filter((m) => cols.some((c) => m.left <= c && c <= m.right))
    .map((m) =>
      cellProblem(
        grid.name,
        m.top,
        m.left,
        "warning",
        `ô ${rangeAddress(m)} được gộp qua nhiều dòng: số liệu chỉ được tính cho dòng ${m.top + 1}, các dòng còn lại của ô gộp coi như để trống.`,
      ),
    );
}

/** A person's title in front of a name: "Ông …", "Bà …", "Đồng chí …", "Đ/c …". */
const PERSON = /^(?:ông|bà|đồng chí|đ\/c)\s+\p{L}/iu;

/** Notes about one unit row: a person's name, a name seen before, a hidden row. */
function unitNotes(
  grid: SheetGrid,
  hidden: Set<number>,
  row: number,
  nameCol: number,
  name: string,
  seenAt?: number,
): Problem[] {
  const notes: Problem[] = [];
  const at = (level: Problem["level"], detail: string) => cellProblem(grid.name, row, nameCol, level, detail);
  if (PERSON.test(name)) {
    notes.push(
      at(
        "warning",
        `“${name}” có vẻ là tên một người, không phải một cơ quan, đơn vị: công cụ tính điểm thi đua của tập thể; hãy kiểm tra đây có đúng là bảng đơn vị không.`,
      ),
    );
  }
  if (seenAt !== undefined) {
    notes.push(
      at(
        "warning",
        `đơn vị “${name}” trùng tên với dòng ${seenAt + 1}; cả hai dòng đều được tính điểm, cần kiểm tra lại.`,
      ),
    );
  }
  if (hidden.has(row)) {
    notes.push(
      at(
        "warning",
        `“${name}” nằm ở dòng đang bị ẩn hoặc bị lọc; đơn vị vẫn được tính điểm như mọi dòng khác, cần kiểm tra lại.`,
      ),
    );
  }
  return notes;
}

/**
 * A table with no column any criterion reads (columns picked by hand: a list of communes with its names
 * only) is refused, as the reader refuses one it finds without them: options never lower the bar.
 */
function refuseWithoutFigures(layout: TableLayout, customColumns: Record<string, number>): void {
  const { score766, rates, counts } = layout.columns;
  if (score766 !== undefined || rates.length > 0 || counts.length > 0) return;
  if (Object.keys(customColumns).length > 0) return;
  throw new UnusableInputError(
    `Bảng đơn vị ở trang “${layout.sheet}” (dòng tiêu đề ${layout.headerTop + 1}) không có cột số liệu nào để tính điểm: cần cột điểm Bộ chỉ số 766 hoặc cột tỷ lệ tiếp nhận tại Bộ phận Một cửa. Hãy chỉ rõ cột (dòng lệnh: --map diem766=CỘT hoặc tinh=CỘT, xa=CỘT; ngăn tác vụ: chọn cột), hoặc chọn tệp có số liệu. Chưa có gì được ghi.`,
  );
}

/** Reads the unit table of the workbook. Throws UnusableInputError when there is none. */
export function readUnitTable(grids: SheetGrid[], options: ReadOptions = {}): UnitTable {
  const picked = pickTable(grids, options);
  const { layout } = picked;
  const { columns } = layout;
  const sheet = picked.grid.name;
  const customColumns = findCustomColumns(layout, options.customInputs ?? []);
  refuseWithoutFigures(layout, customColumns);
  const firstDataRow = layout.headerBottom + 1;
  // Names and groups typed in TCVN3 or VNI are read decoded, or refused at their cells.
  const legacy = decodeLegacyColumns(
    picked.grid,
    [
      { col: columns.name, what: "tên" },
      ...(columns.group === undefined ? [] : [{ col: columns.group, what: "khối" }]),
    ],
    firstDataRow,
  );
  const { grid } = legacy;
  const problems: Problem[] = [...hiddenTableNotes(picked.grid), ...legacy.problems];
  const lastGridRow = grid.values.length - 1;
  const figureCols = figureColumns(columns, customColumns);
  const reviewColumns = findReviewColumns(layout.headers);
  const hasReview = Object.keys(reviewColumns).length > 0;

  const figures: FigureContext = {
    grid,
    columns,
    customColumns,
    problems,
    fractionColumns: findFractionColumns(
      grid,
      columns,
      { from: firstDataRow, to: lastGridRow, header: layout.headerTop },
      problems,
    ),
    percentScores: new Map(),
  };
  const reader = new RowReader(grid, columns, figureCols, problems);
  const hidden = new Set(grid.hiddenRows);
  if (grid.hiddenRowsUnknown) {
    problems.push(
      sheetProblem(
        sheet,
        "warning",
        "trang có dòng bị ẩn hoặc bị lọc nhưng Excel không cho đọc đó là những dòng nào (trang quá lớn); mọi đơn vị vẫn được tính điểm, nhưng đơn vị ở dòng ẩn không được ghi chú: hãy bỏ lọc và hiện mọi dòng để kiểm tra.",
      ),
    );
  }
  const atName = (row: number, level: Problem["level"], detail: string) =>
    cellProblem(sheet, row, columns.name, level, detail);

  const units: Unit[] = [];
  const skipped: UnitTable["skipped"] = [];
  const seen = new Map<string, number>();
  let section = "";
  let lastRow = lastGridRow;

  for (let row = firstDataRow; row <= lastGridRow; row++) {
    const cells = reader.cells(row);
    const kind = classifyRow(cells, columns.stt !== undefined);
    if (kind.kind === "blank") continue;
    if (kind.kind === "header-repeat") {
      const chosen =
        options.firstTable ||
        options.mapping?.headerRow !== undefined ||
        options.knownHeaders?.[sheet] !== undefined;
      if (!chosen) {
        const firstLast = units.length > 0 ? units[units.length - 1].row : layout.headerBottom;
        throw severalTablesError([
          {
            sheet,
            headerTop: layout.headerTop,
            lastRow: firstLast,
            year: tableYear(grid, 0, layout.headerTop, layout.headerBottom),
          },
          {
            sheet,
            headerTop: row,
            lastRow: lastFilledRow(grid, row),
            year: tableYear(grid, firstLast + 1, row, row),
          },
        ]);
      }
      lastRow = row - 1;
      problems.push(
        atName(
          row,
          "warning",
          `dòng tiêu đề lặp lại: từ đây là một bảng khác, không được tính điểm. Chỉ bảng có tiêu đề ở dòng ${layout.headerTop + 1} (dòng ${firstDataRow + 1}–${row}) được đọc; muốn tính bảng dưới, hãy chỉ rõ dòng tiêu đề (dòng lệnh: --header-row ${row + 1}).`,
        ),
      );
      break;
    }
    if (kind.kind === "numbering" || kind.kind === "total") {
      skipped.push({ row, reason: kind.kind });
      continue;
    }
    if (kind.kind === "section") {
      section = kind.title;
      skipped.push({ row, reason: "section" });
      continue;
    }
    if (kind.kind === "no-name") {
      const shown = cells.name === "" ? "thiếu tên đơn vị" : `tên “${cells.name}” không có chữ hay số`;
      problems.push(
        cells.hasData
          ? atName(row, "error", `dòng có số liệu nhưng ${shown}, không tính điểm.`)
          : atName(
              row,
              "info",
              `dòng có số thứ tự nhưng ${cells.name === "" ? "chưa có tên đơn vị" : shown}, bỏ qua.`,
            ),
      );
      skipped.push({ row, reason: "empty-name" });
      continue;
    }
    if (kind.kind === "note") {
      problems.push(
        atName(row, "info", `“${cells.name}” không có số thứ tự và số liệu, được coi là ghi chú, bỏ qua.`),
      );
      skipped.push({ row, reason: "note" });
      continue;
    }

    const key = cells.nameKey || cells.name;
    const notes = unitNotes(grid, hidden, row, columns.name, cells.name, seen.get(key));
    if (notes.length > 0) problems.push(...notes);
    if (!seen.has(key)) seen.set(key, row);
    const { score766, rates, custom, unreadable, notApplicable } = readFigures(figures, row);
    const group = cells.group || section;
    const unit: Unit = { row, stt: cells.stt, name: cells.name, group, score766, rates, custom };
    // The rare notes of a row are added only when it has them: most units carry none.
    if (unreadable.length > 0) unit.unreadable = unreadable;
    if (notApplicable.length > 0) unit.notApplicable = notApplicable;
    if (legacy.refused.has(group)) unit.groupUnreadable = true;
    const review = hasReview ? readReview(grid, row, reviewColumns, problems) : undefined;
    if (review && Object.keys(review).length > 0) unit.review = review;
    units.push(unit);
  }
  problems.push(...percentScoreNotes(figures), ...mergedFigureNotes(grid, figureCols, firstDataRow, lastRow));

  return {
    layout,
    units,
    skipped,
    firstRow: units.length ? units[0].row : layout.headerBottom,
    lastRow: units.length ? units[units.length - 1].row : layout.headerBottom,
    customColumns,
    reviewColumns,
    problems,
  };
}
