/** Reads the rows of the unit table into units; every row that is not a unit is accounted for. */
import { cellAt, cellText, formatAt, type CellValue, type SheetGrid } from "../grid";
import { cellProblem, UnusableInputError, type Problem } from "../problems";
import { LEGACY_ADVICE, looksLegacyEncoded } from "../legacy-encoding";
import { cleanText, foldKey } from "../text";
import type { Level } from "./columns";
import { detectTable, findColumnByHeader, type ColumnMapping, type TableLayout } from "./table";
import { isFractionColumn, readNumberCell, type NumberKind } from "./values";

export interface LevelValue {
  level: Level;
  value: number | null;
}

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
}

export type SkippedReason = "section" | "total" | "numbering" | "note" | "empty-name";

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
  problems: Problem[];
}

export interface ReadOptions {
  /** Read this sheet only. */
  sheet?: string;
  mapping?: ColumnMapping;
  /** Column headers that criteria read besides the 766 score and the one-stop rate. */
  customInputs?: string[];
  /** The tool's own output columns from an earlier run, per sheet. */
  ownedColumns?: Record<string, number[]>;
  /** Sheets the tool wrote itself (criteria, summary): never a unit table. */
  ownSheets?: string[];
}

const ROMAN = /^[ivxlcdm]+\.?$/i;
const SECTION_PREFIX = /^(?:[IVXLCDM]+|[A-Z])[.)]\s+/;
const TOTAL = /^(tong cong|tong so|tong)\b|^cong( (khoi|nhom|[ivx]+|\d+))?$/;
/** Units that a total pattern would catch ("Tổng công ty…", "Tổng cục…"). */
const NOT_TOTAL = /^tong (cong ty|cuc)\b/;

function isTotal(key: string): boolean {
  return TOTAL.test(key) && !NOT_TOTAL.test(key);
}

function pickTable(grids: SheetGrid[], options: ReadOptions): { grid: SheetGrid; layout: TableLayout } {
  const owned = (sheet: string) => new Set(options.ownedColumns?.[sheet] ?? []);
  if (options.sheet !== undefined) {
    const wanted = cleanText(options.sheet);
    const grid =
      grids.find((g) => g.name === wanted) ?? grids.find((g) => foldKey(g.name) === foldKey(wanted));
    if (!grid) {
      const names = grids.map((g) => `“${g.name}”`).join(", ");
      throw new UnusableInputError(`Không có trang “${wanted}” trong tệp. Các trang hiện có: ${names}.`);
    }
    const layout = detectTable(grid, options.mapping, owned(grid.name));
    if (!layout) {
      throw new UnusableInputError(
        `Trang “${grid.name}” không có bảng đơn vị: không tìm thấy dòng tiêu đề có cột tên đơn vị cùng cột điểm Bộ chỉ số 766 hoặc tỷ lệ tiếp nhận tại Bộ phận Một cửa.`,
      );
    }
    return { grid, layout };
  }
  const own = new Set((options.ownSheets ?? []).map(foldKey));
  const found = grids
    .filter((g) => !own.has(foldKey(g.name)))
    .map((grid) => ({ grid, layout: detectTable(grid, options.mapping, owned(grid.name)) }))
    .filter((f): f is { grid: SheetGrid; layout: NonNullable<typeof f.layout> } => f.layout !== undefined);
  if (found.length === 0) {
    if (grids.length === 0) throw new UnusableInputError("Tệp không có trang tính nào.");
    const legacy = grids.some((g) =>
      g.values.slice(0, 40).some((line) => line.some((v) => looksLegacyEncoded(cellText(v)))),
    );
    throw new UnusableInputError(
      "Không tìm thấy bảng đơn vị trong tệp: cần một dòng tiêu đề có cột tên đơn vị (“Tên đơn vị”, “Tên cơ quan, đơn vị”…) và cột điểm Bộ chỉ số 766 hoặc tỷ lệ tiếp nhận tại Bộ phận Một cửa." +
        (legacy ? ` Chữ trong tệp ${LEGACY_ADVICE}` : ""),
    );
  }
  const best = Math.max(...found.map((f) => f.layout.score));
  const top = found.filter((f) => f.layout.score === best);
  if (top.length > 1) {
    const where = top.map((f) => `trang “${f.grid.name}” (dòng ${f.layout.headerTop + 1})`).join(" và ");
    throw new UnusableInputError(
      `Có ${top.length} bảng giống bảng đơn vị: ${where}. Hãy chỉ rõ trang cần tính điểm.`,
    );
  }
  return top[0];
}

