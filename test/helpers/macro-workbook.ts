/**
 * A macro workbook (.xlsm) as staff have them: a unit table written by openpyxl, saved by LibreOffice as
 * "Excel 2007-365 (macro-enabled)" (filter "Calc MS Excel 2007 VBA XML"), which gives the workbook part
 * the content type application/vnd.ms-excel.sheet.macroEnabled.main+xml. LibreOffice writes no VBA
 * project for a file that had none, so one is added as Excel stores it: the part xl/vbaProject.bin
 * (content type application/vnd.ms-office.vbaProject, [MS-OFFMACRO2]) tied to the workbook by a
 * relationship of type …/officeDocument/2006/relationships/vbaProject. Its bytes stand for a VBA
 * storage (a CFB signature, then a fixed pattern): the tool never reads them, only copies them.
 */
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import { writeWithOpenpyxl } from "./foreign-writers";
import { sofficeConvert } from "./office-tools";

export const VBA_PART = "xl/vbaProject.bin";
export const MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** The bytes of the VBA project part: a CFB header's signature, then 4 KB of a fixed pattern. */
export function vbaProjectBytes(): Uint8Array {
  const bytes = new Uint8Array(4096 + 8);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < bytes.length; i++) bytes[i] = (i * 31 + 7) % 251;
  return bytes;
}

const MACRO_TABLE = [
  `ws.title = "Đơn vị"`,
  `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa"])`,
  `ws.append([1, "Sở Ngoại vụ", "Sở, ban, ngành", 85.5, None])`,
  `ws.append([2, "Sở Tư pháp", "Sở, ban, ngành", 75, None])`,
  `ws.append([3, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", None, 100])`,
].join("\n");

export const MACRO_PROPOSED = ["Sở Ngoại vụ", "Bảo hiểm xã hội tỉnh"];

/** Writes `theo-doi-macro.xlsm` in `dir` and returns its path. */
export async function writeMacroWorkbook(dir: string): Promise<string> {
  const source = await writeWithOpenpyxl(dir, "theo-doi-macro.xlsx", MACRO_TABLE);
  const [xlsm] = await sofficeConvert([source], "xlsm:Calc MS Excel 2007 VBA XML", path.join(dir, "lo-xlsm"));
  const zip = await JSZip.loadAsync(await fs.readFile(xlsm));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  if (!types.includes(MACRO_MAIN)) throw new Error("LibreOffice did not write a macro-enabled workbook");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "<Override ",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override ',
    ),
  );
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  zip.file(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  zip.file(VBA_PART, vbaProjectBytes());
  const file = path.join(dir, "theo-doi-macro.xlsm");
  await fs.writeFile(file, await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  return file;
}
