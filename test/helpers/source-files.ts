/**
 * Workbooks in the shapes staff receive (figures illustrative): the national portal's 766 export and
 * the one-stop report "Biểu số II.07b/VPCP/KSTT", and a 2025 tracking table to join them into.
 */
import type { SheetSpec } from "./workbooks";

export const PORTAL_HEADER = [
  "ID",
  "TEN",
  "TEN_COQUAN",
  "MA_COQUAN",
  "LOAI_COQUAN",
  "CAPDONVIID",
  "ID_COQUAN",
  "TDGQ",
  "MDHL",
  "MDSH",
  "TTTT",
  "CLGQ",
  "CKMB",
  "TONG_SCORE",
  "ROW_STT",
];

/** One export row: every value as text, decimals with "." as the portal writes them. */
export function portalRow(
  i: number,
  name: string,
  code: string,
  kind: 1 | 2 | 3,
  total: string | null,
  groups: (string | null)[] = ["18", "16", "20", "9", "11", "16"],
): (string | null)[] {
  return [
    String(1000 + i),
    name,
    name,
    code,
    String(kind),
    String(kind),
    String(2000 + i),
    ...groups,
    total,
    String(i),
  ];
}

export const SO_BAN_ROWS = [
  portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75"),
  portalRow(2, "Sở Nông nghiệp và Môi trường - tỉnh An Giang", "H01.05", 2, "79.5"),
  portalRow(3, "Thanh tra tỉnh An Giang", "H01.30", 2, "81.25"),
  portalRow(4, "Sở Ngoại vụ - tỉnh An Giang", "H01.20", 2, "null"),
];

export const XA_PHUONG_ROWS = [
  portalRow(5, "UBND xã Đông Thái - tỉnh An Giang", "H01.101", 3, "85.4"),
  portalRow(6, "UBND Xã Nhơn Hội - tỉnh An Giang", "H01.102", 3, "80"),
  portalRow(7, "UBND Đặc khu Phú Quốc - tỉnh An Giang", "H01.103", 3, "90.02"),
  portalRow(8, "UBND phường Long Xuyên - tỉnh An Giang", "H01.104", 3, "77,25"),
  // Same place name as the tracking table's "UBND huyện An Phú": another kind, never matched.
  portalRow(9, "UBND xã An Phú - tỉnh An Giang", "H01.105", 3, "95.5"),
];

/** A portal export as downloaded: provinces, the province's two sheets of units, a trend sheet. */
export function portalExport(
  options: { unitSheets?: [string, string]; extra?: SheetSpec[] } = {},
): SheetSpec[] {
  const [soBan, xaPhuong] = options.unitSheets ?? ["Sở Ban", "Xã Phường"];
  return [
    {
      name: "Tỉnh thành",
      rows: [
        PORTAL_HEADER,
        portalRow(1, "Tỉnh An Giang", "H01", 1, "88.1"),
        portalRow(2, "Tỉnh Đồng Tháp", "H02", 1, "86.3"),
      ],
    },
    { name: soBan, rows: [PORTAL_HEADER, ...SO_BAN_ROWS] },
    { name: xaPhuong, rows: [PORTAL_HEADER, ...XA_PHUONG_ROWS] },
    {
      name: "Xu hướng",
      rows: [
        ["Tháng", "Năm", "Điểm"],
        ["1", "2025", "80.1"],
        ["2", "2025", "82.4"],
      ],
    },
    ...(options.extra ?? []),
  ];
}

