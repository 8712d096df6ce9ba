/**
 * `npm run bench [-- --json] [-- --sizes 1000,20000] [-- --rounds 5] [-- --only cli,web] [-- --write-doc]`:
 * speed and memory as figures, one line each ("name: value unit"), with yardsticks measured in the same
 * run so that ratios hold on a busy machine. Never asserted in tests. docs/performance.md explains each
 * figure; `--write-doc` writes its tables from this run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { serialize } from "node:v8";
import type { JsonReport } from "../src/core/report";
import { runScoring } from "../src/core/run";
import { CHROMIUM } from "../test/browser/chromium";
import { workbookToGrids } from "../test/exceljs/read";
import { loadWorkbook } from "../test/exceljs/workbook";
import { bundleSizes } from "./bundles";
import { writeDoc } from "./doc";
import { excelAdapter } from "./excel-adapter";
import { round, type Metric } from "./metric";
import { buildChildren, child, CLI, interleaved, runNode } from "./processes";
import { packageCli } from "./package";
import { buildWebPages, webPages } from "./web";
import { generatedBytes } from "./workbooks";

const ROOT = path.join(__dirname, "..");
/** The web part's largest size: a clerk's page is measured where its target is. */
const WEB_MAX_UNITS = 20000;
const MiB = (n: number) => Math.round(n);

/** The bench's parts, all by default; `--only` runs some of them. */
const SECTIONS = ["startup", "functions", "cli", "package", "web", "excel", "bundles"] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  sizes: number[];
  sections: Set<Section>;
  /** Timed rounds per size: 5 up to 1,000 units, 3 up to 20,000, 2 above, unless given. */
  rounds?: number;
}

/** The CLI as a whole process beside its two yardsticks, interleaved, at one size. */
async function cliAndYardsticks(units: number, dir: string, options: Options): Promise<Metric[]> {
  const input = path.join(dir, `units-${units}.xlsx`);
  const bytes = await generatedBytes(units);
  writeFileSync(input, bytes);
  // The floor writes the CLI's own cells: its write plan, made once here, outside the timings.
  const plan = path.join(dir, `plan-${units}.bin`);
  writeFileSync(plan, serialize(runScoring(workbookToGrids(await loadWorkbook(bytes, input))).plan));
  const out = (name: string) => path.join(dir, `${name}-${units}.xlsx`);
  const cliArgs = [CLI, "score", input, "-o", out("cli")];
  const measured = await interleaved(
    [
      { name: "cli", args: cliArgs, warmUpArgs: [...cliArgs, "--json"] },
      { name: "floor", args: [child("floor"), input, plan, out("floor")] },
      { name: "sheetjs", args: [child("sheetjs"), input, out("sheetjs")] },
    ],
    options.rounds ?? (units <= 1000 ? 5 : units <= 20000 ? 3 : 2),
    // Above 20,000 units a warm-up costs more than it settles: every run is a new process anyway.
    units <= 20000 ? 1 : 0,
  );
  if (measured.cli.warmUpOutput)
    checkSameScoring(units, measured.cli.warmUpOutput, measured.sheetjs.warmUpOutput);
  const core = JSON.parse((await runNode([child("core"), input, String(units > 20000 ? 3 : 5)])).stdout) as {
    grids: number;
    scoring: number;
  };
  const { cli, floor, sheetjs } = measured;
  const size = (name: string) => statSync(out(name)).size;
  return [
    { name: `cli.process.${units}`, value: round(cli.seconds), unit: "s" },
    { name: `floor.process.${units}`, value: round(floor.seconds), unit: "s" },
    { name: `sheetjs.process.${units}`, value: round(sheetjs.seconds), unit: "s" },
    { name: `cli.cpu.${units}`, value: round(cli.cpuSeconds), unit: "cpu-s" },
    { name: `floor.cpu.${units}`, value: round(floor.cpuSeconds), unit: "cpu-s" },
    { name: `sheetjs.cpu.${units}`, value: round(sheetjs.cpuSeconds), unit: "cpu-s" },
    { name: `cli.ratio_to_floor.${units}`, value: round(cli.seconds / floor.seconds), unit: "x" },
    { name: `cli.ratio_to_sheetjs.${units}`, value: round(cli.seconds / sheetjs.seconds), unit: "x" },
    { name: `cli.peak_memory.${units}`, value: MiB(cli.peakMiB), unit: "MiB" },
    { name: `floor.peak_memory.${units}`, value: MiB(floor.peakMiB), unit: "MiB" },
    { name: `sheetjs.peak_memory.${units}`, value: MiB(sheetjs.peakMiB), unit: "MiB" },
    { name: `cli.memory_ratio_to_sheetjs.${units}`, value: round(cli.peakMiB / sheetjs.peakMiB), unit: "x" },
    { name: `cli.output_bytes.${units}`, value: size("cli"), unit: "bytes" },
    { name: `sheetjs.output_bytes.${units}`, value: size("sheetjs"), unit: "bytes" },
    { name: `core.exceljs_to_grids.${units}`, value: round(core.grids), unit: "s" },
    { name: `core.read_score_plan.${units}`, value: Math.round(units / core.scoring), unit: "units/s" },
  ];
}

/** The yardstick must decide what the CLI decides, or its time proves nothing. */
function checkSameScoring(units: number, cliJson: string, sheetjsJson: string): void {
  const report = JSON.parse(cliJson) as JsonReport;
  const cli = {
    units: report.units.length,
    eligible: report.eligible.length,
    total: Math.round(report.units.reduce((sum, u) => sum + u.total, 0)),
  };
  const yardstick = JSON.parse(sheetjsJson) as typeof cli;
  yardstick.total = Math.round(yardstick.total);
  if (JSON.stringify(cli) !== JSON.stringify(yardstick) || cli.units !== units) {
    throw new Error(`SheetJS yardstick disagrees with the CLI: ${JSON.stringify({ cli, yardstick })}`);
  }
}

