/**
 * `npm run bench [-- --json] [-- --sizes 1000,20000]`: speed and scale as figures, one line each
 * ("name: value unit"), so that runs can be compared. Never asserted in tests.
 */
import { runScoring } from "../src/core/run";
import { workbookToGrids } from "../src/xlsx/read";
import { loadWorkbook, saveWorkbook, scoreWorkbook } from "../src/xlsx/workbook";
import { bundleSizes, customFunctions, excelAdapter } from "./addin";
import { packageCli } from "./package";
import { scorePackage } from "../src/xlsx/package/score";
import { WorkbookPackage } from "../src/xlsx/package/workbook-package";
import { generatedBytes } from "./workbooks";

export interface Metric {
  name: string;
  value: number;
  unit: string;
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The best of `runs` timings, in seconds: the least disturbed by the rest of the machine. */
async function best(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    fastest = Math.min(fastest, seconds(start));
  }
  return fastest;
}

async function coreAndCli(units: number): Promise<Metric[]> {
  const bytes = await generatedBytes(units);
  const runs = units > 20000 ? 1 : 3;
  const grids = workbookToGrids(await loadWorkbook(bytes, "bench.xlsx"));
  const core = await best(runs, () => runScoring(grids));
  const floor = await best(runs, async () => saveWorkbook(await loadWorkbook(bytes, "bench.xlsx")));
  // The CLI's adapter (the package), and the ExcelJS adapter it replaced.
  const cli = await best(runs, () => {
    const workbook = WorkbookPackage.open(bytes, "bench.xlsx");
    scorePackage(workbook);
    return workbook.save();
  });
  const exceljs = await best(runs, async () => {
    const workbook = await loadWorkbook(bytes, "bench.xlsx");
    scoreWorkbook(workbook);
    return saveWorkbook(workbook);
  });
  return [
    { name: `core.read_score_plan.${units}`, value: Math.round(units / core), unit: "units/s" },
    { name: `cli.end_to_end.${units}`, value: round(cli), unit: "s" },
    { name: `cli.exceljs_adapter.${units}`, value: round(exceljs), unit: "s" },
    { name: `cli.exceljs_floor.${units}`, value: round(floor), unit: "s" },
    { name: `cli.ratio_to_floor.${units}`, value: round(cli / floor), unit: "x" },
  ];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export const SECTIONS: Record<string, (size: number) => Promise<Metric[]>> = {
  core: (size) => coreAndCli(size),
  excel: (size) => excelAdapter(size),
  cliProcess: (size) => (size === 1000 ? Promise.resolve([]) : packageCli(size)),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const sizesArg = args[args.indexOf("--sizes") + 1];
  const sizes = args.includes("--sizes") ? sizesArg.split(",").map(Number) : [1000, 20000, 100000];
  const metrics: Metric[] = [];
  const report = (found: Metric[]) => {
    metrics.push(...found);
    if (!json) for (const m of found) console.log(`${m.name}: ${m.value} ${m.unit}`);
  };
  // Sizes run one after another so that they do not compete for the two cores.
  for (const section of Object.values(SECTIONS)) for (const size of sizes) report(await section(size));
  for (const size of [5000]) if (!sizes.includes(size)) report(await excelAdapter(size));
  report(customFunctions(100000));
  report(bundleSizes());
  if (json)
    console.log(
      JSON.stringify(
        { machine: `${process.platform} ${process.arch}, Node ${process.version}`, metrics },
        null,
        2,
      ),
    );
}

void main();
