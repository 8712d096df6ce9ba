/** `kstthc score`, `kstthc letter` and `kstthc ho-so`: score an .xlsx file with the same core as the add-in, write the results. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { UnusableInputError } from "../core/problems";
import { letterFileName } from "../core/letter";
import { jsonReport, summaryText } from "../core/report";
import { runScoring, type RunResult } from "../core/run";
import type { PreviousYear } from "../core/compare/types";
import type { Source } from "../core/sources/types";
import { formatMismatch } from "../xlsx/workbook-format";
import { NODE_CODEC } from "./node-codec";
import { parseCommandLine, USAGE, type DossierCommand, type LetterCommand, type ScoreCommand } from "./args";

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_UNUSABLE = 1;
export const EXIT_USAGE = 2;
/** Written, but an error touches an input of a criterion: the list and the letter are a draft. */
export const EXIT_INCOMPLETE = 3;

const exitOf = (result: RunResult) => (result.completeness.complete ? EXIT_OK : EXIT_INCOMPLETE);

/** Beside the input, with the extension its content calls for (".xlsm" for a macro workbook). */
function defaultOutputPath(input: string, extension: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}-da-tinh-diem${extension}`);
}

interface OutputFile {
  file: string;
  /** The file's bytes, or its pieces in order (a workbook's untouched entries, not copied into one array). */
  bytes: Uint8Array | Uint8Array[];
  /** ".xlsx" or ".docx", for the example of a file name. */
  extension: string;
}

/** A target that names a folder cannot be written as a file: say so before anything is written. */
async function refuseFolder(target: string, extension: string): Promise<void> {
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat?.isDirectory()) {
    throw new UnusableInputError(
      `“${target}” là một thư mục, không phải tên tệp: hãy ghi cả tên tệp, ví dụ “${path.join(target, `ket-qua${extension}`)}”. Chưa có gì được ghi.`,
    );
  }
}

async function writePieces(file: string, bytes: Uint8Array | Uint8Array[]): Promise<void> {
  if (!Array.isArray(bytes)) return fs.writeFile(file, bytes);
  const handle = await fs.open(file, "w");
  try {
    await handle.writev(bytes);
  } finally {
    await handle.close();
  }
}

/**
 * Writes every file beside its target, then renames them all: an interrupted or failed run never leaves
 * half a workbook, nor one file of a pair without the other.
 */
async function writeAll(outputs: OutputFile[]): Promise<void> {
  for (const { file, extension } of outputs) await refuseFolder(file, extension);
  const temporaries: string[] = [];
  try {
    for (const { file, bytes } of outputs) {
      await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      temporaries.push(temporary);
      await writePieces(temporary, bytes);
    }
  } catch (error) {
    await Promise.all(temporaries.map((t) => fs.rm(t, { force: true })));
    throw new UnusableInputError(
      `Không ghi được tệp kết quả (${(error as NodeJS.ErrnoException).code ?? "lỗi ghi tệp"}): hãy kiểm tra thư mục và quyền ghi. Chưa có gì được ghi.`,
    );
  }
  for (let i = 0; i < outputs.length; i++) await fs.rename(temporaries[i], outputs[i].file);
}

async function readInput(input: string): Promise<Uint8Array> {
  try {
    return await fs.readFile(input);
  } catch {
    throw new UnusableInputError(`Không tìm thấy hoặc không đọc được tệp “${input}”.`);
  }
}

function reportText(result: RunResult, written: string[], json: boolean): string {
  if (json) return `${JSON.stringify(jsonReport(result), null, 2)}\n`;
  return `${summaryText(result)}\n${written.join("\n")}\n`;
}

function report(result: RunResult, written: string[], json: boolean, io: Io): void {
  io.stdout(reportText(result, written, json));
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
async function readSources(command: Pick<ScoreCommand, "sources" | "period" | "asOf">): Promise<Source[]> {
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

/** Last year's workbook (--compare), read before anything is written. */
async function readPrevious(command: Pick<ScoreCommand, "compare">): Promise<PreviousYear | undefined> {
  if (command.compare === undefined) return undefined;
  const { readPreviousFile } = await import("../xlsx/previous-file");
  return readPreviousFile(path.basename(command.compare), await readInput(command.compare));
}

/** The workbook to score, opened (refused with a sentence when it is not one). */
async function openInput(command: ScoreCommand | DossierCommand) {
  const { WorkbookPackage } = await fileAdapter();
  const bytes = await readInput(command.input);
  return WorkbookPackage.open(bytes, path.basename(command.input), NODE_CODEC);
}

type OpenedWorkbook = Awaited<ReturnType<typeof openInput>>;

/** Reads the sources and last year's workbook, and scores the workbook as `score` does. */
async function runInput(
  command: ScoreCommand | DossierCommand,
  workbook: OpenedWorkbook,
): Promise<RunResult> {
  const { scorePackage } = await fileAdapter();
  const sources = await readSources(command);
  const previous = await readPrevious(command);
  return scorePackage(workbook, {
    sheet: command.sheet,
    mapping: command.mapping,
    writeCriteriaSheet: command.writeCriteriaSheet,
    output: command.writeFormulas ? "formulas" : "values",
    sources,
    prefer: command.prefer,
    fileName: path.basename(command.input),
    sourceSettings: { period: command.period, asOf: command.asOf },
    year: command.year,
    preset: command.preset,
    previous,
  });
}

async function score(command: ScoreCommand, io: Io): Promise<number> {
  const workbook = await openInput(command);
  const { format } = workbook;
  const mismatch = command.output && formatMismatch(format, path.basename(command.input), command.output);
  if (mismatch) {
    io.stderr(`Lỗi: ${mismatch}\n`);
    return EXIT_USAGE;
  }
  const result = await runInput(command, workbook);
  const output = command.output ?? defaultOutputPath(command.input, format.extension);
  // The workbook's parts are compressed on Node's thread pool while the letter and the report are made.
  const saving = workbook.savePiecesLater();
  // Awaited below; a failure of the letter first must not leave its rejection unheard.
  saving.catch(() => undefined);
  const letter: OutputFile | undefined =
    command.docx === undefined
      ? undefined
      : { file: command.docx, bytes: await letterBytes(result), extension: ".docx" };
  const written = [`Đã ghi tệp kết quả: ${output}`, ...(letter ? [`Đã ghi công văn: ${letter.file}`] : [])];
  const text = reportText(result, written, command.json);
  // Both documents are built before either is written, so a failure leaves no half of the pair.
  const workbookFile: OutputFile = { file: output, bytes: await saving, extension: format.extension };
  await writeAll(letter ? [workbookFile, letter] : [workbookFile]);
  io.stdout(text);
  return exitOf(result);
}

async function letter(command: LetterCommand, io: Io): Promise<number> {
  const { WorkbookPackage, packageGrids } = await fileAdapter();
  const bytes = await readInput(command.input);
  const workbook = WorkbookPackage.open(bytes, path.basename(command.input), NODE_CODEC);
  const options = {
    sheet: command.sheet,
    mapping: command.mapping,
    year: command.year,
    preset: command.preset,
    fileName: path.basename(command.input),
  };
  const result = runScoring(packageGrids(workbook, options), options);
  const target = command.docx ?? path.join(path.dirname(command.input), letterFileName(result.year));
  await writeAll([{ file: target, bytes: await letterBytes(result), extension: ".docx" }]);
  report(result, [`Đã ghi công văn: ${target}`], command.json, io);
  return exitOf(result);
}

/**
 * A folder the dossier cannot be written to is refused before the run: a file of that name, or a folder
 * (or the nearest existing parent of one to create) without the right to write.
 */
async function refuseUnwritableFolder(folder: string): Promise<void> {
  let existing = path.resolve(folder);
  for (;;) {
    const stat = await fs.stat(existing).catch(() => undefined);
    if (stat && !stat.isDirectory()) {
      throw new UnusableInputError(
        `“${existing}” là một tệp, không phải thư mục: hãy chọn thư mục để ghi hồ sơ (-o THƯ_MỤC). Chưa có gì được ghi.`,
      );
    }
    if (stat) break;
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  // A probe rather than access(): it also finds a read-only file system, ACLs, and root's limits.
  try {
    await fs.rm(await fs.mkdtemp(path.join(existing, ".kstthc-")), { recursive: true, force: true });
  } catch (error) {
    throw new UnusableInputError(
      `Không ghi được vào thư mục “${existing}” (${(error as NodeJS.ErrnoException).code ?? "không có quyền ghi"}): hãy chọn thư mục khác bằng -o THƯ_MỤC. Chưa có gì được ghi.`,
    );
  }
}

async function dossier(command: DossierCommand, io: Io): Promise<number> {
  const folder = command.folder ?? path.dirname(command.input);
  await refuseUnwritableFolder(folder);
  const result = await runInput(command, await openInput(command));
  const { buildDossier, checklistText } = await import("../core/dossier");
  const { dossierFiles } = await import("../docx/dossier-files");
  const made = buildDossier(result.letter, result.scores, result.criteria, result.settings.letter);
  const files = await dossierFiles(result, made);
  const outputs = files.map((f) => ({
    file: path.join(folder, f.fileName),
    bytes: f.bytes,
    extension: ".docx",
  }));
  await writeAll(outputs);
  if (command.json) {
    const documents = made.documents.map((d, i) => ({ ...d, file: outputs[i].file }));
    const json = {
      ...jsonReport(result),
      dossier: { draft: made.draft, documents, collectives: made.collectives, checklist: made.checklist },
    };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const written = made.documents.map((d, i) => `Đã ghi ${d.title}: ${outputs[i].file}`);
    io.stdout(`${summaryText(result)}\n${written.join("\n")}\n${checklistText(made)}\n`);
  }
  return exitOf(result);
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
    if (parsed.command === "letter") return await letter(parsed, io);
    if (parsed.command === "ho-so") return await dossier(parsed, io);
    return await score(parsed, io);
  } catch (error) {
    if (error instanceof UnusableInputError) {
      io.stderr(`Lỗi: ${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}
