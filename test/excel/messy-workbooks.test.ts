/**
 * Messy workbooks in the add-in (issue #11), where its path differs from the file's: Excel hands the
 * reader merged areas of its own, and the tool's hidden sheet must not replace a sheet of the user's.
 */
import { UnusableInputError } from "../../src/core/problems";
import { loadWorkbook } from "../exceljs/workbook";
import { promises as fs } from "node:fs";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import { tempDir } from "../helpers/workbooks";
import { fakeFromWorkbook, scoreInFake } from "./fixtures";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function fakeOf(name: string, script: string) {
  const file = await writeWithOpenpyxl(dir, name, script);
  return fakeFromWorkbook(await loadWorkbook(await fs.readFile(file), name));
}

const HEADER = `["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa"]`;

describe("the add-in on messy workbooks", () => {
  it("2. gives every row of a 'Khối' cell merged far down the table its group", async () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `ws.append([${i + 1}, "Sở số ${i + 1}", None, 70, 100])`,
    );
    const fake = await fakeOf(
      "khoi-gop.xlsx",
      [
        `ws.title = "Đơn vị"`,
        `ws.append(${HEADER})`,
        ...rows,
        `ws.append([61, "Cục Thuế tỉnh", "Cơ quan ngành dọc", 70, 100])`,
        `ws["C2"] = "Sở, ban, ngành"`,
        `ws.merge_cells("C2:C61")`,
      ].join("\n"),
    );
    const { outcome } = await scoreInFake(fake);
    const groups = new Set(outcome.result.scores.slice(0, 60).map((s) => s.unit.group));
    expect([...groups]).toEqual(["Sở, ban, ngành"]);
    // IV.9 is for the vertical agencies only: none of the 60 merged rows gets its 35 points.
    expect(outcome.proposed).toEqual(["Cục Thuế tỉnh"]);
  });

  it("11. refuses, writing nothing, when a sheet of the user's is named 'kstthc'", async () => {
    const fake = await fakeOf(
      "kstthc.xlsx",
      [
        `ws.title = "Đơn vị"`,
        `ws.append(${HEADER})`,
        `ws.append([1, "Cục Thuế tỉnh", "Cơ quan ngành dọc", 85, 100])`,
        `wb.create_sheet("kstthc")["A1"] = "ghi chép riêng"`,
      ].join("\n"),
    );
    const before = fake.state.sheets.map((s) => s.name);
    await expect(scoreInFake(fake)).rejects.toThrow(UnusableInputError);
    await expect(scoreInFake(fake)).rejects.toThrow("trùng tên với trang ẩn “KSTTHC”");
    expect(fake.state.sheets.map((s) => s.name)).toEqual(before);
  });

  it("18. says which scored units lie in hidden or filtered rows, with one request more only then", async () => {
    const body = (extra: string[]) =>
      [
        `ws.title = "Đơn vị"`,
        `ws.append(${HEADER})`,
        `ws.append([1, "Sở Ngoại vụ", "Sở, ban, ngành", 85, 100])`,
        `ws.append([2, "Sở Tư pháp", "Sở, ban, ngành", 95, 100])`,
        `ws.append([3, "Sở Y tế", "Sở, ban, ngành", 90, 100])`,
        ...extra,
      ].join("\n");
    const plain = await scoreInFake(await fakeOf("hien.xlsx", body([])));
    const hiding = await scoreInFake(
      await fakeOf(
        "an-dong.xlsx",
        body([
          `ws.auto_filter.ref = "A1:E4"`,
          `ws.row_dimensions[3].hidden = True`,
          `ws.row_dimensions[4].hidden = True`,
        ]),
      ),
    );
    const warnings = (run: typeof plain) =>
      run.outcome.result.problems
        .filter((p) => /ẩn hoặc bị lọc/.test(p.message))
        .map((p) => [p.row, p.column]);
    expect(warnings(plain)).toEqual([]);
    expect(warnings(hiding)).toEqual([
      [3, "B"],
      [4, "B"],
    ]);
    expect(hiding.outcome.proposed).toEqual(plain.outcome.proposed);
    expect(hiding.syncs.length).toBe(plain.syncs.length + 1);
  });

  it("refuses yearly sheets and two tables on one sheet, naming each, until one is chosen (#23)", async () => {
    const yearly = await fakeOf(
      "theo-nam.xlsx",
      [
        `ws.title = "2024"`,
        `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
        `ws.append([1, "Sở Ngoại vụ", 80.5])`,
        `ws2 = wb.create_sheet("2025")`,
        `ws2.append(["STT", "Tên đơn vị", "Khối", "Điểm 766", "Tỷ lệ tiếp nhận tại BPMC cấp tỉnh (%)"])`,
        `ws2.append([1, "Sở Ngoại vụ", "Sở, ban, ngành", 90, None])`,
      ].join("\n"),
    );
    await expect(scoreInFake(yearly)).rejects.toThrow(
      "Có 2 bảng đơn vị có thể tính điểm: trang “2024” (dòng 1–2, năm 2024); trang “2025” (dòng 1–2, năm 2025).",
    );
    expect((await scoreInFake(yearly, { sheet: "2025" })).outcome.proposed).toEqual(["Sở Ngoại vụ"]);

    const twoOnOne = await fakeOf(
      "hai-bang.xlsx",
      [
        `ws.title = "Đơn vị"`,
        `ws.append(["NĂM 2023"])`,
        `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
        `ws.append([1, "Sở Ngoại vụ", 85])`,
        `ws.append([])`,
        `ws.append(["NĂM 2022"])`,
        `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
        `ws.append([1, "Sở Ngoại vụ", 60])`,
      ].join("\n"),
    );
    await expect(scoreInFake(twoOnOne)).rejects.toThrow(
      "Có 2 bảng đơn vị có thể tính điểm: trang “Đơn vị” (dòng 2–3, năm 2023); trang “Đơn vị” (dòng 6–7, năm 2022).",
    );
  });
});
