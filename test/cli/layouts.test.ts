/** Workbooks laid out as other offices lay them out, tried through the CLI as a new user would. */
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { JsonReport } from "../../src/core/report";
import { buildSampleWorkbook, SAMPLE_2025 } from "../../scripts/sample";
import { snapshot, SAMPLE, SAMPLE_CSV, tempDir, writeXlsx, type SheetSpec } from "../helpers/workbooks";
import { loadWorkbook } from "../exceljs/workbook";

let dir: string;
beforeEach(async () => (dir = await tempDir()));
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function score(sheets: SheetSpec[], ...extra: string[]): Promise<JsonReport> {
  const file = await writeXlsx(dir, "in.xlsx", sheets);
  let out = "";
  let err = "";
  const code = await main(["score", file, "--json", ...extra], {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
  });
  expect([code, err]).toEqual([0, ""]);
  return JSON.parse(out);
}

const points = (report: JsonReport) => report.units.map((u) => [u.name, u.points.III, u.points["IV.9"]]);

describe("layouts met in practice", () => {
  it("the province's published 766 table, with portal field codes", async () => {
    const report = await score([
      {
        name: "KQ 766",
        rows: [
          ["KẾT QUẢ ĐÁNH GIÁ CHẤT LƯỢNG PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP NĂM 2023"],
          ["(Kèm theo Quyết định số 21/QĐ-UBND ngày 03/01/2024)"],
          ["Stt", "Mã đơn vị", "Tên đơn vị", "CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH", "TONG_SCORE"],
          [1, "000.00.16.H01", "Sở Ngoại vụ", 17.2, 18, 10.5, 8.1, 16, 14.57, 84.37],
          [2, "000.00.17.H01", "Ban Quản lý Khu kinh tế", 16, 17, 10, 8, 15, 14, 80],
          [3, "000.00.20.H01", "UBND huyện An Phú", 17, 18, 10, 8, 16, 13.61, 82.61],
        ],
      },
    ]);
    expect(points(report)).toEqual([
      ["Sở Ngoại vụ", 30, 0],
      ["Ban Quản lý Khu kinh tế", 0, 0],
      ["UBND huyện An Phú", 30, 0],
    ]);
    // The year of the title row, not of the decision's date; the letter's facts are the user's to give.
    expect([report.year, report.yearSource]).toEqual([2023, "workbook"]);
    expect(report.problems.map((p) => [p.sheet, p.level])).toEqual([["Tiêu chí", "warning"]]);
    expect(report.problems[0].message).toMatch(/Công văn còn thiếu: số Quyết định kế hoạch, /);
  });

  it("a one-stop table of counts per level for the vertical-sector agencies", async () => {
    const report = await score([
      {
        name: "Một cửa",
        rows: [
          ["STT", "Cơ quan", "Loại đơn vị", "Cấp tỉnh", null, "Cấp huyện", null],
          [
            null,
            null,
            null,
            "Tổng số TTHC",
            "Số TTHC tiếp nhận tại BPMC",
            "Tổng số TTHC",
            "Số TTHC tiếp nhận tại BPMC",
          ],
          [1, "Bảo hiểm xã hội tỉnh", "Ngành dọc", 40, 40, 25, 25],
          [2, "Cục Thuế tỉnh", "Ngành dọc", 120, 120, 57, 55],
        ],
        merges: ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"],
      },
    ]);
    expect(points(report)).toEqual([
      ["Bảo hiểm xã hội tỉnh", 0, 35],
      ["Cục Thuế tỉnh", 0, 0],
    ]);
    expect(report.units[1].explanations["IV.9"]).toBe("cấp huyện 96,49% < 100% → 0 điểm");
  });

  it("headers typed without accents, in capitals, columns shuffled, table starting at column C", async () => {
    const report = await score([
      {
        name: "Sheet1",
        rows: [
          [null, null, "DIEM 766", "TEN DON VI", "TY LE TIEP NHAN TAI BO PHAN MOT CUA (%)", "KHOI"],
          [null, null, "84,37", "So Ngoai vu", null, "So ban nganh"],
          [null, null, null, "Bao hiem xa hoi tinh", "100%", "Nganh doc"],
          [null, null, "79,95", "So Thong tin va Truyen thong", null, "So ban nganh"],
        ],
      },
    ]);
    expect(points(report)).toEqual([
      ["So Ngoai vu", 30, 0],
      ["Bao hiem xa hoi tinh", 0, 35],
      ["So Thong tin va Truyen thong", 0, 0],
    ]);
    expect(report.eligible).toEqual(["So Ngoai vu", "Bao hiem xa hoi tinh"]);
  });

  it("a workbook with a cover sheet and the table on the second sheet, groups from section rows", async () => {
    const report = await score([
      { name: "Bìa", rows: [["BÁO CÁO THI ĐUA NĂM 2023"], ["Văn phòng UBND tỉnh"]] },
      {
        name: "Số liệu",
        rows: [
          ["TT", "Tên cơ quan, đơn vị", "Điểm 766", "Tỷ lệ một cửa cấp tỉnh", "Tỷ lệ một cửa cấp huyện"],
          ["I", "SỞ, BAN, NGÀNH"],
          [1, "Sở Ngoại vụ", 84.37],
          ["II", "CƠ QUAN NGÀNH DỌC"],
          [2, "Bảo hiểm xã hội tỉnh", null, 100, 100],
          [3, "Công an tỉnh", null, 97.2, 100],
          [null, "Tổng cộng", null, null, null],
          [],
          [null, "Người lập biểu"],
        ],
      },
    ]);
    expect(report.sheet).toBe("Số liệu");
    expect(report.units.map((u) => [u.name, u.group, u.total])).toEqual([
      ["Sở Ngoại vụ", "Sở, ban, ngành", 30],
      ["Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", 35],
      ["Công an tỉnh", "Cơ quan ngành dọc", 0],
    ]);
    // Vertical-sector bodies have no 766 score: III does not apply, no warning. The one warning left
    // is the letter's: its facts are not known. The year comes from the cover sheet.
    expect(report.problems.map((p) => [p.level, p.row])).toEqual([
      ["warning", undefined],
      ["info", 9],
    ]);
    expect(report.units.map((u) => u.explanations.III)).toEqual([
      "84,37 > 80 → 30 điểm",
      "không áp dụng",
      "không áp dụng",
    ]);
    expect([report.year, report.yearSource]).toEqual([2023, "workbook"]);
  });
});

