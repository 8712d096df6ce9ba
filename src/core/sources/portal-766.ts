/**
 * The 766 report as the national public-service portal exports it: one header row
 * `ID | TEN | TEN_COQUAN | MA_COQUAN | LOAI_COQUAN | … | TONG_SCORE | ROW_STT`, every value as text.
 * Sheets of provinces (LOAI_COQUAN 1) and trend sheets are not units of the province; the "Sở Ban" and
 * "Xã Phường" sheets together are its units.
 */
import { cellAt, cellText, type SheetGrid } from "../grid";
import { parseNumberText } from "../numbers";
import type { Problem } from "../problems";
import { cleanText, foldKey } from "../text";
import { periodAndDate } from "./period";
import { sourceProblem, type Period, type SourceRecord, type SourceSheet } from "./types";
import { displayName, provinceOf } from "./unit-match";

/** The six 766 groups with their maximum points (QĐ 766/QĐ-TTg). */
export const GROUPS_766: Record<string, { label: string; max: number }> = {
  CKMB: { label: "Công khai, minh bạch", max: 18 },
  TDGQ: { label: "Tiến độ giải quyết", max: 20 },
  CLGQ: { label: "Dịch vụ công trực tuyến", max: 12 },
  TTTT: { label: "Thanh toán trực tuyến", max: 10 },
  MDHL: { label: "Mức độ hài lòng", max: 18 },
  MDSH: { label: "Số hóa hồ sơ", max: 22 },
};

/** LOAI_COQUAN: 1 a province, 2 a sở/ban, 3 a xã/phường/đặc khu. */
const PORTAL_GROUPS: Record<string, string> = {
  "2": "Sở, ban, ngành",
  "3": "UBND cấp xã",
};

export interface PortalColumns {
  headerRow: number;
  ten?: number;
  tenCoQuan?: number;
  code?: number;
  kind?: number;
  total: number;
  rowStt?: number;
  groups: Record<string, number>;
  lastColumn: number;
}

const HEADER_SCAN_ROWS = 15;

/** The export's header row and columns, or undefined when the sheet is not in that shape. */
export function findPortalHeader(grid: SheetGrid): PortalColumns | undefined {
  const rows = Math.min(HEADER_SCAN_ROWS, grid.values.length);
  for (let row = 0; row < rows; row++) {
    const keys = (grid.values[row] ?? []).map((v) => foldKey(cellText(v)).replace(/\s+/g, "_"));
    const at = (key: string) => {
      const col = keys.indexOf(key);
      return col >= 0 ? col : undefined;
    };
    const total = at("tong_score");
    const ten = at("ten");
    const tenCoQuan = at("ten_coquan");
    if (total === undefined || (ten === undefined && tenCoQuan === undefined)) continue;
    const groups: Record<string, number> = {};
    for (const code of Object.keys(GROUPS_766)) {
      const col = at(code.toLowerCase());
      if (col !== undefined) groups[code] = col;
    }
    let lastColumn = 0;
    keys.forEach((k, col) => {
      if (k !== "") lastColumn = col;
    });
    return {
      headerRow: row,
      ten,
      tenCoQuan,
      code: at("ma_coquan"),
      kind: at("loai_coquan"),
      total,
      rowStt: at("row_stt"),
      groups,
      lastColumn,
    };
  }
  return undefined;
}

/** A trend sheet: month or quarter, year and score columns, no unit names. */
function isTrendSheet(grid: SheetGrid): boolean {
  for (const line of grid.values.slice(0, HEADER_SCAN_ROWS)) {
    const keys = (line ?? []).map((v) => foldKey(cellText(v)));
    const period = keys.some((k) => /^(thang|quy|month|quarter)\b/.test(k));
    const year = keys.some((k) => /^(nam|year)\b/.test(k));
    const score = keys.some((k) => /(diem|score)/.test(k));
    if (period && year && score) return true;
  }
  return false;
}

/** Whether a workbook is a portal export: some sheet has its header. */
export function isPortalExport(grids: SheetGrid[]): boolean {
  return grids.some((g) => findPortalHeader(g) !== undefined);
}

