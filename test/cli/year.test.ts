/**
 * The assessment year and the facts of the letter, through `kstthc`: found in the workbook or its
 * name, given with --year, brought by --preset; a letter never carries another year's facts.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { EXIT_OK, EXIT_USAGE } from "../../src/cli/main";
import type { JsonReport } from "../../src/core/report";
import { loadWorkbook } from "../exceljs/workbook";
import { freshSampleBytes, SAMPLE, tempDir, writeXlsx, type SheetSpec } from "../helpers/workbooks";
import { cli } from "../helpers/cli";

async function json(...argv: string[]): Promise<JsonReport> {
  const run = await cli(...argv, "--json");
  expect([run.code, run.stderr]).toEqual([EXIT_OK, ""]);
  return JSON.parse(run.stdout) as JsonReport;
}

let dir: string;
const inDir = (...names: string[]) => path.join(dir, ...names);
beforeEach(async () => (dir = await tempDir()));
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/** A three-level table of 2024 (before the merger): a title row names the year. */
const table2024 = (title: string | null): SheetSpec => ({
  name: "Bảng",
  rows: [
    ...(title === null ? [] : [[title]]),
    ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm 766", "Tỷ lệ một cửa cấp tỉnh", "Tỷ lệ một cửa cấp huyện"],
    [1, "Sở Tư pháp", "Sở, ban, ngành", 85.5, null, null],
    [2, "UBND huyện An Phú", "UBND cấp huyện", 79, null, null],
    [3, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null, 100, 100],
  ],
});

const MISSING = /Công văn còn thiếu: số Quyết định kế hoạch, ngày Quyết định kế hoạch, /;
const lettersIn = async () => (await fs.readdir(dir)).filter((f) => f.endsWith(".docx")).sort();

describe("the year of a workbook without a “Tiêu chí” sheet", () => {
  it("comes from a title row, names the letter, and no fact of 2023 reaches it", async () => {
    const file = await writeXlsx(dir, "bang.xlsx", [table2024("BẢNG THEO DÕI THI ĐUA NĂM 2024")]);
    const report = await json("letter", file);
    expect([report.year, report.yearSource, report.preset]).toEqual([2024, "workbook", "an-giang-2023"]);
    expect(await lettersIn()).toEqual(["cong-van-de-xuat-khen-thuong-2024.docx"]);
    const text = [report.letter.subject, report.letter.placeAndDate, ...report.letter.paragraphs].join("\n");
    expect(report.letter.subject).toMatch(/năm 2024$/);
    expect(text).not.toMatch(/568|21\/QĐ|2023|04\/03/);
    expect(report.letter.paragraphs[0]).toMatch(
      /^Căn cứ Quyết định số …\/QĐ-UBND ngày … tháng … năm … của Ủy ban nhân dân tỉnh .* năm 2024;$/,
    );
    expect(report.letter.placeAndDate).toBe("An Giang, ngày … tháng … năm …");
    // Before 2025: the district level, named from the data's levels.
    expect(report.letter.paragraphs.join("\n")).toContain("Bộ phận một cửa các cấp (cấp tỉnh, cấp huyện)");
    const warnings = report.problems.filter((p) => p.level === "warning");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ sheet: "Tiêu chí" });
    expect(warnings[0].message).toMatch(MISSING);
  });

  it("says it in the summary, with the warning", async () => {
    const file = await writeXlsx(dir, "bang.xlsx", [table2024("BÁO CÁO NĂM 2024")]);
    const run = await cli("score", file);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toContain("Năm thi đua: 2024 (tìm thấy trong tệp: trang “Bảng”, dòng 1).");
    expect(run.stdout).toMatch(MISSING);
    expect(run.stdout).toContain("Tiêu chí (mẫu “An Giang 2023”):");
  });

  it("comes from the file name when the workbook names none", async () => {
    const file = await writeXlsx(dir, "theo-doi_2024.xlsx", [table2024(null)]);
    const report = await json("letter", file);
    expect([report.year, report.yearSource]).toEqual([2024, "file-name"]);
    expect(await lettersIn()).toEqual(["cong-van-de-xuat-khen-thuong-2024.docx"]);
  });

  it("is “…” when nothing tells it: the letter is still drafted, with the year among the missing facts", async () => {
    const file = await writeXlsx(dir, "bang.xlsx", [table2024(null)]);
    const report = await json("letter", file);
    expect([report.year, report.yearSource, report.preset]).toEqual([null, "none", "tu-nam-2025"]);
    expect(report.letter.subject).toMatch(/năm …$/);
    expect(await lettersIn()).toEqual(["cong-van-de-xuat-khen-thuong.docx"]);
    expect(report.problems.map((p) => p.message).join("\n")).toMatch(/Công văn còn thiếu: năm thi đua, /);
    const run = await cli("score", file);
    expect(run.stdout).toContain("Năm thi đua: chưa rõ");
  });

  it("--year wins over what the workbook says", async () => {
    const file = await writeXlsx(dir, "bang-2024.xlsx", [table2024("NĂM 2024")]);
    const report = await json("letter", file, "--year", "2025");
    expect([report.year, report.yearSource, report.preset]).toEqual([2025, "option", "tu-nam-2025"]);
    expect(report.letter.subject).toMatch(/năm 2025$/);
    expect(await lettersIn()).toEqual(["cong-van-de-xuat-khen-thuong-2025.docx"]);
  });
});

