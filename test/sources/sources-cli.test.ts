/**
 * The files staff receive, through the CLI: the portal's 766 export scored alone, and joined with a
 * II.07b report into a tracking table; provenance, conflicts and every refusal.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import {
  II07B_ROWS,
  PORTAL_HEADER,
  ii07b,
  portalExport,
  portalRow,
  tracking2025,
} from "../helpers/source-files";
import { tempDir, writeXlsx, type SheetSpec } from "../helpers/workbooks";
import { cli, readBook } from "../helpers/cli";

/** The values of one column, found by its header in `headerRow` (1-based), by unit name in `nameCol`. */
function column(sheet: ExcelJS.Worksheet, headerRow: number, header: string, nameCol: number) {
  let col = 0;
  sheet.getRow(headerRow).eachCell((cell, c) => {
    if (cell.value === header) col = c;
  });
  if (col === 0) throw new Error(`no column “${header}” on ${sheet.name}`);
  const values: Record<string, unknown> = {};
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const name = sheet.getCell(r, nameCol).value;
    if (typeof name === "string" && name) values[name] = sheet.getCell(r, col).value;
  }
  return values;
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

const write = (name: string, sheets: SheetSpec[]) => writeXlsx(dir, name, sheets);
const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

describe("a portal 766 export scored on its own, with no --map", () => {
  it("reads the Sở Ban and Xã Phường sheets as one set, skips provinces and trends, and says so", async () => {
    const file = await write("diem-766.xlsx", portalExport({ unitSheets: ["Sở Ban", "Xã Phường"] }));
    const run = await cli("score", file, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report: JsonReport = JSON.parse(run.stdout);
    expect(report.sheets).toEqual(["Sở Ban", "Xã Phường"]);
    expect(report.units.map((u) => [u.sheet, u.name, u.group, u.score766])).toEqual([
      ["Sở Ban", "Sở Tư pháp", "Sở, ban, ngành", 93.75],
      ["Sở Ban", "Sở Nông nghiệp và Môi trường", "Sở, ban, ngành", 79.5],
      ["Sở Ban", "Thanh tra tỉnh An Giang", "Sở, ban, ngành", 81.25],
      // "null" is no score, not 0.
      ["Sở Ban", "Sở Ngoại vụ", "Sở, ban, ngành", null],
      ["Xã Phường", "UBND xã Đông Thái", "UBND cấp xã", 85.4],
      ["Xã Phường", "UBND Xã Nhơn Hội", "UBND cấp xã", 80],
      ["Xã Phường", "UBND Đặc khu Phú Quốc", "UBND cấp xã", 90.02],
      ["Xã Phường", "UBND phường Long Xuyên", "UBND cấp xã", 77.25],
      ["Xã Phường", "UBND xã An Phú", "UBND cấp xã", 95.5],
    ]);
    expect(report.eligible).toEqual([
      "Sở Tư pháp",
      "Thanh tra tỉnh An Giang",
      "UBND xã Đông Thái",
      "UBND Đặc khu Phú Quốc",
      "UBND xã An Phú",
    ]);
    const [source] = report.sources;
    expect(source).toMatchObject({ file: "diem-766.xlsx", kind: "portal766", provinceCode: "H01" });
    expect(source.sheetsRead).toEqual(["Sở Ban", "Xã Phường"]);
    expect(source.sheetsSkipped.map((s) => s.sheet)).toEqual(["Tỉnh thành", "Xu hướng"]);
    expect(report.problems.map((p) => p.message)).toContain(
      "Trang “Sở Ban”, dòng 5, cột N: “Sở Ngoại vụ” chưa có số liệu cho tiêu chí III, tính 0 điểm.",
    );

    // Output columns beside each sheet's own table; a second run replaces them in place.
    const out = path.join(dir, "diem-766-da-tinh-diem.xlsx");
    const first = await readBook(out);
    for (const name of ["Sở Ban", "Xã Phường"]) {
      expect(first.getWorksheet(name)?.getCell("P1").value).toBe("Điểm tiêu chí III");
    }
    expect(
      column(first.getWorksheet("Xã Phường") as ExcelJS.Worksheet, 1, "Đề xuất khen thưởng", 3),
    ).toMatchObject({
      "UBND xã Đông Thái - tỉnh An Giang": "Có",
      "UBND Xã Nhơn Hội - tỉnh An Giang": "Không",
    });
    const again = await cli("score", out, "-o", out, "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).eligible).toEqual(report.eligible);
    const second = await readBook(out);
    for (const name of ["Sở Ban", "Xã Phường"]) {
      const sheet = second.getWorksheet(name) as ExcelJS.Worksheet;
      expect(sheet.getCell("P1").value).toBe("Điểm tiêu chí III");
      expect(sheet.getCell("W1").value).toBeNull();
    }
  });

  it("--sheet still picks one sheet", async () => {
    const file = await write("diem-766.xlsx", portalExport());
    const run = await cli("score", file, "--sheet", "Xã Phường", "--json");
    expect(run.code).toBe(0);
    const report: JsonReport = JSON.parse(run.stdout);
    expect(report.sheets).toEqual(["Xã Phường"]);
    expect(report.units).toHaveLength(5);
  });

  it("warns when the figures are monthly: the award is annual", async () => {
    const file = await write("diem-thang.xlsx", [
      {
        name: "Điểm tháng",
        rows: [PORTAL_HEADER, portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75")],
      },
    ]);
    const report: JsonReport = JSON.parse((await cli("score", file, "--json")).stdout);
    expect(report.sources[0].period).toEqual({ kind: "tháng", label: "Điểm tháng" });
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        level: "warning",
        message:
          "Tệp “diem-thang.xlsx”, trang “Điểm tháng”: số liệu là của tháng (“Điểm tháng”), trong khi khen thưởng xét theo năm; hãy dùng số liệu cả năm.",
      }),
    );
  });
});

