/**
 * A workbook with a password to modify, as Excel 2013 and later write it (File › Save As › Tools ›
 * General Options › Password to modify): a <fileSharing> element first in workbook.xml after
 * <fileVersion> (ECMA-376 Part 1, 18.2.12), with the user's name and the SHA-512 hash of the password.
 * openpyxl and LibreOffice's converter cannot write one, so it is added to their file.
 */
import JSZip from "jszip";

const FILE_SHARING =
  '<fileSharing userName="Văn phòng UBND tỉnh" algorithmName="SHA-512" hashValue="x9+vw3qOQzWm4T0FyVnJ3ZDzkuEVcG6Gqr5Yb0D6dlk2mDSqOyh9F0o7pB0hF4YXvH6lqzNBGy7qN1pKz0Wc5Q==" saltValue="2yQb5V1ZxH4b6mYQ3Qj8xw==" spinCount="100000"/>';

export async function withModifyPassword(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const at = /<fileVersion\b[^>]*\/>/.exec(xml) ?? /<workbook\b[^>]*>/.exec(xml);
  if (!at) throw new Error("no <workbook> element");
  const end = at.index + at[0].length;
  zip.file("xl/workbook.xml", xml.slice(0, end) + FILE_SHARING + xml.slice(end));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
