/**
 * Two years of one province for the comparison (figures illustrative): a 2024 table before the 2025
 * mergers and a 2025 table after them, with the staff's sheet of renamed and merged units.
 */
import type { SheetSpec } from "./workbooks";

const HEADER = [
  "STT",
  "Mã đơn vị",
  "Tên đơn vị",
  "Khối",
  "Điểm 766",
  "Tỷ lệ tiếp nhận tại BPMC cấp tỉnh (%)",
];

export function tracking2024(): SheetSpec[] {
  return [
    {
      name: "Theo dõi 2024",
      rows: [
        ["BẢNG THEO DÕI THI ĐUA KSTTHC NĂM 2024"],
        [],
        HEADER,
        [1, "H01.12", "Sở Tư pháp", "Sở, ban, ngành", 79.12],
        [2, "H01.07", "Sở Kế hoạch và Đầu tư", "Sở, ban, ngành", 74.3],
        [3, "H01.06", "Sở Tài chính", "Sở, ban, ngành", 72.86],
        [4, "H01.20", "Sở Ngoại vụ", "Sở, ban, ngành", 84.37],
        [5, null, "UBND huyện An Phú", "UBND cấp huyện", 82.61],
        [6, null, "UBND huyện Phú Tân", "UBND cấp huyện", 81.02],
        [7, null, "UBND thị trấn Chợ Vàm", "UBND cấp huyện", 70],
        [8, null, "UBND xã Mỹ Hòa", "UBND cấp huyện", 75],
        [9, null, "UBND xã Mỹ Hoà", "UBND cấp huyện", 77],
        [10, null, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null, 100],
      ],
    },
  ];
}

/** The 2025 table; with `mapping`, the staff's sheet "Đổi tên, sáp nhập" beside it. */
export function tracking2025(mapping = true): SheetSpec[] {
  const sheets: SheetSpec[] = [
    {
      name: "Theo dõi 2025",
      rows: [
        ["BẢNG THEO DÕI THI ĐUA KSTTHC NĂM 2025"],
        [],
        HEADER,
        [1, "H01.12", "Sở Tư pháp", "Sở, ban, ngành", 86.25],
        [2, "H01.06", "Sở Tài chính", "Sở, ban, ngành", 77.1],
        [3, null, "Sở Ngoại vụ", "Sở, ban, ngành", 79.86],
        [4, null, "UBND xã An Phú", "UBND cấp xã", 74.66],
        [5, null, "UBND xã Mỹ Hòa", "UBND cấp xã", 81],
        [6, null, "UBND phường Bình Đức", "UBND cấp xã", 83],
        [7, null, "Bảo hiểm xã hội tỉnh An Giang", "Cơ quan ngành dọc", null, 100],
      ],
    },
  ];
  if (!mapping) return sheets;
  sheets.push({
    name: "Đổi tên, sáp nhập",
    rows: [
      ["ĐƠN VỊ ĐỔI TÊN, SÁP NHẬP SO VỚI NĂM TRƯỚC"],
      [],
      [],
      ["Đơn vị năm trước", "Mã năm trước", "Đơn vị năm nay", "Mã năm nay", "Ghi chú"],
      [null, "H01.07", "Sở Tài chính", null, "Sáp nhập"],
      ["UBND huyện An Phú", null, "UBND xã An Phú", null, null],
      ["Uỷ ban nhân dân huyện Phú Tân", null, "UBND xã An Phú", null, null],
      ["Bảo hiểm xã hội tỉnh", null, "Bảo hiểm xã hội tỉnh An Giang", null, "Đổi tên"],
      ["UBND huyện Thoại Sơn", null, "UBND xã Thoại Sơn", null, null],
      ["UBND thị trấn Chợ Vàm", null, "UBND xã Không Có", null, null],
    ],
  });
  return sheets;
}
