/** Finds the unit table in a sheet: its header row (one or two rows) and what each column holds. */
import { cellAt, cellText, columnCount, mergeAt, type CellRange, type SheetGrid } from "../grid";
import { cleanText, foldKey } from "../text";
import { classifyHeader, type ColumnRole, type Level } from "./columns";

interface CountColumns {
  level: Level;
  total: number;
  received: number;
}

export interface TableColumns {
  stt?: number;
  name: number;
  group?: number;
  score766?: number;
  rates: { level: Level; col: number }[];
  counts: CountColumns[];
  /** Every other header, by its text, for criteria that read a column of their own. */
  others: { col: number; header: string }[];
  /** Several 766 score columns and none names the assessment year: the reader refuses to guess. */
  score766Choices?: number[];
}

export interface TableLayout {
  sheet: string;
  /** 0-based rows of the header (equal for a one-row header). */
  headerTop: number;
  headerBottom: number;
  columns: TableColumns;
  /** Rightmost column that belongs to the user's table (the tool's own output lies beyond it). */
  lastColumn: number;
  headers: string[];
}

/** A column picked by the user; it wins over detection. 0-based columns. */
export interface ColumnMapping {
  headerRow?: number;
  name?: number;
  group?: number;
  stt?: number;
  score766?: number;
  rates?: Partial<Record<Level, number>>;
}

export const HEADER_SCAN_ROWS = 40;

/** Header texts of row `top`, joined with the row below when that row is a sub-header. */
function headerTexts(grid: SheetGrid, top: number, twoRows: boolean, width: number): string[] {
  const merged = (row: number, col: number): string => {
    const own = cleanText(cellText(cellAt(grid, row, col)));
    if (own) return own;
    const merge = mergeAt(grid, row, col);
    return merge ? cleanText(cellText(cellAt(grid, merge.top, merge.left))) : "";
  };
  const texts: string[] = [];
  const knowsMerges = (grid.merges?.length ?? 0) > 0;
  let carried = "";
  for (let col = 0; col < width; col++) {
    const own = cleanText(cellText(cellAt(grid, top, col)));
    let upper = merged(top, col);
    if (!twoRows) {
      texts.push(upper);
      continue;
    }
    const lower = merged(top + 1, col);
    // Without merge information a group header stands in its first column only: carry it right.
    if (upper === "" && lower !== "" && !knowsMerges) upper = carried;
    if (own !== "") carried = own;
    texts.push(lower && lower !== upper ? cleanText(`${upper} ${lower}`) : upper);
  }
  return texts;
}

interface Candidate {
  top: number;
  bottom: number;
  roles: ColumnRole[];
  texts: string[];
  score: number;
}

/** Distinct kinds of figures found, then unit name, number and group: a header row scores high. */
function rank(roles: ColumnRole[]): number {
  if (!roles.some((r) => r.kind === "name")) return 0;
  const figures = new Set(
    roles
      .filter(
        (r) =>
          r.kind === "score766" || r.kind === "rate" || r.kind === "countTotal" || r.kind === "countReceived",
      )
      .map((r) => `${r.kind}:${"level" in r ? r.level : ""}`),
  );
  if (figures.size === 0) return 0;
  const support = new Set(roles.filter((r) => r.kind === "stt" || r.kind === "group").map((r) => r.kind))
    .size;
  return 10 * figures.size + support + 1;
}

/** A sub-header row holds only text (no figures): "Cấp tỉnh", "Cấp huyện", "Tổng số TTHC". */
function looksLikeSubHeader(grid: SheetGrid, row: number, width: number, owned: Set<number>): boolean {
  let texts = 0;
  for (let col = 0; col < width; col++) {
    if (owned.has(col)) continue;
    const value = cellAt(grid, row, col);
    if (typeof value === "number" || typeof value === "boolean") return false;
    const text = cleanText(cellText(value));
    if (text === "") continue;
    if (/^\(?\d+\)?$/.test(text)) return false;
    texts++;
  }
  return texts > 0;
}

