/**
 * The distribution and the chart of the 766 scores in a real browser (the built web page in Debian's
 * Chromium): the SVG draws the figures the core computes for the same file (each bar's unit, score and
 * proposal, bars above the threshold line exactly for the scores that pass it), names itself to assistive
 * technology, carries the same data as a table, and axe-core finds no accessibility violation in it.
 *
 * This test builds nothing: it needs `npx webpack --mode production` to have filled dist/.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { BrowserContext, Page } from "playwright-core";
import {
  awardThreshold,
  chartDescription,
  chartPoints,
  distributionOf,
  distributionTotal,
  passesThreshold,
  RATING_NAMES,
} from "../../src/core/distribution";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { freshSampleBytes } from "../helpers/workbooks";
import { axeRun, axeViolations } from "./axe";
import { browserSuite, launchChromium, OFFICE_JS, SCREENSHOTS, serveDist } from "./chromium";

const { suite, title } = browserSuite("index.html", "distribution and chart of the 766 scores in Chromium");

suite(title, () => {
  let server: http.Server;
  let context: BrowserContext;
  let close: (() => Promise<void>) | undefined;
  let page: Page;
  let bytes: Uint8Array;

  beforeAll(async () => {
    server = await serveDist("/");
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ context, close } = await launchChromium({ viewport: { width: 1100, height: 900 }, locale: "vi-VN" }));
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) await route.fulfill({ status: 404, body: "" });
      else if (url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:"))
        await route.fallback();
      else await route.abort("blockedbyclient");
    });
    await page.goto(`${origin}/index.html`);
    // The sample as staff start from it: two 766 scores not entered yet.
    bytes = await freshSampleBytes();
    await page.locator('input[type="file"]').setInputFiles({
      name: "theo-doi-thi-dua-kstthc-2023.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    await page.getByText("33 đơn vị").waitFor();
    await page.getByRole("button", { name: "Phân bố và biểu đồ điểm 766" }).click();
    await page.getByRole("img", { name: /Biểu đồ điểm Bộ chỉ số 766/ }).waitFor();
  });

  afterAll(async () => {
    await close?.();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** What the core makes of the same file, in Node. */
  function expected() {
    const result = scorePackage(WorkbookPackage.open(bytes, "mau.xlsx"));
    const threshold = awardThreshold(result.criteria, result.settings.rating);
    return {
      threshold,
      points: chartPoints(result.scores),
      groups: distributionOf(result.scores, threshold),
    };
  }

  it("draws one bar per unit with a 766 score, group by group, the proposed ones in their own colour", async () => {
    const { points } = expected();
    // Sở, ban, ngành and the district level: 28 units, two of them without a score yet.
    expect(points).toHaveLength(26);
    const bars = await page.locator("svg[data-chart='diem-766'] rect[data-unit]").evaluateAll((rects) =>
      rects.map((r) => ({
        name: r.getAttribute("data-unit"),
        score: Number(r.getAttribute("data-score")),
        proposed: r.getAttribute("data-proposed") === "1",
        fill: r.getAttribute("fill"),
        top: Number(r.getAttribute("y")),
      })),
    );
    expect(bars.map(({ name, score, proposed }) => ({ name, score, proposed }))).toEqual(
      points.map(({ name, score, proposed }) => ({ name, score, proposed })),
    );
    expect(bars.filter((b) => b.proposed).map((b) => b.name)).toEqual([
      "Sở Ngoại vụ",
      "UBND huyện An Phú",
      "UBND huyện Phú Tân",
    ]);
    expect(new Set(bars.filter((b) => b.proposed).map((b) => b.fill))).toEqual(new Set(["#ED7D31"]));
    expect(new Set(bars.filter((b) => !b.proposed).map((b) => b.fill))).toEqual(new Set(["#4472C4"]));
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator("[data-view='ket-qua-766']").screenshot({ path: path.join(SCREENSHOTS, "chart.png") });
  });

  it("draws the threshold line where the scores that pass it rise above it", async () => {
    const { threshold, points } = expected();
    const line = page.locator("svg[data-chart='diem-766'] line[data-threshold]");
    await expect(line.getAttribute("data-threshold")).resolves.toBe("80");
    const y = Number(await line.getAttribute("y1"));
    const tops = await page
      .locator("svg[data-chart='diem-766'] rect[data-unit]")
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("y"))));
    // "> 80": a bar reaches above the line exactly when its score passes (80,00 itself does not).
    expect(tops.map((top) => top < y)).toEqual(points.map((p) => p.score > 80));
    expect(points.map((p) => passesThreshold(p.score, threshold))).toEqual(points.map((p) => p.score > 80));
    await expect(page.getByText("Ngưỡng đề xuất (> 80)").first().isVisible()).resolves.toBe(true);
  });

  it("starts its axis near the lowest score, and writes a unit's name up its bar only where it fits", async () => {
    const ticks = await page.locator("svg[data-chart='diem-766'] > g > text").allTextContents();
    // The lowest score is 65,40: the axis runs from 60 to 100 by 5, so 79,95 and 81,02 read apart.
    expect(ticks).toEqual(["60", "65", "70", "75", "80", "85", "90", "95", "100"]);
    const named = await page
      .locator("svg[data-chart='diem-766'] text[data-name-on-bar]")
      .evaluateAll((texts) =>
        texts.map((text) => {
          const name = text.getAttribute("data-name-on-bar");
          const bar = text.closest("svg")?.querySelector(`rect[data-unit="${name}"]`);
          const box = text.getBoundingClientRect();
          const barBox = bar?.getBoundingClientRect();
          return {
            name,
            inside:
              !!barBox &&
              box.top >= barBox.top - 0.5 &&
              box.bottom <= barBox.bottom + 0.5 &&
              box.left >= barBox.left - 0.5 &&
              box.right <= barBox.right + 0.5,
          };
        }),
      );
    expect(named.map((n) => n.name)).toEqual(expect.arrayContaining(["Sở Ngoại vụ", "UBND huyện An Phú"]));
    expect(named.filter((n) => !n.inside)).toEqual([]);
    await expect(page.getByText("Trục điểm từ 60 đến 100").isVisible()).resolves.toBe(true);
  });

  it("names the chart for assistive technology and carries the same data as a table", async () => {
    const { threshold, points } = expected();
    const chart = page.getByRole("img", { name: chartDescription(points, threshold), exact: true });
    await expect(chart.count()).resolves.toBe(1);
    const label = await chart.getAttribute("aria-label");
    expect(label).toContain("766");
    expect(label).toContain("26 đơn vị");
    await page.getByText(/Số liệu của biểu đồ/).click();
    const rows = await page
      .getByRole("table", { name: "Số liệu biểu đồ điểm 766" })
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)),
      );
    expect(rows).toEqual(
      points.map((p) => [p.group, p.name, p.score.toFixed(2).replace(".", ","), p.proposed ? "Có" : ""]),
    );
  });

  it("shows the distribution per group as the JSON report counts it, with the total", async () => {
    const { groups } = expected();
    const rows = await page
      .getByRole("table", { name: "Phân bố xếp loại Bộ chỉ số 766 theo khối" })
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)),
      );
    const line = (g: (typeof groups)[number]) => [
      g.group,
      ...[g.units, ...RATING_NAMES.map((n) => g.bands[n]), g.noScore, g.notApplicable, g.aboveThreshold].map(
        String,
      ),
    ];
    expect(rows).toEqual([...groups.map(line), line(distributionTotal(groups))]);
    // 33 units: 28 of the 766 groups (2 without a score yet), 5 vertical-sector bodies criterion III does
    // not fit, without one: "Không áp dụng", not "Chưa có điểm".
    expect(distributionTotal(groups)).toMatchObject({
      units: 33,
      noScore: 2,
      notApplicable: 5,
      aboveThreshold: 3,
    });
  });

  const axe = () => axeRun(page, "[data-view='ket-qua-766']");

  it("has no accessibility violation that axe-core finds in the section", async () => {
    const result = await axe();
    expect(result.violations).toEqual([]);
    // The rules that matter here did run: the image's name, contrast, the tables' headers, the disclosure.
    expect(result.passes).toEqual(
      expect.arrayContaining(["svg-img-alt", "color-contrast", "th-has-data-cells", "summary-name"]),
    );
  });

  it("scrolls sideways in a pane as narrow as Excel's, reachable by the keyboard, still without violation", async () => {
    await page.setViewportSize({ width: 340, height: 800 });
    const chart = page.getByRole("region", { name: "Biểu đồ điểm 766 (cuộn ngang)" });
    const overflow = await chart.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(overflow).toBe(true);
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    // Arrow keys scroll smoothly: wait for the scroll to move (at most 2 s).
    const scrolled = await chart.evaluate(
      (el) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          const tick = () =>
            el.scrollLeft > 0 || performance.now() - start > 2000
              ? resolve(el.scrollLeft)
              : requestAnimationFrame(tick);
          tick();
        }),
    );
    expect(scrolled).toBeGreaterThan(0);
    const result = await axe();
    expect(result.violations).toEqual([]);
    expect(result.passes).toContain("scrollable-region-focusable");
    // And the whole page around it.
    await expect(axeViolations(page)).resolves.toEqual([]);
  });
});
