/** Each row under the header classified by its own, small step (issue #15): what the reader skips, and why. */
import { classifyRow, isNameLike, sectionTitleOf, type RowCells } from "../../src/core/reader/row-kind";

const cells = (over: Partial<RowCells>): RowCells => ({
  name: "",
  stt: "",
  group: "",
  hasData: false,
  line: [],
  figureHeaders: [],
  ...over,
});

describe("classifyRow", () => {
  it.each<[string, Partial<RowCells>, string]>([
    ["an empty row", {}, "blank"],
    ["a unit with figures", { name: "Sở Ngoại vụ", stt: "1", hasData: true }, "unit"],
    ["a unit in capitals without figures", { name: "SỞ NGOẠI VỤ", stt: "1" }, "unit"],
    ["a Roman-numbered section", { name: "I. SỞ, BAN, NGÀNH" }, "section"],
    ["a section with its numeral in the number column", { name: "UBND CẤP HUYỆN", stt: "II" }, "section"],
    ["group words without a numeral", { name: "CƠ QUAN NGÀNH DỌC" }, "section"],
    ["a title typed in the number column", { stt: "Khối cơ quan ngành dọc" }, "section"],
    ["a total", { name: "Tổng cộng", hasData: true }, "total"],
    ["a unit named like a total", { name: "Tổng cục Thuế", stt: "4", hasData: true }, "unit"],
    // An Excel table's totals row: its label in the first column (issue #23, item 9).
    ["an Excel table's totals row", { stt: "Total", hasData: true }, "total"],
    ["a totals row in Vietnamese Excel", { stt: "Tổng", hasData: true }, "total"],
    ["a grand total", { name: "Grand Total", hasData: true }, "total"],
    ["figures without a name", { stt: "3", hasData: true }, "no-name"],
    ["an emoji name", { name: "😀", stt: "3", hasData: true }, "no-name"],
    ["a note", { name: "Số liệu đến 31/12" }, "note"],
    [
      "the header of a second table",
      { name: "Tên đơn vị", stt: "STT", hasData: true, figureHeaders: ["Điểm 766"] },
      "header-repeat",
    ],
    [
      "the column numbering",
      { name: "(2)", stt: "(1)", hasData: true, line: ["(1)", "(2)", "(3)"] },
      "numbering",
    ],
    [
      "the column numbering with a sub-column and a worked-out column (#23)",
      {
        name: "(2)",
        stt: "(1)",
        hasData: true,
        line: ["(1)", "(2)", "(2a)", "(3)", "(4)", "(5)=(4)/(3)", "(B)"],
      },
      "numbering",
    ],
    [
      "a unit whose scores are whole numbers",
      { name: "Sở Tư pháp", stt: "2", hasData: true, line: [2, "Sở Tư pháp", 85, 90] },
      "unit",
    ],
  ])("%s", (_, row, kind) => {
    expect(classifyRow(cells(row), true).kind).toBe(kind);
  });

  it("takes a section title with a group beside it as a unit: the group column says what it is", () => {
    expect(classifyRow(cells({ name: "I. SỞ, BAN, NGÀNH", group: "Sở", hasData: true }), true).kind).toBe(
      "unit",
    );
  });
});

describe("section titles and names", () => {
  it("strips the numeral the reader keeps as the group", () => {
    expect(classifyRow(cells({ name: "II. UBND CẤP HUYỆN" }), true)).toEqual({
      kind: "section",
      title: "UBND CẤP HUYỆN",
    });
    expect(sectionTitleOf("SỞ TƯ PHÁP", "")).toBe("");
  });

  it("wants a letter or a digit in a name", () => {
    expect(isNameLike("Sở 1")).toBe(true);
    expect(isNameLike("😀 ✔")).toBe(false);
  });
});
