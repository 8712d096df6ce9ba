/** The "Tiêu chí" sheet: criteria and settings that staff edit in the workbook, and its errors. */
import { defaultCriteria } from "../../src/core/criteria";
import { readCriteriaSheet } from "../../src/core/criteria-sheet/read";
import { CRITERIA_SHEET } from "../../src/core/criteria-sheet/schema";
import { criteriaSheetRows } from "../../src/core/criteria-sheet/write";
import type { SheetGrid } from "../../src/core/grid";
import { UnusableInputError } from "../../src/core/problems";
import { runScoring } from "../../src/core/run";
import { defaultSettings } from "../../src/core/settings";
import { gridsOf, type SheetSpec } from "../helpers/workbooks";

const defaultsRows = () => criteriaSheetRows(defaultCriteria(), defaultSettings());

async function criteriaGrid(rows: SheetSpec["rows"]): Promise<SheetGrid> {
  const [grid] = await gridsOf([{ name: CRITERIA_SHEET, rows }]);
  return grid;
}

const units: SheetSpec = {
  name: "Đơn vị",
  rows: [
    ["STT", "Tên đơn vị", "Khối", "Điểm 766", "Tỷ lệ hồ sơ đúng hạn (%)"],
    [1, "Sở Ngoại vụ", "Sở, ban, ngành", 84.37, 95],
    [2, "Ban Quản lý Khu kinh tế", "Sở, ban, ngành", 80, 100],
    [3, "Sở Y tế", "Sở, ban, ngành", 68.75, 50],
  ],
};

