/** `kstthc score --docx` and `kstthc letter`, run in-process on a copy of the sample. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { parseCommandLine, USAGE } from "../../src/cli/args";
import { EXIT_OK, EXIT_UNUSABLE, EXIT_USAGE } from "../../src/cli/main";
import type { JsonReport } from "../../src/core/report";
import { all, openDocx, textOf } from "./docx-xml";
import { SAMPLE_XLSX, tempDir } from "./fixtures";
import { cli } from "../helpers/cli";

let dir: string;
let input: string;
const inDir = (...names: string[]) => path.join(dir, ...names);
const listing = async () => (await fs.readdir(dir)).sort();

beforeEach(async () => {
  dir = await tempDir();
  input = inDir("theo-doi.xlsx");
  await fs.copyFile(SAMPLE_XLSX, input);
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

/** The body paragraphs of a written letter: those between "Kính gửi" and the signature table. */
async function bodyOf(file: string): Promise<string[]> {
  const { body } = await openDocx(await fs.readFile(file));
  const texts = body.children.filter((c) => c.name === "w:p").map(textOf);
  return texts.slice(texts.findIndex((t) => t.startsWith("Kính gửi:")) + 1, texts.indexOf(""));
}

describe("kstthc score --docx", () => {
  it("writes the scored workbook and the letter beside it", async () => {
    const run = await cli("score", input, "--docx", inDir("cong-van.docx"), "--json");
    expect([run.code, run.stderr]).toEqual([EXIT_OK, ""]);
    expect(await listing()).toEqual(["cong-van.docx", "theo-doi-da-tinh-diem.xlsx", "theo-doi.xlsx"]);
    const report: JsonReport = JSON.parse(run.stdout);
    expect(await bodyOf(inDir("cong-van.docx"))).toEqual(report.letter.paragraphs);
  });

  it("says where it wrote both files", async () => {
    const run = await cli("score", input, "-o", inDir("kq.xlsx"), "--docx", inDir("out", "cv.docx"));
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toContain(`Đã ghi tệp kết quả: ${inDir("kq.xlsx")}`);
    expect(run.stdout).toContain(`Đã ghi công văn: ${inDir("out", "cv.docx")}`);
    const opened = await openDocx(await fs.readFile(inDir("out", "cv.docx")));
    expect(all(opened.body, "w:tbl")).toHaveLength(3);
  });

  it("keeps its behaviour without --docx", async () => {
    expect((await cli("score", input)).code).toBe(EXIT_OK);
    expect(await listing()).toEqual(["theo-doi-da-tinh-diem.xlsx", "theo-doi.xlsx"]);
  });
});

describe("kstthc letter", () => {
  it("writes only the letter and leaves the workbook untouched", async () => {
    const before = await fs.readFile(input);
    const run = await cli("letter", input, "--docx", inDir("cv.docx"));
    expect([run.code, run.stderr]).toEqual([EXIT_OK, ""]);
    expect(run.stdout).toContain(`Đã ghi công văn: ${inDir("cv.docx")}`);
    expect(await listing()).toEqual(["cv.docx", "theo-doi.xlsx"]);
    expect(Buffer.compare(await fs.readFile(input), before)).toBe(0);
    const body = await bodyOf(inDir("cv.docx"));
    expect(body[0]).toMatch(/^Căn cứ Quyết định số 568\/QĐ-UBND/);
    expect(body.at(-1)).toBe("Văn phòng UBND tỉnh đề nghị đơn vị quan tâm, phối hợp thực hiện./.");
  });

  it("takes --sheet", async () => {
    expect((await cli("letter", input, "--docx", inDir("cv.docx"), "--sheet", "Theo dõi 2023")).code).toBe(
      EXIT_OK,
    );
    expect(await listing()).toEqual(["cv.docx", "theo-doi.xlsx"]);
    await fs.rm(inDir("cv.docx"));
    const run = await cli("letter", input, "--docx", inDir("cv.docx"), "--sheet", "Không có trang này");
    expect(run.code).toBe(EXIT_UNUSABLE);
    expect(await listing()).toEqual(["theo-doi.xlsx"]);
  });
});

describe("nothing is written when the input is unusable", () => {
  it("a missing input exits 1", async () => {
    for (const argv of [
      ["score", inDir("thieu.xlsx"), "--docx", inDir("cv.docx")],
      ["letter", inDir("thieu.xlsx"), "--docx", inDir("cv.docx")],
    ]) {
      const run = await cli(...argv);
      expect(run.code).toBe(EXIT_UNUSABLE);
      expect(run.stderr).toMatch(/^Lỗi: Không tìm thấy hoặc không đọc được tệp/);
      expect(await listing()).toEqual(["theo-doi.xlsx"]);
    }
  });

  it("a file that is not an .xlsx exits 1", async () => {
    await fs.writeFile(inDir("gia.xlsx"), "không phải Excel");
    const run = await cli("letter", inDir("gia.xlsx"), "--docx", inDir("cv.docx"));
    expect(run.code).toBe(EXIT_UNUSABLE);
    expect(await listing()).toEqual(["gia.xlsx", "theo-doi.xlsx"]);
  });
});

describe("usage", () => {
  it("letter refuses the options that write a workbook", async () => {
    for (const argv of [
      ["letter", input, "--docx", inDir("cv.docx"), "-o", inDir("kq.xlsx")],
      ["letter", input, "--docx", inDir("cv.docx"), "--no-criteria-sheet"],
      ["score", input, "--docx", input],
      ["score", input, "-o", inDir("a.docx"), "--docx", inDir("a.docx")],
      ["score", input, "--docx", ""],
    ]) {
      const run = await cli(...argv);
      expect(run.code).toBe(EXIT_USAGE);
      expect(run.stderr).toContain(USAGE);
    }
    expect(await listing()).toEqual(["theo-doi.xlsx"]);
  });

  it("parses both commands", () => {
    expect(parseCommandLine(["letter", "a.xlsx", "--docx", "b.docx", "--sheet", "DS"])).toEqual({
      command: "letter",
      input: "a.xlsx",
      docx: "b.docx",
      sheet: "DS",
      json: false,
      mapping: undefined,
    });
    expect(parseCommandLine(["score", "a.xlsx", "--docx", "b.docx"])).toMatchObject({
      command: "score",
      docx: "b.docx",
    });
  });

  it("documents the new command and option in Vietnamese", () => {
    expect(USAGE).toContain("kstthc letter TỆP.xlsx [--docx CÔNG_VĂN.docx]");
    expect(USAGE).toMatch(/--docx\s+Ghi công văn/);
    expect(USAGE).toBe(USAGE.normalize("NFC"));
  });
});