describe("kstthc score TRACKING.xlsx --source …", () => {
  async function joined(...extra: string[]) {
    const tracking = await write("theo-doi-2025.xlsx", tracking2025());
    const portal = await write("diem-766.xlsx", portalExport());
    const bieu = await write("bieu-ii07b.xlsx", ii07b(II07B_ROWS));
    const run = await cli("score", tracking, "--source", portal, "--source", bieu, "--json", ...extra);
    return { run, tracking, out: path.join(dir, "theo-doi-2025-da-tinh-diem.xlsx") };
  }

  it("feeds the criteria of matched units and writes the figures used with their origin", async () => {
    const { run, tracking, out } = await joined("--period", "nam");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const report: JsonReport = JSON.parse(run.stdout);
    const unit = (name: string) => report.units.find((u) => u.name === name);
    expect(unit("Sở Tư pháp")?.score766).toBe(93.75);
    expect(unit("Thanh tra tỉnh")?.score766).toBe(81.25);
    expect(unit("Ủy ban nhân dân xã Đông Thái")?.score766).toBe(85.4);
    // A huyện never takes a xã's figure; a "null" in the export keeps the table's own 82.
    expect(unit("UBND huyện An Phú")?.score766).toBeNull();
    expect(unit("Sở Ngoại vụ")?.score766).toBe(82);
    // Bảo hiểm xã hội: 30/30 at tỉnh, 10/10 at xã, no procedures at huyện (does not count) → IV.9.
    expect(unit("Bảo hiểm xã hội tỉnh")?.points["IV.9"]).toBe(35);
    expect(report.eligible).toEqual([
      "Sở Tư pháp",
      "Thanh tra tỉnh",
      "Sở Ngoại vụ",
      "Ủy ban nhân dân xã Đông Thái",
      "UBND đặc khu Phú Quốc",
      "Bảo hiểm xã hội tỉnh",
      "Kho bạc Nhà nước khu vực XX",
    ]);
    expect(unit("Sở Tư pháp")?.origin).toBe("Điểm 766 từ “diem-766.xlsx” (trang “Sở Ban”, dòng 2)");

    const match = report.matches.find((m) => m.file === "diem-766.xlsx");
    expect(match?.unmatchedSource).toEqual([
      { sheet: "Xã Phường", row: 5, name: "UBND phường Long Xuyên - tỉnh An Giang" },
      { sheet: "Xã Phường", row: 6, name: "UBND xã An Phú - tỉnh An Giang" },
    ]);
    expect(match?.unmatchedTable.map((u) => u.name)).toEqual([
      "UBND huyện An Phú",
      "Bảo hiểm xã hội tỉnh",
      "Thuế tỉnh An Giang",
      "Kho bạc Nhà nước khu vực XX",
    ]);
    expect(report.sources.map((s) => [s.file, s.kind, s.period?.kind, s.asOf])).toEqual([
      ["diem-766.xlsx", "portal766", "năm", undefined],
      ["bieu-ii07b.xlsx", "ii07b", "năm", "15/12/2025"],
    ]);
    expect(report.letter).toBeDefined();

    // The user's cells are untouched; the figures used and their origin go to the tool's columns.
    const before = await readBook(tracking);
    const after = await readBook(out);
    const sheet = after.getWorksheet("Theo dõi 2025") as ExcelJS.Worksheet;
    const original = before.getWorksheet("Theo dõi 2025") as ExcelJS.Worksheet;
    for (let r = 1; r <= original.rowCount; r++) {
      for (let c = 1; c <= 6; c++) expect(sheet.getCell(r, c).value).toEqual(original.getCell(r, c).value);
    }
    const used = column(sheet, 3, "Điểm 766 dùng để tính", 2);
    expect(used["Sở Tư pháp"]).toBe(93.75);
    expect(used["Sở Nông nghiệp và Môi trường"]).toBe(79.5);
    expect(column(sheet, 3, "Tỷ lệ một cửa dùng để tính", 2)["Bảo hiểm xã hội tỉnh"]).toBe(
      "cấp tỉnh 100%; cấp xã 100%",
    );
    const origin = column(sheet, 3, "Nguồn số liệu", 2);
    expect(origin["Sở Nông nghiệp và Môi trường"]).toBe(
      "Điểm 766: bảng theo dõi ghi 80,5, “diem-766.xlsx” (trang “Sở Ban”, dòng 3) ghi 79,5; dùng số liệu của tệp nguồn",
    );
    expect(origin["Kho bạc Nhà nước khu vực XX"]).toBe(
      "Không có trong tệp nguồn: dùng số liệu của bảng theo dõi",
    );

    // Provenance on the summary sheet.
    const summary = after.getWorksheet("Tổng hợp") as ExcelJS.Worksheet;
    const texts: string[] = [];
    summary.eachRow((row) =>
      row.eachCell((cell) => typeof cell.value === "string" && texts.push(cell.value)),
    );
    expect(texts).toContain("NGUỒN SỐ LIỆU");
    expect(texts).toContain(
      "2. Tệp “bieu-ii07b.xlsx”: Biểu số II.07b/VPCP/KSTT; trang “Biểu II.07b” (3 đơn vị); kỳ năm (“Kỳ báo cáo: năm 2025 (số liệu đến ngày 15/12/2025)”); số liệu đến ngày 15/12/2025.",
    );
  });

  it("shows both figures when they differ, and --prefer bang keeps the table's", async () => {
    const { run } = await joined("--prefer", "bang");
    const report: JsonReport = JSON.parse(run.stdout);
    const unit = (name: string) => report.units.find((u) => u.name === name);
    expect(unit("Sở Nông nghiệp và Môi trường")?.score766).toBe(80.5);
    expect(unit("Sở Nông nghiệp và Môi trường")?.origin).toContain("giữ số liệu của bảng theo dõi");
    // The table's 100% at both levels stands against II.07b's 10/12 at xã.
    expect(unit("Thuế tỉnh An Giang")?.points["IV.9"]).toBe(35);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        level: "warning",
        message:
          "Trang “Theo dõi 2025”, dòng 16, cột B: “Thuế tỉnh An Giang”: tỷ lệ một cửa trong bảng (cấp tỉnh 100%; cấp xã 100%) khác tệp “bieu-ii07b.xlsx” (trang “Biểu II.07b”, dòng 8) (cấp tỉnh 100%; cấp xã 83,33%); giữ số liệu của bảng theo dõi (đổi bằng --prefer).",
      }),
    );
    const byDefault = JSON.parse((await joined()).run.stdout) as JsonReport;
    expect(byDefault.units.find((u) => u.name === "Thuế tỉnh An Giang")?.points["IV.9"]).toBe(0);
  });
});

