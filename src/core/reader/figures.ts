/** Reads the figures of one unit row, with a problem at each cell that cannot be read. */
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766 } from "../criteria";
import { cellAt, formatAt, type CellValue, type SheetGrid } from "../grid";
import { formatNumberVi } from "../numbers";
import { foldKey } from "../text";
import { cellProblem, type Problem } from "../problems";
import type { Level } from "./columns";
import type { TableColumns } from "./table";
import { isFractionColumn, readNumberCell, type NumberKind } from "./values";

export interface LevelValue {
  level: Level;
  value: number | null;
}

export interface Figures {
  score766: number | null;
  rates: LevelValue[];
  custom: Record<string, number | null>;
  /** Criterion inputs with a cell that could not be read: the criterion gives 0, whatever else is there. */
  unreadable: string[];
  /** Criterion inputs with a cell that says they do not fit the unit ("không áp dụng"). */
  notApplicable: string[];
}

/** What the figure reader needs of the table; problems are pushed to `problems`. */
export interface FigureContext {
  grid: SheetGrid;
  columns: TableColumns;
  customColumns: Record<string, number>;
  problems: Problem[];
  /** Rate columns typed as fractions (0.965 for 96.5%). */
  fractionColumns: Set<number>;
  /** Score columns where a percent format was read as points, with the first such row. */
  percentScores: Map<number, number>;
  /** Set by the last cell read when it said "không áp dụng". */
  notApplicableSeen?: boolean;
  /** The row being read (one at a time): inputs with an unreadable cell, then cells saying "không áp dụng". */
  unreadableInputs?: string[];
  markedInputs?: Map<string, number>;
}

/** Rate columns typed as fractions, each with a note at its header. */
export function findFractionColumns(
  grid: SheetGrid,
  columns: TableColumns,
  rows: { from: number; to: number; header: number },
  problems: Problem[],
): Set<number> {
  const fraction = new Set<number>();
  for (const { col } of columns.rates) {
    const values: CellValue[] = [];
    const formats: string[] = [];
    for (let row = rows.from; row <= rows.to; row++) {
      values.push(cellAt(grid, row, col));
      formats.push(formatAt(grid, row, col));
    }
    if (isFractionColumn(values, formats)) {
      fraction.add(col);
      problems.push(
        cellProblem(
          grid.name,
          rows.header,
          col,
          "info",
          "tỷ lệ được nhập dạng số thập phân (0,965 = 96,5%) nên được hiểu theo phần trăm.",
        ),
      );
    }
  }
  return fraction;
}

/** The words a clerk writes in a figure cell of a unit the criterion does not fit. */
const NOT_APPLICABLE = /^(khong ap dung|kad|k\/a|n\/a|khong co tthc|khong co thu tuc( hanh chinh)?)$/;

/** Whether a cell says the criterion does not fit the unit. */
export function saysNotApplicable(value: CellValue): boolean {
  // Figures typed as text ("96,5%") are common: only words starting with k or n are folded.
  return typeof value === "string" && MAY_SAY_IT.test(value) && NOT_APPLICABLE.test(foldKey(value));
}

const MAY_SAY_IT = /^\s*[kKnN]/;

/** One cell as a number; undefined when it cannot be read (the problem is recorded). */
function readCell(
  ctx: FigureContext,
  row: number,
  col: number | undefined,
  kind: NumberKind,
): number | null | undefined {
  if (col === undefined) return null;
  const { grid } = ctx;
  if (saysNotApplicable(cellAt(grid, row, col))) {
    ctx.notApplicableSeen = true;
    return null;
  }
  const result = readNumberCell(
    cellAt(grid, row, col),
    formatAt(grid, row, col),
    kind,
    ctx.fractionColumns.has(col),
  );
  if (result.kind === "bad") {
    ctx.problems.push(cellProblem(grid.name, row, col, "error", result.detail));
    return undefined;
  }
  if (result.kind === "blank") return null;
  if (result.percentScore && !ctx.percentScores.has(col)) ctx.percentScores.set(col, row);
  return result.value;
}