const MISSING = /^(null|none|nan|-+|—|n\/a|#n\/a)?$/i;

type PortalScore = { kind: "missing" } | { kind: "number"; value: number } | { kind: "bad"; text: string };

/** "93.75", "93,75", 93.75 → 93.75; "", "null", "-" → missing (never 0). */
function readPortalScore(value: ReturnType<typeof cellAt>, max = 100): PortalScore {
  if (typeof value === "number") {
    return value >= 0 && value <= max ? { kind: "number", value } : { kind: "bad", text: String(value) };
  }
  const text = cleanText(cellText(value));
  if (MISSING.test(text)) return { kind: "missing" };
  const parsed = parseNumberText(text);
  if (!parsed.ok || parsed.value < 0 || parsed.value > max) return { kind: "bad", text };
  return { kind: "number", value: Math.round(parsed.value * 1e9) / 1e9 };
}

interface PortalSheetRead {
  sheet: SourceSheet;
  records: SourceRecord[];
  /** Province rows (LOAI_COQUAN 1): codes such as "H01", with names. */
  provinces: { code: string; name: string }[];
  columns?: PortalColumns;
  period?: Period;
  asOf?: string;
  problems: Problem[];
}

/** Reads one sheet of a portal export. */
export function readPortalSheet(grid: SheetGrid, file: string): PortalSheetRead {
  const columns = findPortalHeader(grid);
  const problems: Problem[] = [];
  const base = { records: [], provinces: [], problems };
  if (!columns) {
    const note = isTrendSheet(grid)
      ? "trang diễn biến điểm theo thời gian, không phải bảng đơn vị: bỏ qua."
      : "không có bảng theo mẫu xuất của Cổng (cột TEN, TONG_SCORE): bỏ qua.";
    return { ...base, sheet: { sheet: grid.name, read: false, note } };
  }
  const { period, asOf } = periodAndDate(grid, columns.headerRow);
  const records: SourceRecord[] = [];
  const provinces: { code: string; name: string }[] = [];
  const text = (row: number, col: number | undefined) =>
    col === undefined ? "" : cleanText(cellText(cellAt(grid, row, col)));
  const score = (row: number, col: number, max: number, label: string): number | null => {
    const read = readPortalScore(cellAt(grid, row, col), max);
    if (read.kind === "number") return read.value;
    if (read.kind === "bad") {
      problems.push(
        sourceProblem(
          file,
          grid.name,
          row,
          col,
          "error",
          `không đọc được ${label} “${read.text}” thành số từ 0 đến ${max}.`,
        ),
      );
    }
    return null;
  };

  for (let row = columns.headerRow + 1; row < grid.values.length; row++) {
    const rawName = text(row, columns.tenCoQuan) || text(row, columns.ten);
    const kind = text(row, columns.kind);
    const code = text(row, columns.code) || undefined;
    if (rawName === "") continue;
    if (kind === "1") {
      provinces.push({ code: code ?? "", name: rawName });
      continue;
    }
    const groups766: Record<string, number | null> = {};
    for (const [group, col] of Object.entries(columns.groups)) {
      groups766[group] = score(row, col, GROUPS_766[group].max, `điểm nhóm ${group}`);
    }
    records.push({
      sheet: grid.name,
      row,
      name: displayName(rawName),
      rawName,
      code,
      group: PORTAL_GROUPS[kind],
      score766: score(row, columns.total, 100, "điểm TONG_SCORE"),
      groups766,
    });
  }
  const note =
    records.length > 0
      ? `${records.length} đơn vị (tiêu đề ở dòng ${columns.headerRow + 1}).`
      : provinces.length > 0
        ? "trang các tỉnh, thành phố (LOAI_COQUAN = 1), không phải đơn vị của tỉnh: bỏ qua."
        : "bảng không có đơn vị nào: bỏ qua.";
  return {
    sheet: { sheet: grid.name, read: records.length > 0, note },
    records,
    provinces,
    columns,
    period,
    asOf,
    problems,
  };
}

/** The province code of a unit code: "H01.12" → "H01"; a code without a dot is a province's own. */
export function provinceCodeOf(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const dot = code.indexOf(".");
  return dot > 0 ? code.slice(0, dot).toUpperCase() : undefined;
}

export { provinceOf };