/**
 * The header read at `top`, over one row or two. The tool's own columns of an earlier run (`owned`) are
 * no part of it: their headers ("Điểm 766 dùng để tính"…) must not make a one-row reading of a two-row
 * header look as good as the two-row one.
 */
function headerAt(
  grid: SheetGrid,
  top: number,
  twoRows: boolean,
  width: number,
  owned: Set<number>,
): Candidate {
  const texts = headerTexts(grid, top, twoRows, width).map((t, col) => (owned.has(col) ? "" : t));
  const roles = texts.map(classifyHeader);
  return { top, bottom: twoRows ? top + 1 : top, roles, texts, score: rank(roles) };
}

function candidateAt(grid: SheetGrid, top: number, width: number, owned: Set<number>): Candidate | undefined {
  if (!(grid.values[top] ?? []).some((v, col) => !owned.has(col) && cleanText(cellText(v)) !== "")) {
    return undefined;
  }
  let best = headerAt(grid, top, false, width, owned);
  if (top + 1 < grid.values.length && looksLikeSubHeader(grid, top + 1, width, owned)) {
    const double = headerAt(grid, top, true, width, owned);
    if (double.score > best.score) best = double;
  }
  return best;
}

/** The header rows an earlier run read (its record), when that run's own header still stands there. */
export interface KnownHeader {
  top: number;
  bottom: number;
}

/** Scores every row near the top of the sheet; the best one is the header. */
export function findHeader(
  grid: SheetGrid,
  headerRow?: number,
  scanRows = HEADER_SCAN_ROWS,
  owned: Set<number> = new Set(),
): Candidate | undefined {
  const width = columnCount(grid);
  const rows =
    headerRow !== undefined ? [headerRow] : [...Array(Math.min(scanRows, grid.values.length)).keys()];
  let best: Candidate | undefined;
  for (const row of rows) {
    const candidate = candidateAt(grid, row, width, owned);
    if (candidate && candidate.score > 0 && (!best || candidate.score > best.score)) best = candidate;
  }
  return best;
}

/**
 * Of several 766 score columns (last year's kept beside this year's), the one whose header names the
 * assessment year; without a year, or with none or several naming it, there is no choice to make.
 */
function pick766(strong: number[], texts: string[], year: number | undefined): number | undefined {
  if (strong.length === 1) return strong[0];
  if (year === undefined) return undefined;
  const naming = strong.filter((col) => new RegExp(`(^|\\D)${year}(\\D|$)`).test(texts[col]));
  return naming.length === 1 ? naming[0] : undefined;
}

function assignColumns(
  candidate: Candidate,
  ownedColumns: Set<number>,
  year?: number,
): TableColumns | undefined {
  const columns: TableColumns = { name: -1, rates: [], counts: [], others: [] };
  let weak766: number | undefined;
  const strong766: number[] = [];
  const totals = new Map<Level, number>();
  const received = new Map<Level, number>();
  candidate.roles.forEach((role, col) => {
    if (ownedColumns.has(col)) return;
    const first = <K extends "stt" | "group" | "score766">(key: K) => {
      if (columns[key] === undefined) columns[key] = col;
      else columns.others.push({ col, header: candidate.texts[col] });
    };
    switch (role.kind) {
      case "stt":
      case "group":
        first(role.kind);
        break;
      case "name":
        if (columns.name < 0) columns.name = col;
        else columns.others.push({ col, header: candidate.texts[col] });
        break;
      case "score766":
        if (role.strong) strong766.push(col);
        else if (weak766 === undefined) weak766 = col;
        break;
      case "rate":
        if (!columns.rates.some((r) => r.level === role.level))
          columns.rates.push({ level: role.level, col });
        break;
      case "countTotal":
        if (!totals.has(role.level)) totals.set(role.level, col);
        break;
      case "countReceived":
        if (!received.has(role.level)) received.set(role.level, col);
        break;
      case "other":
        if (candidate.texts[col]) columns.others.push({ col, header: candidate.texts[col] });
        break;
    }
  });
  if (strong766.length > 0) {
    columns.score766 = pick766(strong766, candidate.texts, year);
    if (columns.score766 === undefined) columns.score766Choices = strong766;
    for (const col of strong766) {
      if (col !== columns.score766) columns.others.push({ col, header: candidate.texts[col] });
    }
  } else if (weak766 !== undefined) columns.score766 = weak766;
  for (const [level, total] of totals) {
    const got = received.get(level);
    if (got !== undefined) columns.counts.push({ level, total, received: got });
  }
  return columns.name < 0 ? undefined : columns;
}

