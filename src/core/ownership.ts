/**
 * What the tool wrote in an earlier run, kept in a hidden sheet so that a new run replaces exactly
 * that and nothing else.
 */
import { UNIT_MAP_SHEET } from "./compare/unit-map-sheet";
import { CRITERIA_SHEET } from "./criteria-sheet/schema";
import { cellText, parseRangeAddress, rangeAddress, type CellRange, type SheetGrid } from "./grid";
import type { Preference } from "./sources/join";
import type { SourceProvenance } from "./sources/provenance";
import type { SourceRecord } from "./sources/types";
import { cleanText, foldKey } from "./text";

export const META_SHEET = "KSTTHC";

export interface Ownership {
  dataSheet: string;
  movedHighlights?: DataSheetOwnership["movedHighlights"];
  /** Output columns beside the unit table, header rows included. */
  outputRange?: CellRange;
  /** The rows of the unit table's header the run read (0-based), to read them again as they were. */
  headerRows?: HeaderRows;
  highlightRange?: CellRange;
  highlightFormula?: string;
  summarySheet?: string;
  /** The sheet of last year beside this year ("So sánh năm trước"), once a run compared. */
  compareSheet?: string;
  /** The column mapping chosen by the user, as formatMapping writes it. */
  mapping?: string;
  /** Further sheets of the same unit set (a portal export's "Xã Phường" beside its "Sở Ban"). */
  more?: DataSheetOwnership[];
  /**
   * The source files whose figures the run used, with the records it paired: a re-run without the files
   * uses them again, so that it gives the same list and writes the same cells.
   */
  sources?: KeptSource[];
  /** Which figure won when the table and a source disagreed. */
  prefer?: Preference;
}

/** A source file as the record keeps it: what the summary says of it and the records paired with units. */
export interface KeptSource {
  provenance: SourceProvenance;
  records: SourceRecord[];
}

/** 0-based rows, equal for a one-row header. */
export interface HeaderRows {
  top: number;
  bottom: number;
}

/** What the tool wrote on one sheet of units. */
export type DataSheetOwnership = Pick<
  Ownership,
  "dataSheet" | "outputRange" | "highlightRange" | "highlightFormula" | "headerRows"
> & {
  /**
   * Where the highlight may stand now that the user moved the tool's columns (Excel moves a conditional
   * format and its formula with the cells): found, never written to the record.
   */
  movedHighlights?: { range: CellRange; formula: string }[];
};

/** "5:6" as Excel names rows 5 to 6, "5" for one row. */
function headerRowsText(rows: HeaderRows): string {
  return rows.bottom > rows.top ? `${rows.top + 1}:${rows.bottom + 1}` : String(rows.top + 1);
}

function parseHeaderRows(text: string): HeaderRows | undefined {
  const match = /^(\d+)(?::(\d+))?$/.exec(text);
  if (!match) return undefined;
  const top = Number(match[1]) - 1;
  const bottom = match[2] === undefined ? top : Number(match[2]) - 1;
  return top >= 0 && bottom >= top && bottom <= top + 1 ? { top, bottom } : undefined;
}

const MORE_LABEL = "Trang dữ liệu khác";
const SOURCE_LABEL = "Tệp nguồn";
const RECORD_LABEL = "Số liệu tệp nguồn";
const PREFER_LABEL = "Ưu tiên số liệu";

const KEYS: {
  key: Exclude<keyof Ownership, "more" | "sources" | "prefer" | "movedHighlights">;
  label: string;
}[] = [
  { key: "dataSheet", label: "Trang dữ liệu" },
  { key: "outputRange", label: "Vùng kết quả" },
  { key: "headerRows", label: "Dòng tiêu đề" },
  { key: "highlightRange", label: "Vùng tô nổi bật" },
  { key: "highlightFormula", label: "Công thức tô nổi bật" },
  { key: "summarySheet", label: "Trang tổng hợp" },
  { key: "compareSheet", label: "Trang so sánh năm trước" },
  { key: "mapping", label: "Chỉ định cột" },
];

const NOTICE =
  "Trang này do công cụ KSTTHC ghi lại để lần chạy sau chỉ thay phần do công cụ viết ra. Xin đừng sửa hoặc xóa.";

/** The tool's own hidden sheet: named KSTTHC, with the tool's notice in its first row. */
function isMetaGrid(grid: SheetGrid): boolean {
  return grid.name === META_SHEET && cleanText(cellText(grid.values[0]?.[1] ?? null)) === NOTICE;
}

export function findMetaGrid(grids: SheetGrid[]): SheetGrid | undefined {
  return grids.find(isMetaGrid);
}

/**
 * A sheet of the user's named like the tool's hidden sheet (Excel compares sheet names without case):
 * the tool would replace it, so it refuses instead.
 */
export function metaSheetTakenBy(grids: SheetGrid[]): string | undefined {
  return grids.find((g) => foldKey(g.name) === foldKey(META_SHEET) && !isMetaGrid(g))?.name;
}

export function readOwnership(grid: SheetGrid | undefined): Ownership | undefined {
  if (!grid) return undefined;
  const found: Partial<Record<(typeof KEYS)[number]["key"], string>> = {};
  for (const line of grid.values) {
    const label = foldKey(cellText(line?.[0] ?? null));
    const spec = KEYS.find((k) => foldKey(k.label) === label);
    if (spec) found[spec.key] = cleanText(cellText(line[1] ?? null));
  }
  if (!found.dataSheet) return undefined;
  const more = readMore(grid);
  const sources = readKeptSources(grid);
  const prefer = readPrefer(grid);
  return {
    ...(more.length > 0 ? { more } : {}),
    ...(sources.length > 0 ? { sources } : {}),
    ...(prefer ? { prefer } : {}),
    dataSheet: found.dataSheet,
    outputRange: found.outputRange ? parseRangeAddress(found.outputRange) : undefined,
    headerRows: found.headerRows ? parseHeaderRows(found.headerRows) : undefined,
    highlightRange: found.highlightRange ? parseRangeAddress(found.highlightRange) : undefined,
    highlightFormula: found.highlightFormula || undefined,
    summarySheet: found.summarySheet || undefined,
    compareSheet: found.compareSheet || undefined,
    mapping: found.mapping || undefined,
  };
}

