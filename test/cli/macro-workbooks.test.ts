/**
 * Macro workbooks through the CLI (issue #23, item 4): an .xlsm in gives an .xlsm out, its VBA project
 * byte for byte and its macro-enabled content type kept; `-o x.xlsx` for it is refused, nothing written.
 */
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { cli } from "../helpers/cli";
import {
  MACRO_MAIN,
  MACRO_PROPOSED,
  VBA_PART,
  vbaProjectBytes,
  writeMacroWorkbook,
} from "../helpers/macro-workbook";
import { tempDir } from "../helpers/workbooks";

let dir: string;
let input: string;
beforeAll(async () => {
  dir = await tempDir();
  input = await writeMacroWorkbook(dir);
}, 120_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function typesAndVba(file: string) {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  return {
    types: await zip.file("[Content_Types].xml")!.async("string"),
    vba: await zip.file(VBA_PART)?.async("uint8array"),
    rels: await zip.file("xl/_rels/workbook.xml.rels")!.async("string"),
  };
}

describe("an .xlsm workbook", () => {
  it("is written by default as <name>-da-tinh-diem.xlsm with its VBA project and content types", async () => {
    const run = await cli("score", input, "--json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).eligible).toEqual(MACRO_PROPOSED);
    const output = path.join(dir, "theo-doi-macro-da-tinh-diem.xlsm");
    const { types, vba, rels } = await typesAndVba(output);
    expect(Buffer.from(vba!).equals(Buffer.from(vbaProjectBytes()))).toBe(true);
    expect(types).toContain(`<Override PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"/>`);
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(rels).toContain('Target="vbaProject.bin"');
    // Its sheets were added as worksheets of the macro workbook.
    expect(types).toMatch(/worksheet\+xml/);
    await expect(fs.access(path.join(dir, "theo-doi-macro-da-tinh-diem.xlsx"))).rejects.toThrow();

    // Scored again, the output stays an .xlsm and changes nothing.
    const again = path.join(dir, "lan-hai.xlsm");
    expect((await cli("score", output, "-o", again)).code).toBe(0);
    expect(Buffer.from(await fs.readFile(again)).equals(Buffer.from(await fs.readFile(output)))).toBe(true);
  });

  it("is refused with -o x.xlsx, with the reason, and nothing is written", async () => {
    const target = path.join(dir, "x.xlsx");
    const run = await cli("score", input, "-o", target);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "Lỗi: Tệp “theo-doi-macro.xlsm” là sổ tính có macro (.xlsm): tệp kết quả giữ macro nên phải có đuôi .xlsm, Excel không mở tệp “.xlsx” có macro. Hãy đặt tên tệp kết quả có đuôi .xlsm (hoặc bỏ -o để dùng tên mặc định). Chưa có gì được ghi.\n",
    );
    expect(await fs.readdir(dir)).not.toContain("x.xlsx");
  });

  it("refuses the reverse too: an .xlsx written as .xlsm", async () => {
    const run = await cli(
      "score",
      path.join(__dirname, "..", "..", "examples", "theo-doi-thi-dua-kstthc-2023.xlsx"),
      "-o",
      path.join(dir, "y.xlsm"),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("là sổ tính không có macro (.xlsx): tệp kết quả phải có đuôi .xlsx");
    expect(await fs.readdir(dir)).not.toContain("y.xlsm");
  });
});