/** Applies the user's mapping over what detection found. */
function applyMapping(columns: TableColumns, mapping: ColumnMapping): TableColumns {
  const out: TableColumns = { ...columns, rates: [...columns.rates], others: [...columns.others] };
  if (mapping.name !== undefined) out.name = mapping.name;
  if (mapping.group !== undefined) out.group = mapping.group;
  if (mapping.stt !== undefined) out.stt = mapping.stt;
  if (mapping.score766 !== undefined) {
    out.score766 = mapping.score766;
    delete out.score766Choices;
  }
  if (mapping.rates) {
    out.rates = Object.entries(mapping.rates)
      .filter((e): e is [Level, number] => e[1] !== undefined)
      .map(([level, col]) => ({ level, col }));
    out.counts = [];
  }
  const taken = new Set([out.name, out.group, out.stt, out.score766, ...out.rates.map((r) => r.col)]);
  out.others = out.others.filter((o) => !taken.has(o.col));
  return out;
}

/**
 * Detects the table of one sheet, or undefined when the sheet holds none.
 * `ownedColumns` are the tool's own output columns from an earlier run.
 */
export function detectTable(
  grid: SheetGrid,
  mapping: ColumnMapping = {},
  ownedColumns: Set<number> = new Set(),
  year?: number,
  known?: KnownHeader,
): (TableLayout & { score: number }) | undefined {
  // The rows an earlier run read are read again as they were, never guessed anew from its result.
  const recorded =
    known && mapping.headerRow === undefined
      ? headerAt(grid, known.top, known.bottom > known.top, columnCount(grid), ownedColumns)
      : undefined;
  const candidate =
    recorded && recorded.score > 0
      ? recorded
      : findHeader(grid, mapping.headerRow, HEADER_SCAN_ROWS, ownedColumns);
  const mapped = mapping.name !== undefined && mapping.headerRow !== undefined;
  if (!candidate && !mapped) return undefined;
  const top = candidate?.top ?? (mapping.headerRow as number);
  const chosen = candidate ?? {
    top,
    bottom: top,
    texts: headerTexts(grid, top, false, columnCount(grid)),
    roles: [],
    score: 1,
  };
  const detected = assignColumns(chosen, ownedColumns, year) ?? {
    name: -1,
    rates: [],
    counts: [],
    others: [],
  };
  const columns = applyMapping(detected, mapping);
  if (columns.name < 0) return undefined;
  let lastColumn = 0;
  chosen.texts.forEach((text, col) => {
    if (text !== "" && !ownedColumns.has(col)) lastColumn = col;
  });
  const used = [
    columns.name,
    columns.group,
    columns.stt,
    columns.score766,
    ...columns.rates.map((r) => r.col),
  ];
  for (const col of used) if (col !== undefined && col > lastColumn) lastColumn = col;
  return {
    sheet: grid.name,
    headerTop: chosen.top,
    headerBottom: chosen.bottom,
    columns,
    lastColumn,
    headers: chosen.texts,
    score: chosen.score,
  };
}

/** Finds a column of the table by its header text, for criteria that name a column. */
export function findColumnByHeader(layout: TableLayout, header: string): number | undefined {
  const wanted = foldKey(header);
  if (!wanted) return undefined;
  const exact = layout.headers.findIndex((h) => foldKey(h) === wanted);
  if (exact >= 0) return exact;
  const partial = layout.headers.findIndex((h) => foldKey(h).includes(wanted));
  return partial >= 0 ? partial : undefined;
}

export type { CellRange };
