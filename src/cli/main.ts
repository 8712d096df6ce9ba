/** `kstthc score` and `kstthc letter`: score an .xlsx file with the same core as the add-in, write the results. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { UnusableInputError } from "../core/problems";
import { letterFileName } from "../core/letter";
import { jsonReport, summaryText } from "../core/report";
import { runScoring, type RunResult } from "../core/run";
import { letterToDocx } from "../docx/letter-docx";
import { workbookToGrids } from "../xlsx/read";
import { loadWorkbook, saveWorkbook, scoreWorkbook } from "../xlsx/workbook";
import { parseCommandLine, USAGE, type LetterCommand, type ScoreCommand } from "./args";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_UNUSABLE = 1;
export const EXIT_USAGE = 2;

export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}-da-tinh-diem.xlsx`);
}

/** Writes beside the target and renames, so that an interrupted run never leaves half a workbook. */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

async function readInput(input: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(input);
  } catch {
    throw new UnusableInputError(`Không tìm thấy hoặc không đọc được tệp “${input}”.`);
  }
}

function report(result: RunResult, written: string[], json: boolean, io: Io): void {
  if (json) io.stdout(`${JSON.stringify(jsonReport(result), null, 2)}\n`);
  else io.stdout(`${summaryText(result)}\n${written.join("\n")}\n`);
}

const letterBytes = (result: RunResult) => letterToDocx(result.letter, result.scores, result.criteria);

async function score(command: ScoreCommand, io: Io): Promise<number> {
  const bytes = await readInput(command.input);
  const workbook = await loadWorkbook(bytes, path.basename(command.input));
  const result = scoreWorkbook(workbook, {
    sheet: command.sheet,
    mapping: command.mapping,
    writeCriteriaSheet: command.writeCriteriaSheet,
    output: command.writeFormulas ? "formulas" : "values",
    year: command.year,
    preset: command.preset,
    fileName: path.basename(command.input),
  });
  const output = command.output ?? defaultOutputPath(command.input);
  // Both documents are built before either is written, so a failure leaves no half of the pair.
  const xlsx = await saveWorkbook(workbook);
  const docx =
    command.docx === undefined ? undefined : { file: command.docx, bytes: await letterBytes(result) };
  await writeAtomically(output, xlsx);
  const written = [`Đã ghi tệp kết quả: ${output}`];
  if (docx) {
    await writeAtomically(docx.file, docx.bytes);
    written.push(`Đã ghi công văn: ${docx.file}`);
  }
  report(result, written, command.json, io);
  return EXIT_OK;
}

async function letter(command: LetterCommand, io: Io): Promise<number> {
  const bytes = await readInput(command.input);
  const workbook = await loadWorkbook(bytes, path.basename(command.input));
  const result = runScoring(workbookToGrids(workbook), {
    sheet: command.sheet,
    mapping: command.mapping,
    year: command.year,
    preset: command.preset,
    fileName: path.basename(command.input),
  });
  const target = command.docx ?? path.join(path.dirname(command.input), letterFileName(result.year));
  await writeAtomically(target, await letterBytes(result));
  report(result, [`Đã ghi công văn: ${target}`], command.json, io);
  return EXIT_OK;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.command === "help") {
    io.stdout(`${USAGE}\n`);
    return EXIT_OK;
  }
  if (parsed.command === "error") {
    io.stderr(`${parsed.message}\n\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    return parsed.command === "letter" ? await letter(parsed, io) : await score(parsed, io);
  } catch (error) {
    if (error instanceof UnusableInputError) {
      io.stderr(`Lỗi: ${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}
