/**
 * What the tool wrote in an earlier run, kept in a hidden sheet so that a new run replaces exactly
 * that and nothing else.
 */
import { CRITERIA_SHEET } from "./criteria-sheet/schema";
import { cellText, parseRangeAddress, rangeAddress, type CellRange, type SheetGrid } from "./grid";
import { cleanText, foldKey } from "./text";

export const META_SHEET = "KSTTHC";

export interface Ownership {
  dataSheet: string;
  /** Output columns beside the unit table, header rows included. */
  outputRange?: CellRange;
  highlightRange?: CellRange;
  highlightFormula?: string;
  summarySheet?: string;
  /** The column mapping chosen by the user, as formatMapping writes it. */
  mapping?: string;
}

const KEYS: { key: keyof Ownership; label: string }[] = [
  { key: "dataSheet", label: "Trang dữ liệu" },
  { key: "outputRange", label: "Vùng kết quả" },
  { key: "highlightRange", label: "Vùng tô nổi bật" },
  { key: "highlightFormula", label: "Công thức tô nổi bật" },
  { key: "summarySheet", label: "Trang tổng hợp" },
  { key: "mapping", label: "Chỉ định cột" },
];

const NOTICE =
  "Trang này do công cụ KSTTHC ghi lại để lần chạy sau chỉ thay phần do công cụ viết ra. Xin đừng sửa hoặc xóa.";

export function findMetaGrid(grids: SheetGrid[]): SheetGrid | undefined {
  return grids.find((g) => g.name === META_SHEET);
}

export function readOwnership(grid: SheetGrid | undefined): Ownership | undefined {
  if (!grid) return undefined;
  const found: Partial<Record<keyof Ownership, string>> = {};
  for (const line of grid.values) {
    const label = foldKey(cellText(line?.[0] ?? null));
    const spec = KEYS.find((k) => foldKey(k.label) === label);
    if (spec) found[spec.key] = cleanText(cellText(line[1] ?? null));
  }
  if (!found.dataSheet) return undefined;
  return {
    dataSheet: found.dataSheet,
    outputRange: found.outputRange ? parseRangeAddress(found.outputRange) : undefined,
    highlightRange: found.highlightRange ? parseRangeAddress(found.highlightRange) : undefined,
    highlightFormula: found.highlightFormula || undefined,
    summarySheet: found.summarySheet || undefined,
    mapping: found.mapping || undefined,
  };
}

export function ownershipRows(ownership: Ownership): string[][] {
  const rows: string[][] = [["KSTTHC", NOTICE]];
  for (const { key, label } of KEYS) {
    const value = ownership[key];
    if (value === undefined) continue;
    rows.push([label, typeof value === "string" ? value : rangeAddress(value)]);
  }
  return rows;
}

/**
 * The sheets of the tool's own that never hold the unit table: "Tiêu chí", the hidden record and the
 * summary sheet an earlier run wrote (only that one: a user's sheet of the same name is theirs).
 */
export function ownedSheetNames(ownership: Ownership | undefined): string[] {
  return [CRITERIA_SHEET, META_SHEET, ...(ownership?.summarySheet ? [ownership.summarySheet] : [])];
}

/** The output columns of the earlier run on `sheet`, to leave out of table detection. */
export function ownedColumns(ownership: Ownership | undefined): Record<string, number[]> {
  const range = ownership?.outputRange;
  if (!ownership || !range) return {};
  const cols: number[] = [];
  for (let col = range.left; col <= range.right; col++) cols.push(col);
  return { [ownership.dataSheet]: cols };
}