describe("presets", () => {
  it("--preset an-giang-2023 gives the seed letter's facts to the year 2023", async () => {
    const file = inDir("moi.xlsx");
    await fs.writeFile(file, await freshSampleBytes());
    const fresh = await json("letter", file, "--docx", inDir("a.docx"));
    expect(fresh.letter.missingFacts.length).toBeGreaterThan(0);
    const withPreset = await json("letter", file, "--docx", inDir("b.docx"), "--preset", "an-giang-2023");
    expect(withPreset.letter.missingFacts).toEqual([]);
    expect(withPreset.letter.paragraphs[0]).toMatch(
      /^Căn cứ Quyết định số 568\/QĐ-UBND ngày 27 tháng 4 năm 2023/,
    );
    expect(withPreset.letter.placeAndDate).toBe("An Giang, ngày 05 tháng 02 năm 2024");
    // The committed sample carries the same preset in its "Tiêu chí" sheet: the same letter, but for
    // the two scores the fresh sample leaves out.
    const sample = await json("letter", SAMPLE, "--docx", inDir("c.docx"));
    expect(withPreset.letter.paragraphs.slice(0, 3)).toEqual(sample.letter.paragraphs.slice(0, 3));
    expect(withPreset.letter.paragraphs.slice(-3)).toEqual(sample.letter.paragraphs.slice(-3));
  });

  it("--preset an-giang-2023 for another year keeps its wording and leaves out its facts", async () => {
    const file = await writeXlsx(dir, "bang.xlsx", [table2024("NĂM 2024")]);
    const report = await json("letter", file, "--preset", "an-giang-2023");
    expect([report.year, report.preset]).toEqual([2024, "an-giang-2023"]);
    expect(report.letter.paragraphs.join("\n")).not.toMatch(/568|21\/QĐ/);
    expect(report.letter.missingFacts).toContain("số Quyết định kế hoạch");
  });

  it("--preset tu-nam-2025 words IV.9 per Nghị định 118/2025 with the levels of the data", async () => {
    const file = await writeXlsx(dir, "bang.xlsx", [table2024("NĂM 2024")]);
    const report = await json("letter", file, "--preset", "tu-nam-2025");
    const iv9 = report.letter.paragraphs.find((p) => p.includes("ngành dọc")) ?? "";
    expect(iv9).toContain("tiếp nhận tại Trung tâm Phục vụ hành chính công các cấp (cấp tỉnh, cấp huyện)");
    expect(iv9).toContain("Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ");
    expect(iv9).not.toContain("338/QĐ-UBND");
  });

  it("a year other than the “Tiêu chí” sheet's drops that sheet's facts, and says so", async () => {
    const report = await json("letter", SAMPLE, "--docx", inDir("cv.docx"), "--year", "2024");
    expect([report.year, report.yearSource, report.criteriaSource]).toEqual([2024, "option", "sheet"]);
    expect(report.letter.paragraphs.join("\n")).not.toMatch(/568|21\/QĐ|04\/03\/2024/);
    expect(report.problems.map((p) => p.message)).toEqual([
      "Trang “Tiêu chí”: năm thi đua ghi 2023 nhưng lần chạy này dùng năm 2024; số và ngày các văn bản của năm 2023 không được đưa vào công văn.",
      expect.stringMatching(MISSING),
    ]);
  });

  it("refuses an unknown preset or a year that is not one", async () => {
    for (const argv of [
      ["score", SAMPLE, "--preset", "ha-noi-2030"],
      ["score", SAMPLE, "--year", "hai nghìn"],
      ["letter", SAMPLE, "--year", "24"],
    ]) {
      const run = await cli(...argv);
      expect(run.code).toBe(EXIT_USAGE);
      expect(run.stderr).toMatch(/^--(preset|year) /);
    }
  });
});

