/**
 * What a zip file really is (an .xlsx, or an .xlsb, .ods, .docx, .pptx or plain zip given as one), from its
 * central directory alone, and what to tell the user. Shared by both file adapters.
 */
export type PackageKind = "xlsx" | "xlsb" | "ods" | "docx" | "pptx" | "zip";

/**
 * The part names of a zip, read from its central directory alone (no part is inflated: a 50 MB file costs
 * nothing). Undefined when the directory cannot be found (a corrupt file, or a ZIP64 one).
 */
export function zipPartNames(bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    // The names looked for are ASCII: bytes as characters are enough.
    names.push(String.fromCharCode(...bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Tells an .xlsx from the other zip-based files people rename or pick by mistake. */
export function packageKind(names: string[]): PackageKind {
  const has = (name: string) => names.includes(name);
  if (has("xl/workbook.xml")) return "xlsx";
  if (has("xl/workbook.bin")) return "xlsb";
  if (has("word/document.xml")) return "docx";
  if (has("ppt/presentation.xml")) return "pptx";
  if (has("mimetype") && has("content.xml")) return "ods";
  return "zip";
}

/** What to tell the user about a zip that is not an .xlsx. */
export const NOT_XLSX: Record<Exclude<PackageKind, "xlsx">, string> = {
  xlsb: "là bảng tính Excel dạng nhị phân (.xlsb): hãy mở bằng Excel và lưu lại dạng “Excel Workbook (*.xlsx)”.",
  ods: "là bảng tính OpenDocument (.ods, của LibreOffice): hãy mở bằng LibreOffice Calc hoặc Excel và lưu lại dạng .xlsx (File › Save As › Excel 2007-365).",
  docx: "là văn bản Word (.docx), không phải bảng tính: hãy chọn tệp Excel có bảng theo dõi đơn vị.",
  pptx: "là bản trình chiếu PowerPoint (.pptx), không phải bảng tính: hãy chọn tệp Excel có bảng theo dõi đơn vị.",
  zip: "là tệp nén .zip chứ không phải tệp Excel: hãy giải nén và chọn tệp .xlsx bên trong.",
};