/** One row per further sheet: its name, output range, highlight range and formula. */
function readMore(grid: SheetGrid): DataSheetOwnership[] {
  const more: DataSheetOwnership[] = [];
  for (const line of grid.values) {
    if (foldKey(cellText(line?.[0] ?? null)) !== foldKey(MORE_LABEL)) continue;
    const [sheet, output, highlight, formula, header] = [1, 2, 3, 4, 5].map((i) =>
      cleanText(cellText(line[i] ?? null)),
    );
    if (!sheet) continue;
    more.push({
      dataSheet: sheet,
      outputRange: output ? parseRangeAddress(output) : undefined,
      headerRows: header ? parseHeaderRows(header) : undefined,
      highlightRange: highlight ? parseRangeAddress(highlight) : undefined,
      highlightFormula: formula || undefined,
    });
  }
  return more;
}

/** JSON kept in a cell, or undefined when a hand has broken it (the record is then ignored). */
function parsed<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** "Tệp nguồn" rows in order, then "Số liệu tệp nguồn" rows naming their file by its 1-based number. */
function readKeptSources(grid: SheetGrid): KeptSource[] {
  const kept: KeptSource[] = [];
  for (const line of grid.values) {
    const label = foldKey(cellText(line?.[0] ?? null));
    const text = cellText(line?.[label === foldKey(RECORD_LABEL) ? 2 : 1] ?? null);
    if (label === foldKey(SOURCE_LABEL)) {
      const provenance = parsed<SourceProvenance>(text);
      if (provenance?.file) kept.push({ provenance, records: [] });
    } else if (label === foldKey(RECORD_LABEL)) {
      const record = parsed<SourceRecord>(text);
      const source = kept[Number(cellText(line[1] ?? null)) - 1];
      if (record && source) source.records.push(record);
    }
  }
  return kept;
}

function readPrefer(grid: SheetGrid): Preference | undefined {
  const line = grid.values.find((l) => foldKey(cellText(l?.[0] ?? null)) === foldKey(PREFER_LABEL));
  const value = cellText(line?.[1] ?? null);
  return value === "source" || value === "table" ? value : undefined;
}

export function ownershipRows(ownership: Ownership): string[][] {
  const rows: string[][] = [["KSTTHC", NOTICE]];
  for (const { key, label } of KEYS) {
    const value = ownership[key];
    if (value === undefined) continue;
    const text =
      typeof value === "string" ? value : "left" in value ? rangeAddress(value) : headerRowsText(value);
    rows.push([label, text]);
  }
  for (const m of ownership.more ?? []) {
    rows.push([
      MORE_LABEL,
      m.dataSheet,
      m.outputRange ? rangeAddress(m.outputRange) : "",
      m.highlightRange ? rangeAddress(m.highlightRange) : "",
      m.highlightFormula ?? "",
      ...(m.headerRows ? [headerRowsText(m.headerRows)] : []),
    ]);
  }
  (ownership.sources ?? []).forEach((kept, i) => {
    rows.push([SOURCE_LABEL, JSON.stringify(kept.provenance)]);
    for (const record of kept.records) rows.push([RECORD_LABEL, String(i + 1), JSON.stringify(record)]);
  });
  if (ownership.prefer) rows.push([PREFER_LABEL, ownership.prefer]);
  return rows;
}

/**
 * The sheets of the tool's own that never hold the unit table: "Tiêu chí", the mapping of renamed and
 * merged units, the hidden record, and the summary and comparison sheets an earlier run wrote (only
 * those: a user's sheet of the same name is theirs).
 */
export function ownedSheetNames(ownership: Ownership | undefined): string[] {
  return [
    CRITERIA_SHEET,
    UNIT_MAP_SHEET,
    META_SHEET,
    ...(ownership?.summarySheet ? [ownership.summarySheet] : []),
    ...(ownership?.compareSheet ? [ownership.compareSheet] : []),
  ];
}

/** The first free sheet name among "Tổng hợp", "Tổng hợp (2)"…, unless the tool owns one already. */
export function freeSheetName(grids: SheetGrid[], base: string, owned: string | undefined): string {
  const taken = (name: string) => grids.some((g) => foldKey(g.name) === foldKey(name));
  if (owned && taken(owned)) return owned;
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base} (${i})`;
    if (!taken(name)) return name;
  }
}

/** What the tool wrote on `sheet`, whether the main data sheet or a further one. */
export function ownershipOf(ownership: Ownership | undefined, sheet: string): DataSheetOwnership | undefined {
  if (!ownership) return undefined;
  if (ownership.dataSheet === sheet) return ownership;
  return ownership.more?.find((m) => m.dataSheet === sheet);
}

/** The output columns of the earlier run on `sheet`, to leave out of table detection. */
export function ownedColumns(ownership: Ownership | undefined): Record<string, number[]> {
  if (!ownership) return {};
  const owned: Record<string, number[]> = {};
  for (const sheet of [ownership, ...(ownership.more ?? [])]) {
    const range = sheet.outputRange;
    if (!range) continue;
    const cols: number[] = [];
    for (let col = range.left; col <= range.right; col++) cols.push(col);
    owned[sheet.dataSheet] = cols;
  }
  return owned;
}