describe("the samples", () => {
  it("2023: its “Tiêu chí” sheet gives the year and the facts; ordinary data, no warning", async () => {
    const report = await json("letter", SAMPLE, "--docx", inDir("cv.docx"));
    expect([report.year, report.yearSource, report.criteriaSource]).toEqual([2023, "sheet", "sheet"]);
    expect(report.problems).toEqual([]);
    expect(report.letter.missingFacts).toEqual([]);
  });

  it("2025: groups from section titles, IV.9 at cấp tỉnh and cấp xã, one warning on the letter", async () => {
    const sample2025 = path.join(path.dirname(SAMPLE), "theo-doi-thi-dua-kstthc-2025.xlsx");
    const file = inDir("theo-doi-thi-dua-kstthc-2025.xlsx");
    await fs.copyFile(sample2025, file);
    const report = await json("score", file, "-o", inDir("kq.xlsx"));
    expect([report.year, report.yearSource, report.preset]).toEqual([2025, "workbook", "tu-nam-2025"]);
    expect([...new Set(report.units.map((u) => u.group))]).toEqual([
      "Sở, ban, ngành",
      "UBND cấp xã",
      "Cơ quan ngành dọc",
    ]);
    expect(report.eligible).toEqual([
      "Sở Tư pháp",
      "UBND phường Long Xuyên",
      "UBND đặc khu Phú Quốc",
      "Bảo hiểm xã hội tỉnh An Giang",
      "Kho bạc Nhà nước khu vực XIX",
    ]);
    // No 766 score for the vertical-sector bodies: III does not apply, no warning.
    const vertical = report.units.filter((u) => u.group.startsWith("CƠ QUAN"));
    expect(vertical.map((u) => u.explanations.III)).toEqual(vertical.map(() => "không áp dụng"));
    expect(report.problems.map((p) => [p.sheet, p.level])).toEqual([["Tiêu chí", "warning"]]);
    expect(report.letter.paragraphs.join("\n")).toContain(
      "Trung tâm Phục vụ hành chính công các cấp (cấp tỉnh, cấp xã)",
    );
    expect(report.letter.subject).toMatch(/năm 2025$/);
    // On the summary sheet, beside the letter and outside its print area.
    const written = await loadWorkbook(await fs.readFile(inDir("kq.xlsx")), "kq.xlsx");
    const summary = written.getWorksheet("Tổng hợp");
    expect(String(summary?.getCell("H1").value)).toMatch(MISSING);
    expect(summary?.pageSetup.printArea).toMatch(/^A1:F\d+$/);
  });
});

describe("a “Tiêu chí” sheet of another year", () => {
  it("is used as written, with a warning naming the year the table gives", async () => {
    // The sample's sheet says 2023; a table titled 2024 beside it (as after copying last year's file).
    const workbook = await loadWorkbook(await fs.readFile(SAMPLE), "mau.xlsx");
    workbook.worksheets[0].getCell("A2").value = "BẢNG THEO DÕI KẾT QUẢ THI ĐUA NĂM 2024";
    const file = inDir("sao-chep.xlsx");
    await workbook.xlsx.writeFile(file);
    const report = await json("letter", file);
    expect([report.year, report.yearSource]).toEqual([2023, "sheet"]);
    expect(report.problems.map((p) => p.message)).toEqual([
      "Trang “Tiêu chí”: năm thi đua ghi 2023 nhưng bảng đơn vị ghi năm 2024 (trang “Theo dõi 2023”, dòng 2); hãy sửa mục “Năm thi đua” và các văn bản ở phần CÀI ĐẶT, hoặc chạy với năm 2024.",
    ]);
  });
});
