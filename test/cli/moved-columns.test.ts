/**
 * Moved columns (issue #23, item 5): a column the user inserts inside the table after scoring moves the
 * tool's columns right; the next run finds them by its record and their headers and writes over them (no
 * second set), with no warning about a changed output range. A row of column numbers "(1) (2) (2a) (3)"
 * under the header is no unit and no figure.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import { tempDir } from "../helpers/workbooks";
import { cli, readBook } from "../helpers/cli";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const TABLE = [
  `ws.title = "Đơn vị"`,
  `ws.append(["BẢNG THEO DÕI THI ĐUA NĂM 2025"])`,
  `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa cấp tỉnh (%)"])`,
  `ws.append(["(1)", "(2)", "(2a)", "(3)", "(4)=(5)/(6)"])`,
  `ws.append([1, "Sở Ngoại vụ", "Sở, ban, ngành", 85.2, None])`,
  `ws.append([2, "Sở Tư pháp", "Sở, ban, ngành", 80, None])`,
  `ws.append([3, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", None, 100])`,
].join("\n");

async function score(input: string, output: string) {
  const run = await cli("score", input, "-o", path.join(dir, output), "--json");
  expect(run.stderr).toBe("");
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, file: path.join(dir, output) };
}

/** The header row's texts, as Excel shows them. */
async function headerRow(file: string): Promise<string[]> {
  const sheet = (await readBook(file)).getWorksheet("Đơn vị")!;
  const texts: string[] = [];
  sheet
    .getRow(2)
    .eachCell({ includeEmpty: true }, (cell, col) => (texts[col - 1] = String(cell.value ?? "")));
  return Array.from(texts, (t) => t ?? "");
}

describe("a column inserted after scoring", () => {
  it("reads a row of column numbers as no unit, and scores the table", async () => {
    const input = await writeWithOpenpyxl(dir, "so-cot.xlsx", TABLE);
    const { code, report } = await score(input, "so-cot-1.xlsx");
    expect(code).toBe(0);
    expect(report.units.map((u) => u.name)).toEqual(["Sở Ngoại vụ", "Sở Tư pháp", "Bảo hiểm xã hội tỉnh"]);
    expect(report.skippedRows).toContainEqual({ row: 3, reason: "numbering" });
    expect(report.problems.filter((p) => p.level === "error")).toEqual([]);
  });

  it("finds the tool's columns where they moved and writes over them, then changes nothing", async () => {
    const input = await writeWithOpenpyxl(dir, "goc.xlsx", TABLE);
    const first = await score(input, "lan-1.xlsx");
    const before = await headerRow(first.file);
    expect(before[5]).toBe("Điểm tiêu chí III");

    // The user inserts a column "Mã đơn vị" inside the table (before D) in the scored file.
    const moved = await writeWithOpenpyxl(
      dir,
      "da-chen-cot.xlsx",
      [
        `wb = openpyxl.load_workbook(${JSON.stringify(first.file)})`,
        `ws = wb["Đơn vị"]`,
        `ws.insert_cols(4)`,
        `ws["D2"] = "Mã đơn vị"`,
        `ws["D3"] = "(2b)"`,
        `for r, code in ((4, "H01.20"), (5, "H01.12"), (6, "BHXH")): ws.cell(row=r, column=4, value=code)`,
      ].join("\n"),
    );
    const second = await score(moved, "lan-2.xlsx");
    const after = await headerRow(second.file);
    expect(after.slice(0, 5)).toEqual(["STT", "Tên đơn vị", "Khối", "Mã đơn vị", "Điểm Bộ chỉ số 766"]);
    // One set of the tool's columns, one column to the right of where it stood.
    expect(after.slice(6)).toEqual(before.slice(5));
    expect(after.filter((t) => t === "Điểm tiêu chí III")).toHaveLength(1);
    expect(second.report.eligible).toEqual(first.report.eligible);
    expect(second.report.problems.map((p) => p.message).join("\n")).not.toContain("vùng kết quả");
    expect(second.report.problems.filter((p) => p.level === "error")).toEqual([]);

    const third = await score(second.file, "lan-3.xlsx");
    expect(Buffer.compare(await fs.readFile(third.file), await fs.readFile(second.file))).toBe(0);
  });
});