/** "Biểu số II.07b/VPCP/KSTT" with its two-row header and the "(1) (2) (3)…" row. */
export function ii07b(
  rows: (string | number | null)[][],
  title = "Kỳ báo cáo: năm 2025 (số liệu đến ngày 15/12/2025)",
): SheetSpec[] {
  return [
    {
      name: "Biểu II.07b",
      rows: [
        ["Biểu số II.07b/VPCP/KSTT"],
        ["TỔNG HỢP SỐ LƯỢNG THỦ TỤC HÀNH CHÍNH"],
        [title],
        [
          "STT",
          "Đơn vị",
          "Tổng số TTHC thuộc thẩm quyền giải quyết của địa phương",
          null,
          null,
          null,
          "TTHC được thực hiện theo CCMC, MCLT",
          null,
          null,
          null,
          "Quy trình nội bộ giải quyết TTHC được phê duyệt",
        ],
        [
          null,
          null,
          "Tổng số TTHC",
          "Cấp tỉnh",
          "Cấp huyện",
          "Cấp xã",
          "Tổng số TTHC",
          "Tại BPMC cấp tỉnh",
          "Tại BPMC cấp huyện",
          "Tại BPMC cấp xã",
          "Tổng số",
        ],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"],
        ...rows,
      ],
      merges: ["A4:A5", "B4:B5", "C4:F4", "G4:J4"],
    },
  ];
}

export const II07B_ROWS: (string | number | null)[][] = [
  [1, "Bảo hiểm xã hội tỉnh", 40, 30, 0, 10, 40, 30, 0, 10, 40],
  [2, "Thuế tỉnh An Giang", 52, 40, 0, 12, 50, 40, 0, 10, 52],
  [3, "Công an tỉnh", 120, 100, 0, 20, 120, 100, 0, 20, 120],
];

/** The office's own tracking table for 2025: some figures typed, some left for the sources. */
export function tracking2025(): SheetSpec[] {
  return [
    {
      name: "Theo dõi 2025",
      rows: [
        ["BẢNG THEO DÕI THI ĐUA KSTTHC NĂM 2025"],
        [],
        [
          "STT",
          "Tên đơn vị",
          "Khối",
          "Điểm 766",
          "Tỷ lệ tiếp nhận tại BPMC cấp tỉnh (%)",
          "Tỷ lệ tiếp nhận tại BPMC cấp xã (%)",
        ],
        ["I", "SỞ, BAN, NGÀNH"],
        [1, "Sở Tư pháp", "Sở, ban, ngành", null],
        [2, "Sở Nông nghiệp và Môi trường", "Sở, ban, ngành", 80.5],
        [3, "Thanh tra tỉnh", "Sở, ban, ngành", null],
        [4, "Sở Ngoại vụ", "Sở, ban, ngành", 82],
        ["II", "UBND CẤP XÃ"],
        [5, "Ủy ban nhân dân xã Đông Thái", "UBND cấp xã", null],
        [6, "UBND xã Nhơn Hội", "UBND cấp xã", null],
        [7, "UBND đặc khu Phú Quốc", "UBND cấp xã", null],
        [8, "UBND huyện An Phú", "UBND cấp xã", null],
        ["III", "CƠ QUAN NGÀNH DỌC"],
        [9, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null, null, null],
        [10, "Thuế tỉnh An Giang", "Cơ quan ngành dọc", null, 100, 100],
        [11, "Kho bạc Nhà nước khu vực XX", "Cơ quan ngành dọc", null, 100, 100],
      ],
    },
  ];
}

/** The 2025 example's tracking table (two-row header: "Tỷ lệ … (%)" over "Cấp tỉnh" and "Cấp xã"). */
export const EXAMPLE_2025 = `${__dirname}/../../examples/theo-doi-thi-dua-kstthc-2025.xlsx`;

/**
 * A II.07b for the 2025 example's vertical-sector units, commune level included: Thuế tỉnh receives
 * 37 of 38 commune procedures (97,37 %), Thống kê 20 of 21 (95,24 %), so neither earns IV.9 when the
 * commune level is read, and both would if only the province level were.
 */
export function verticalRates2025(): SheetSpec[] {
  return ii07b([
    [1, "Bảo hiểm xã hội tỉnh An Giang", 40, 30, 0, 10, 40, 30, 0, 10, 40],
    [2, "Thuế tỉnh An Giang", 50, 12, 0, 38, 49, 12, 0, 37, 50],
    [3, "Thống kê tỉnh An Giang", 25, 4, 0, 21, 24, 4, 0, 20, 25],
  ]);
}
