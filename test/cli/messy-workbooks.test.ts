/**
 * Ordinary messy workbooks through the CLI, each with its own fixture written the way staff produce
 * them — by openpyxl, by LibreOffice or by ExcelJS: no silent wrong award list, no crash, and a
 * refusal that says what the file is and what to do (issue #11).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";
import { tempDir, writeXlsx } from "../helpers/workbooks";
import { cli } from "../helpers/cli";

async function scoreJson(file: string, ...extra: string[]): Promise<JsonReport> {
  const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"), "--json", ...extra);
  expect(run.stderr).toBe("");
  const report = JSON.parse(run.stdout) as JsonReport;
  // Issue #23: a list an error touches is written, but said to be unsure (exit 3).
  expect(run.code).toBe(report.complete ? 0 : 3);
  return report;
}

const unit = (report: JsonReport, name: string) => {
  const found = report.units.find((u) => u.name === name);
  if (!found) throw new Error(`no unit ${name}: ${report.units.map((u) => u.name).join(", ")}`);
  return found;
};
const messages = (report: JsonReport, level?: string) =>
  report.problems.filter((p) => !level || p.level === level).map((p) => p.message);

/** Python lines that write a unit table with the usual headers, rows given as Python lists. */
const table = (
  rows: string[],
  headers = `["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa cấp tỉnh", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa cấp huyện"]`,
) => [`ws.title = "Đơn vị"`, `ws.append(${headers})`, ...rows.map((r) => `ws.append(${r})`)].join("\n");

/** Fixtures LibreOffice writes, made in one go per format (LibreOffice starts slowly). */
const FORMULAS = [
  table([
    `[1, "Sở Ngoại vụ", "Sở", 91, None, None]`,
    `[2, "Sở Tư pháp", "Sở", "=Nguon!B2", None, None]`,
    `[3, "Sở Y tế", "Sở", "=ROUND(D2-5,2)", None, None]`,
  ]),
  `src = wb.create_sheet("Nguon")`,
  `src.append(["Đơn vị", "Điểm"])`,
  `src.append(["Sở Tư pháp", 88])`,
].join("\n");
const TABLE = [
  table([`[1, "Sở Ngoại vụ", "Sở", 85]`, `[2, "Sở Tư pháp", "Sở", 75]`]),
  `ws.add_table(Table(displayName="Bang1", ref="A1:F3"))`,
].join("\n");

let shared: string;
const libre = { formulasSource: "", formulas: "", table: "", ods: "" };
beforeAll(async () => {
  shared = await tempDir();
  libre.formulasSource = await writeWithOpenpyxl(shared, "cong-thuc.xlsx", FORMULAS);
  const tableSource = await writeWithOpenpyxl(shared, "bang-excel.xlsx", TABLE);
  [libre.formulas, libre.table] = await convertWithLibreOffice(
    [libre.formulasSource, tableSource],
    "xlsx",
    shared,
  );
  [libre.ods] = await convertWithLibreOffice([tableSource], "ods", shared);
}, 300_000);
afterAll(() => fs.rm(shared, { recursive: true, force: true }));

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/** Issue #10: a workbook without a "Tiêu chí" sheet nor a year gets one warning for the letter's facts. */
const LETTER_FACTS_MISSING =
  "Trang “Tiêu chí”: Công văn còn thiếu: năm thi đua, số Quyết định kế hoạch, ngày Quyết định kế hoạch, số Quyết định công bố kết quả, ngày Quyết định công bố kết quả, hạn phản hồi, ngày ban hành công văn. Hãy điền ở phần CÀI ĐẶT của trang “Tiêu chí” rồi chạy lại; đến lúc đó công văn in “…” ở các chỗ này.";

