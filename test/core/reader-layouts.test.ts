/** Each layout of section 2 of the scoring-engine issue, on real .xlsx files written by the test. */
import { UnusableInputError } from "../../src/core/problems";
import { readUnitTable } from "../../src/core/reader/units";
import { gridsOf, type SheetSpec } from "../helpers/workbooks";

const names = (sheets: SheetSpec[], options = {}) =>
  gridsOf(sheets).then((grids) => readUnitTable(grids, options));

describe("finding the unit table", () => {
  it("finds the header under title rows, whatever the case, accents and spacing", async () => {
    const table = await names([
      {
        name: "Bảng 1",
        rows: [
          ["UBND TỈNH AN GIANG"],
          ["BẢNG THEO DÕI NĂM 2023"],
          [],
          ["  stt ", "TEN  CO QUAN,DON VI", "KHỐI", "điểm bộ chỉ số 766".normalize("NFD")],
          [1, "Sở Ngoại vụ", "Sở, ban, ngành", 84.37],
          [2, "Sở Y tế", "Sở, ban, ngành", 68.75],
        ],
      },
    ]);
    expect(table.layout.headerTop).toBe(3);
    expect(table.layout.columns).toMatchObject({ stt: 0, name: 1, group: 2, score766: 3 });
    expect(table.units.map((u) => [u.name, u.score766])).toEqual([
      ["Sở Ngoại vụ", 84.37],
      ["Sở Y tế", 68.75],
    ]);
  });

  it("reads a two-row header whose group cell is merged over the levels", async () => {
    const table = await names([
      {
        name: "Ngành dọc",
        rows: [
          ["STT", "Đơn vị", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa", null],
          [null, null, "Cấp huyện", "Cấp tỉnh"],
          [1, "Bảo hiểm xã hội tỉnh", 100, 100],
          [2, "Cục Thuế tỉnh", 96.5, 100],
        ],
        merges: ["A1:A2", "B1:B2", "C1:D1"],
      },
    ]);
    expect(table.layout.headerBottom).toBe(1);
    expect(table.layout.columns.rates).toEqual([
      { level: "huyen", col: 2 },
      { level: "tinh", col: 3 },
    ]);
    expect(table.units[1].rates).toEqual([
      { level: "huyen", value: 96.5 },
      { level: "tinh", value: 100 },
    ]);
  });

  it("reads a two-row header typed without merging (group text in its first column only)", async () => {
    const table = await names([
      {
        name: "S",
        rows: [
          ["Tên đơn vị", "Tỷ lệ tiếp nhận tại BPMC (%)", null],
          [null, "cấp tỉnh", "cấp huyện"],
          ["Công an tỉnh", "97,2", "100"],
        ],
      },
    ]);
    expect(table.layout.columns.rates.map((r) => r.level)).toEqual(["tinh", "huyen"]);
    expect(table.units[0].rates.map((r) => r.value)).toEqual([97.2, 100]);
  });

  it("takes columns in any order, with extra columns, blank rows, sections and totals", async () => {
    const table = await names([
      {
        name: "Dữ liệu",
        rows: [
          ["Ghi chú", "Điểm 766", "Mã đơn vị", "Tên đơn vị", "Nhóm"],
          [null, null, null, "I. SỞ, BAN, NGÀNH", null],
          ["x", 84.37, "000.00.01.H01", "Sở Ngoại vụ", null],
          [],
          [null, 79.95, "000.00.02.H01", "Sở Thông tin và Truyền thông", null],
          [null, null, null, "II. UBND CẤP HUYỆN", null],
          [null, "82,61", "000.00.20.H01", "UBND huyện An Phú", null],
          [null, { formula: "AVERAGE(B3:B7)", result: 82.31 }, null, "Tổng cộng", null],
          [null, 80, null, "Cộng", null],
        ],
      },
    ]);
    expect(table.units.map((u) => [u.name, u.group, u.score766])).toEqual([
      ["Sở Ngoại vụ", "SỞ, BAN, NGÀNH", 84.37],
      ["Sở Thông tin và Truyền thông", "SỞ, BAN, NGÀNH", 79.95],
      ["UBND huyện An Phú", "UBND CẤP HUYỆN", 82.61],
    ]);
    expect(table.skipped.map((s) => s.reason)).toEqual(["section", "section", "total", "total"]);
    expect(table.layout.columns.others.map((o) => o.header)).toEqual(["Ghi chú", "Mã đơn vị"]);
    expect(table.problems).toEqual([]);
  });

  it("uses the value of formula cells", async () => {
    const table = await names([
      {
        name: "S",
        rows: [
          ["Tên đơn vị", "Điểm đánh giá"],
          ["Sở Ngoại vụ", { formula: "ROUND(84.366,2)", result: 84.37 }],
        ],
      },
    ]);
    expect(table.units[0].score766).toBe(84.37);
  });

  it("recognises the national portal's TONG_SCORE column and a section in the number column", async () => {
    const table = await names([
      {
        name: "766",
        rows: [
          ["Stt", "Mã đơn vị", "Tên đơn vị", "CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH", "TONG_SCORE"],
          ["A. Sở, ban, ngành"],
          [1, "H01.01", "Sở Ngoại vụ", 17, 18, 10, 8, 16, 15.37, 84.37],
        ],
      },
    ]);
    expect(table.layout.columns.score766).toBe(9);
    expect(table.units).toHaveLength(1);
    expect(table.units[0]).toMatchObject({ name: "Sở Ngoại vụ", group: "Sở, ban, ngành", score766: 84.37 });
  });

  it("computes the rate from a pair of counts", async () => {
    const table = await names([
      {
        name: "Đếm",
        rows: [
          ["Tên cơ quan", "Tổng số TTHC", "Số TTHC tiếp nhận tại Bộ phận Một cửa"],
          ["Bảo hiểm xã hội tỉnh", "1.234", "1.234"],
          ["Cục Hải quan", 200, 150],
        ],
      },
    ]);
    expect(table.units.map((u) => u.rates)).toEqual([
      [{ level: "chung", value: 100 }],
      [{ level: "chung", value: 75 }],
    ]);
  });

  it("lets an explicit mapping win over detection", async () => {
    const grids = await gridsOf([
      {
        name: "S",
        rows: [
          ["Đơn vị", "Điểm 766", "Điểm 766 (rà soát lại)"],
          ["Sở Ngoại vụ", 70, 84.37],
        ],
      },
    ]);
    // Two 766 columns and no year in either header: the reader does not guess.
    expect(() => readUnitTable(grids)).toThrow(/cột B “Điểm 766” và cột C “Điểm 766 \(rà soát lại\)”/);
    expect(readUnitTable(grids, { mapping: { score766: 2 } }).units[0].score766).toBe(84.37);
  });

  it("of two 766 columns, reads the one whose header names the assessment year", async () => {
    const grids = await gridsOf([
      {
        name: "S",
        rows: [
          ["Đơn vị", "Điểm 766 năm 2022", "Điểm 766 năm 2023"],
          ["Sở Ngoại vụ", 70, 84.37],
        ],
      },
    ]);
    expect(readUnitTable(grids, { year: 2023 }).units[0].score766).toBe(84.37);
    expect(readUnitTable(grids, { year: 2022 }).units[0].score766).toBe(70);
    expect(() => readUnitTable(grids, { year: 2024 })).toThrow(/có 2 cột điểm Bộ chỉ số 766: cột B/);
    expect(() => readUnitTable(grids)).toThrow(/và không cột nào ghi riêng năm đánh giá/);
  });

  it("reads the named sheet, and says which sheets exist when the name is wrong", async () => {
    const sheets: SheetSpec[] = [
      {
        name: "2022",
        rows: [
          ["Tên đơn vị", "Điểm 766"],
          ["Sở Y tế", 60],
        ],
      },
      {
        name: "2023",
        rows: [
          ["Tên đơn vị", "Điểm 766"],
          ["Sở Y tế", 68.75],
        ],
      },
    ];
    const grids = await gridsOf(sheets);
    expect(readUnitTable(grids, { sheet: "2023" }).units[0].score766).toBe(68.75);
    expect(() => readUnitTable(grids, { sheet: "2024" })).toThrow(
      "Không có trang “2024” trong tệp. Các trang hiện có: “2022”, “2023”.",
    );
    // Issue #23: each table named with its sheet, rows and year, and how to choose.
    expect(() => readUnitTable(grids)).toThrow(
      'Có 2 bảng đơn vị có thể tính điểm: trang “2022” (dòng 1–2, năm 2022); trang “2023” (dòng 1–2, năm 2023). Công cụ không tự chọn một bảng: hãy chỉ rõ bảng cần tính (dòng lệnh: --sheet TÊN_TRANG, thêm --header-row SỐ_DÒNG khi một trang có nhiều bảng, ví dụ --sheet "2023"; ngăn tác vụ: chọn trang ở mục “Bảng đơn vị” hoặc bấm “Dùng trang đang chọn”, và khi một trang có nhiều bảng, để bảng cần tính ở một trang riêng). Chưa có gì được ghi.',
    );
  });

  it("refuses a workbook with no unit table, in Vietnamese", async () => {
    const grids = await gridsOf([{ name: "Ghi chép", rows: [["Họp giao ban"], ["Nội dung"]] }]);
    expect(() => readUnitTable(grids)).toThrow(UnusableInputError);
    expect(() => readUnitTable(grids)).toThrow(/Không tìm thấy bảng đơn vị/);
  });
});

describe("values", () => {
  const sheet = (rows: SheetSpec["rows"]): SheetSpec[] => [
    { name: "Đơn vị", rows: [["Tên đơn vị", "Điểm 766", "Tỷ lệ tiếp nhận tại Bộ phận Một cửa"], ...rows] },
  ];

  it("reads numbers, text numbers with comma or dot, and units of measure", async () => {
    const table = await names(
      sheet([
        ["A", 84.37],
        ["B", "84,37"],
        ["C", "84.37"],
        ["D", "84,37 điểm"],
      ]),
    );
    expect(table.units.map((u) => u.score766)).toEqual([84.37, 84.37, 84.37, 84.37]);
    expect(table.problems).toEqual([]);
  });

  it("reads percentages as a formatted fraction, as 0–100 and as text", async () => {
    const table = await names(
      sheet([
        ["A", null, { value: 1, numFmt: "0%" }],
        ["B", null, { value: 0.965, numFmt: "0.0%" }],
        ["C", null, 96.5],
        ["D", null, "100%"],
        ["E", null, "96,5 %"],
      ]),
    );
    expect(table.units.map((u) => u.rates[0].value)).toEqual([100, 96.5, 96.5, 100, 96.5]);
  });

  it("reads a rate column typed as bare fractions, and says so", async () => {
    const table = await names(
      sheet([
        ["A", null, 1],
        ["B", null, 0.965],
      ]),
    );
    expect(table.units.map((u) => u.rates[0].value)).toEqual([100, 96.5]);
    expect(table.problems).toEqual([
      expect.objectContaining({ level: "info", row: 1, column: "C", sheet: "Đơn vị" }),
    ]);
  });

  it("reports error cells, out-of-range values and unreadable text with sheet, row and column", async () => {
    const table = await names(
      sheet([
        ["A", { error: "#N/A" }],
        ["B", 105],
        ["C", "85,5,1"],
        ["D", null, "120%"],
        ["E", true],
      ]),
    );
    expect(table.units).toHaveLength(5);
    expect(table.units.map((u) => u.score766)).toEqual([null, null, null, null, null]);
    expect(table.problems.map((p) => [p.level, p.row, p.column, p.message])).toEqual([
      ["error", 2, "B", "Trang “Đơn vị”, dòng 2, cột B: ô có lỗi #N/A, không có điểm để tính."],
      ["error", 3, "B", "Trang “Đơn vị”, dòng 3, cột B: điểm 105 nằm ngoài thang 0–100."],
      ["error", 4, "B", "Trang “Đơn vị”, dòng 4, cột B: không đọc được điểm “85,5,1” thành số."],
      ["error", 5, "C", "Trang “Đơn vị”, dòng 5, cột C: tỷ lệ 120% nằm ngoài khoảng 0–100%."],
      ["error", 6, "B", "Trang “Đơn vị”, dòng 6, cột B: ô chứa giá trị đúng/sai (TRUE), không phải là điểm."],
    ]);
  });

  it("normalises names to NFC and trims them, and warns about duplicates", async () => {
    const table = await names(
      sheet([
        ["  Sở Ngoại vụ ".normalize("NFD"), 84.37],
        ["Sở  Ngoại vụ", 84],
      ]),
    );
    expect(table.units[0].name).toBe("Sở Ngoại vụ");
    expect(table.units[0].name).toBe(table.units[0].name.normalize("NFC"));
    expect(table.problems).toEqual([
      expect.objectContaining({
        level: "warning",
        row: 3,
        column: "A",
        message: expect.stringContaining("trùng tên với dòng 2"),
      }),
    ]);
  });

  it("reports a row with figures but no name, and skips the numbering row under the header", async () => {
    const table = await names(
      sheet([
        ["(1)", "(2)", "(3)"],
        [null, 80],
        ["Sở Y tế", 68.75],
      ]),
    );
    expect(table.units.map((u) => u.name)).toEqual(["Sở Y tế"]);
    expect(table.skipped.map((s) => s.reason)).toEqual(["numbering", "empty-name"]);
    expect(table.problems[0].message).toBe(
      "Trang “Đơn vị”, dòng 3, cột A: dòng có số liệu nhưng thiếu tên đơn vị, không tính điểm.",
    );
  });

  it("keeps units whose names look like totals or formulas", async () => {
    const table = await names(
      sheet([
        ["Công an tỉnh", null, 97.2],
        ["Tổng công ty Điện lực", 70],
        ["=1+1", 50],
      ]),
    );
    expect(table.units.map((u) => u.name)).toEqual(["Công an tỉnh", "Tổng công ty Điện lực", "=1+1"]);
  });

  it("refuses, at their cells, names typed in TCVN3 and VNI beside Unicode ones (issue #23, item 2)", async () => {
    const table = await names(
      sheet([
        ["Së Ngo¹i vô", 84.37],
        ["Sôû Ngoaïi vuï", 80],
        ["Sở Y tế", 68.75],
      ]),
    );
    expect(table.units).toHaveLength(3);
    expect(table.problems.map((p) => [p.level, p.row, p.column])).toEqual([
      ["error", 2, "A"],
      ["error", 3, "A"],
    ]);
    expect(table.problems[0].message).toBe(
      "Trang “Đơn vị”, dòng 2, cột A: tên “Së Ngo¹i vô” có vẻ được gõ bằng bảng mã cũ (TCVN3/VNI) nhưng không chuyển mã tự động được vì cột có cả chữ Unicode lẫn chữ gõ bằng bảng mã cũ, nên tên được giữ như trong ô và sẽ hiện sai trong công văn; hãy chuyển mã cả tệp sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi chạy lại.",
    );
  });

  it("says why no table is found when the headers are in a legacy encoding", async () => {
    const grids = await gridsOf([
      {
        name: "S",
        rows: [
          ["Tªn ®¬n vÞ", "§iÓm 766"],
          ["Së Ngo¹i vô", 84.37],
        ],
      },
    ]);
    expect(() => readUnitTable(grids)).toThrow(/bảng mã cũ \(TCVN3\/VNI\)/);
  });
});
