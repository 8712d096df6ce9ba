/**
 * The command-line tool as a user runs it, in a child process: time and peak memory (maxRSS) of
 * `kstthc score` with the package adapter, beside the same run with the ExcelJS adapter it replaced;
 * on the generated unit workbook alone, and with an unrelated 100,000-row log sheet added.
 */
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Metric } from "./metric";
import { generatedWorkbook } from "./workbooks";

const LOG_ROWS = 100_000;
const EXCELJS_MAX_UNITS = 20_000;
const ROOT = path.join(__dirname, "..");

/** The CLI and the ExcelJS path, bundled as `npm run build:cli` bundles the CLI. */
function bundles(dir: string): { packageCli: string; exceljsCli: string } {
  const packageCli = path.join(dir, "kstthc.cjs");
  const exceljsCli = path.join(dir, "exceljs-score.cjs");
  const common = {
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
  } as const;
  buildSync({
    ...common,
    entryPoints: [path.join(ROOT, "src/cli/bin.ts")],
    outfile: packageCli,
    logLevel: "warning",
  });
  buildSync({
    ...common,
    entryPoints: [path.join(__dirname, "exceljs-score.ts")],
    outfile: exceljsCli,
    logLevel: "warning",
    nodePaths: [path.join(ROOT, "node_modules")],
  });
  return { packageCli, exceljsCli };
}

/** Peak resident memory (MB) and wall time (s) of one child run. */
function child(script: string, args: string[]): { mb: number; s: number } {
  const report = path.join(__dirname, "report-rss.cjs");
  const start = process.hrtime.bigint();
  // stdout is not read: the CLI's summary grows with the units (3.6 MB at 100,000), past spawnSync's
  // 1 MiB buffer, which then kills the child ("bench child failed" with an empty stderr).
  const run = spawnSync(process.execPath, ["--require", report, script, ...args], {
    encoding: "utf8",
    cwd: ROOT,
    env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") },
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = /MAXRSS=(\d+)/.exec(run.stderr)?.[1];
  if (run.status !== 0 || !kb) {
    const why = run.error ? String(run.error) : `exit ${run.status ?? run.signal}`;
    throw new Error(`bench child failed (${path.basename(script)}, ${why}): ${run.stderr.slice(-2000)}`);
  }
  return { mb: Math.round(Number(kb) / 1024), s };
}

async function withLogSheet(units: number): Promise<Uint8Array> {
  const workbook = generatedWorkbook(units);
  const log = workbook.addWorksheet("Nhật ký");
  log.addRow(["Thời điểm", "Người dùng", "Thao tác", "Số bản ghi", "Ghi chú"]);
  for (let i = 0; i < LOG_ROWS; i++) {
    log.addRow([
      `2024-01-${(i % 28) + 1} 08:${i % 60}`,
      `user${i % 17}`,
      "Cập nhật",
      i,
      `Ghi chú ${i % 1000}`,
    ]);
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function packageCli(units: number): Promise<Metric[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kstthc-bench-"));
  try {
    const { packageCli: cli, exceljsCli } = bundles(dir);
    const metrics: Metric[] = [];
    const cases: [string, Uint8Array][] = [
      ["", new Uint8Array((await generatedWorkbook(units).xlsx.writeBuffer()) as ArrayBuffer)],
      [`.with_log_${LOG_ROWS}`, await withLogSheet(units)],
    ];
    for (const [suffix, bytes] of cases) {
      const input = path.join(dir, `in${suffix}.xlsx`);
      writeFileSync(input, bytes);
      const out = path.join(dir, "out.xlsx");
      const runs = units > 20000 ? 1 : 2;
      const best = (script: string) => {
        let fastest = { mb: Infinity, s: Infinity };
        for (let i = 0; i < runs; i++) {
          const r = child(script, script === cli ? ["score", input, "-o", out] : [input, out]);
          fastest = { mb: Math.min(fastest.mb, r.mb), s: Math.min(fastest.s, r.s) };
        }
        return fastest;
      };
      const pkg = best(cli);
      // The ExcelJS adapter is the old yardstick: above 20,000 units it costs minutes and gigabytes.
      const old = units <= EXCELJS_MAX_UNITS ? best(exceljsCli) : undefined;
      metrics.push(
        {
          name: `cli_process.input_zip${suffix}.${units}`,
          value: round(statSync(input).size / 1e6),
          unit: "MB",
        },
        { name: `cli_process.package.time${suffix}.${units}`, value: round(pkg.s), unit: "s" },
        { name: `cli_process.package.peak_rss${suffix}.${units}`, value: pkg.mb, unit: "MB" },
      );
      if (old)
        metrics.push(
          { name: `cli_process.exceljs.time${suffix}.${units}`, value: round(old.s), unit: "s" },
          { name: `cli_process.exceljs.peak_rss${suffix}.${units}`, value: old.mb, unit: "MB" },
        );
      // The output is the input with the tool's parts changed: the log sheet goes through untouched.
      readFileSync(out);
    }
    return metrics;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
