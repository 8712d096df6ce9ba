/**
 * What an OLE compound file (CFB, [MS-CFB]) given as a workbook is, from the names of its streams: an
 * Excel 97-2003 workbook (.xls: a "Workbook" stream, "Book" in Excel 5/95), or an .xlsx/.xlsm encrypted
 * with a password to open ([MS-OFFCRYPTO] 2.3.4: "EncryptionInfo" and "EncryptedPackage" streams), or
 * another Office file. Each gets its own sentence.
 */
export type CfbKind = "encrypted" | "xls" | "other";

const DIRECTORY_ENTRY = 128;
const HEADER = 512;

/**
 * The names of the directory entries of a CFB. Directory sectors start at a multiple of the sector size
 * (512 or 4096) past the 512-byte header, so every entry starts at a multiple of 128 bytes in the file:
 * each such slot whose name length and type are those of a stream or storage is read. A slot of stream
 * data that happened to look like one adds a name nobody looks for.
 */
export function cfbEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  for (let at = HEADER; at + DIRECTORY_ENTRY <= bytes.length; at += DIRECTORY_ENTRY) {
    const length = view.getUint16(at + 64, true);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    let name = "";
    for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(at + i, true));
    if (view.getUint16(at + length - 2, true) === 0) names.push(name);
  }
  return names;
}

export function cfbKind(bytes: Uint8Array): CfbKind {
  const names = new Set(cfbEntryNames(bytes));
  if (names.has("EncryptionInfo") || names.has("EncryptedPackage")) return "encrypted";
  if (names.has("Workbook") || names.has("Book")) return "xls";
  return "other";
}

/** What to tell the user, after “Tệp “…” ”. */
export const CFB_SENTENCES: Record<CfbKind, string> = {
  encrypted:
    "được đặt mật khẩu mở (tệp đã mã hóa), công cụ không đọc được nội dung: hãy mở tệp bằng Excel với mật khẩu, vào Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu, xóa mật khẩu, lưu lại rồi chạy lại (hoặc lưu một bản không mật khẩu để tính điểm).",
  xls: "là tệp Excel 97-2003 (.xls), công cụ chỉ đọc tệp .xlsx và .xlsm: hãy mở bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng “Excel Workbook (*.xlsx)”.",
  other:
    "là tệp Office cũ (Word, PowerPoint… dạng 97-2003), không phải bảng tính .xlsx: hãy chọn tệp Excel có bảng theo dõi đơn vị.",
};
