/** Saving bytes as a file from the page, through a Blob URL: nothing leaves the machine. */
import type { RunResult } from "../core/run";
import { letterFileName } from "../core/letter";

/** The MIME type of .docx; kept here so that the pane does not load the Word writer to know it. */
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const SCORED_SUFFIX = "-da-tinh-diem";

/**
 * "theo-doi-2023.xlsx" → "theo-doi-2023-da-tinh-diem.xlsx", as the CLI names its output; a macro
 * workbook keeps ".xlsm" (`extension`, from its content, which Excel checks against the name). A file
 * scored before keeps its name rather than growing a second suffix; NFC because macOS hands out names in NFD.
 */
export function scoredFileName(fileName: string, extension: ".xlsx" | ".xlsm" = ".xlsx"): string {
  const dot = fileName.lastIndexOf(".");
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName).normalize("NFC");
  return `${base.endsWith(SCORED_SUFFIX) ? base : base + SCORED_SUFFIX}${extension}`;
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

/** Builds the letter of a result as .docx and saves it. */
export async function downloadLetter(result: RunResult): Promise<void> {
  // Loaded on first use: the Word writer is large and most sessions never download a letter.
  const { letterToDocx } = await import("../docx/letter-docx");
  const bytes = await letterToDocx(result.letter, result.scores, result.criteria);
  downloadBytes(bytes, letterFileName(result.year), DOCX_MIME);
}
