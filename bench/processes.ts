/**
 * Whole processes, timed from spawn to exit with their peak memory, and run interleaved: every round runs
 * each contender once, in an order that rotates from round to round, so that a change in the machine's
 * load falls on all of them alike. Warm-up rounds are left out; figures are medians.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { median } from "./metric";

const ROOT = path.join(__dirname, "..");
/** Inside the repository (lib/ is ignored) so that the bundles find node_modules. */
export const CHILDREN_DIR = path.join(ROOT, "lib", "bench");
export const CLI = path.join(ROOT, "lib", "kstthc.cjs");

export const child = (name: string) => path.join(CHILDREN_DIR, `${name}.cjs`);

/** Bundles the child scripts as the CLI is bundled (esbuild, packages external). */
export async function buildChildren(): Promise<void> {
  const names = ["peak-memory", "empty", "floor", "sheetjs", "core", "diem"];
  await build({
    entryPoints: Object.fromEntries(names.map((n) => [n, path.join(__dirname, "children", `${n}.ts`)])),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    outExtension: { ".js": ".cjs" },
    outdir: CHILDREN_DIR,
    logLevel: "warning",
  });
}

export interface ProcessRun {
  seconds: number;
  /** CPU time of all its threads: what the work costs whatever else the machine runs. */
  cpuSeconds: number;
  /** Peak resident memory, MiB. */
  peakMiB: number;
  stdout: string;
}

/** `node --require peak-memory.cjs …args`, to its exit; fails on a non-zero exit. */
export function runNode(args: string[]): Promise<ProcessRun> {
  const scratch = mkdtempSync(path.join(tmpdir(), "kstthc-peak-"));
  const peakFile = path.join(scratch, "peak");
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const proc = spawn(process.execPath, ["--require", child("peak-memory"), ...args], {
      env: { ...process.env, BENCH_PEAK_FILE: peakFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    proc.stdout.on("data", (b: Buffer) => out.push(b));
    proc.stderr.on("data", (b: Buffer) => err.push(b));
    proc.on("error", reject);
    proc.on("close", (code) => {
      const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
      try {
        if (code !== 0) throw new Error(`${args.join(" ")} exited ${code}: ${Buffer.concat(err)}`);
        const usage = JSON.parse(readFileSync(peakFile, "utf8")) as { maxRSS: number; cpu: number };
        resolve({
          seconds: elapsed,
          cpuSeconds: usage.cpu / 1e6,
          peakMiB: usage.maxRSS / 1024,
          stdout: Buffer.concat(out).toString("utf8"),
        });
      } catch (error) {
        reject(error);
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    });
  });
}

export interface Contender {
  name: string;
  args: string[];
  /** Arguments of the warm-up run when they differ (e.g. to check the answers); it is not timed. */
  warmUpArgs?: string[];
}

export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakMiB: number;
  /** What the warm-up run printed. */
  warmUpOutput: string;
}

export async function interleaved(
  contenders: Contender[],
  rounds: number,
  warmUps = 1,
): Promise<Record<string, Measured>> {
  const runs = new Map<string, ProcessRun[]>(contenders.map((c) => [c.name, []]));
  const warmUpOutput = new Map<string, string>();
  for (let round = 0; round < warmUps + rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
    for (const contender of order) {
      const warm = round >= warmUps;
      const run = await runNode(warm ? contender.args : (contender.warmUpArgs ?? contender.args));
      if (!warm) warmUpOutput.set(contender.name, run.stdout);
      else runs.get(contender.name)?.push(run);
    }
  }
  const medianOf = (name: string, figure: (run: ProcessRun) => number) =>
    median((runs.get(name) ?? []).map(figure));
  return Object.fromEntries(
    contenders.map((c) => [
      c.name,
      {
        seconds: medianOf(c.name, (r) => r.seconds),
        cpuSeconds: medianOf(c.name, (r) => r.cpuSeconds),
        peakMiB: medianOf(c.name, (r) => r.peakMiB),
        warmUpOutput: warmUpOutput.get(c.name) ?? "",
      },
    ]),
  );
}
