/**
 * =KSTTHC.DIEM over a column of CELLS values, bundled as Excel runs it (`node diem.cjs CELLS RUNS`): the
 * first call, then medians of RUNS warm calls after 3 warm-up rounds, for a 766-score column (criterion
 * III) and a one-stop-rate column of fractions (IV.9), interleaved with their floor: a plain map that
 * gives the same spill for the same column (`v > 80 ? 30 : 0`), with no reading of the cell and no
 * criteria. Prints values per second, of wall-clock and of CPU time, as JSON.
 */
import { DIEM } from "../../src/functions/functions";
import { median, seconds } from "../metric";

type Spill = (column: unknown[][]) => unknown[][];

interface Rate {
  /** Values per second of wall-clock time. */
  wall: number;
  /** Values per second of CPU time of the process (all its threads, the garbage collector's too). */
  cpu: number;
}

function rate(spill: Spill, column: number[][]): Rate {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = spill(column);
  const elapsed = seconds(start);
  const cpu = process.cpuUsage(cpuStart);
  if (result.length !== column.length) throw new Error("no spill of one result per cell");
  return { wall: column.length / elapsed, cpu: column.length / ((cpu.user + cpu.system) / 1e6) };
}

const diem =
  (code: string): Spill =>
  (column) =>
    DIEM(code, column);
/** The floor: the same spill from a plain map of one comparison per cell. */
const perCell =
  (points: (v: unknown) => number): Spill =>
  (column) =>
    column.map((row) => row.map(points));
const scoresFloor = perCell((v) => (typeof v === "number" && v > 80 ? 30 : 0));
const ratesFloor = perCell((v) => (typeof v === "number" && v * 100 >= 100 ? 35 : 0));

function warm(spills: Record<string, [Spill, number[][]]>, runs: number): Record<string, Rate> {
  const rates: Record<string, Rate[]> = Object.fromEntries(Object.keys(spills).map((k) => [k, []]));
  for (let round = 0; round < 3 + runs; round++) {
    for (const [name, [spill, column]] of Object.entries(spills)) {
      const r = rate(spill, column);
      if (round >= 3) rates[name].push(r);
    }
  }
  return Object.fromEntries(
    Object.entries(rates).map(([k, v]) => [
      k,
      { wall: median(v.map((r) => r.wall)), cpu: median(v.map((r) => r.cpu)) },
    ]),
  );
}

const [cells, runs] = process.argv.slice(2).map(Number);
const scores = Array.from({ length: cells }, (_, i) => [60 + ((i * 37) % 4000) / 100]);
const rates = Array.from({ length: cells }, (_, i) => [i % 7 === 0 ? 0.965 : 1]);
const first = rate(diem("III"), scores);
const warmRates = warm(
  {
    scores: [diem("III"), scores],
    scoresFloor: [scoresFloor, scores],
    rates: [diem("IV.9"), rates],
    ratesFloor: [ratesFloor, rates],
  },
  runs,
);
process.stdout.write(JSON.stringify({ first, ...warmRates }));