async function startUp(): Promise<Metric[]> {
  const measured = await interleaved(
    [
      { name: "node", args: [child("empty")] },
      { name: "help", args: [CLI, "--help"] },
    ],
    9,
  );
  return [
    { name: "startup.node", value: round(measured.node.seconds), unit: "s" },
    { name: "startup.cli_help", value: round(measured.help.seconds), unit: "s" },
    { name: "startup.node.cpu", value: round(measured.node.cpuSeconds), unit: "cpu-s" },
    { name: "startup.cli_help.cpu", value: round(measured.help.cpuSeconds), unit: "cpu-s" },
    { name: "startup.cli_help.peak_memory", value: MiB(measured.help.peakMiB), unit: "MiB" },
  ];
}

async function customFunctions(cells: number): Promise<Metric[]> {
  type Rate = { wall: number; cpu: number };
  const rates = JSON.parse((await runNode([child("diem"), String(cells), "9"])).stdout) as Record<
    "first" | "scores" | "scoresFloor" | "rates" | "ratesFloor",
    Rate
  >;
  const figures = (name: string, rate: Rate): Metric[] => [
    { name: `functions.${name}.${cells}`, value: Math.round(rate.wall), unit: "values/s" },
    { name: `functions.${name}.cpu.${cells}`, value: Math.round(rate.cpu), unit: "values/cpu-s" },
  ];
  return [
    ...figures("diem.first_call", rates.first),
    ...figures("diem.warm", rates.scores),
    ...figures("diem.floor", rates.scoresFloor),
    ...figures("diem_rates.warm", rates.rates),
    ...figures("diem_rates.floor", rates.ratesFloor),
  ];
}

/** Default sizes: every part finishes within 15 minutes on a loaded 2-core machine. 100,000 on request. */
const DEFAULT_SIZES = [1000, 20000];

function parseOptions(args: string[]): Options & { json: boolean; writeDoc: boolean } {
  const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const sizes = valueOf("--sizes");
  const rounds = valueOf("--rounds");
  const only = valueOf("--only")?.split(",");
  const unknown = only?.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown?.length)
    throw new Error(`--only: unknown ${unknown.join(", ")} (known: ${SECTIONS.join(", ")})`);
  return {
    sections: new Set((only ?? SECTIONS) as Section[]),
    json: args.includes("--json"),
    writeDoc: args.includes("--write-doc"),
    sizes: sizes ? sizes.split(",").map(Number) : DEFAULT_SIZES,
    rounds: rounds ? Number(rounds) : undefined,
  };
}

function machine() {
  const [one, five] = loadavg();
  return {
    platform: `${process.platform} ${process.arch}, Node ${process.version}`,
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    loadAverage1m: round(one),
    loadAverage5m: round(five),
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const atStart = machine();
  const startedAt = new Date();
  const metrics: Metric[] = [];
  const report = (found: Metric[]) => {
    metrics.push(...found);
    if (!options.json) for (const m of found) console.log(`${m.name}: ${m.value} ${m.unit}`);
  };
  if (!options.json) console.log(`machine: ${JSON.stringify(atStart)}`);
  execFileSync("npm", ["run", "-s", "build:cli"], { cwd: ROOT, stdio: "inherit" });
  await buildChildren();
  const dir = mkdtempSync(path.join(tmpdir(), "kstthc-bench-"));
  try {
    const run = (section: Section) => options.sections.has(section);
    if (run("startup")) report(await startUp());
    if (run("functions")) report(await customFunctions(100000));
    // Sizes one after another so that they do not compete for the cores.
    if (run("cli")) for (const size of options.sizes) report(await cliAndYardsticks(size, dir, options));
    // Memory bounded by the sheets read: the CLI with and without an unrelated 100,000-row sheet.
    if (run("package")) for (const size of options.sizes) report(await packageCli(size));
    // The page in Chromium beside SheetJS in the same browser, sizes one after another.
    if (run("web")) {
      if (!existsSync(CHROMIUM)) console.error(`web: skipped, no ${CHROMIUM} (apt-get install chromium)`);
      else {
        await buildWebPages();
        // The page's target is at 20,000 units. At 100,000 its preview did not show within the 3-minute
        // timeout (8 Dec 2026, not investigated: docs/performance.md), which would stop the whole bench.
        for (const size of options.sizes.filter((n) => n <= WEB_MAX_UNITS))
          report(await webPages(size, options.rounds));
      }
    }
    if (run("excel")) {
      for (const size of [...new Set([...options.sizes, 5000])].sort((a, b) => a - b)) {
        report(await excelAdapter(size));
      }
    }
    if (run("bundles")) report(bundleSizes());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const atEnd = machine();
  if (options.writeDoc) {
    const command = ["npm run bench --", ...process.argv.slice(2)].join(" ");
    const facts = { command, startedAt, endedAt: new Date(), atStart, atEnd, metrics };
    await writeDoc(path.join(ROOT, "docs", "performance.md"), facts);
  }
  if (options.json) {
    console.log(
      JSON.stringify({ machine: atStart, loadAverageAtEnd: atEnd.loadAverage1m, metrics }, null, 2),
    );
  } else
    console.log(`load average at the end: ${atEnd.loadAverage1m} (1 min), ${atEnd.loadAverage5m} (5 min)`);
}

void main();
