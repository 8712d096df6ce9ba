/** Group kinds (the 2025 forms among them) and where the assessment year is found. */
import type { SheetGrid } from "../../src/core/grid";
import { groupKindOf, groupKindOfName, groupMatches, groupOfUnit } from "../../src/core/groups";
import { UnusableInputError } from "../../src/core/problems";
import { runScoring } from "../../src/core/run";
import { findFileNameYear, findWorkbookYear } from "../../src/core/year";

describe("group kinds", () => {
  it.each([
    ["Sở, ban, ngành", "so-ban-nganh"],
    ["I. SỞ, BAN, NGÀNH", "so-ban-nganh"],
    ["Khối sở, ngành", "so-ban-nganh"],
    ["UBND cấp huyện", "huyen"],
    ["UBND huyện, thị xã, thành phố", "huyen"],
    ["UBND cấp xã", "xa"],
    ["UBND xã, phường, đặc khu", "xa"],
    ["UBND XÃ, PHƯỜNG, ĐẶC KHU", "xa"],
    ["Cơ quan ngành dọc", "nganh-doc"],
    ["Khối nghành dọc", "nganh-doc"],
    ["CƠ QUAN TRUNG ƯƠNG ĐÓNG TRÊN ĐỊA BÀN", "nganh-doc"],
    ["Khối A", undefined],
    ["", undefined],
    // Short forms that plainly name a kind (issue #23, item 3).
    ["Sở", "so-ban-nganh"],
    ["Sở/ngành", "so-ban-nganh"],
    ["Ban ngành", "so-ban-nganh"],
    ["Huyện", "huyen"],
    ["UBND H.", "huyen"],
    ["Khối các huyện", "huyen"],
    ["Xã", "xa"],
    ["Phường", "xa"],
    ["UBND X.", "xa"],
    ["Hà", undefined],
    ["Xã hội", undefined],
  ])("the group “%s” is %p", (group, kind) => {
    expect(groupKindOf(group)).toBe(kind);
  });

  it.each([
    ["UBND xã Mỹ Hòa Hưng", "xa"],
    ["UBND phường Long Xuyên", "xa"],
    ["Ủy ban nhân dân đặc khu Phú Quốc", "xa"],
    ["UBND huyện An Phú", "huyen"],
    ["UBND thành phố Châu Đốc", "huyen"],
    ["Thuế tỉnh An Giang", "nganh-doc"],
    ["Chi cục Hải quan khu vực XIX", "nganh-doc"],
    ["Kho bạc Nhà nước khu vực XIX", "nganh-doc"],
    ["Bảo hiểm xã hội tỉnh", "nganh-doc"],
    ["Sở Tư pháp", "so-ban-nganh"],
    ["Ban Quản lý Khu kinh tế", "so-ban-nganh"],
    ["Trung tâm Y tế", undefined],
  ])("the name “%s” tells %p", (name, kind) => {
    expect(groupKindOfName(name)).toBe(kind);
  });

  it("lets the group column or section win over the name, and the name fill a missing group", () => {
    expect(groupOfUnit("Khối A", "UBND xã An Phú")).toBe("Khối A");
    expect(groupOfUnit("", "UBND xã An Phú")).toBe("UBND cấp xã");
    expect(groupOfUnit("", "Trung tâm Y tế")).toBe("");
  });

  it("matches a criterion's groups by kind, and other texts as before", () => {
    const with766 = ["Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"];
    expect(groupMatches(with766, "UBND XÃ, PHƯỜNG, ĐẶC KHU")).toBe(true);
    expect(groupMatches(with766, "Khối sở, ngành")).toBe(true);
    expect(groupMatches(with766, "Cơ quan ngành dọc")).toBe(false);
    expect(groupMatches(["ngành dọc"], "Khối nghành dọc")).toBe(true);
    expect(groupMatches(["ngành dọc"], "Cơ quan Trung ương đóng trên địa bàn")).toBe(true);
    expect(groupMatches(["Khối A"], "Khối A, B")).toBe(true);
    expect(groupMatches(["Khối A"], "Khối C")).toBe(false);
  });

  it("takes the kind of the unit's name when the group text names none, never over a known kind", () => {
    const with766 = ["Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"];
    expect(groupMatches(with766, "Khối A", "UBND huyện Tri Tôn")).toBe(true);
    expect(groupMatches(with766, "Nhóm 2", "Trung tâm Phục vụ hành chính công")).toBe(false);
    expect(groupMatches(with766, "Cơ quan ngành dọc", "Sở Tư pháp")).toBe(false);
    expect(groupMatches(["Khối A"], "Khối A", "Cục Thuế tỉnh")).toBe(true);
  });
});

