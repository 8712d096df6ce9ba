/** `kstthc score` and `kstthc letter`: score an .xlsx file with the same core as the add-in, write the results. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { UnusableInputError } from "../core/problems";
import { jsonReport, summaryText } from "../core/report";
import { runScoring, type RunResult } from "../core/run";
import type { Source } from "../core/sources/types";
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

/** The Word exporter (docx) is loaded only by the commands that write a letter: start-up stays light. */
async function letterBytes(result: RunResult): Promise<Uint8Array> {
  const { letterToDocx } = await import("../docx/letter-docx");
  return letterToDocx(result.letter, result.scores, result.criteria);
}

/** The file adapter is loaded by the commands that read a workbook, not for help or a usage error. */
const fileAdapter = async () => ({
  ...(await import("../xlsx/package/score")),
  ...(await import("../xlsx/package/workbook-package")),
});

/** Reads every source file first: one that cannot be used stops the run before anything is written. */
async function readSources(command: ScoreCommand): Promise<Source[]> {
  const { readSourceFile } = await import("../xlsx/source-file");
  const sources: Source[] = [];
  for (const file of command.sources) {
    const name = path.basename(file);
    sources.push(
      await readSourceFile(name, await readInput(file), { period: command.period, asOf: command.asOf }),
    );
  }
  return sources;
}

async function score(command: ScoreCommand, io: Io): Promise<number> {
  const { WorkbookPackage, scorePackage } = await fileAdapter();
  const bytes = await readInput(command.input);
  const workbook = WorkbookPackage.open(bytes, path.basename(command.input));
  const sources = await readSources(command);
  const result = scorePackage(workbook, {
    sheet: command.sheet,
    mapping: command.mapping,
    writeCriteriaSheet: command.writeCriteriaSheet,
    output: command.writeFormulas ? "formulas" : "values",
    sources,
    prefer: command.prefer,
    fileName: path.basename(command.input),
    sourceSettings: { period: command.period, asOf: command.asOf },
  });
  const output = command.output ?? defaultOutputPath(command.input);
  // Both documents are built before either is written, so a failure leaves no half of the pair.
  const xlsx = workbook.save();
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
  const { WorkbookPackage, packageGrids } = await fileAdapter();
  const bytes = await readInput(command.input);
  const workbook = WorkbookPackage.open(bytes, path.basename(command.input));
  const options = { sheet: command.sheet, mapping: command.mapping, fileName: path.basename(command.input) };
  const result = runScoring(packageGrids(workbook, options), options);
  await writeAtomically(command.docx, await letterBytes(result));
  report(result, [`Đã ghi công văn: ${command.docx}`], command.json, io);
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
