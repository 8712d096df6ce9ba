/**
 * Makes the pictures of the clerks' guide (HUONG-DAN.md) from the built page: dist/kstthc.html opened
 * from disk in Debian's Chromium, every request out refused, the 2025 example opened and scored, each
 * step pictured as the clerk sees it at a desk (900 px) and in a task pane (350 px).
 *
 *   npm run screenshots                  writes docs/anh/*.png (after `npm run build`)
 *   tsx scripts/screenshots.ts DIR       writes them into DIR instead (the test compares the two)
 */
import { existsSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Locator, type Page } from "playwright-core";

const ROOT = path.join(__dirname, "..");
export const PICTURES = path.join(ROOT, "docs", "anh");
const PAGE = path.join(ROOT, "dist", "kstthc.html");
const EXAMPLE = path.join(ROOT, "examples", "theo-doi-thi-dua-kstthc-2025.xlsx");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The pictures, in the guide's order: file name → what it shows. */
export const SHOTS = {
  "01-mo-tep.png": "the page as it opens",
  "02-bang-don-vi.png": "the file opened: the unit table found",
  "03-ket-qua.png": "after “Tính điểm”: problems, downloads, the proposed units",
  "04-tat-ca-don-vi.png": "every unit with its reason, one of them opened",
  "05-cong-van.png": "the letter's settings",
  "06-khung-hep.png": "the result in a 350 px task pane",
} as const;
type Shot = keyof typeof SHOTS;

/** The section (accordion item) under the heading `title`. */
const section = (page: Page, title: string): Locator =>
  page.getByRole("heading", { name: title, exact: true }).locator("xpath=..");

async function openSection(page: Page, title: string): Promise<void> {
  const header = page.getByRole("button", { name: title, exact: true });
  if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
  await page.waitForTimeout(400);
}

async function scoredPage(page: Page): Promise<void> {
  await page.locator('input[type="file"]').first().setInputFiles(EXAMPLE);
  await page.getByRole("group", { name: "Tệp đang mở" }).waitFor();
  await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
  await page.getByText(/^Đã tính điểm \d+ đơn vị/).waitFor();
}

export async function makeScreenshots(dir = PICTURES): Promise<string[]> {
  if (!existsSync(PAGE)) throw new Error("dist/kstthc.html is missing: run `npm run build` first.");
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const written: string[] = [];
  const shoot = async (target: Page | Locator, shot: Shot) => {
    const file = path.join(dir, shot);
    await target.screenshot({ path: file, animations: "disabled" });
    written.push(file);
  };
  try {
    const context = await browser.newContext({
      locale: "vi-VN",
      reducedMotion: "reduce",
      deviceScaleFactor: 1,
    });
    // Nothing leaves the machine, as for the clerk.
    await context.route("**/*", (route) =>
      route.request().url().startsWith("file:") ? route.fallback() : route.abort("blockedbyclient"),
    );
    const url = pathToFileURL(PAGE).href;

    const desk = await context.newPage();
    await desk.setViewportSize({ width: 900, height: 640 });
    await desk.goto(url);
    await desk.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
    await shoot(desk, "01-mo-tep.png");
    await scoredPage(desk);
    await shoot(section(desk, "Bảng đơn vị"), "02-bang-don-vi.png");
    await shoot(section(desk, "Kết quả tính điểm"), "03-ket-qua.png");
    const units = desk.getByRole("table", { name: "Tất cả đơn vị" });
    await units.getByRole("rowheader").nth(1).getByRole("button").click();
    await shoot(desk.getByRole("region", { name: /^Tất cả đơn vị/ }), "04-tat-ca-don-vi.png");
    await openSection(desk, "Công văn");
    // The form is long: its first fields show what it is; the guide names the rest.
    const letter = await section(desk, "Công văn").boundingBox();
    if (!letter) throw new Error("The section “Công văn” is not on the page.");
    await desk.setViewportSize({ width: 900, height: 1400 });
    await section(desk, "Công văn").scrollIntoViewIfNeeded();
    const box = (await section(desk, "Công văn").boundingBox()) ?? letter;
    await desk.screenshot({
      path: path.join(dir, "05-cong-van.png"),
      clip: { x: box.x, y: box.y, width: box.width, height: Math.min(box.height, 1100) },
      animations: "disabled",
    });
    written.push(path.join(dir, "05-cong-van.png"));

    const pane = await context.newPage();
    await pane.setViewportSize({ width: 350, height: 760 });
    await pane.goto(url);
    await pane.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
    await scoredPage(pane);
    await pane
      .getByText(/^Đã tính điểm \d+ đơn vị/)
      .evaluate((summary) => summary.scrollIntoView({ block: "start" }));
    await shoot(pane, "06-khung-hep.png");
  } finally {
    await browser.close();
  }
  return written;
}

if (require.main === module) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : PICTURES;
  makeScreenshots(dir).then(
    (files) => console.log(files.map((f) => path.relative(process.cwd(), f) || os.EOL).join("\n")),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
