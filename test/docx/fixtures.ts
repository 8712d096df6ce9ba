/** The sample workbook scored as the CLI scores it, and the seed letter's body. */
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runScoring, type RunResult } from "../../src/core/run";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook } from "../exceljs/workbook";
import { seedLetter } from "../helpers/seed-letter";

export { normalizeSpace } from "../helpers/seed-letter";
export const seedBodyParagraphs = (): string[] => seedLetter().body;

const ROOT = path.join(__dirname, "..", "..");
export const SAMPLE_XLSX = path.join(ROOT, "examples", "theo-doi-thi-dua-kstthc-2023.xlsx");

export async function scoreSample(): Promise<RunResult> {
  const workbook = await loadWorkbook(readFileSync(SAMPLE_XLSX), path.basename(SAMPLE_XLSX));
  return runScoring(workbookToGrids(workbook));
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "kstthc-docx-"));
}

/** Millimetres to twips as Word rounds them; computed here rather than taken from the code under test. */
export const twips = (millimetres: number): number => Math.round((millimetres / 25.4) * 1440);
