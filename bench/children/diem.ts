/**
 * =KSTTHC.DIEM over a column of CELLS values, bundled as Excel runs it (`node diem.cjs CELLS RUNS`):
 * the first call, then the median of RUNS warm calls after 3 warm-up calls, for a 766-score column
 * (criterion III) and a one-stop-rate column of fractions (IV.9). Prints values per second as JSON.
 */
import { DIEM } from "../../src/functions/functions";
import { median, seconds } from "../metric";

function rate(code: string, column: number[][]): number {
  const start = process.hrtime.bigint();
  const result = DIEM(code, column);
  const elapsed = seconds(start);
  if (result.length !== column.length) throw new Error("DIEM did not spill one result per cell");
  return column.length / elapsed;
}

function warm(code: string, column: number[][], runs: number): number {
  for (let i = 0; i < 3; i++) rate(code, column);
  return median(Array.from({ length: runs }, () => rate(code, column)));
}

const [cells, runs] = process.argv.slice(2).map(Number);
const scores = Array.from({ length: cells }, (_, i) => [60 + ((i * 37) % 4000) / 100]);
const rates = Array.from({ length: cells }, (_, i) => [i % 7 === 0 ? 0.965 : 1]);
const first = rate("III", scores);
process.stdout.write(
  JSON.stringify({ first, scores: warm("III", scores, runs), rates: warm("IV.9", rates, runs) }),
);
