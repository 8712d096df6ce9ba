/** `kstthc score`: scores an .xlsx file with the same core as the add-in and writes the result. */
import { promises as fs } from "node:fs";
import path from "node:path";
import { UnusableInputError } from "../core/problems";
import { jsonReport, summaryText } from "../core/report";
import { loadWorkbook, saveWorkbook, scoreWorkbook } from "../xlsx/workbook";
import { parseCommandLine, USAGE, type ScoreCommand } from "./args";

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

async function score(command: ScoreCommand, io: Io): Promise<number> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(command.input);
  } catch {
    throw new UnusableInputError(`Không tìm thấy hoặc không đọc được tệp “${command.input}”.`);
  }
  const workbook = await loadWorkbook(bytes, path.basename(command.input));
  const result = scoreWorkbook(workbook, {
    sheet: command.sheet,
    mapping: command.mapping,
    writeCriteriaSheet: command.writeCriteriaSheet,
  });
  const output = command.output ?? defaultOutputPath(command.input);
  await writeAtomically(output, await saveWorkbook(workbook));
  if (command.json) io.stdout(`${JSON.stringify(jsonReport(result), null, 2)}\n`);
  else io.stdout(`${summaryText(result)}\nĐã ghi tệp kết quả: ${output}\n`);
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
    return await score(parsed, io);
  } catch (error) {
    if (error instanceof UnusableInputError) {
      io.stderr(`Lỗi: ${error.message}\n`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}
