/**
 * Last year beside this year, through the file adapter: a 2024 table before the mergers scored again,
 * or scored by the tool (its output columns read), against a 2025 table with the staff's mapping of
 * renamed and merged units; new, vanished and ambiguous units; the sheets written and the JSON report.
 */
import ExcelJS from "exceljs";
import { readPreviousYear } from "../../src/core/compare/previous-year";
import type { PreviousYear } from "../../src/core/compare/types";
import { UnusableInputError } from "../../src/core/problems";
import { jsonReport } from "../../src/core/report";
import { runScoring } from "../../src/core/run";
import { readPreviousFile } from "../../src/xlsx/previous-file";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { tracking2024, tracking2025 } from "../helpers/compare-files";
import { gridsOf, xlsxBytes } from "../helpers/workbooks";

const PREVIOUS = "theo-doi-2024.xlsx";

async function scored2025(previous: PreviousYear, mapping = true) {
  const pkg = WorkbookPackage.open(await xlsxBytes(tracking2025(mapping)), "theo-doi-2025.xlsx");
  const result = scorePackage(pkg, { previous, fileName: "theo-doi-2025.xlsx" });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(pkg.save()) as unknown as ArrayBuffer);
  return { result, book, bytes: pkg.save() };
}

/** The 2024 table as the tool scored it, saved: a "scored workbook" of last year. */
async function scored2024(): Promise<Uint8Array> {
  const pkg = WorkbookPackage.open(await xlsxBytes(tracking2024()), PREVIOUS);
  scorePackage(pkg, { fileName: PREVIOUS });
  return pkg.save();
}

const byName = (result: ReturnType<typeof jsonReport>, name: string) => {
  const unit = result.units.find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit;
};

