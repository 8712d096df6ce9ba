/** `node exceljs-score.cjs IN OUT`: the CLI's scoring through the ExcelJS adapter it used before, for the bench. */
import { readFileSync, writeFileSync } from "node:fs";
import { loadWorkbook, saveWorkbook, scoreWorkbook } from "../test/exceljs/workbook";

async function run(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const workbook = await loadWorkbook(readFileSync(input), input);
  scoreWorkbook(workbook);
  writeFileSync(output, await saveWorkbook(workbook));
}

void run();