describe("reading the criteria sheet", () => {
  it("reads back exactly the defaults it writes", async () => {
    const content = readCriteriaSheet(await criteriaGrid(defaultsRows()));
    expect(content.criteria).toEqual(defaultCriteria());
    expect(content.settings).toEqual(defaultSettings());
    expect(content.problems).toEqual([]);
  });

  it("changes the scores when staff edit the operator, and the letter when they edit settings", async () => {
    const rows = defaultsRows();
    const header = rows.findIndex((r) => r[0] === "Mã");
    rows[header + 1][5] = "≥";
    const numberRow = rows.findIndex((r) => r[0] === "Số văn bản");
    rows[numberRow][1] = "125";
    const dateRow = rows.findIndex((r) => r[0] === "Ngày ban hành");
    rows[dateRow][1] = "03/12/2024";
    const grids = await gridsOf([units, { name: CRITERIA_SHEET, rows }]);
    const result = runScoring(grids);
    expect(result.criteriaSource).toBe("sheet");
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual([
      "Sở Ngoại vụ",
      "Ban Quản lý Khu kinh tế",
    ]);
    expect(result.letter.number).toBe("Số: 125/VPUBND-TH");
    expect(result.letter.placeAndDate).toBe("An Giang, ngày 03 tháng 12 năm 2024");
  });

  it("scores a criterion staff add over a column of their own, and a minimum-total award rule", async () => {
    const rows = defaultsRows();
    const header = rows.findIndex((r) => r[0] === "Mã");
    rows.splice(header + 3, 0, [
      "II",
      "Hồ sơ đúng hạn",
      10,
      "Tỷ lệ",
      "Tỷ lệ hồ sơ đúng hạn (%)",
      null,
      null,
      100,
    ]);
    const ruleRow = rows.findIndex((r) => r[0] === "Điều kiện đề xuất khen thưởng");
    rows[ruleRow][1] = "Tổng điểm từ mức tối thiểu";
    const minRow = rows.findIndex((r) => r[0] === "Tổng điểm tối thiểu để đề xuất");
    rows[minRow][1] = 35;
    const result = runScoring(await gridsOf([units, { name: CRITERIA_SHEET, rows }]));
    expect(
      result.scores.map((s) => [s.unit.name, s.scores.map((c) => c.points), s.total, s.eligible]),
    ).toEqual([
      ["Sở Ngoại vụ", [30, 0, 9.5], 39.5, true],
      ["Ban Quản lý Khu kinh tế", [0, 0, 10], 10, false],
      ["Sở Y tế", [0, 0, 5], 5, false],
    ]);
  });

  it("refuses a criterion that names a column the unit table lacks", async () => {
    const rows = defaultsRows();
    const header = rows.findIndex((r) => r[0] === "Mã");
    rows.splice(header + 3, 0, ["V", "Kiểm tra", 5, "Nhập tay", "Điểm kiểm tra thực tế"]);
    const grids = await gridsOf([units, { name: CRITERIA_SHEET, rows }]);
    expect(() => runScoring(grids)).toThrow(
      "Tiêu chí cần cột “Điểm kiểm tra thực tế” nhưng bảng đơn vị ở trang “Đơn vị” (dòng 1) không có cột nào có tiêu đề này.",
    );
  });

  it.each([
    [
      "a missing column",
      (rows: (string | number | null)[][], header: number) => rows[header].splice(3, 1, "Ghi chú"),
      "Trang “Tiêu chí”, dòng 3: bảng tiêu chí thiếu cột “Cách tính”.",
    ],
    [
      "an unknown operator",
      (rows: (string | number | null)[][], header: number) => (rows[header + 1][5] = "lớn hơn"),
      "Trang “Tiêu chí”, dòng 4, cột F: phép so sánh “lớn hơn” không hợp lệ; dùng >, ≥, =, ≤ hoặc <.",
    ],
    [
      "a duplicate code",
      (rows: (string | number | null)[][], header: number) => (rows[header + 2][0] = "III"),
      "Trang “Tiêu chí”, dòng 5, cột A: mã tiêu chí “III” bị trùng.",
    ],
    [
      "points that are not a number",
      (rows: (string | number | null)[][], header: number) => (rows[header + 1][2] = "ba mươi"),
      "Trang “Tiêu chí”, dòng 4, cột C: “ba mươi” ở cột “Điểm tối đa” không phải là số.",
    ],
    [
      "an unknown way of scoring",
      (rows: (string | number | null)[][], header: number) => (rows[header + 1][3] = "Cộng dồn"),
      "Trang “Tiêu chí”, dòng 4, cột D: cách tính “Cộng dồn” không hợp lệ; chọn “Ngưỡng”, “Bậc”, “Tỷ lệ” hoặc “Nhập tay”.",
    ],
    [
      "a date that is not one",
      (rows: (string | number | null)[][]) =>
        (rows[rows.findIndex((r) => r[0] === "Ngày ban hành")][1] = "mai"),
      /Trang “Tiêu chí”, dòng \d+, cột B: “Ngày ban hành” cần một ngày dạng ngày\/tháng\/năm \(ví dụ 27\/04\/2023\), không phải “mai”\./,
    ],
  ])("refuses %s with a clear message", async (_case, edit, message) => {
    const rows = defaultsRows();
    const header = rows.findIndex((r) => r[0] === "Mã");
    edit(rows, header);
    const grid = await criteriaGrid(rows);
    expect(() => readCriteriaSheet(grid)).toThrow(UnusableInputError);
    expect(() => readCriteriaSheet(grid)).toThrow(message);
  });

  it("warns about an unknown column or setting and goes on", async () => {
    const rows = defaultsRows();
    const header = rows.findIndex((r) => r[0] === "Mã");
    rows[header].push("Người phụ trách");
    rows.push(["Màu nền", "xanh"]);
    const content = readCriteriaSheet(await criteriaGrid(rows));
    expect(content.criteria).toHaveLength(2);
    expect(content.problems.map((p) => p.message)).toEqual([
      "Trang “Tiêu chí”, dòng 3, cột M: cột “Người phụ trách” không thuộc bảng tiêu chí, được bỏ qua.",
      expect.stringMatching(/cột A: mục cài đặt “Màu nền” không được hỗ trợ, bỏ qua\.$/),
    ]);
  });
});
