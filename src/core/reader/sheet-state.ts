/**
 * Sheets the user does not see: a unit table on one is scored all the same, and said so with the way to
 * reach it. A very hidden sheet (state "veryHidden") is not listed by Excel's Unhide at all: only the
 * VBA editor shows it, which is worth a sentence of its own.
 */
import type { SheetGrid } from "../grid";
import { sheetProblem, type Problem } from "../problems";

/** "“Số liệu” (ẩn sâu)": a sheet's name in a list, with its state when the user cannot see it. */
export function sheetLabel(grid: SheetGrid): string {
  if (grid.state === "veryHidden") return `“${grid.name}” (ẩn sâu)`;
  if (grid.state === "hidden") return `“${grid.name}” (đang ẩn)`;
  return `“${grid.name}”`;
}

/** A warning when the unit table stands on a hidden or very hidden sheet. */
export function hiddenTableNotes(grid: SheetGrid): Problem[] {
  if (grid.state === "veryHidden") {
    return [
      sheetProblem(
        grid.name,
        "warning",
        `bảng đơn vị nằm ở trang đang ẩn sâu (very hidden), nên lệnh Bỏ ẩn (Unhide) của Excel không liệt kê trang này. Muốn xem trang: mở trình soạn VBA (Alt+F11), chọn trang trong Project Explorer rồi đặt Visible thành “-1 - xlSheetVisible” ở cửa sổ Properties. Nếu bảng cần tính ở trang khác, hãy chỉ rõ trang (dòng lệnh: --sheet "TÊN TRANG"; ngăn tác vụ: chọn trang).`,
      ),
    ];
  }
  if (grid.state === "hidden") {
    return [
      sheetProblem(
        grid.name,
        "warning",
        `bảng đơn vị nằm ở trang đang ẩn. Muốn xem trang: bấm chuột phải vào tên một trang › Bỏ ẩn (Unhide). Nếu bảng cần tính ở trang khác, hãy chỉ rõ trang (dòng lệnh: --sheet "TÊN TRANG"; ngăn tác vụ: chọn trang).`,
      ),
    ];
  }
  return [];
}
