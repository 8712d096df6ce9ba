/**
 * A file given as the workbook that is no .xlsx at all, as staff pick or rename them: the same table
 * saved by LibreOffice as CSV (in its default Latin-1), as a web page and printed to PDF, and the head
 * of an Excel 2003 XML file (LibreOffice cannot write that one here). Both file adapters
 * (the package the CLI and the web page use, and ExcelJS's loader) refuse it with one sentence that says
 * what the file is and what to do.
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { UnusableInputError } from "../../src/core/problems";
import { NOT_ZIP, plainKind } from "../../src/xlsx/package-kind";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { loadWorkbook } from "../exceljs/workbook";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import { sofficeConvert } from "../helpers/office-tools";

let dir: string;
const made: Record<string, string> = {};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "kstthc-not-xlsx-"));
  const source = await writeWithOpenpyxl(
    dir,
    "bang.xlsx",
    `ws.append(["STT", "Tên đơn vị", "Điểm 766"])\nws.append([1, "Sở Ngoại vụ", 85.5])`,
  );
  // One soffice run per format: each filter takes one --convert-to.
  for (const [kind, format] of [
    ["text", "csv"],
    ["html", "html"],
    ["pdf", "pdf"],
  ]) {
    [made[kind]] = await sofficeConvert([source], format, path.join(dir, kind));
  }
}, 300_000);

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/** The refusal of both adapters for `bytes` named `name`. */
async function refusals(bytes: Uint8Array, name: string): Promise<string[]> {
  const messages: string[] = [];
  try {
    WorkbookPackage.open(bytes, name);
    messages.push("accepted by the package");
  } catch (error) {
    expect(error).toBeInstanceOf(UnusableInputError);
    messages.push((error as Error).message);
  }
  await loadWorkbook(bytes, name).then(
    () => messages.push("accepted by ExcelJS's loader"),
    (error: Error) => {
      expect(error).toBeInstanceOf(UnusableInputError);
      messages.push(error.message);
    },
  );
  return messages;
}

it.each(["text", "html", "pdf"] as const)(
  "says what a LibreOffice %s file given as .xlsx is, and what to do",
  async (kind) => {
    const bytes = new Uint8Array(await fs.readFile(made[kind]));
    expect(plainKind(bytes)).toBe(kind);
    const sentence = `Tệp “bang-theo-doi.xlsx” ${NOT_ZIP[kind]}`;
    expect(await refusals(bytes, "bang-theo-doi.xlsx")).toEqual([sentence, sentence]);
  },
);

it("knows Excel 2003 XML by the namespace Excel writes", async () => {
  const xml = Buffer.from(
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
  );
  expect(plainKind(new Uint8Array(xml))).toBe("xml-2003");
  expect(await refusals(new Uint8Array(xml), "a.xlsx")).toEqual(
    Array(2).fill(`Tệp “a.xlsx” ${NOT_ZIP["xml-2003"]}`),
  );
});

it("tells text from bytes it cannot name: UTF-16 text, and random binary", () => {
  const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("STT\tTên", "utf16le")]);
  expect(plainKind(utf16)).toBe("text");
  expect(plainKind(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x10]))).toBe("unknown");
  expect(plainKind(new Uint8Array())).toBe("unknown");
  expect(NOT_ZIP.unknown).toContain("hãy chọn tệp .xlsx");
});
