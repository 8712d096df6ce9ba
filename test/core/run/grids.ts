/** Small grids for the tests of the run's steps: a tracking table typed as staff type it. */
import type { CellValue, SheetGrid } from "../../../src/core/grid";

export const grid = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });

export const HEADER = [
  "STT",
  "Tên đơn vị",
  "Khối",
  "Điểm 766 năm 2025",
  "Tỷ lệ tiếp nhận tại BPMC cấp tỉnh (%)",
];

/** Three units: one above 80, one at 80 (strictly above is needed), one vertical-sector unit at 100 %. */
export function tracking(rows: CellValue[][] = []): SheetGrid {
  return grid("Theo dõi 2025", [
    ["BẢNG THEO DÕI THI ĐUA NĂM 2025"],
    HEADER,
    [1, "Sở Tư pháp", "Sở, ban, ngành", 86.25, null],
    [2, "UBND xã Đông Thái", "", 80, null],
    [3, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null, 100],
    ...rows,
  ]);
}
