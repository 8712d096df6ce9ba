/** The sample workbook scored as the CLI scores it, and the seed letter's body. */
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runScoring, type RunResult } from "../../src/core/run";
import { workbookToGrids } from "../../src/xlsx/read";
import { loadWorkbook } from "../../src/xlsx/workbook";

const ROOT = path.join(__dirname, "..", "..");
export const SAMPLE_XLSX = path.join(ROOT, "examples", "theo-doi-thi-dua-kstthc-2023.xlsx");
export const SEED = path.join(ROOT, "test", "golden", "cong-van-de-xuat-khen-thuong-2023.txt");

export async function scoreSample(): Promise<RunResult> {
  const workbook = await loadWorkbook(readFileSync(SAMPLE_XLSX), path.basename(SAMPLE_XLSX));
  return runScoring(workbookToGrids(workbook));
}

export const normalizeSpace = (text: string): string =>
  text
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();

/** The seed's body: the lines between "Kính gửi: …" and "Nơi nhận"'s "- Như trên;", blank lines left out. */
export function seedBodyParagraphs(): string[] {
  const lines = readFileSync(SEED, "utf8").split(/\r?\n/).map(normalizeSpace);
  const start = lines.findIndex((l) => l.startsWith("Kính gửi:"));
  const end = lines.findIndex((l) => l.startsWith("- Như trên"));
  if (start < 0 || end < start) throw new Error("the seed letter no longer has its usual shape");
  return lines.slice(start + 1, end).filter(Boolean);
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "kstthc-docx-"));
}

/** Millimetres to twips as Word rounds them; computed here rather than taken from the code under test. */
export const twips = (millimetres: number): number => Math.round((millimetres / 25.4) * 1440);