describe("a previous year that is a plain unit table", () => {
  let previous: PreviousYear;
  beforeAll(async () => {
    previous = await readPreviousFile(PREVIOUS, await xlsxBytes(tracking2024()));
  });

  it("is scored again with the preset of its year, and says so", () => {
    expect(previous.how).toBe("rescored");
    expect(previous.howText).toBe("chấm lại theo mẫu “An Giang 2023” (tệp chưa có trang “Tiêu chí”)");
    expect(previous.year).toBe(2024);
    expect(previous.units.map((u) => [u.name, u.code ?? null, u.score766, u.total, u.eligible])).toEqual([
      ["Sở Tư pháp", "H01.12", 79.12, 0, false],
      ["Sở Kế hoạch và Đầu tư", "H01.07", 74.3, 0, false],
      ["Sở Tài chính", "H01.06", 72.86, 0, false],
      ["Sở Ngoại vụ", "H01.20", 84.37, 30, true],
      ["UBND huyện An Phú", null, 82.61, 30, true],
      ["UBND huyện Phú Tân", null, 81.02, 30, true],
      ["UBND thị trấn Chợ Vàm", null, 70, 0, false],
      ["UBND xã Mỹ Hòa", null, 75, 0, false],
      ["UBND xã Mỹ Hoà", null, 77, 0, false],
      ["Bảo hiểm xã hội tỉnh", null, null, 35, true],
    ]);
  });

  it("pairs renamed units by the mapping sheet and by code or name, and never sums a merger", async () => {
    const { result } = await scored2025(previous);
    const report = jsonReport(result);
    // Same code on both sides.
    expect(byName(report, "Sở Tư pháp").previous).toEqual({
      score766: 79.12,
      total: 0,
      eligible: false,
      change: { score766: 7.13, total: 30 },
      units: [
        {
          sheet: "Theo dõi 2024",
          row: 4,
          name: "Sở Tư pháp",
          code: "H01.12",
          score766: 79.12,
          total: 0,
          eligible: false,
          matchedBy: "code",
        },
      ],
    });
    // No code this year: by name.
    expect(byName(report, "Sở Ngoại vụ").previous).toMatchObject({
      score766: 84.37,
      total: 30,
      eligible: true,
      change: { score766: -4.51, total: -30 },
      units: [{ name: "Sở Ngoại vụ", matchedBy: "name" }],
    });
    // Renamed, by the mapping sheet.
    expect(byName(report, "Bảo hiểm xã hội tỉnh An Giang").previous).toMatchObject({
      score766: null,
      total: 35,
      eligible: true,
      change: { score766: null, total: 0 },
      units: [{ name: "Bảo hiểm xã hội tỉnh", matchedBy: "mapping" }],
    });
    // Merged: one old unit by the mapping (its code), one by its own code; figures kept apart.
    expect(byName(report, "Sở Tài chính").previous).toEqual({
      score766: null,
      total: null,
      eligible: null,
      change: null,
      units: [
        expect.objectContaining({ name: "Sở Kế hoạch và Đầu tư", score766: 74.3, matchedBy: "mapping" }),
        expect.objectContaining({ name: "Sở Tài chính", score766: 72.86, matchedBy: "code" }),
      ],
    });
    expect(byName(report, "UBND xã An Phú").previous?.units.map((u) => [u.name, u.total])).toEqual([
      ["UBND huyện An Phú", 30],
      ["UBND huyện Phú Tân", 30],
    ]);
    // New this year; and a name that two units of last year share is listed, not picked.
    expect(byName(report, "UBND phường Bình Đức").previous).toBeNull();
    expect(byName(report, "UBND xã Mỹ Hòa").previous).toBeNull();
    expect(report.comparison).toEqual({
      file: PREVIOUS,
      how: "rescored",
      howText: "chấm lại theo mẫu “An Giang 2023” (tệp chưa có trang “Tiêu chí”)",
      year: 2024,
      mapSheet: "Đổi tên, sáp nhập",
      mapped: 4,
      newUnits: [{ sheet: "Theo dõi 2025", row: 9, name: "UBND phường Bình Đức" }],
      vanishedUnits: [
        {
          sheet: "Theo dõi 2024",
          row: 10,
          name: "UBND thị trấn Chợ Vàm",
          score766: 70,
          total: 0,
          eligible: false,
        },
      ],
      ambiguous: [
        { key: "xã mỹ hòa", current: ["UBND xã Mỹ Hòa"], previous: ["UBND xã Mỹ Hòa", "UBND xã Mỹ Hoà"] },
      ],
    });
  });

  it("names the mapping sheet's rows it cannot use, and the ambiguity", async () => {
    const { result } = await scored2025(previous);
    const messages = result.problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        `Trang “Đổi tên, sáp nhập”, dòng 9, cột A: không tìm thấy “UBND huyện Thoại Sơn” trong tệp năm trước “${PREVIOUS}”; dòng này không được dùng.`,
        "Trang “Đổi tên, sáp nhập”, dòng 10, cột C: không tìm thấy “UBND xã Không Có” trong bảng đơn vị năm nay; dòng này không được dùng.",
        // At this year's unit, in its name cell.
        `Trang “Theo dõi 2025”, dòng 8, cột C: không ghép được “UBND xã Mỹ Hòa”, “UBND xã Mỹ Hòa”, “UBND xã Mỹ Hoà” với tệp năm trước “${PREVIOUS}” vì trùng tên hoặc mã (“xã mỹ hòa”); hãy ghi rõ ở trang “Đổi tên, sáp nhập”.`,
      ]),
    );
    const ambiguity = result.problems.find((p) => p.message.includes("trùng tên hoặc mã"));
    expect(ambiguity).toMatchObject({ sheet: "Theo dõi 2025", row: 8, column: "C", level: "warning" });
    expect(ambiguity?.file).toBeUndefined();
  });

  it("writes the comparison sheet, and keeps the user's mapping sheet as it is", async () => {
    const { book } = await scored2025(previous);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Theo dõi 2025",
      "Đổi tên, sáp nhập",
      "Tiêu chí",
      "Tổng hợp",
      "So sánh năm trước",
      "KSTTHC",
    ]);
    const sheet = book.getWorksheet("So sánh năm trước") as ExcelJS.Worksheet;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(2)[0]).toBe(
      `Năm trước: tệp “${PREVIOUS}” (năm 2024), chấm lại theo mẫu “An Giang 2023” (tệp chưa có trang “Tiêu chí”).`,
    );
    expect(row(5)).toEqual([
      "STT",
      "Tên cơ quan, đơn vị",
      "Khối",
      "Đơn vị năm trước",
      "Điểm 766 năm trước",
      "Điểm 766 năm nay",
      "Thay đổi điểm 766",
      "Tổng điểm năm trước",
      "Tổng điểm năm nay",
      "Thay đổi tổng điểm",
      "Đề xuất năm trước",
      "Đề xuất năm nay",
      "Ghép theo",
    ]);
    expect(row(6)).toEqual([
      1,
      "Sở Tư pháp",
      "Sở, ban, ngành",
      "Sở Tư pháp",
      79.12,
      86.25,
      7.13,
      0,
      30,
      30,
      "Không",
      "Có",
      "mã đơn vị",
    ]);
    // The merger: this year's figures on the unit's row, each old unit's on a row of its own below.
    expect(row(7).slice(0, 6)).toEqual([
      2,
      "Sở Tài chính",
      "Sở, ban, ngành",
      "Sáp nhập từ 2 đơn vị (điểm từng đơn vị cũ ở các dòng dưới, không cộng gộp)",
      undefined,
      77.1,
    ]);
    expect(row(8)).toEqual([
      undefined,
      undefined,
      undefined,
      "Sở Kế hoạch và Đầu tư",
      74.3,
      undefined,
      undefined,
      0,
      undefined,
      undefined,
      "Không",
      undefined,
      "trang “Đổi tên, sáp nhập”",
    ]);
    const texts = sheet.getColumn(1).values.filter((v): v is string => typeof v === "string");
    expect(texts).toEqual(
      expect.arrayContaining([
        "ĐƠN VỊ NĂM TRƯỚC KHÔNG CÒN TRONG BẢNG NĂM NAY (1)",
        "KHÔNG GHÉP ĐƯỢC VÌ TRÙNG TÊN HOẶC MÃ (1)",
      ]),
    );
    const mapping = book.getWorksheet("Đổi tên, sáp nhập") as ExcelJS.Worksheet;
    expect(mapping.getCell("A6").value).toBe("UBND huyện An Phú");
    expect(mapping.rowCount).toBe(10);
  });

  it("writes the mapping sheet once, listing last year's units it did not find, and reads it back", async () => {
    const first = await scored2025(previous, false);
    const mapping = first.book.getWorksheet("Đổi tên, sáp nhập") as ExcelJS.Worksheet;
    const listed = mapping.getColumn(1).values.slice(5);
    expect(listed).toEqual([
      "Sở Kế hoạch và Đầu tư",
      "UBND huyện An Phú",
      "UBND huyện Phú Tân",
      "UBND thị trấn Chợ Vàm",
      "Bảo hiểm xã hội tỉnh",
    ]);
    expect(mapping.getCell("A4").value).toBe("Đơn vị năm trước");
    // The user fills in a successor; the next run pairs it and leaves the sheet as the user left it.
    mapping.getCell("C9").value = "Bảo hiểm xã hội tỉnh An Giang";
    const edited = new Uint8Array(await first.book.xlsx.writeBuffer());
    const pkg = WorkbookPackage.open(edited, "theo-doi-2025.xlsx");
    const again = scorePackage(pkg, { previous });
    expect(
      jsonReport(again).units.find((u) => u.name === "Bảo hiểm xã hội tỉnh An Giang")?.previous,
    ).toMatchObject({
      total: 35,
      units: [{ matchedBy: "mapping" }],
    });
    expect(again.plan.sheets.map((s) => s.name)).not.toContain("Đổi tên, sáp nhập");
  });

  it("is not taken for the unit table, nor is the comparison sheet, on the next run", async () => {
    const { bytes } = await scored2025(previous);
    const pkg = WorkbookPackage.open(bytes, "theo-doi-2025.xlsx");
    const again = scorePackage(pkg, { previous });
    expect(again.table.layout.sheet).toBe("Theo dõi 2025");
    // A run without the previous year leaves no stale figures: the sheet says it compared nothing.
    const without = scorePackage(WorkbookPackage.open(pkg.save(), "theo-doi-2025.xlsx"));
    expect(without.comparison).toBeUndefined();
    const sheet = without.plan.sheets.find((s) => s.name === "So sánh năm trước");
    expect(sheet?.blocks.map((b) => b.values[0][0])).toEqual([
      "SO SÁNH VỚI NĂM TRƯỚC",
      "Lần tính điểm gần nhất không so sánh với năm trước: hãy chọn tệp năm trước (--compare, hoặc mục “So sánh với năm trước” của ngăn tác vụ) rồi tính điểm lại.",
    ]);
  });
});