const grid = (name: string, values: SheetGrid["values"]): SheetGrid => ({ name, values });

describe("the year of a workbook", () => {
  it("takes a title row's “NĂM 2024”, not the date of a decision", () => {
    const found = findWorkbookYear([
      grid("Bảng", [
        ["(Kèm theo Quyết định số 21/QĐ-UBND ngày 03/01/2025)"],
        ["BẢNG THEO DÕI THI ĐUA NĂM 2024"],
        ["STT", "Tên đơn vị", "Điểm 766 năm 2024"],
      ]),
    ]);
    expect(found).toEqual({ year: 2024, where: "trang “Bảng”, dòng 2" });
  });

  it("then a sheet's name, then the latest year a header names", () => {
    expect(findWorkbookYear([grid("Theo dõi 2024", [["STT", "Tên đơn vị", "Điểm 766"]])])?.year).toBe(2024);
    const headers = grid("Bảng", [
      ["STT", "Tên đơn vị", "Điểm 766 năm 2023", "Điểm 766 năm 2024"],
      [1, "Sở Tư pháp", 80, 82],
    ]);
    expect(findWorkbookYear([headers])).toEqual({
      year: 2024,
      where: "trang “Bảng”, dòng 1",
      fromHeader: true,
    });
  });

  // The merge of #10 with #11: the year found picks among two 766 columns, unless it was read from them.
  it("picks the 766 column of a title's year, and refuses to pick by a year read from those headers", () => {
    const rows: SheetGrid["values"] = [
      ["STT", "Tên đơn vị", "Khối", "Điểm 766 năm 2022", "Điểm 766 năm 2023"],
      [1, "Sở Tư pháp", "Sở, ban, ngành", 70, 85],
    ];
    const titled = runScoring([grid("Bảng", [["BẢNG THEO DÕI THI ĐUA NĂM 2023"], ...rows])]);
    expect(titled.year).toBe(2023);
    expect(titled.scores.map((s) => s.unit.score766)).toEqual([85]);
    expect(() => runScoring([grid("Bảng", rows)])).toThrow(UnusableInputError);
    expect(runScoring([grid("Bảng", rows)], { year: 2022 }).scores.map((s) => s.unit.score766)).toEqual([70]);
  });

  it("leaves out the tool's own sheets and finds nothing in a table that names no year", () => {
    const criteria = grid("Tiêu chí", [["Năm thi đua", 2023], ["CÀI ĐẶT NĂM 2023"]]);
    const table = grid("Bảng", [
      ["STT", "Tên đơn vị", "Điểm 766"],
      [1, "Sở Tư pháp", 80, null, 2024],
    ]);
    expect(findWorkbookYear([criteria, table], ["Tiêu chí"])).toBeUndefined();
  });

  it("reads a file's name", () => {
    expect(findFileNameYear("C:\\Users\\vp\\theo-doi_2024.xlsx")).toEqual({
      year: 2024,
      where: "tên tệp “theo-doi_2024.xlsx”",
    });
    expect(findFileNameYear("bang-20245.xlsx")).toBeUndefined();
    expect(findFileNameYear(undefined)).toBeUndefined();
  });
});
