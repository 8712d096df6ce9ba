/**
 * The web page in Debian's Chromium (headless, playwright-core) beside a SheetJS page in the same browser:
 * dist/kstthc.html as built from this checkout, and bench/web-sheetjs-page.ts bundled into one HTML file.
 * Both get the same workbook through their file input; the clock runs from the click on "Tính điểm" (the
 * click event, in the page) to the first frame after "Đã tính điểm N đơn vị" appears, and to the moment the
 * scored file's bytes exist (a performance mark). Fresh tab per run, contenders interleaved in rotating
 * order, warm-up round left out, medians. The warm-up's downloads are read back in Node: both files must
 * decide the same units, proposals and points.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import type { BrowserContext, Page } from "playwright-core";
import * as XLSX from "xlsx";
import { writeSingleFile } from "../scripts/single-file";
import { launchChromium } from "../test/browser/chromium";
import { median, round, type Metric } from "./metric";
import { CHILDREN_DIR } from "./processes";
import type { Decided } from "./sheetjs-scoring";
import { generatedBytes, SHEET } from "./workbooks";

const OUR_PAGE = path.join(CHILDREN_DIR, "kstthc.html");
const SHEETJS_PAGE = path.join(CHILDREN_DIR, "sheetjs.html");
/** The same page without its worker: what working off the page's thread costs or saves. */
const IN_THREAD_PAGE = path.join(CHILDREN_DIR, "kstthc-in-thread.html");
/** The mark both pages set when the scored bytes exist (SCORED_BYTES_MARK of src/taskpane/file-port.ts). */
const BYTES_MARK = "kstthc-scored-bytes";
const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const TIMEOUT = 180_000;

