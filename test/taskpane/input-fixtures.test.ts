/** @jest-environment jsdom */
/**
 * The input fixtures of issue #23 in the web page's file port (jsdom): the same workbook as the CLI and
 * the add-in read, the same units proposed and the same notes at the same cells.
 */
import { promises as fs } from "node:fs";
import { openFilePort } from "../../src/taskpane/file-port";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import {
  GROUP_TEXTS_PROPOSED,
  GROUP_TEXTS_SCRIPT,
  LEGACY_PROPOSED,
  legacyScript,
  MESSAGE_PROPOSED,
  PLAIN_TABLE_SCRIPT,
  VERY_HIDDEN_SCRIPT,
} from "../helpers/input-fixtures";
import { encryptedWorkbookBytes } from "../helpers/cfb-writer";
import { convertWithLibreOffice } from "../helpers/foreign-writers";
import { withModifyPassword } from "../helpers/modify-password";
import { toTcvn3, toVni } from "../helpers/legacy-text";
import {
  MACRO_MAIN,
  MACRO_PROPOSED,
  VBA_PART,
  vbaProjectBytes,
  writeMacroWorkbook,
} from "../helpers/macro-workbook";
import JSZip from "jszip";
import { scoredFileName } from "../../src/taskpane/download";
import { tempDir } from "../helpers/workbooks";
import { captureDownloads } from "./dom-stubs";

let dir: string;
let capture: ReturnType<typeof captureDownloads>;
beforeEach(async () => {
  dir = await tempDir();
  capture = captureDownloads();
});
afterEach(async () => {
  capture.restore();
  await fs.rm(dir, { recursive: true, force: true });
});

async function portOf(name: string, script: string) {
  const file = await writeWithOpenpyxl(dir, name, script);
  return openFilePort(name, new Uint8Array(await fs.readFile(file)));
}

describe("group texts in the web page (item 3)", () => {
  it("recognises short forms and names, and warns at the cell of a figure left out", async () => {
    const port = await portOf("khoi-viet-tat.xlsx", GROUP_TEXTS_SCRIPT);
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(GROUP_TEXTS_PROPOSED);
    const left = result.problems.filter((p) => /nên không được tính/.test(p.message));
    expect(left.map((p) => `${p.column}${p.row}`)).toEqual(["D8"]);
  });
});

describe("legacy encodings in the web page (item 2)", () => {
  it.each([
    ["TCVN3 (ABC)", toTcvn3],
    ["VNI", toVni],
  ])("converts names and groups typed in %s, and says so", async (label, encode) => {
    const port = await portOf("ma-cu.xlsx", legacyScript(encode));
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(LEGACY_PROPOSED);
    const notes = result.problems.filter((p) => p.message.includes("đã được chuyển sang Unicode"));
    expect(notes.map((p) => p.column)).toEqual(["B", "C"]);
    expect(notes[0].message).toContain(`6 ô tên gõ bằng bảng mã ${label}`);
  });

  it("refuses a column mixing Unicode and TCVN3 at its cells", async () => {
    const port = await portOf(
      "lan-ma.xlsx",
      legacyScript((t, i) => (i === 2 ? toTcvn3(t) : t)),
    );
    const result = await port.score({ output: "values" }, () => undefined);
    const errors = result.problems.filter((p) => p.level === "error");
    expect(errors.map((p) => `${p.column}${p.row}`)).toEqual(["B4", "C4"]);
  });
});

describe("a macro workbook in the web page (item 4)", () => {
  it("downloads the scored .xlsm as .xlsm, with its MIME type, VBA project and content type", async () => {
    const file = await writeMacroWorkbook(dir);
    const port = await openFilePort("theo-doi-macro.xlsm", new Uint8Array(await fs.readFile(file)));
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(MACRO_PROPOSED);
    port.file.download();
    const [download] = capture.downloads;
    expect(download.fileName).toBe("theo-doi-macro-da-tinh-diem.xlsm");
    // MIME types are case-insensitive; a Blob's type is lower-cased (File API, "type" of Blob).
    expect(download.type).toBe("application/vnd.ms-excel.sheet.macroenabled.12");
    const zip = await JSZip.loadAsync(await download.bytes());
    const vba = await zip.file(VBA_PART)!.async("uint8array");
    expect(Buffer.from(vba).equals(Buffer.from(vbaProjectBytes()))).toBe(true);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      `<Override PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"/>`,
    );
  }, 120_000);

  it("names the download by the content, whatever the name says", () => {
    expect(scoredFileName("theo-doi.xlsm", ".xlsm")).toBe("theo-doi-da-tinh-diem.xlsm");
    expect(scoredFileName("theo-doi-da-tinh-diem.xlsm", ".xlsm")).toBe("theo-doi-da-tinh-diem.xlsm");
    expect(scoredFileName("doi-ten.xlsx", ".xlsm")).toBe("doi-ten-da-tinh-diem.xlsm");
  });
});

describe("messages in the web page (item 9)", () => {
  it("gives an .xls and an encrypted file each its own sentence", async () => {
    const plain = await writeWithOpenpyxl(dir, "don-vi.xlsx", PLAIN_TABLE_SCRIPT);
    const [xls] = await convertWithLibreOffice([plain], "xls", dir);
    await expect(openFilePort("don-vi.xls", new Uint8Array(await fs.readFile(xls)))).rejects.toThrow(
      "Tệp “don-vi.xls” là tệp Excel 97-2003 (.xls), công cụ chỉ đọc tệp .xlsx và .xlsm",
    );
    await expect(openFilePort("mat-khau.xlsx", encryptedWorkbookBytes())).rejects.toThrow(
      "Tệp “mat-khau.xlsx” được đặt mật khẩu mở (tệp đã mã hóa)",
    );
  }, 120_000);

  it("says a password to modify when analysing and scoring", async () => {
    const plain = await writeWithOpenpyxl(dir, "don-vi.xlsx", PLAIN_TABLE_SCRIPT);
    const port = await openFilePort("mat-khau-sua.xlsx", await withModifyPassword(await fs.readFile(plain)));
    const said = /^Tệp “mat-khau-sua.xlsx” được đặt mật khẩu sửa \(Password to modify\)/;
    expect((await port.analyse({})).problems[0].message).toMatch(said);
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.problems[0].message).toMatch(said);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(MESSAGE_PROPOSED);
  });

  it("says a unit table on a very hidden sheet is there, and does not offer the sheet", async () => {
    const port = await portOf("an-sau.xlsx", VERY_HIDDEN_SCRIPT);
    expect(port.file.sheetNames()).toEqual(["Ghi chú"]);
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.table.layout.sheet).toBe("Số liệu");
    expect(result.problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining("Trang “Số liệu”: bảng đơn vị nằm ở trang đang ẩn sâu (very hidden)"),
    );
  });
});