/** Reads the unit table of the workbook. Throws UnusableInputError when there is none. */
export function readUnitTable(grids: SheetGrid[], options: ReadOptions = {}): UnitTable {
  const { grid, layout } = pickTable(grids, options);
  const { columns } = layout;
  const sheet = grid.name;
  const problems: Problem[] = [];

  const customColumns: Record<string, number> = {};
  for (const input of options.customInputs ?? []) {
    const col = findColumnByHeader(layout, input);
    if (col === undefined) {
      throw new UnusableInputError(
        `Tiêu chí cần cột “${input}” nhưng bảng đơn vị ở trang “${sheet}” (dòng ${layout.headerTop + 1}) không có cột nào có tiêu đề này.`,
      );
    }
    customColumns[input] = col;
  }

  const firstDataRow = layout.headerBottom + 1;
  const lastGridRow = grid.values.length - 1;
  const dataColumns = [
    columns.score766,
    columns.group,
    ...columns.rates.map((r) => r.col),
    ...columns.counts.flatMap((c) => [c.total, c.received]),
    ...Object.values(customColumns),
  ].filter((c): c is number => c !== undefined);

  const fraction = new Map<number, boolean>();
  for (const { col } of columns.rates) {
    const values: CellValue[] = [];
    const formats: string[] = [];
    for (let row = firstDataRow; row <= lastGridRow; row++) {
      values.push(cellAt(grid, row, col));
      formats.push(formatAt(grid, row, col));
    }
    if (isFractionColumn(values, formats)) {
      fraction.set(col, true);
      problems.push(
        cellProblem(
          sheet,
          layout.headerTop,
          col,
          "info",
          "tỷ lệ được nhập dạng số thập phân (0,965 = 96,5%) nên được hiểu theo phần trăm.",
        ),
      );
    }
  }

  const read = (row: number, col: number | undefined, kind: NumberKind): number | null => {
    if (col === undefined) return null;
    const result = readNumberCell(cellAt(grid, row, col), formatAt(grid, row, col), kind, fraction.get(col));
    if (result.kind === "bad") {
      problems.push(cellProblem(sheet, row, col, "error", result.detail));
      return null;
    }
    return result.kind === "number" ? result.value : null;
  };
  const atName = (row: number, level: Problem["level"], detail: string) =>
    cellProblem(sheet, row, columns.name, level, detail);
  const text = (row: number, col: number | undefined) =>
    col === undefined ? "" : cleanText(cellText(cellAt(grid, row, col)));

  const units: Unit[] = [];
  const skipped: UnitTable["skipped"] = [];
  const seen = new Map<string, number>();
  let section = "";
  const hasStt = columns.stt !== undefined;

  for (let row = firstDataRow; row <= lastGridRow; row++) {
    const name = text(row, columns.name);
    const stt = text(row, columns.stt);
    const hasData = dataColumns.some((col) => !isBlank(cellAt(grid, row, col)));
    if (name === "" && stt === "" && !hasData) continue;

    if (isNumberingRow(grid.values[row] ?? [], name)) {
      skipped.push({ row, reason: "numbering" });
      continue;
    }
    const nameKey = foldKey(name);
    const numbered = /^\d+$/.test(stt);
    if (!numbered && (isTotal(nameKey) || (name === "" && isTotal(foldKey(stt))))) {
      skipped.push({ row, reason: "total" });
      continue;
    }
    const sectionTitle =
      name === "" && stt !== "" && !/^\d+$/.test(stt) && !ROMAN.test(stt)
        ? stt
        : SECTION_PREFIX.test(name) || ROMAN.test(stt) || (stt === "" && isUpperCaseTitle(name))
          ? name
          : "";
    if (!hasData && sectionTitle !== "" && !(columns.group !== undefined && text(row, columns.group))) {
      section = cleanText(sectionTitle.replace(SECTION_PREFIX, ""));
      skipped.push({ row, reason: "section" });
      continue;
    }
    if (name === "") {
      if (hasData) {
        problems.push(atName(row, "error", "dòng có số liệu nhưng thiếu tên đơn vị, không tính điểm."));
      } else {
        problems.push(atName(row, "info", "dòng có số thứ tự nhưng chưa có tên đơn vị, bỏ qua."));
      }
      skipped.push({ row, reason: "empty-name" });
      continue;
    }
    if (!hasData && hasStt && stt === "") {
      problems.push(
        atName(row, "info", `“${name}” không có số thứ tự và số liệu, được coi là ghi chú, bỏ qua.`),
      );
      skipped.push({ row, reason: "note" });
      continue;
    }

    if (looksLegacyEncoded(name)) problems.push(atName(row, "warning", `tên “${name}” ${LEGACY_ADVICE}`));
    const previous = seen.get(nameKey);
    if (previous !== undefined) {
      problems.push(
        atName(
          row,
          "warning",
          `đơn vị “${name}” trùng tên với dòng ${previous + 1}; cả hai dòng đều được tính điểm, cần kiểm tra lại.`,
        ),
      );
    } else seen.set(nameKey, row);

    const rates: LevelValue[] = columns.rates.map(({ level, col }) => ({
      level,
      value: read(row, col, "rate"),
    }));
    for (const count of columns.counts) {
      if (rates.some((r) => r.level === count.level)) continue;
      const total = read(row, count.total, "count");
      const received = read(row, count.received, "count");
      let value: number | null = null;
      if (total !== null && received !== null) {
        if (received > total) {
          problems.push(
            cellProblem(
              sheet,
              row,
              count.received,
              "error",
              `số thủ tục tiếp nhận tại Bộ phận Một cửa (${received}) lớn hơn tổng số thủ tục (${total}).`,
            ),
          );
        } else if (total > 0) value = Math.round((received / total) * 100 * 1e6) / 1e6;
      }
      rates.push({ level: count.level, value });
    }
    const custom: Record<string, number | null> = {};
    for (const [input, col] of Object.entries(customColumns)) custom[input] = read(row, col, "plain");

    units.push({
      row,
      stt,
      name,
      group: text(row, columns.group) || section,
      score766: read(row, columns.score766, "score"),
      rates,
      custom,
    });
  }

  return {
    layout,
    units,
    skipped,
    firstRow: units.length ? units[0].row : layout.headerBottom,
    lastRow: units.length ? units[units.length - 1].row : layout.headerBottom,
    customColumns,
    problems,
  };
}

/** The row of column numbers under a header: "(1) (2) (3)…" or "1 2 3…" with the name cell among them. */
function isNumberingRow(line: CellValue[], name: string): boolean {
  const numbering = /^\(?\d{1,2}\)?$/;
  if (!numbering.test(name)) return false;
  const filled = line.map((v) => cleanText(cellText(v))).filter((t) => t !== "");
  return filled.length >= 3 && filled.every((t) => numbering.test(t));
}

function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

function isUpperCaseTitle(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase("vi") && text.length > 3;
}