describe("scale", () => {
  it("scores a workbook of 20,000 units", async () => {
    const rows: SheetSpec["rows"] = [["STT", "Tên đơn vị", "Khối", "Điểm 766", "Tỷ lệ một cửa cấp tỉnh"]];
    for (let i = 1; i <= 20000; i++) {
      rows.push([
        i,
        `Đơn vị số ${i}`,
        i % 5 === 0 ? "Ngành dọc" : "Sở, ban, ngành",
        60 + (i % 41),
        i % 5 === 0 ? 100 : null,
      ]);
    }
    const report = await score([{ name: "Lớn", rows }]);
    expect(report.units).toHaveLength(20000);
    const expected = rows.slice(1).filter((r) => (r[3] as number) > 80 || r[4] === 100).length;
    expect(report.eligible).toHaveLength(expected);
  });
});

describe("the bundled sample", () => {
  it("is the fixture table laid out by scripts/sample.ts", async () => {
    const committed = await loadWorkbook(readFileSync(SAMPLE), "sample.xlsx");
    const rebuilt = await loadWorkbook(
      new Uint8Array(await buildSampleWorkbook(readFileSync(SAMPLE_CSV, "utf8")).xlsx.writeBuffer()),
      "rebuilt.xlsx",
    );
    expect(snapshot(committed)).toEqual(snapshot(rebuilt));
    expect(path.basename(SAMPLE)).toBe("theo-doi-thi-dua-kstthc-2023.xlsx");
    // Its "Tiêu chí" sheet is the preset of 2023, as the tool writes it.
    expect(committed.worksheets.map((w) => w.name)).toEqual(["Theo dõi 2023", "Tiêu chí"]);
  });

  it("of 2025 is its fixture table laid out by scripts/sample.ts, in the two-level shape", async () => {
    const examples = path.dirname(SAMPLE);
    const committed = await loadWorkbook(readFileSync(path.join(examples, SAMPLE_2025.file)), "2025.xlsx");
    const csv = readFileSync(path.join(examples, SAMPLE_2025.csv), "utf8");
    const rebuilt = await loadWorkbook(
      new Uint8Array(await buildSampleWorkbook(csv, SAMPLE_2025).xlsx.writeBuffer()),
      "rebuilt.xlsx",
    );
    expect(snapshot(committed)).toEqual(snapshot(rebuilt));
    // No "Tiêu chí" sheet and no group column: the sections tell the groups.
    expect(committed.worksheets.map((w) => w.name)).toEqual(["Theo dõi"]);
    expect(committed.worksheets[0].getCell("E6").value).toBe("Cấp xã");
  });
});