describe("silent wrong answers", () => {
  it("1. refuses formula cells that openpyxl wrote without a value, naming the cell, never 'chưa có số liệu'", async () => {
    const report = await scoreJson(libre.formulasSource);
    expect(unit(report, "Sở Tư pháp").points.III).toBe(0);
    expect(unit(report, "Sở Tư pháp").explanations.III).toBe(
      "có ô số liệu không đọc được (xem lỗi) → 0 điểm",
    );
    expect(messages(report, "error")).toEqual([
      "Trang “Đơn vị”, dòng 3, cột D: ô có công thức “=Nguon!B2” nhưng tệp không lưu kết quả của công thức (tệp được ghi bằng chương trình không tính công thức, ví dụ openpyxl): hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại.",
      "Trang “Đơn vị”, dòng 4, cột D: ô có công thức “=ROUND(D2-5,2)” nhưng tệp không lưu kết quả của công thức (tệp được ghi bằng chương trình không tính công thức, ví dụ openpyxl): hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại.",
    ]);
    expect(messages(report).some((m) => m.includes("chưa có số liệu cho tiêu chí III"))).toBe(false);
    expect(report).toMatchObject({ complete: false, unsure: ["Sở Tư pháp", "Sở Y tế"] });

    // The advice works: LibreOffice calculates the formulas and saves their values.
    const again = await scoreJson(libre.formulas);
    expect(again.units.map((u) => [u.name, u.score766, u.points.III])).toEqual([
      ["Sở Ngoại vụ", 91, 30],
      ["Sở Tư pháp", 88, 30],
      ["Sở Y tế", 86, 30],
    ]);
    expect(messages(again, "error")).toEqual([]);
    expect(again).toMatchObject({ complete: true, unsure: [] });
  });

  it("2. gives every row of a vertically merged 'Khối' cell its group, so IV.9 does not apply to them", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "khoi-gop.xlsx",
      [
        table([
          `[1, "Sở Ngoại vụ", "Sở, ban, ngành", 85, 100, None]`,
          `[2, "Sở Tư pháp", None, 70, 100, None]`,
          `[3, "Sở Y tế", None, 75, 100, None]`,
          `[4, "Cục Thuế tỉnh", "Cơ quan ngành dọc", 60, 100, 100]`,
        ]),
        `ws.merge_cells("C2:C4")`,
      ].join("\n"),
    );
    const report = await scoreJson(file);
    expect(report.units.map((u) => [u.name, u.group, u.points["IV.9"]])).toEqual([
      ["Sở Ngoại vụ", "Sở, ban, ngành", 0],
      ["Sở Tư pháp", "Sở, ban, ngành", 0],
      ["Sở Y tế", "Sở, ban, ngành", 0],
      ["Cục Thuế tỉnh", "Cơ quan ngành dọc", 35],
    ]);
    expect(unit(report, "Sở Y tế").explanations["IV.9"]).toBe("không áp dụng");
    expect(report.eligible).toEqual(["Sở Ngoại vụ", "Cục Thuế tỉnh"]);
  });

  it("3. gives 0 for a criterion with an unreadable level, and says a dash level has no procedures", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "cap.xlsx",
      table([
        `[1, "Cục Thuế tỉnh", "Cơ quan ngành dọc", 70, 100, "x"]`,
        `[2, "Công an tỉnh", "Cơ quan ngành dọc", 70, 100, "-"]`,
        `[3, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", 70, 100, None]`,
      ]),
    );
    const report = await scoreJson(file);
    expect(unit(report, "Cục Thuế tỉnh").points["IV.9"]).toBe(0);
    expect(unit(report, "Cục Thuế tỉnh").eligible).toBe(false);
    expect(messages(report, "error")).toEqual([
      "Trang “Đơn vị”, dòng 2, cột F: không đọc được tỷ lệ “x” thành số.",
    ]);
    expect(unit(report, "Công an tỉnh").explanations["IV.9"]).toBe(
      "cấp tỉnh 100% ≥ 100% (cấp huyện: không có TTHC, ô trống) → 35 điểm",
    );
    expect(unit(report, "Bảo hiểm xã hội tỉnh").points["IV.9"]).toBe(35);
    // 17 (second half): no "chưa có số liệu" after the error of the same cell; the 766 scores of the
    // vertical-sector bodies, which III leaves out, are said once at the first (issue #23, item 3).
    expect(messages(report).filter((m) => m.includes("dòng 2"))).toEqual([
      "Trang “Đơn vị”, dòng 2, cột F: không đọc được tỷ lệ “x” thành số.",
      expect.stringMatching(
        /^Trang “Đơn vị”, dòng 2, cột D: 3 đơn vị \(đầu tiên: “Cục Thuế tỉnh”\) thuộc khối “Cơ quan ngành dọc” có số liệu cho tiêu chí III, .* không được tính\.$/,
      ),
    ]);
  });

  it("4. takes the 766 column whose header names the year, else refuses and names both", async () => {
    const body = table(
      [`[1, "Sở Ngoại vụ", "Sở", 70, 85]`],
      `["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766 năm 2022", "Điểm Bộ chỉ số 766 năm 2023"]`,
    );
    const file = await writeWithOpenpyxl(
      dir,
      "hai-cot.xlsx",
      `${body}\nws.column_dimensions["D"].hidden = True`,
    );
    const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "Lỗi: Bảng đơn vị ở trang “Đơn vị” (dòng 1) có 2 cột điểm Bộ chỉ số 766: cột D “Điểm Bộ chỉ số 766 năm 2022” và cột E “Điểm Bộ chỉ số 766 năm 2023”, và không cột nào ghi riêng năm đánh giá. Hãy chỉ rõ cột cần dùng (dòng lệnh: --map diem766=E; ngăn tác vụ: chọn cột), hoặc ghi năm vào tiêu đề cột.\n",
    );
    await expect(fs.stat(path.join(dir, "out.xlsx"))).rejects.toThrow();
    const mapped = await scoreJson(file, "--map", "diem766=E");
    expect(unit(mapped, "Sở Ngoại vụ").score766).toBe(85);
  });

  it("5. stops at the header of a second table on the same sheet and says which rows were read", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "hai-bang.xlsx",
      [
        `ws.title = "Đơn vị"`,
        `ws.append(["NĂM 2023"])`,
        `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
        `ws.append([1, "Sở Ngoại vụ", 85])`,
        `ws.append([2, "Sở Tư pháp", 75])`,
        `ws.append([])`,
        `ws.append(["NĂM 2022"])`,
        `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
        `ws.append([1, "Sở Ngoại vụ", 60])`,
        `ws.append([2, "Sở Tư pháp", 95])`,
      ].join("\n"),
    );
    // Issue #23: never one of them silently; each named with its rows and year.
    const refused = await cli("score", file, "-o", path.join(dir, "out.xlsx"));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "Có 2 bảng đơn vị có thể tính điểm: trang “Đơn vị” (dòng 2–4, năm 2023); trang “Đơn vị” (dòng 7–9, năm 2022).",
    );
    expect(refused.stderr).toContain('--sheet "Đơn vị" --header-row 7');
    const report = await scoreJson(file, "--header-row", "2");
    expect(report.units.map((u) => [u.name, u.score766])).toEqual([
      ["Sở Ngoại vụ", 85],
      ["Sở Tư pháp", 75],
    ]);
    expect(report.unitRows).toEqual({ from: 3, to: 4 });
    expect(messages(report, "warning")).toContain(
      "Trang “Đơn vị”, dòng 7, cột B: dòng tiêu đề lặp lại: từ đây là một bảng khác, không được tính điểm. Chỉ bảng có tiêu đề ở dòng 2 (dòng 3–6) được đọc; muốn tính bảng dưới, hãy chỉ rõ dòng tiêu đề (dòng lệnh: --header-row 7).",
    );
    const second = await scoreJson(file, "--header-row", "7");
    expect(second.units.map((u) => u.score766)).toEqual([60, 95]);
  });

  it("6. keeps a unit typed in capitals without figures as a unit; it takes no group from the units below", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "hoa.xlsx",
      table(
        [
          `["I", "SỞ, BAN, NGÀNH", None, None]`,
          `[1, "Sở Ngoại vụ", 85, 100]`,
          `["II", "CƠ QUAN NGÀNH DỌC", None, None]`,
          `[2, "CỤC THUẾ TỈNH", None, None]`,
          `[3, "Công an tỉnh", 70, 100]`,
        ],
        `["STT", "Tên đơn vị", "Điểm 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa"]`,
      ),
    );
    const report = await scoreJson(file);
    expect(report.units.map((u) => [u.name, u.group])).toEqual([
      ["Sở Ngoại vụ", "SỞ, BAN, NGÀNH"],
      ["CỤC THUẾ TỈNH", "CƠ QUAN NGÀNH DỌC"],
      ["Công an tỉnh", "CƠ QUAN NGÀNH DỌC"],
    ]);
    expect(unit(report, "Công an tỉnh").points["IV.9"]).toBe(35);
    // Issue #10: III applies to the groups with a 766 score, IV.9 to the vertical agencies.
    expect(messages(report, "warning")).toContain(
      "Trang “Đơn vị”, dòng 5, cột D: “CỤC THUẾ TỈNH” chưa có số liệu cho tiêu chí IV.9, tính 0 điểm.",
    );
  });

  it("7. reads a 766 score formatted as a percentage as points, with a note", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "phan-tram.xlsx",
      [
        table([`[1, "Sở Ngoại vụ", "Sở", 0.8437]`, `[2, "Sở Tư pháp", "Sở", 0.7512]`]),
        `ws["D2"].number_format = "0.00%"`,
        `ws["D3"].number_format = "0.00%"`,
      ].join("\n"),
    );
    const report = await scoreJson(file);
    expect(report.units.map((u) => [u.score766, u.points.III])).toEqual([
      [84.37, 30],
      [75.12, 0],
    ]);
    expect(messages(report, "info")).toContain(
      "Trang “Đơn vị”, dòng 2, cột D: điểm được định dạng phần trăm (ô ghi 0,8437, hiện 84,37%) nên được đọc là 84,37 điểm; các ô khác của cột này cũng vậy.",
    );
  });

  it("8. compares at 2 decimals, as shown: 80.000001 is 80, not above 80", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "sat-nguong.xlsx",
      table([`[1, "Sở Ngoại vụ", "Sở", 80.000001]`, `[2, "Sở Tư pháp", "Sở", 80.006]`]),
    );
    const report = await scoreJson(file);
    expect(unit(report, "Sở Ngoại vụ").explanations.III).toBe("80,00 ≤ 80 → 0 điểm");
    expect(unit(report, "Sở Tư pháp").explanations.III).toBe("80,01 > 80 → 30 điểm");
  });

  it("9. reads '84,37 đ.' and fullwidth digits", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "chu-so.xlsx",
      table([`[1, "Sở Ngoại vụ", "Sở", "84,37 đ."]`, `[2, "Sở Tư pháp", "Sở", "８２，５"]`]),
    );
    const report = await scoreJson(file);
    expect(report.units.map((u) => u.score766)).toEqual([84.37, 82.5]);
    expect(messages(report, "error")).toEqual([]);
  });
});

