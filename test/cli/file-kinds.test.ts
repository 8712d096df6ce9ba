/**
 * Messages about the file itself (issue #23, item 9), through the CLI: an .xls written by LibreOffice,
 * an .xlsx encrypted with a password to open (a CFB built by test/helpers/cfb-writer.ts, checked with
 * olefile) and one with a password to modify each get their own sentence; a unit table on a very hidden
 * sheet is said to be there, with how to reach it; an Excel table's totals row is a total.
 */
import { execFileSync } from "node:child_process";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { encryptedWorkbookBytes } from "../helpers/cfb-writer";
import { cli } from "../helpers/cli";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";
import {
  MESSAGE_PROPOSED,
  PLAIN_TABLE_SCRIPT,
  TOTALS_ROW_SCRIPT,
  VERY_HIDDEN_SCRIPT,
} from "../helpers/input-fixtures";
import { withModifyPassword } from "../helpers/modify-password";
import { tempDir } from "../helpers/workbooks";

let dir: string;
const files: Record<string, string> = {};
beforeAll(async () => {
  dir = await tempDir();
  const plain = await writeWithOpenpyxl(dir, "don-vi.xlsx", PLAIN_TABLE_SCRIPT);
  const totals = await writeWithOpenpyxl(dir, "bang-co-dong-tong.xlsx", TOTALS_ROW_SCRIPT);
  [files.xls] = await convertWithLibreOffice([plain], "xls", dir);
  // LibreOffice calculates the SUBTOTAL formulas that openpyxl leaves without a value.
  [files.totals] = await convertWithLibreOffice([totals], "xlsx", dir);
  files.encrypted = path.join(dir, "mat-khau-mo.xlsx");
  await fs.writeFile(files.encrypted, encryptedWorkbookBytes());
  files.modify = path.join(dir, "mat-khau-sua.xlsx");
  await fs.writeFile(files.modify, await withModifyPassword(await fs.readFile(plain)));
  files.veryHidden = await writeWithOpenpyxl(dir, "an-sau.xlsx", VERY_HIDDEN_SCRIPT);
}, 180_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function score(file: string, ...extra: string[]) {
  const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"), "--json", ...extra);
  return { ...run, report: run.code === 0 ? (JSON.parse(run.stdout) as JsonReport) : undefined };
}

describe("files the tool cannot read, each with its own sentence", () => {
  it("an .xls written by LibreOffice", async () => {
    const run = await score(files.xls);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "Lỗi: Tệp “don-vi.xls” là tệp Excel 97-2003 (.xls), công cụ chỉ đọc tệp .xlsx và .xlsm: hãy mở bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng “Excel Workbook (*.xlsx)”.\n",
    );
  });

  it("an .xlsx encrypted with a password to open", async () => {
    // The container is a real CFB: olefile, an independent reader, lists its two streams.
    const streams = execFileSync("/usr/bin/python3", [
      "-c",
      "import sys, olefile; print(sorted('/'.join(e) for e in olefile.OleFileIO(sys.argv[1]).listdir()))",
      files.encrypted,
    ]).toString();
    expect(streams.trim()).toBe("['EncryptedPackage', 'EncryptionInfo']");
    const run = await score(files.encrypted);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^Lỗi: Tệp “mat-khau-mo.xlsx” được đặt mật khẩu mở \(tệp đã mã hóa\), công cụ không đọc được nội dung: hãy mở tệp bằng Excel với mật khẩu/,
    );
  });
});

describe("files the tool reads, with a sentence", () => {
  it("a password to modify: scored, and said that Excel opens it read-only", async () => {
    const { code, report } = await score(files.modify);
    expect(code).toBe(0);
    expect(report!.eligible).toEqual(MESSAGE_PROPOSED);
    expect(report!.problems[0]).toEqual({
      sheet: "Đơn vị",
      level: "warning",
      message: expect.stringMatching(
        /^Tệp “mat-khau-sua.xlsx” được đặt mật khẩu sửa \(Password to modify\): Excel mở tệp, và cả tệp kết quả, ở chế độ chỉ đọc/,
      ),
    });
    // The output keeps the password to modify.
    const zip = await JSZip.loadAsync(await fs.readFile(path.join(dir, "out.xlsx")));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain("<fileSharing ");
  });

  it("a unit table on a very hidden sheet: scored, said as very hidden with how to reach it", async () => {
    const { code, report } = await score(files.veryHidden);
    expect(code).toBe(0);
    expect(report!.sheet).toBe("Số liệu");
    expect(report!.eligible).toEqual(MESSAGE_PROPOSED);
    const note = report!.problems.find((p) => p.message.includes("ẩn sâu"));
    expect(note).toEqual({
      sheet: "Số liệu",
      level: "warning",
      message: expect.stringContaining(
        "Trang “Số liệu”: bảng đơn vị nằm ở trang đang ẩn sâu (very hidden), nên lệnh Bỏ ẩn (Unhide) của Excel không liệt kê trang này. Muốn xem trang: mở trình soạn VBA (Alt+F11)",
      ),
    });
    expect(note!.message).toContain('--sheet "TÊN TRANG"');
    // A sheet named wrong lists the very hidden one as such.
    const wrong = await score(files.veryHidden, "--sheet", "Bảng");
    expect(wrong.stderr).toBe(
      "Lỗi: Không có trang “Bảng” trong tệp. Các trang hiện có: “Ghi chú”, “Số liệu” (ẩn sâu).\n",
    );
  });

  it("an Excel table's totals row (“Total”) is a total, not a unit without a name", async () => {
    const { code, report } = await score(files.totals);
    expect(code).toBe(0);
    expect(report!.eligible).toEqual(MESSAGE_PROPOSED);
    expect(report!.units.map((u) => u.name)).toEqual(["Sở Ngoại vụ", "Sở Tư pháp", "Bảo hiểm xã hội tỉnh"]);
    expect(report!.skippedRows).toEqual([{ row: 5, reason: "total" }]);
    expect(report!.problems.filter((p) => p.level === "error")).toEqual([]);
  });
});
