/**
 * The clerk's page as an office gets it: dist/kstthc.html opened from disk (file://) in Debian's Chromium,
 * every request that is not the file itself refused and recorded, any Content-Security-Policy violation,
 * script error or console error recorded. Shared by the browser tests of the single-file page.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { CHROMIUM, DIST, launchChromium, type LaunchedChromium } from "./chromium";

export const SINGLE_FILE = path.join(DIST, "kstthc.html");
export const SINGLE_FILE_URL = pathToFileURL(SINGLE_FILE).href;
export const EXAMPLE = path.join(__dirname, "..", "..", "examples", "theo-doi-thi-dua-kstthc-2023.xlsx");
export const WIDTHS = [1280, 350] as const;

/** `describe`, or `describe.skip` naming what is missing (the built single file, Chromium). */
export function singleFileSuite(title: string): { suite: jest.Describe; title: string } {
  const missing = [
    existsSync(SINGLE_FILE) ? undefined : "dist/kstthc.html (run `npm run build`)",
    existsSync(CHROMIUM) ? undefined : `${CHROMIUM} (apt-get install chromium)`,
  ].filter(Boolean);
  return missing.length === 0
    ? { suite: describe, title }
    : { suite: describe.skip, title: `${title} — SKIPPED: missing ${missing.join(" and ")}` };
}

export interface PageRecord {
  /** Requests refused: anything but the file itself, a blob: download or a data: URL of the page. */
  refused: string[];
  errors: string[];
  violations: string[];
}

export interface OpenedPage {
  page: Page;
  record: PageRecord;
}

/** One Chromium for a suite; `open` makes a page of `width` CSS pixels on the single file. */
export function singleFileBrowser() {
  let chromium: LaunchedChromium | undefined;
  return {
    async start(): Promise<void> {
      chromium = await launchChromium({ acceptDownloads: true, locale: "vi-VN", reducedMotion: "reduce" });
      chromium.context.setDefaultTimeout(20_000);
    },
    async stop(): Promise<void> {
      await chromium?.close();
    },
    async open(width: number, height = 900): Promise<OpenedPage> {
      if (!chromium) throw new Error("start() first");
      const page = await chromium.context.newPage();
      await page.setViewportSize({ width, height });
      const record: PageRecord = { refused: [], errors: [], violations: [] };
      page.on("pageerror", (error) => record.errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error") record.errors.push(message.text());
      });
      page.on("request", (request) => {
        const url = request.url();
        if (url !== SINGLE_FILE_URL && !url.startsWith("blob:") && !url.startsWith("data:"))
          record.refused.push(url);
      });
      await page.route("**/*", async (route) => {
        const url = route.request().url();
        if (url === SINGLE_FILE_URL || url.startsWith("blob:") || url.startsWith("data:"))
          await route.fallback();
        else await route.abort("blockedbyclient");
      });
      await page.exposeFunction("__kstthcViolation", (text: string) => record.violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          const report = (window as unknown as { __kstthcViolation: (text: string) => void })
            .__kstthcViolation;
          void report(`${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      await page.goto(SINGLE_FILE_URL);
      await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
      return { page, record };
    },
  };
}

/** Opens the bundled example in the page and waits until its table is read. */
export async function openExample(page: Page, file = EXAMPLE): Promise<void> {
  await page.locator('input[type="file"]').first().setInputFiles(file);
  await page.getByRole("group", { name: "Tệp đang mở" }).waitFor();
}

/** Clicks "Tính điểm" and waits for the result. */
export async function score(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
  await page.getByText(/^Đã tính điểm \d+ đơn vị/).waitFor();
}

/** Clicks a download button and returns the saved file's name and bytes. */
export async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [saved] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: button }).click(),
  ]);
  return { name: saved.suggestedFilename(), bytes: readFileSync(await saved.path()) };
}

/** How far the page scrolls sideways: 0 when nothing is wider than the window. */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
