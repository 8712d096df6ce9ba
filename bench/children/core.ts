/**
 * The core warm, in one process: `node core.cjs INPUT RUNS` loads the workbook once, then times RUNS + 1
 * rounds of the ExcelJS → grid step and of read + score + plan (the first round is the warm-up and is
 * left out). Prints the medians in seconds as JSON.
 */
import { readFileSync } from "node:fs";
import { runScoring } from "../../src/core/run";
import { workbookToGrids } from "../../test/exceljs/read";
import { loadWorkbook } from "../../test/exceljs/workbook";
import { median, seconds } from "../metric";

async function core(input: string, runs: number): Promise<void> {
  const workbook = await loadWorkbook(readFileSync(input), input);
  const grids: number[] = [];
  const scoring: number[] = [];
  for (let i = 0; i <= runs; i++) {
    let start = process.hrtime.bigint();
    const read = workbookToGrids(workbook);
    const g = seconds(start);
    start = process.hrtime.bigint();
    runScoring(read);
    const s = seconds(start);
    if (i === 0) continue;
    grids.push(g);
    scoring.push(s);
  }
  process.stdout.write(JSON.stringify({ grids: median(grids), scoring: median(scoring) }));
}

const [input, runs] = process.argv.slice(2);
void core(input, Number(runs));
