/**
 * What a file given as a workbook really is (an .xlsx, or an .xlsb, .ods, .docx, .pptx or plain zip given
 * as one, from the zip's central directory alone; or no zip at all: a PDF, a web page, text), and what to
 * tell the user. Shared by both file adapters.
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

/** Files that are not zips at all, as people pick or rename them: told apart by their first bytes. */
type PlainKind = "pdf" | "html" | "xml-2003" | "text" | "unknown";

const startsWithText = (head: string, ...marks: string[]) => marks.some((mark) => head.startsWith(mark));

/** What a non-zip file is, from its first 4 KB: enough for a signature, a tag or a few lines of text. */
export function plainKind(bytes: Uint8Array): PlainKind {
  const sample = bytes.subarray(0, 4096);
  // UTF-16 text (Excel's "Unicode Text" export) starts with its byte-order mark.
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) return "text";
  // The marks looked for are ASCII: bytes as characters are enough (no TextDecoder in every runtime).
  const head = String.fromCharCode(...sample.subarray(0, 1024))
    .replace(/^\xEF\xBB\xBF/, "")
    .trimStart();
  if (head.startsWith("%PDF-")) return "pdf";
  const lower = head.toLowerCase();
  if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml-2003";
  if (startsWithText(lower, "<!doctype html", "<html", "<table", "<meta") || lower.includes("<html"))
    return "html";
  // Text, in UTF-8 or an 8-bit code page (LibreOffice writes CSV in Latin-1 by default): no control
  // bytes but tab, line ends and form feed.
  const control = sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f);
  return sample.length > 0 && !control ? "text" : "unknown";
}

/** What to tell the user about a file that is not a zip (nor an old .xls, which has its own sentence). */
export const NOT_ZIP: Record<PlainKind, string> = {
  pdf: "là tệp PDF, không phải bảng tính: hãy chọn tệp Excel (.xlsx) có bảng theo dõi đơn vị.",
  html: "là trang web (HTML) mang tên tệp Excel, như tệp “xuất Excel” của nhiều phần mềm: hãy mở bằng Excel rồi lưu lại dạng “Excel Workbook (*.xlsx)”.",
  "xml-2003":
    "là bảng tính XML của Excel 2003: hãy mở bằng Excel rồi lưu lại dạng “Excel Workbook (*.xlsx)”.",
  text: "là tệp văn bản (chữ thường hoặc .csv), không phải tệp Excel .xlsx: hãy mở bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng .xlsx.",
  unknown: "không phải tệp Excel .xlsx: hãy chọn tệp .xlsx có bảng theo dõi đơn vị.",
};