describe("what used to crash", () => {
  it("10. scores a workbook whose table has no table style, as LibreOffice writes it", async () => {
    const file = libre.table;
    const zip = await JSZip.loadAsync(await fs.readFile(file));
    expect(await zip.file("xl/tables/table1.xml")?.async("string")).not.toContain("tableStyleInfo");
    const report = await scoreJson(file);
    expect(report.eligible).toEqual(["Sở Ngoại vụ"]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "out.xlsx"));
    expect(Object.keys((out.getWorksheet("Đơn vị") as unknown as { tables: object }).tables)).toEqual([
      "Bang1",
    ]);
  });

  it("11. refuses a user sheet named like the tool's hidden sheet, in any case, and writes nothing", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "kstthc.xlsx",
      [table([`[1, "Sở Ngoại vụ", "Sở", 85]`]), `wb.create_sheet("Kstthc")["A1"] = "ghi chép riêng"`].join(
        "\n",
      ),
    );
    const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "Lỗi: Tệp có trang “Kstthc” trùng tên với trang ẩn “KSTTHC” mà công cụ dùng để ghi nhớ kết quả (Excel không phân biệt chữ hoa, chữ thường trong tên trang). Hãy đổi tên trang “Kstthc” rồi chạy lại. Chưa có gì được ghi.\n",
    );
    await expect(fs.stat(path.join(dir, "out.xlsx"))).rejects.toThrow();
  });

  it("12. refuses when the results would pass column XFD", async () => {
    const file = await writeXlsx(dir, "xfd.xlsx", [
      {
        name: "Đơn vị",
        rows: [
          ["Tên đơn vị", "Điểm 766"],
          ["Sở Ngoại vụ", 85],
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // A header far right (XFA) makes the table reach there: its six result columns would end past XFD.
    (workbook.getWorksheet("Đơn vị") as ExcelJS.Worksheet).getCell(1, 16381).value = "Ghi chú";
    await workbook.xlsx.writeFile(file);
    const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "Lỗi: Không còn chỗ ghi kết quả trên trang “Đơn vị”: cần 6 cột trống bên phải bảng (từ cột XFB) nhưng trang tính chỉ có đến cột XFD. Hãy xóa các ô thừa ở những cột xa bên phải bảng (hoặc chép bảng sang trang mới) rồi chạy lại. Chưa có gì được ghi.\n",
    );
  });

  it("13. refuses -o or --docx naming a folder, and writes neither file", async () => {
    const file = await writeWithOpenpyxl(dir, "thu-muc.xlsx", table([`[1, "Sở Ngoại vụ", "Sở", 85]`]));
    const folder = path.join(dir, "ket-qua");
    await fs.mkdir(folder);
    const toFolder = await cli("score", file, "-o", folder);
    expect(toFolder.code).toBe(1);
    expect(toFolder.stderr).toBe(
      `Lỗi: “${folder}” là một thư mục, không phải tên tệp: hãy ghi cả tên tệp, ví dụ “${path.join(folder, "ket-qua.xlsx")}”. Chưa có gì được ghi.\n`,
    );
    const xlsx = path.join(dir, "kq.xlsx");
    const docxToFolder = await cli("score", file, "-o", xlsx, "--docx", folder);
    expect(docxToFolder.code).toBe(1);
    expect(docxToFolder.stderr).toContain(`“${folder}” là một thư mục`);
    await expect(fs.stat(xlsx)).rejects.toThrow();
    expect(await fs.readdir(folder)).toEqual([]);
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("messages and refusals", () => {
  it("14. reads openpyxl files with comments, charts and a chart sheet, and keeps the charts", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "bieu-do.xlsx",
      [
        table([`[1, "Sở Ngoại vụ", "Sở", 85]`, `[2, "Sở Tư pháp", "Sở", 75]`]),
        `ws["B2"].comment = Comment("Đã đối chiếu", "Văn phòng")`,
        `chart = BarChart()`,
        `chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=3))`,
        `ws.add_chart(chart, "H2")`,
        `sheet = wb.create_chartsheet("Biểu đồ")`,
        `other = BarChart()`,
        `other.add_data(Reference(ws, min_col=4, min_row=1, max_row=3))`,
        `sheet.add_chart(other)`,
      ].join("\n"),
    );
    const report = await scoreJson(file);
    expect(report.eligible).toEqual(["Sở Ngoại vụ"]);
    // The package adapter copies the parts it does not own: both charts and the chart sheet stay.
    expect(messages(report, "warning")).toEqual([LETTER_FACTS_MISSING]);
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, "out.xlsx")));
    const parts = Object.keys(zip.files);
    // The user's two charts, byte for byte, and the tool's own chart under its summary sheet.
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
    ]);
    const original = await JSZip.loadAsync(await fs.readFile(file));
    for (const part of ["xl/charts/chart1.xml", "xl/charts/chart2.xml"]) {
      await expect(zip.file(part)?.async("string")).resolves.toBe(await original.file(part)?.async("string"));
    }
    expect(parts.some((p) => p.startsWith("xl/chartsheets/"))).toBe(true);
    // The comment too (ExcelJS itself cannot open what openpyxl wrote, so the part is read as it is).
    const comments = parts.filter((p) => /comments/i.test(p) && p.endsWith(".xml"));
    const texts = await Promise.all(comments.map((p) => zip.file(p)?.async("string")));
    expect(texts.some((t) => t?.includes("Đã đối chiếu"))).toBe(true);
  });

  it("15. hints --header-row when the header lies below the rows scanned", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "tieu-de-thap.xlsx",
      [
        `ws.title = "Đơn vị"`,
        `for i in range(45): ws.append([f"Ghi chú {i + 1}"])`,
        `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
        `ws.append([1, "Sở Ngoại vụ", 85])`,
      ].join("\n"),
    );
    const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Trang “Đơn vị” có vẻ có dòng tiêu đề ở dòng 46, dưới 40 dòng đầu được dò tìm: hãy chỉ rõ dòng tiêu đề (dòng lệnh: --sheet "Đơn vị" --header-row 46; ngăn tác vụ: chọn trang và dòng tiêu đề).',
    );
    const report = await scoreJson(file, "--header-row", "46");
    expect(report.eligible).toEqual(["Sở Ngoại vụ"]);
  });

  it("16. says what a file given as .xlsx really is: .ods, .xlsb, .docx, a plain zip", async () => {
    const zipOf = async (name: string, files: Record<string, string>) => {
      const zip = new JSZip();
      for (const [part, text] of Object.entries(files)) zip.file(part, text);
      const file = path.join(dir, name);
      await fs.writeFile(file, await zip.generateAsync({ type: "uint8array" }));
      return file;
    };
    const cases: [string, string][] = [
      [
        await copyAs(libre.ods, "ods-doi-ten.xlsx"),
        "là bảng tính OpenDocument (.ods, của LibreOffice): hãy mở bằng LibreOffice Calc hoặc Excel và lưu lại dạng .xlsx (File › Save As › Excel 2007-365).",
      ],
      [
        await zipOf("nhi-phan.xlsx", { "[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\u0083" }),
        "là bảng tính Excel dạng nhị phân (.xlsb): hãy mở bằng Excel và lưu lại dạng “Excel Workbook (*.xlsx)”.",
      ],
      [
        await zipOf("van-ban.xlsx", {
          "[Content_Types].xml": "<Types/>",
          "word/document.xml": "<w:document/>",
        }),
        "là văn bản Word (.docx), không phải bảng tính: hãy chọn tệp Excel có bảng theo dõi đơn vị.",
      ],
      [
        await zipOf("nen.xlsx", { "bang-theo-doi.xlsx": "…" }),
        "là tệp nén .zip chứ không phải tệp Excel: hãy giải nén và chọn tệp .xlsx bên trong.",
      ],
    ];
    for (const [file, what] of cases) {
      const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"));
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`Lỗi: Tệp “${path.basename(file)}” ${what}\n`);
    }
  });

  it("17. does not call names made only of emoji duplicates, and reports them as no unit name", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "emoji.xlsx",
      table([`[1, "😀", "Sở", 85]`, `[2, "😀", "Sở", 75]`, `[3, "Sở Ngoại vụ", "Sở", 90]`]),
    );
    const report = await scoreJson(file);
    expect(report.units.map((u) => u.name)).toEqual(["Sở Ngoại vụ"]);
    expect(messages(report)).toEqual([
      LETTER_FACTS_MISSING,
      "Trang “Đơn vị”, dòng 2, cột B: dòng có số liệu nhưng tên “😀” không có chữ hay số, không tính điểm.",
      "Trang “Đơn vị”, dòng 3, cột B: dòng có số liệu nhưng tên “😀” không có chữ hay số, không tính điểm.",
    ]);
  });

  it("18. says which scored units lie in hidden or filtered rows", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "an-dong.xlsx",
      [
        table([`[1, "Sở Ngoại vụ", "Sở", 85]`, `[2, "Sở Tư pháp", "Sở", 95]`]),
        `ws.row_dimensions[3].hidden = True`,
      ].join("\n"),
    );
    const report = await scoreJson(file);
    expect(report.eligible).toEqual(["Sở Ngoại vụ", "Sở Tư pháp"]);
    expect(messages(report, "warning")).toEqual([
      LETTER_FACTS_MISSING,
      "Trang “Đơn vị”, dòng 3, cột B: “Sở Tư pháp” nằm ở dòng đang bị ẩn hoặc bị lọc; đơn vị vẫn được tính điểm như mọi dòng khác, cần kiểm tra lại.",
    ]);
  });
});

async function copyAs(file: string, name: string): Promise<string> {
  const target = path.join(dir, name);
  await fs.copyFile(file, target);
  return target;
}

describe("Excel's limits in what the tool writes", () => {
  it("lays a letter paragraph of 66,000 characters over rows of at most 409 pt and 32,767 characters", async () => {
    const rows: (string | number)[][] = [["STT", "Tên đơn vị", "Điểm 766"]];
    for (let i = 1; i <= 1200; i++)
      rows.push([i, `Ủy ban nhân dân xã số ${i} thuộc huyện miền núi xa xôi`, 90]);
    const file = await writeXlsx(dir, "rat-dai.xlsx", [{ name: "Đơn vị", rows }]);
    const report = await scoreJson(file);
    const longest = Math.max(...report.letter.paragraphs.map((p) => p.length));
    expect(longest).toBeGreaterThan(2 * 32_767);

    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, "out.xlsx"));
    const summary = out.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    const texts: string[] = [];
    summary.eachRow((row) => {
      expect(row.height ?? 15).toBeLessThanOrEqual(409);
      row.eachCell((cell) => {
        // A merged cell's other cells echo its value in ExcelJS: read each merge once.
        if (typeof cell.value === "string" && (!cell.isMerged || cell.master === cell)) {
          expect(cell.value.length).toBeLessThanOrEqual(32_767);
          texts.push(cell.value);
        }
      });
    });
    // Nothing is lost: the pieces read on into the whole paragraph.
    const body = texts.join(" ").replace(/\s+/g, " ");
    const lost = report.letter.paragraphs.filter((p) => !body.includes(p.replace(/\s+/g, " ")));
    expect(lost.map((p) => p.slice(0, 80))).toEqual([]);
  }, 120_000);
});
