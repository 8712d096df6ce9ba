/**
 * `kstthc ho-so`: the award dossier of a 2025 workbook of 117 units (110 proposed), printed by LibreOffice:
 * three A4 documents, every proposed unit named in the list, no words over each other; a run left with
 * errors marks every document as a draft and exits 3; an unwritable folder is refused before anything.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { overprints, pagesOf, printToPdf, type Page } from "../print/pdf";
import { cli } from "../helpers/cli";
import { provinceSheet, provinceUnits } from "../helpers/province-2025";
import { tempDir, writeXlsx } from "../helpers/workbooks";

jest.setTimeout(300_000);

const FILES = [
  "cong-van-de-xuat-khen-thuong-2025.docx",
  "danh-sach-tap-the-de-nghi-khen-thuong-2025.docx",
  "to-trinh-de-nghi-khen-thuong-2025.docx",
];

let dir: string;
let input: string;
let folder: string;
let report: Record<string, unknown> & {
  dossier: {
    draft: boolean;
    documents: { kind: string; file: string }[];
    checklist: { item: string; made: boolean; note: string }[];
    collectives: { name: string }[];
  };
};
let code: number;
const printed: Page[][] = [];
const texts: string[] = [];
const flat = (t: string) => t.replace(/\s+/g, " ");

beforeAll(async () => {
  dir = await tempDir();
  input = await writeXlsx(dir, "tinh-2025.xlsx", [provinceSheet()]);
  folder = path.join(dir, "ho so", "2025");
  const run = await cli("ho-so", input, "-o", folder, "--json");
  code = run.code;
  report = JSON.parse(run.stdout);
  const pdfs = await printToPdf(
    FILES.map((f) => path.join(folder, f)),
    dir,
  );
  for (const pdf of pdfs) {
    const pages = await pagesOf(pdf);
    printed.push(pages);
    texts.push(flat(pages.map((p) => p.map((w) => w.text).join(" ")).join(" ")));
  }
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("the dossier of 117 units, 110 proposed", () => {
  it("writes the three documents into a folder it makes, and exits 0", async () => {
    expect(code).toBe(0);
    expect((await fs.readdir(folder)).sort()).toEqual([...FILES].sort());
    expect(report.dossier.documents.map((d) => path.basename(d.file))).toEqual(FILES);
    expect(report.dossier.draft).toBe(false);
  });

  it("prints each on A4 with no words over each other", () => {
    for (const [i, pages] of printed.entries()) {
      const over = pages.flatMap((p, n) =>
        overprints(p).map(([a, b]) => `${FILES[i]} p${n + 1}: ${a.text}/${b.text}`),
      );
      expect(over).toEqual([]);
    }
  });

  it("names every proposed unit in the list of collectives, in order, with the award form", () => {
    const list = texts[1];
    const names = provinceUnits()
      .filter((u) => u.score > 80)
      .map((u) => u.name);
    expect(names).toHaveLength(110);
    let at = 0;
    for (const name of names) {
      const found = list.indexOf(name, at);
      expect([name, found >= 0]).toEqual([name, true]);
      at = found;
    }
    expect(list).toContain("DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG");
    expect(list).toContain("Bằng khen của Chủ tịch UBND tỉnh");
    expect(report.dossier.collectives.map((c) => c.name)).toEqual(names);
  });

  it("has a tờ trình citing the law, NĐ 152/2025 and Sở Nội vụ's opinion left to fill", () => {
    const submission = texts[2];
    expect(submission).toContain("TỜ TRÌNH");
    expect(submission).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh");
    expect(submission).toContain("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;");
    expect(submission).toContain("Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ");
    expect(submission).toContain("Căn cứ ý kiến của Sở Nội vụ tại Công văn số … ngày … tháng … năm …");
    expect(submission).toContain("cho 110 tập thể");
    expect(printed[2].length).toBeLessThanOrEqual(2);
  });

  it("attaches the list of units above 80 to the letter, and counts them in its sentences", () => {
    const letter = texts[0];
    expect(letter).toContain("110 đơn vị, gồm 10 sở, ban, ngành và 100 UBND cấp xã (có danh sách kèm theo)");
    expect(letter).toContain("DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHÍ III");
    expect(letter).toContain("UBND phường Thử nghiệm 093");
  });

  it("lists what the file still needs, made by the tool or not", () => {
    expect(report.dossier.checklist.map((c) => [c.item, c.made])).toEqual([
      ["Công văn lấy ý kiến Sở Nội vụ (kèm danh sách)", true],
      ["Ý kiến của Sở Nội vụ (Ban Thi đua - Khen thưởng)", false],
      ["Tờ trình đề nghị khen thưởng", true],
      ["Danh sách tập thể đề nghị khen thưởng", true],
      ["Báo cáo thành tích của từng tập thể, có xác nhận của cơ quan đề nghị", false],
      ["Biên bản họp xét của Hội đồng thi đua, khen thưởng", false],
    ]);
    expect(report.dossier.checklist[4].note).toBe(
      "Cần 110 báo cáo, theo mẫu của Nghị định số 152/2025/NĐ-CP.",
    );
  });
});

describe("a dossier from a run left with errors", () => {
  it("marks every document as a draft, says so in the checklist, and exits 3", async () => {
    const units = provinceUnits().slice(0, 14);
    const sheet = provinceSheet(units);
    // A figure that cannot be read: an error at its cell.
    sheet.rows[3 + 2][3] = "8x,5";
    const file = await writeXlsx(dir, "loi.xlsx", [sheet]);
    const out = path.join(dir, "loi");
    const run = await cli("ho-so", file, "-o", out);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain("DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI.");
    expect(run.stdout).toMatch(/\[x\] Tờ trình đề nghị khen thưởng: .*\(dự thảo: còn lỗi cần sửa\)/);
    const pdfs = await printToPdf(
      FILES.map((f) => path.join(out, f)),
      out,
    );
    for (const pdf of pdfs) {
      const [first] = await pagesOf(pdf);
      expect(flat(first.map((w) => w.text).join(" "))).toMatch(/^DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI/);
    }
  });
});

describe("where the dossier cannot go", () => {
  it("refuses a folder it may not write to, before reading or writing anything", async () => {
    // A folder without the right to write; as root (who may write anywhere) the kernel's /sys instead.
    const root = process.getuid?.() === 0;
    const locked = root ? "/sys" : path.join(dir, "khoa");
    if (!root) {
      await fs.mkdir(locked);
      await fs.chmod(locked, 0o500);
    }
    try {
      const run = await cli("ho-so", path.join(dir, "khong-co.xlsx"), "-o", path.join(locked, "ho-so"));
      // Refused for the folder, not for the missing workbook: the folder is checked first.
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /^Lỗi: Không ghi được vào thư mục “.*” \((EACCES|EPERM)\).*Chưa có gì được ghi\.\n$/,
      );
      await expect(fs.stat(path.join(locked, "ho-so"))).rejects.toThrow();
    } finally {
      if (!root) await fs.chmod(locked, 0o700);
    }
  });

  it("refuses a file given as the folder, and the options that write a workbook", async () => {
    const run = await cli("ho-so", input, "-o", input);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/là một tệp, không phải thư mục/);
    const usage = await cli("ho-so", input, "--docx", path.join(dir, "x.docx"));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^Lệnh ho-so chỉ ghi các văn bản Word/);
  });
});