/** Our page as the clerk gets it, and the yardstick page, both built from this checkout. */
export async function buildWebPages(): Promise<void> {
  mkdirSync(CHILDREN_DIR, { recursive: true });
  await writeSingleFile(OUR_PAGE);
  await writeSingleFile(IN_THREAD_PAGE, { worker: false });
  const out = await build({
    entryPoints: [path.join(__dirname, "web-sheetjs-page.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    charset: "utf8",
    logLevel: "warning",
  });
  const script = out.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
  writeFileSync(
    SHEETJS_PAGE,
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>SheetJS</title></head><body>` +
      `<input type="file" accept=".xlsx"><button disabled>Tính điểm</button><output></output>` +
      `<script>${script}</script></body></html>`,
  );
}

/**
 * Installed in every tab before its scripts: when "Tính điểm" is clicked (capture phase, before the page
 * sees it), when the result appears, the first frame after it, and the longest task of the main thread
 * in between (Long Tasks API): what a user waits for and how long the page stops answering.
 */
function clock(): void {
  const bench = {
    clicked: undefined as number | undefined,
    shown: undefined as number | undefined,
    painted: undefined as number | undefined,
    longestTask: 0,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  document.addEventListener(
    "click",
    (event) => {
      const button = (event.target as Element | null)?.closest?.("button");
      if (button?.textContent?.trim() === "Tính điểm" && bench.clicked === undefined)
        bench.clicked = performance.now();
    },
    true,
  );
  new MutationObserver(() => {
    if (bench.clicked === undefined || bench.shown !== undefined) return;
    const said = Array.from(document.querySelectorAll("[role=status], output")).some((e) =>
      e.textContent?.startsWith("Đã tính điểm"),
    );
    if (!said) return;
    bench.shown = performance.now();
    requestAnimationFrame(() => setTimeout(() => (bench.painted = performance.now()), 0));
  }).observe(document, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const end = entry.startTime + entry.duration;
      if (bench.clicked !== undefined && end > bench.clicked && bench.painted === undefined)
        bench.longestTask = Math.max(bench.longestTask, entry.duration);
    }
  }).observe({ type: "longtask", buffered: true });
}

interface WebRun {
  /** Click to the first frame showing the result, ms. */
  shown: number;
  /** Click to the scored file's bytes, ms. */
  bytes: number;
  longestTask: number;
  /** From choosing the file to the preview on screen (the table's facts), ms. */
  preview: number;
  /** The scored file, from the warm-up run only. */
  download?: Buffer;
}

type Contender = "page" | "inThread" | "sheetjs";
const PAGES: Record<Contender, string> = { page: OUR_PAGE, inThread: IN_THREAD_PAGE, sheetjs: SHEETJS_PAGE };

async function runOnce(
  context: BrowserContext,
  who: Contender,
  units: number,
  input: Buffer,
  keep: boolean,
): Promise<WebRun> {
  const page = await context.newPage();
  try {
    await page.goto(pathToFileURL(PAGES[who]).href);
    const opening = performance.now();
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: `don-vi-${units}.xlsx`, mimeType: MIME, buffer: input });
    // Our page reads and analyses the file when it is opened; the click comes once that is on screen.
    if (who !== "sheetjs")
      await page.getByText(`${units} đơn vị`, { exact: true }).waitFor({ timeout: TIMEOUT });
    // Seen from here (playwright polls): our page reads and scores the file for its preview.
    const preview = performance.now() - opening;
    await settle(page);
    await page.getByRole("button", { name: "Tính điểm", exact: true }).click({ timeout: TIMEOUT });
    // The result on screen, and the scored bytes (which may come after it, from the worker).
    await page.waitForFunction(
      (mark) =>
        (window as never as { __bench: { painted?: number } }).__bench.painted !== undefined &&
        performance.getEntriesByName(mark).length > 0,
      BYTES_MARK,
      { timeout: TIMEOUT, polling: 100 },
    );
    const times = await page.evaluate((mark) => {
      const { clicked, painted, longestTask } = (window as never as { __bench: Record<string, number> })
        .__bench;
      const bytes = performance.getEntriesByName(mark)[0]?.startTime;
      return { shown: painted - clicked, bytes: bytes - clicked, longestTask };
    }, BYTES_MARK);
    const said = await page
      .locator("[role=status], output")
      .filter({ hasText: /^Đã tính điểm/ })
      .first()
      .textContent();
    if (!said?.startsWith(`Đã tính điểm ${units} đơn vị`))
      throw new Error(`${who} said "${said}" for ${units} units`);
    return { ...times, preview, download: keep ? await download(page, who) : undefined };
  } finally {
    await page.close();
  }
}

/** Until the page has had an idle moment: the click must not queue behind work left from opening. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((resolve) => requestIdleCallback(() => resolve(null), { timeout: 5000 })),
  );
}

async function download(page: Page, who: Contender): Promise<Buffer> {
  const link =
    who !== "sheetjs"
      ? page.getByRole("button", { name: "Tải về tệp đã tính điểm" })
      : page.getByRole("link", { name: "Tải về" });
  const [saved] = await Promise.all([page.waitForEvent("download"), link.click()]);
  return readFileSync(await saved.path());
}

/** What a scored file decided, read from its unit sheet by the output columns' headings. */
export function decidedIn(bytes: Uint8Array): Decided {
  const workbook = XLSX.read(bytes, { type: "array" });
  const sheet = workbook.Sheets[SHEET] ?? workbook.Sheets[workbook.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: true, defval: null });
  const headRow = rows.findIndex((r) => r.includes("Đề xuất khen thưởng"));
  if (headRow < 0) throw new Error("no “Đề xuất khen thưởng” column in the scored file");
  const proposedCol = rows[headRow].indexOf("Đề xuất khen thưởng");
  const totalCol = rows[headRow].indexOf("Tổng điểm thi đua");
  const decided: Decided = { units: 0, eligible: 0, total: 0 };
  for (const row of rows.slice(headRow + 1)) {
    const proposed = row[proposedCol];
    if (proposed !== "Có" && proposed !== "Không") continue;
    decided.units++;
    if (proposed === "Có") decided.eligible++;
    decided.total += Number(row[totalCol]);
  }
  decided.total = Math.round(decided.total);
  return decided;
}

/** The two pages at one size, interleaved in one Chromium. */
export async function webPages(units: number, rounds?: number): Promise<Metric[]> {
  const input = Buffer.from(await generatedBytes(units));
  const chromium = await launchChromium({ acceptDownloads: true, locale: "vi-VN" });
  const load = loadavg()[0];
  const contenders: Contender[] = ["page", "inThread", "sheetjs"];
  const runs: Record<Contender, WebRun[]> = { page: [], inThread: [], sheetjs: [] };
  const checked: Partial<Record<Contender, Buffer>> = {};
  try {
    await chromium.context.addInitScript(clock);
    const timed = rounds ?? (units <= 1000 ? 7 : 5);
    for (let round = 0; round <= timed; round++) {
      const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]);
      for (const who of order) {
        const run = await runOnce(chromium.context, who, units, input, round === 0);
        if (round === 0) checked[who] = run.download;
        else runs[who].push(run);
      }
    }
  } finally {
    await chromium.close();
  }
  const decided = contenders.map((who) => decidedIn(checked[who]!));
  if (decided.some((d) => JSON.stringify(d) !== JSON.stringify(decided[0])) || decided[0].units !== units)
    throw new Error(
      `The pages disagree: ${JSON.stringify(Object.fromEntries(contenders.map((c, i) => [c, decided[i]])))}`,
    );
  const med = (who: Contender, figure: (r: WebRun) => number) => median(runs[who].map(figure));
  const yardstick = med("sheetjs", (r) => r.shown);
  const figures = (who: Contender, prefix: string): Metric[] => [
    { name: `${prefix}.result_shown.${units}`, value: Math.round(med(who, (r) => r.shown)), unit: "ms" },
    { name: `${prefix}.bytes_ready.${units}`, value: Math.round(med(who, (r) => r.bytes)), unit: "ms" },
    {
      name: `${prefix}.longest_task.${units}`,
      value: Math.round(med(who, (r) => r.longestTask)),
      unit: "ms",
    },
    // The yardstick only keeps the file's bytes when it is chosen: nothing to time there.
    ...(who === "sheetjs"
      ? []
      : [
          {
            name: `${prefix}.file_to_preview.${units}`,
            value: Math.round(med(who, (r) => r.preview)),
            unit: "ms",
          },
        ]),
  ];
  return [
    ...figures("page", "web.page"),
    ...figures("inThread", "web.page_in_thread"),
    ...figures("sheetjs", "web.sheetjs"),
    {
      name: `web.ratio_to_sheetjs.${units}`,
      value: round(med("page", (r) => r.shown) / yardstick),
      unit: "x",
    },
    {
      name: `web.in_thread.ratio_to_sheetjs.${units}`,
      value: round(med("inThread", (r) => r.shown) / yardstick),
      unit: "x",
    },
    { name: `web.load_average.${units}`, value: round(load), unit: "" },
  ];
}
