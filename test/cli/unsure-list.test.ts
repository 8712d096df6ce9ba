/**
 * An unsure list is said so (issue #23, item 6): formulas openpyxl wrote without a value touch the 766
 * score of two units; the run writes its results but exits 3, the JSON report says `complete: false` and
 * names the units, the letter on "Tổng hợp" and in the .docx starts with "DỰ THẢO — CÒN 2 LỖI …". The
 * same workbook calculated and saved by LibreOffice is complete: exit 0, no such line.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { openDocx, textOf } from "../docx/docx-xml";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";
import { tempDir } from "../helpers/workbooks";
import { cli, readBook } from "../helpers/cli";

const MARK = "DỰ THẢO — CÒN 2 LỖI CẦN SỬA TRƯỚC KHI GỬI";
const FORMULAS = [
  `ws.title = "Đơn vị"`,
  `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa cấp tỉnh"])`,
  `ws.append([1, "Sở Ngoại vụ", "Sở", 91, None])`,
  `ws.append([2, "Sở Tư pháp", "Sở", "=Nguon!B2", None])`,
  `ws.append([3, "Sở Y tế", "Sở", "=ROUND(D2-5,2)", None])`,
  `ws.append([4, "Sở Nội vụ", "Sở", 70, None])`,
  `src = wb.create_sheet("Nguon")`,
  `src.append(["Đơn vị", "Điểm"])`,
  `src.append(["Sở Tư pháp", 88])`,
].join("\n");

let dir: string;
let openpyxl: string;
let libre: string;
beforeAll(async () => {
  dir = await tempDir();
  openpyxl = await writeWithOpenpyxl(dir, "cong-thuc.xlsx", FORMULAS);
  [libre] = await convertWithLibreOffice([openpyxl], "xlsx", dir);
}, 120_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function score(input: string, tag: string, json = true) {
  const out = path.join(dir, `${tag}.xlsx`);
  const docx = path.join(dir, `${tag}.docx`);
  const run = await cli("score", input, "-o", out, "--docx", docx, ...(json ? ["--json"] : []));
  expect(run.stderr).toBe("");
  const summary = (await readBook(out)).getWorksheet("Tổng hợp")!;
  const { body } = await openDocx(await fs.readFile(docx));
  const paragraphs = body.children.filter((c) => c.name === "w:p").map(textOf);
  return { run, out, summary, firstParagraph: paragraphs[0] };
}

describe("a list an error touches", () => {
  it("is written, exit 3, complete: false with the units named, and the letter starts with the draft line", async () => {
    const { run, summary, firstParagraph } = await score(openpyxl, "openpyxl");
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report).toMatchObject({ complete: false, unsure: ["Sở Tư pháp", "Sở Y tế"] });
    expect(report.letter.draftMark).toBe(MARK);
    expect(summary.getCell("A1").value).toBe(MARK);
    // The letter itself follows, a row lower.
    expect(summary.getCell("A2").value).toBe(report.letter.parentBody);
    expect(firstParagraph).toBe(MARK);
  });

  it("says so in the summary the CLI prints", async () => {
    const { run } = await score(openpyxl, "text", false);
    expect(run.code).toBe(3);
    expect(run.stdout).toContain(
      `${MARK}: danh sách dưới đây chưa chắc đúng vì 2 lỗi ở số liệu cần để tính điểm của 2 đơn vị (“Sở Tư pháp”, “Sở Y tế”)`,
    );
  });

  it("gives the same draft, byte for byte, when scored again", async () => {
    const first = await score(openpyxl, "lan-1");
    const second = await score(first.out, "lan-2");
    expect(second.run.code).toBe(3);
    expect(Buffer.compare(await fs.readFile(second.out), await fs.readFile(first.out))).toBe(0);
  });
});

describe("the same workbook calculated by LibreOffice", () => {
  it("is complete: exit 0, complete: true, no draft line", async () => {
    const { run, summary, firstParagraph } = await score(libre, "libre");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report).toMatchObject({ complete: true, unsure: [] });
    expect(report.letter.draftMark).toBeUndefined();
    expect(summary.getCell("A1").value).toBe(report.letter.parentBody);
    expect(firstParagraph).not.toContain("DỰ THẢO");
  });
});

it("documents exit 3 in --help", async () => {
  const run = await cli("--help");
  expect(run.stdout).toContain("3  Đã ghi, nhưng có lỗi ở số liệu cần để tính điểm");
});
