/** Saving bytes as a file from the page, through a Blob URL: nothing leaves the machine. */
import type { Settings } from "../core/settings";

/** The MIME type of .docx; kept here so that the pane does not load the Word writer to know it. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "cong-van-de-xuat-khen-thuong-2023.docx": ASCII, so that every file system and mail client keeps it. */
export function letterFileName(settings: Settings): string {
  return `cong-van-de-xuat-khen-thuong-${settings.letter.year}.docx`;
}

export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  // Copied into a fresh ArrayBuffer: a Blob cannot take a view of a shared or larger buffer as it is.
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