describe("source files that cannot be used: a Vietnamese message naming file, sheet and row; nothing written", () => {
  async function refused(sheets: SheetSpec[], message: string | RegExp) {
    const tracking = await write("theo-doi-2025.xlsx", tracking2025());
    const source = await write("nguon.xlsx", sheets);
    const run = await cli("score", tracking, "--source", source);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(await exists(path.join(dir, "theo-doi-2025-da-tinh-diem.xlsx"))).toBe(false);
  }

  it("a unit of another province (code prefix)", () =>
    refused(
      [
        {
          name: "Sở Ban",
          rows: [
            PORTAL_HEADER,
            portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75"),
            portalRow(2, "Sở Nội vụ - tỉnh An Giang", "H01.13", 2, "88"),
            portalRow(3, "Sở Tư pháp - tỉnh An Giang", "H02.12", 2, "70"),
          ],
        },
      ],
      "Lỗi: Tệp “nguon.xlsx”: có đơn vị của tỉnh khác: phần lớn đơn vị mang mã tỉnh H01, nhưng\n  - trang “Sở Ban”, dòng 4: “Sở Tư pháp - tỉnh An Giang” mã H02.12 (tỉnh mã H02)\nChưa có gì được ghi.",
    ));

  it("a unit of another province (name suffix)", () =>
    refused(
      [
        {
          name: "Sở Ban",
          rows: [
            PORTAL_HEADER,
            portalRow(1, "Sở Tư pháp - tỉnh An Giang", "", 2, "93.75"),
            portalRow(2, "Sở Nội vụ - tỉnh An Giang", "", 2, "88"),
            portalRow(3, "Sở Y tế - tỉnh Đồng Tháp", "", 2, "70"),
          ],
        },
      ],
      /có đơn vị của tỉnh khác: phần lớn đơn vị thuộc tỉnh An Giang, nhưng\n {2}- trang “Sở Ban”, dòng 4: “Sở Y tế - tỉnh Đồng Tháp”/,
    ));

  it("a unit listed twice", () =>
    refused(
      [
        {
          name: "Sở Ban",
          rows: [
            PORTAL_HEADER,
            portalRow(1, "Sở Tư pháp - tỉnh An Giang", "", 2, "93.75"),
            portalRow(2, "SỞ TƯ PHÁP - tỉnh An Giang", "", 2, "88"),
          ],
        },
      ],
      "Tệp “nguon.xlsx”: một đơn vị xuất hiện hai lần, không biết dùng số liệu nào:\n  - trang “Sở Ban”, dòng 3: “SỞ TƯ PHÁP - tỉnh An Giang” trùng với trang “Sở Ban”, dòng 2 (“Sở Tư pháp - tỉnh An Giang”)",
    ));

  it("no recognisable table", () =>
    refused(
      [{ name: "Ghi chú", rows: [["Danh sách gửi kèm"], ["Xem tệp đính kèm"]] }],
      /^Lỗi: Tệp “nguon.xlsx”: Không tìm thấy bảng đơn vị trong tệp/,
    ));

  it("a portal export whose sheets are all provinces", () =>
    refused(
      [{ name: "Tỉnh thành", rows: [PORTAL_HEADER, portalRow(1, "Tỉnh An Giang", "H01", 1, "88.1")] }],
      "Tệp “nguon.xlsx”: không có bảng đơn vị nào nhận ra được:\n  - trang “Tỉnh thành”: trang các tỉnh, thành phố (LOAI_COQUAN = 1), không phải đơn vị của tỉnh: bỏ qua.",
    ));

  it("a portal export with sheets of two periods", () =>
    refused(
      [
        {
          name: "Điểm năm",
          rows: [PORTAL_HEADER, portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75")],
        },
        {
          name: "Điểm tháng",
          rows: [PORTAL_HEADER, portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "71")],
        },
      ],
      "Tệp “nguon.xlsx”: tệp có điểm của nhiều kỳ khác nhau; hãy chọn một trang (--sheet) hoặc để lại trong tệp chỉ trang của kỳ cần dùng:\n  - trang “Điểm năm”: kỳ năm\n  - trang “Điểm tháng”: kỳ tháng",
    ));

  it("reads text scores with '.' or ',' and names a score it cannot read", async () => {
    const tracking = await write("theo-doi-2025.xlsx", tracking2025());
    const source = await write("nguon.xlsx", [
      {
        name: "Sở Ban",
        rows: [
          PORTAL_HEADER,
          portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75"),
          portalRow(2, "Sở Nông nghiệp và Môi trường - tỉnh An Giang", "H01.05", 2, "84,37"),
          portalRow(3, "Thanh tra tỉnh An Giang", "H01.30", 2, "8l.25"),
          portalRow(4, "Sở Ngoại vụ - tỉnh An Giang", "H01.20", 2, ""),
        ],
      },
    ]);
    const run = await cli("score", tracking, "--source", source, "--json");
    expect(run.code).toBe(0);
    const report: JsonReport = JSON.parse(run.stdout);
    const unit = (name: string) => report.units.find((u) => u.name === name);
    expect(unit("Sở Tư pháp")?.score766).toBe(93.75);
    expect(unit("Sở Nông nghiệp và Môi trường")?.score766).toBe(84.37);
    expect(unit("Thanh tra tỉnh")?.score766).toBeNull();
    expect(unit("Sở Ngoại vụ")?.score766).toBe(82);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        file: "nguon.xlsx",
        level: "error",
        message:
          "Tệp “nguon.xlsx”, trang “Sở Ban”, dòng 4, cột N: không đọc được điểm TONG_SCORE “8l.25” thành số từ 0 đến 100.",
      }),
    );
  });

  it("refuses --formulas with --source and a source that is the input itself", async () => {
    const tracking = await write("theo-doi-2025.xlsx", tracking2025());
    expect((await cli("score", tracking, "--source", tracking)).code).toBe(2);
    const run = await cli("score", tracking, "--source", "x.xlsx", "--formulas");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--formulas chưa dùng được cùng --source/);
  });
});
