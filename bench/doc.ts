/**
 * `npm run bench -- --write-doc`: the bench's own figures as docs/performance.md's tables, written
 * between the markers below so that the page never holds hand-copied numbers.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { format } from "prettier";
import type { Metric } from "./metric";

export const BEGIN = "<!-- bench:begin (written by `npm run bench -- --write-doc`; do not edit by hand) -->";
export const END = "<!-- bench:end -->";

export interface Machine {
  platform: string;
  cpu: string;
  cores: number;
  loadAverage1m: number;
  loadAverage5m: number;
}

export interface RunFacts {
  command: string;
  startedAt: Date;
  endedAt: Date;
  atStart: Machine;
  atEnd: Machine;
  metrics: Metric[];
}

const fmt = (n: number | undefined, digits = 2): string =>
  n === undefined ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: digits });

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const rule = head.map((_, i) => (i === 0 ? "---" : "---:"));
  return [line(head), line(rule), ...rows.map(line)].join("\n");
}

/** The sizes a family of figures was measured at, from names ending in `.N`. */
function sizesOf(metrics: Metric[], prefix: string): number[] {
  const sizes = metrics
    .filter((m) => m.name.startsWith(prefix))
    .map((m) => Number(/\.(\d+)$/.exec(m.name)?.[1]))
    .filter((n) => Number.isFinite(n));
  return [...new Set(sizes)].sort((a, b) => a - b);
}

