/**
 * `kstthc score` on the province example (issue 26): the JSON report's rating, rank, maximum and
 * evidence, the output columns read back by an independent reader, the appendix's columns, and a run
 * over its own output that changes nothing.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { cli, readBook } from "../helpers/cli";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "bang-tieu-chi-rieng-minh-hoa-2025.xlsx");

describe("the CLI on a province's own table", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kstthc-province-"));
  const output = path.join(dir, "ket-qua.xlsx");
  const docx = path.join(dir, "cong-van.docx");

  it("reports each unit's emulation rating, rank in group, maximum, evidence and differences", async () => {
    const run = await cli("score", EXAMPLE, "-o", output, "--docx", docx, "--json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      units: Record<string, unknown>[];
    };
    const thanhTra = report.units.find((u) => u.name === "Thanh tra tỉnh");
    expect(thanhTra).toMatchObject({
      total: 98.82,
      maximum: 85,
      emulationRating: "Hoàn thành xuất sắc",
      rankInGroup: 2,
      evidence: [
        { code: "I.1", evidence: "Báo cáo số 05/BC-TTr" },
        { code: "IV", evidence: "Báo cáo số 06/BC-TTr" },
      ],
    });
    expect(report.units.find((u) => u.name === "Sở Y tế")).toMatchObject({
      differences: [{ code: "I.1", self: 10, computed: 9 }],
    });
  });

  it("writes the rating and the rank beside the proposal, and both in the appendix", async () => {
    const sheet = (await readBook(output)).getWorksheet("Theo dõi");
    const header = (sheet?.getRow(4).values as unknown[]).filter(Boolean);
    const at = header.indexOf("Xếp loại thi đua");
    expect(header.slice(at - 1, at + 3)).toEqual([
      "Đề xuất khen thưởng",
      "Xếp loại thi đua",
      "Xếp hạng trong khối",
      "Cách tính điểm",
    ]);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")?.async("string");
    expect(xml).toContain("Xếp loại thi đua");
    expect(xml).toContain("Xếp hạng trong khối");
  });

  it("lists each proposed unit's evidence with its criterion in the summary's list", async () => {
    const summary = (await readBook(output)).getWorksheet("Tổng hợp");
    const texts: string[] = [];
    summary?.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    const thanhTra = texts.indexOf("Thanh tra tỉnh");
    expect(texts[thanhTra + 2]).toBe(
      "I.1 (10 điểm; minh chứng: Báo cáo số 05/BC-TTr); I.2 (10 điểm); II.1 (30 điểm); II.2 (10 điểm); II.3 (10 điểm); IV (9 điểm; minh chứng: Báo cáo số 06/BC-TTr)",
    );
  });

  it("changes nothing when run on its own output", async () => {
    const again = path.join(dir, "lan-hai.xlsx");
    expect((await cli("score", output, "-o", again)).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(output))).toBe(true);
  });
});

describe("a province's table typed by a clerk, saved by openpyxl and by LibreOffice", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kstthc-province-foreign-"));
  // ASCII comparisons, decimal commas, a share typed as a percent-formatted 0.85, "x" for evidence.
  const body = `
ws.title = "Đơn vị"
for row in [
    ["STT", "Tên đơn vị", "Khối", "Điểm 766", "Điểm II", "Minh chứng II", "Thẩm định III"],
    [1, "Sở Tư pháp", "Sở, ban, ngành", 92.5, 16, "Báo cáo 12/BC", None],
    [2, "Sở Y tế", "Sở, ban, ngành", 84.37, 20, None, 10],
    [3, "Thanh tra tỉnh", "Sở, ban, ngành", 81, "không áp dụng", None, None],
]:
    ws.append(row)
c = wb.create_sheet("Tiêu chí")
for row in [
    ["Mã", "Tên tiêu chí", "Điểm tối đa", "Cách tính", "Dữ liệu", "So sánh", "Ngưỡng", "Mục tiêu", "Áp dụng cho khối", "Khi không áp dụng", "Cần minh chứng"],
    ["III", "Bộ chỉ số 766", 30, "bậc", "Điểm 766", None, ">=90 : 30 ; >80:20;>= 69,5: 10"],
    ["II", "Tuyên truyền", 20, "Nhập tay", "Điểm II", None, None, None, None, "đủ điểm", "x"],
    [],
    ["CÀI ĐẶT"],
    ["Xếp loại thi đua", "Hoàn thành xuất sắc", 45, 0.85],
    ["Xếp loại thi đua", "Hoàn thành tốt", 40, "80 %"],
    ["Xếp hạng trong khối", "Có"],
]:
    c.append(row)
c["D6"].number_format = "0%"
`;

  it.each(["openpyxl", "LibreOffice"])("scores the table saved by %s as typed", async (writer) => {
    const written = await writeWithOpenpyxl(dir, "tinh.xlsx", body);
    const [file] = writer === "openpyxl" ? [written] : await convertWithLibreOffice([written], "xlsx", dir);
    const run = await cli("score", file, "-o", path.join(dir, `${writer}.xlsx`), "--json");
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { units: Record<string, unknown>[] };
    expect(report.units.map((u) => [u.name, u.points, u.total, u.emulationRating, u.rankInGroup])).toEqual([
      ["Sở Tư pháp", { III: 30, II: 16 }, 46, "Hoàn thành tốt", 1],
      ["Sở Y tế", { III: 10, II: 0 }, 10, "Không đạt xếp loại", 3],
      ["Thanh tra tỉnh", { III: 20, II: 20 }, 40, "Không đạt xếp loại", 2],
    ]);
    expect(report.units[1]).toMatchObject({
      explanations: {
        III: "thẩm định: 10 điểm (tính được 20)",
        II: "chưa có minh chứng hay giải trình → 0 điểm (tính được 20)",
      },
    });
  });
});

describe("the rating and rank columns moved by a column the user inserts", () => {
  it("are found where they moved and written over, not written a second time", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kstthc-province-moved-"));
    const first = path.join(dir, "lan-1.xlsx");
    expect((await cli("score", EXAMPLE, "-o", first)).code).toBe(0);
    const moved = await writeWithOpenpyxl(
      dir,
      "da-chen-cot.xlsx",
      [
        `wb = openpyxl.load_workbook(${JSON.stringify(first)})`,
        `ws = wb["Theo dõi"]`,
        `ws.insert_cols(3)`,
        `ws["C4"] = "Mã đơn vị"`,
      ].join("\n"),
    );
    const second = path.join(dir, "lan-2.xlsx");
    const run = await cli("score", moved, "-o", second, "--json");
    expect(run.stderr).toBe("");
    const headers = (((await readBook(second)).getWorksheet("Theo dõi")?.getRow(4).values ?? []) as unknown[])
      .filter(Boolean)
      .map(String);
    for (const header of ["Điểm tiêu chí I.1", "Xếp loại thi đua", "Xếp hạng trong khối", "Cách tính điểm"])
      expect(headers.filter((h) => h === header)).toHaveLength(1);
    const report = JSON.parse(run.stdout) as { problems: { message: string }[] };
    expect(report.problems.map((p) => p.message).join("\n")).not.toMatch(/vùng kết quả của lần chạy trước/);
  });
});
