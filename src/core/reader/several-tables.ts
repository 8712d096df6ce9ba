/**
 * Several unit tables, one rule: when more than one table could be scored (on one sheet, 2022 above 2023,
 * or on yearly sheets "2023", "2024", "2025"), the tool never picks one; it names each and says how to choose.
 */
import { cellText, type SheetGrid } from "../grid";
import { UnusableInputError } from "../problems";
import { foldKey } from "../text";

/** One table that could be scored: its sheet, header row and last row (0-based), and the year it names. */
export interface TableSpot {
  sheet: string;
  headerTop: number;
  lastRow: number;
  year?: number;
}

/** Rows above a header where its title ("NĂM 2023") stands. */
const TITLE_ROWS = 3;

/** The year a table names: in its title rows or its header ("Điểm 766 năm 2023"), else in its sheet's name. */
export function tableYear(
  grid: SheetGrid,
  from: number,
  headerTop: number,
  headerBottom: number,
): number | undefined {
  for (let row = Math.max(from, headerTop - TITLE_ROWS); row <= headerBottom; row++) {
    for (const value of grid.values[row] ?? []) {
      const match = /\b(20\d\d)\b/.exec(foldKey(cellText(value ?? null)));
      if (match) return Number(match[1]);
    }
  }
  const named = /(?:^|\D)(20\d\d)(?:\D|$)/.exec(grid.name);
  return named ? Number(named[1]) : undefined;
}

/** The last row with a value at or after `from`, before `before`. */
export function lastFilledRow(grid: SheetGrid, from: number, before = grid.values.length): number {
  for (let row = before - 1; row > from; row--) {
    if ((grid.values[row] ?? []).some((v) => cellText(v ?? null).trim() !== "")) return row;
  }
  return from;
}

const describe = (t: TableSpot) =>
  `trang “${t.sheet}” (dòng ${t.headerTop + 1}–${t.lastRow + 1}, ${t.year === undefined ? "không rõ năm" : `năm ${t.year}`})`;

export function severalTablesError(tables: TableSpot[]): UnusableInputError {
  const sameSheet = tables.every((t) => t.sheet === tables[0].sheet);
  const last = tables[tables.length - 1];
  const example = sameSheet
    ? `--sheet "${last.sheet}" --header-row ${last.headerTop + 1}`
    : `--sheet "${last.sheet}"${tables.filter((t) => t.sheet === last.sheet).length > 1 ? ` --header-row ${last.headerTop + 1}` : ""}`;
  return new UnusableInputError(
    `Có ${tables.length} bảng đơn vị có thể tính điểm: ${tables.map(describe).join("; ")}. Công cụ không tự chọn một bảng: hãy chỉ rõ bảng cần tính (dòng lệnh: --sheet TÊN_TRANG, thêm --header-row SỐ_DÒNG khi một trang có nhiều bảng, ví dụ ${example}; ngăn tác vụ: chọn trang ở mục “Bảng đơn vị” hoặc bấm “Dùng trang đang chọn”, và khi một trang có nhiều bảng, để bảng cần tính ở một trang riêng). Chưa có gì được ghi.`,
  );
}
