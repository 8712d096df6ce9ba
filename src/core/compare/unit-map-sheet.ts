/**
 * The sheet "Đổi tên, sáp nhập": the staff's own list of units renamed or merged since last year
 * (old name or code → new name or code), kept in the workbook. The tool writes it once, when a
 * comparison runs and the workbook has none, listing last year's units it could not find; from then on
 * the sheet is the user's, read back on every comparison and never rewritten.
 */
import { cellText, type CellValue, type SheetGrid } from "../grid";
import { cellProblem, type Problem } from "../problems";
import { emptySheetPlan, type Scalar, type SheetPlan } from "../plan/types";
import { cleanText, foldKey } from "../text";
import type { PreviousUnit, UnitMapEntry } from "./types";

export const UNIT_MAP_SHEET = "Đổi tên, sáp nhập";

const HEADERS = ["Đơn vị năm trước", "Mã năm trước", "Đơn vị năm nay", "Mã năm nay", "Ghi chú"] as const;
const TITLE = "ĐƠN VỊ ĐỔI TÊN, SÁP NHẬP SO VỚI NĂM TRƯỚC";
const HELP =
  "Mỗi dòng ghép một đơn vị năm trước (tên hoặc mã) với đơn vị năm nay. Nhiều dòng cùng một đơn vị năm nay là sáp nhập: điểm của từng đơn vị cũ được ghi riêng, không cộng gộp. Để trống “Đơn vị năm nay” khi đơn vị đã giải thể. Sửa xong, chạy lại “Tính điểm” với tệp năm trước.";
const UNMATCHED_NOTE = "Không có trong bảng năm nay: điền đơn vị kế thừa (nếu có).";
/** The header is looked for in the first rows only: the sheet is short and the tool wrote it there. */
const HEADER_SEARCH_ROWS = 10;

interface MapRead {
  entries: UnitMapEntry[];
  problems: Problem[];
}

/** The columns of HEADERS on a row, when it holds at least the two names. */
function headerColumns(line: readonly CellValue[]): Map<string, number> | undefined {
  const cols = new Map<string, number>();
  line.forEach((value, col) => {
    const header = HEADERS.find((h) => foldKey(h) === foldKey(cellText(value ?? null)));
    if (header && !cols.has(header)) cols.set(header, col);
  });
  return cols.has(HEADERS[0]) && cols.has(HEADERS[2]) ? cols : undefined;
}

export function readUnitMap(grid: SheetGrid): MapRead {
  const problems: Problem[] = [];
  let top = -1;
  let cols: Map<string, number> | undefined;
  for (let row = 0; row < Math.min(grid.values.length, HEADER_SEARCH_ROWS) && !cols; row++) {
    cols = headerColumns(grid.values[row] ?? []);
    top = row;
  }
  if (!cols) {
    problems.push({
      sheet: grid.name,
      level: "warning",
      message: `Trang “${grid.name}”: không có dòng tiêu đề “${HEADERS[0]}” | “${HEADERS[2]}” trong ${HEADER_SEARCH_ROWS} dòng đầu, nên không dùng được để ghép đơn vị đổi tên, sáp nhập.`,
    });
    return { entries: [], problems };
  }
  const at = (row: number, header: (typeof HEADERS)[number]) => {
    const col = cols.get(header);
    return col === undefined ? "" : cleanText(cellText(grid.values[row]?.[col] ?? null));
  };
  const entries: UnitMapEntry[] = [];
  for (let row = top + 1; row < grid.values.length; row++) {
    const [oldName, oldCode, newName, newCode] = HEADERS.slice(0, 4).map((h) => at(row, h));
    if (!oldName && !oldCode) {
      if (newName || newCode) {
        problems.push(
          cellProblem(
            grid.name,
            row,
            cols.get(HEADERS[0]),
            "warning",
            `có đơn vị năm nay “${newName || newCode}” nhưng thiếu đơn vị năm trước; dòng này không được dùng.`,
          ),
        );
      }
      continue;
    }
    entries.push({
      row,
      oldName,
      oldCode: oldCode || undefined,
      newName,
      newCode: newCode || undefined,
      oldCol: cols.get(HEADERS[0]) as number,
      newCol: cols.get(HEADERS[2]) as number,
    });
  }
  return { entries, problems };
}

/** The sheet as the tool first writes it: the help, the header and last year's units it did not find. */
export function planUnitMapSheet(unmatched: PreviousUnit[]): SheetPlan {
  const plan = emptySheetPlan(UNIT_MAP_SHEET, "create");
  plan.blocks.push({ top: 0, left: 0, values: [[TITLE]], style: "sheetTitle" });
  plan.blocks.push({ top: 1, left: 0, values: [[HELP]], style: "plainText" });
  plan.merges.push({ top: 1, left: 0, bottom: 1, right: HEADERS.length - 1 });
  plan.rowHeights.push({ row: 1, height: 48 });
  plan.blocks.push({ top: 3, left: 0, values: [[...HEADERS]], style: "plainHeader" });
  const rows: Scalar[][] = unmatched.map((u) => [u.name, u.code ?? null, null, null, UNMATCHED_NOTE]);
  if (rows.length > 0) plan.blocks.push({ top: 4, left: 0, values: rows, style: "plainText" });
  plan.columnWidths = [40, 14, 40, 14, 50].map((width, col) => ({ col, width }));
  return plan;
}