export function docSection(facts: RunFacts): string {
  const value = new Map(facts.metrics.map((m) => [m.name, m.value]));
  const v = (name: string) => value.get(name);
  const utc = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  const parts: string[] = [
    BEGIN,
    "",
    `\`${facts.command}\`, ${utc(facts.startedAt)} to ${utc(facts.endedAt)}: ${facts.atStart.cores} cores ` +
      `(${facts.atStart.cpu}), ${facts.atStart.platform}. **Load average (1 min) ${fmt(facts.atStart.loadAverage1m)} ` +
      `at the start, ${fmt(facts.atEnd.loadAverage1m)} at the end** (5 min: ${fmt(facts.atStart.loadAverage5m)}, ` +
      `${fmt(facts.atEnd.loadAverage5m)}). Wall-clock medians swing with the load; CPU times and ratios of one run are what to read.`,
  ];

  const cliSizes = sizesOf(facts.metrics, "cli.process.");
  if (cliSizes.length) {
    parts.push(
      "",
      "### Command-line tool against its yardsticks",
      "",
      table(
        [
          "units",
          "cli (wall / CPU)",
          "floor (wall / CPU)",
          "sheetjs (wall / CPU)",
          "cli ÷ sheetjs (wall / CPU)",
          "peak memory cli / floor / sheetjs",
          "cli ÷ sheetjs memory",
        ],
        cliSizes.map((n) => {
          const pair = (who: string) => `${fmt(v(`${who}.process.${n}`))} s / ${fmt(v(`${who}.cpu.${n}`))} s`;
          const cpuRatio = (v(`cli.cpu.${n}`) ?? NaN) / (v(`sheetjs.cpu.${n}`) ?? NaN);
          return [
            fmt(n, 0),
            pair("cli"),
            pair("floor"),
            pair("sheetjs"),
            `${fmt(v(`cli.ratio_to_sheetjs.${n}`))}× / ${fmt(cpuRatio)}×`,
            `${fmt(v(`cli.peak_memory.${n}`), 0)} / ${fmt(v(`floor.peak_memory.${n}`), 0)} / ${fmt(v(`sheetjs.peak_memory.${n}`), 0)} MiB`,
            `${fmt(v(`cli.memory_ratio_to_sheetjs.${n}`))}×`,
          ];
        }),
      ),
      "",
      table(
        ["units", "output cli / sheetjs", "core: ExcelJS → grids", "core: read + score + plan"],
        cliSizes.map((n) => [
          fmt(n, 0),
          `${fmt((v(`cli.output_bytes.${n}`) ?? NaN) / 1e6)} / ${fmt((v(`sheetjs.output_bytes.${n}`) ?? NaN) / 1e6)} MB`,
          `${fmt(v(`core.exceljs_to_grids.${n}`), 3)} s`,
          `${fmt(v(`core.read_score_plan.${n}`), 0)} units/s`,
        ]),
      ),
    );
  }

  const packageSizes = sizesOf(facts.metrics, "cli_process.package.time.");
  if (packageSizes.length) {
    const rows: string[][] = [];
    for (const n of packageSizes)
      for (const [suffix, label] of [
        ["", "unit table alone"],
        [".with_log_100000", "with a 100,000-row unrelated sheet"],
      ]) {
        const f = (what: string) => v(`cli_process.${what}${suffix}.${n}`);
        rows.push([
          `${fmt(n, 0)}, ${label}`,
          `${fmt(f("input_zip"))} MB`,
          `${fmt(f("package.time"))} s`,
          `${fmt(f("package.peak_rss"), 0)} MB`,
          f("exceljs.time") === undefined ? "not run" : `${fmt(f("exceljs.time"))} s`,
          f("exceljs.peak_rss") === undefined ? "not run" : `${fmt(f("exceljs.peak_rss"), 0)} MB`,
        ]);
      }
    parts.push(
      "",
      "### An unrelated sheet costs its compressed bytes",
      "",
      table(
        ["units", "input (zip)", "package: time", "package: peak RSS", "ExcelJS: time", "ExcelJS: peak RSS"],
        rows,
      ),
    );
  }

  const webSizes = sizesOf(facts.metrics, "web.page.result_shown.");
  if (webSizes.length) {
    const ms = (name: string) => `${fmt(v(name), 0)} ms`;
    parts.push(
      "",
      "### Web page in Chromium against SheetJS in the same browser",
      "",
      table(
        [
          "units",
          "page: click → result shown / bytes ready",
          "sheetjs: click → written",
          "page ÷ sheetjs",
          "page's longest task",
          "same page, no worker: shown / longest task",
          "file → preview: page / no worker",
          "load (1 min)",
        ],
        webSizes.map((n) => [
          fmt(n, 0),
          `${ms(`web.page.result_shown.${n}`)} / ${ms(`web.page.bytes_ready.${n}`)}`,
          ms(`web.sheetjs.result_shown.${n}`),
          `${fmt(v(`web.ratio_to_sheetjs.${n}`))}×`,
          ms(`web.page.longest_task.${n}`),
          `${ms(`web.page_in_thread.result_shown.${n}`)} / ${ms(`web.page_in_thread.longest_task.${n}`)}`,
          `${fmt(v(`web.page.file_to_preview.${n}`), 0)} / ${ms(`web.page_in_thread.file_to_preview.${n}`)}`,
          fmt(v(`web.load_average.${n}`)),
        ]),
      ),
    );
  }

  const fn = (name: string) => v(`functions.${name}.100000`);
  if (fn("diem.warm") !== undefined) {
    const row = (label: string, name: string) => [
      label,
      `${fmt(fn(name), 0)} values/s`,
      `${fmt((fn(`${name}.cpu`) ?? NaN) / 1e6)} M values/s`,
    ];
    parts.push(
      "",
      "### Custom functions (100,000 cells)",
      "",
      table(
        ["figure", "wall clock", "per CPU-second"],
        [
          row('DIEM "III", warm', "diem.warm"),
          row("its floor (plain map)", "diem.floor"),
          row('DIEM "IV.9" (rates as fractions), warm', "diem_rates.warm"),
          row("its floor", "diem_rates.floor"),
          row('DIEM "III", first call', "diem.first_call"),
        ],
      ),
    );
  }

  if (v("startup.node") !== undefined) {
    parts.push(
      "",
      "### Start-up",
      "",
      table(
        ["", "wall clock", "CPU time"],
        [
          ["Node, empty script", `${fmt(v("startup.node"))} s`, `${fmt(v("startup.node.cpu"), 3)} s`],
          ["`kstthc --help`", `${fmt(v("startup.cli_help"))} s`, `${fmt(v("startup.cli_help.cpu"), 3)} s`],
        ],
      ) + `\n\n\`kstthc --help\` peaks at ${fmt(v("startup.cli_help.peak_memory"), 0)} MiB.`,
    );
  }

  const excelSizes = sizesOf(facts.metrics, "excel.syncs.");
  if (excelSizes.length) {
    parts.push(
      "",
      "### Excel adapter (recording stand-in)",
      "",
      table(
        ["units", "`context.sync()` calls per “Tính điểm”", "largest request"],
        excelSizes.map((n) => [
          fmt(n, 0),
          fmt(v(`excel.syncs.${n}`), 0),
          `${fmt((v(`excel.largest_request.${n}`) ?? NaN) / 1e6)} MB`,
        ]),
      ),
    );
  }

  const bundles = facts.metrics.filter((m) => m.name.startsWith("bundle.") && m.name.endsWith(".raw"));
  if (bundles.length) {
    parts.push(
      "",
      "### Bundles (`dist/`)",
      "",
      table(
        ["file", "raw", "gzip"],
        bundles.map((m) => {
          const file = m.name.slice("bundle.".length, -".raw".length);
          return [
            file,
            `${fmt(m.value / 1e3, 1)} KB`,
            `${fmt((v(`bundle.${file}.gzip`) ?? NaN) / 1e3, 1)} KB`,
          ];
        }),
      ),
    );
  }
  parts.push("", END);
  return parts.join("\n");
}

/** Replaces the marked section of the page (appends it when the page has none yet), Prettier-clean. */
export async function writeDoc(file: string, facts: RunFacts): Promise<void> {
  const page = readFileSync(file, "utf8");
  const section = docSection(facts);
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  const next =
    begin >= 0 && end > begin
      ? page.slice(0, begin) + section + page.slice(end + END.length)
      : `${page.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, await format(next, { filepath: file }));
}