describe("a previous year that the tool scored", () => {
  it("takes the total and the proposal from the output columns as written that year", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await scored2024()) as unknown as ArrayBuffer);
    // The 766 cell changed after scoring: the output columns still say what was proposed that year.
    book.getWorksheet("Theo dõi 2024")!.getCell("E7").value = 50;
    const previous = await readPreviousFile(PREVIOUS, new Uint8Array(await book.xlsx.writeBuffer()));
    expect(previous.how).toBe("output");
    expect(previous.howText).toBe("điểm lấy từ các cột kết quả của công cụ trong tệp đó");
    expect(previous.units.find((u) => u.name === "Sở Ngoại vụ")).toMatchObject({
      score766: 50,
      total: 30,
      eligible: true,
    });
  });

  it("refuses an output cell it cannot read, naming file, sheet, row and column", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await scored2024()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("Theo dõi 2024")!;
    const header = (sheet.getRow(3).values as unknown[]).indexOf("Tổng điểm thi đua");
    sheet.getCell(5, header).value = "ba mươi";
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const read = readPreviousFile(PREVIOUS, bytes);
    await expect(read).rejects.toThrow(UnusableInputError);
    await expect(read).rejects.toThrow(
      `Tệp năm trước “${PREVIOUS}”, trang “Theo dõi 2024”, dòng 5, cột ${String.fromCharCode(64 + header)}: ô “Tổng điểm thi đua” ghi “ba mươi”, không phải số. Hãy sửa ô này (hoặc chọn tệp năm trước khác) rồi chạy lại. Chưa có gì được ghi.`,
    );
  });

  it("refuses a file with no unit table, naming the file", async () => {
    const grids = await gridsOf([{ name: "Ghi chú", rows: [["Không có bảng nào ở đây"]] }]);
    expect(() => readPreviousYear(grids, "cu.xlsx")).toThrow(/^Tệp năm trước “cu\.xlsx”: /);
  });

  it("warns when last year's file is not of an earlier year", async () => {
    const previous = await readPreviousFile(
      "theo-doi-2025-ban-sao.xlsx",
      await xlsxBytes(tracking2025(false)),
    );
    const result = runScoring(await gridsOf(tracking2025()), { previous });
    expect(result.problems.map((p) => p.message)).toContain(
      "Tệp năm trước “theo-doi-2025-ban-sao.xlsx” là của năm 2025, không trước năm thi đua 2025: hãy kiểm tra đã chọn đúng tệp.",
    );
  });
});