/** The one-stop rate of a level computed from its two counts. */
function rateFromCounts(
  ctx: FigureContext,
  row: number,
  count: TableColumns["counts"][number],
): number | null | undefined {
  const total = readCell(ctx, row, count.total, "count");
  const received = readCell(ctx, row, count.received, "count");
  if (total === undefined || received === undefined) return undefined;
  if (total === null || received === null) return null;
  if (received > total) {
    ctx.problems.push(
      cellProblem(
        ctx.grid.name,
        row,
        count.received,
        "error",
        `số thủ tục tiếp nhận tại Bộ phận Một cửa (${received}) lớn hơn tổng số thủ tục (${total}).`,
      ),
    );
    return undefined;
  }
  return total > 0 ? Math.round((received / total) * 100 * 1e6) / 1e6 : null;
}

const NONE: string[] = [];

/** A level without a figure, one frozen object per level: most units lack some level's rate. */
const NO_VALUE = Object.fromEntries(
  (["tinh", "huyen", "xa", "chung"] as const).map((level) => [level, Object.freeze({ level, value: null })]),
) as Record<Level, LevelValue>;

const levelValue = (level: Level, value: number | null): LevelValue =>
  value === null ? NO_VALUE[level] : { level, value };
const NO_CUSTOM: Record<string, number | null> = Object.freeze({});

/** A figure of the row as read, noting on the context an unreadable cell and one that said "không áp dụng". */
function keep(ctx: FigureContext, input: string, value: number | null | undefined): number | null {
  if (value === undefined && !(ctx.unreadableInputs ??= []).includes(input)) ctx.unreadableInputs.push(input);
  if (ctx.notApplicableSeen) {
    ctx.markedInputs ??= new Map();
    ctx.markedInputs.set(input, (ctx.markedInputs.get(input) ?? 0) + 1);
    ctx.notApplicableSeen = false;
  }
  return value ?? null;
}

export function readFigures(ctx: FigureContext, row: number): Figures {
  const { columns } = ctx;
  // The row's unreadable inputs and "không áp dụng" cells gather on the context (keep), made only for
  // the rare row that has them, and are taken off it at the end. An input is "không áp dụng" when every
  // cell it has says so (a level of the one-stop rate alone saying it has no procedures, as a dash does).
  const score766 = keep(ctx, INPUT_SCORE_766, readCell(ctx, row, columns.score766, "score"));
  const rates: LevelValue[] = [];
  for (let i = 0; i < columns.rates.length; i++) {
    const { level, col } = columns.rates[i];
    rates.push(levelValue(level, keep(ctx, INPUT_ONE_STOP_RATE, readCell(ctx, row, col, "rate"))));
  }
  for (const count of columns.counts) {
    if (rates.some((r) => r.level === count.level)) continue;
    rates.push(levelValue(count.level, keep(ctx, INPUT_ONE_STOP_RATE, rateFromCounts(ctx, row, count))));
  }
  // Most tables have no custom input: their units share one empty, frozen record.
  let custom = NO_CUSTOM;
  for (const input in ctx.customColumns) {
    if (custom === NO_CUSTOM) custom = {};
    custom[input] = keep(ctx, input, readCell(ctx, row, ctx.customColumns[input], "plain"));
  }
  const { unreadableInputs: unreadable, markedInputs: marked } = ctx;
  ctx.unreadableInputs = undefined;
  ctx.markedInputs = undefined;
  // One cell per input, one per level for the one-stop rate.
  const notApplicable = marked
    ? [...marked].filter(([i, n]) => n === (i === INPUT_ONE_STOP_RATE ? rates.length : 1)).map(([i]) => i)
    : NONE;
  return { score766, rates, custom, unreadable: unreadable ?? NONE, notApplicable };
}

/** One note per score column read from a percent format, at its first such cell. */
export function percentScoreNotes(ctx: FigureContext): Problem[] {
  return [...ctx.percentScores].map(([col, row]) => {
    const value = cellAt(ctx.grid, row, col) as number;
    return cellProblem(
      ctx.grid.name,
      row,
      col,
      "info",
      `điểm được định dạng phần trăm (ô ghi ${formatNumberVi(value, 4)}, hiện ${formatNumberVi(value * 100)}%) nên được đọc là ${formatNumberVi(value * 100)} điểm; các ô khác của cột này cũng vậy.`,
    );
  });
}
