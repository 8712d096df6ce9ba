/**
 * The clerk's page (issue #25) in Chromium at a desk's width and a task pane's, from dist/kstthc.html
 * opened from disk with every request out refused: every unit with its reason (filtered, searched, only
 * the rows in sight drawn, 20,000 units included), problems above the result, nothing scrolling the page
 * sideways, and axe with every section open.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { SETTING_ROWS } from "../../src/core/criteria-sheet/schema";
import { loadWorkbook } from "../exceljs/workbook";
import { runScoring } from "../../src/core/run";
import { letterToDocx } from "../../src/docx/letter-docx";
import { portalExport } from "../helpers/source-files";
import { freshSampleBytes, freshSampleGrids, gridsOf, xlsxBytes, type SheetSpec } from "../helpers/workbooks";
import { axeViolations } from "./axe";
import { SCREENSHOTS } from "./chromium";
import {
  download,
  EXAMPLE as EXAMPLE_FILE,
  score,
  sidewaysOverflow,
  singleFileBrowser,
  singleFileSuite,
  WIDTHS,
} from "./single-file-page";

const PROPOSED = ["Sở Ngoại vụ", "UBND huyện An Phú", "UBND huyện Phú Tân", "Bảo hiểm xã hội tỉnh"];
const MANY = 20_000;

/** A tracking table of `count` units, as a large province-wide list would be. */
function manyUnits(count: number): SheetSpec[] {
  const header = ["STT", "Tên đơn vị", "Khối", "Điểm 766", "Tỷ lệ tiếp nhận tại BPMC cấp tỉnh (%)"];
  const rows = Array.from({ length: count }, (_, i) => [
    i + 1,
    `Đơn vị số ${i + 1}`,
    "Sở, ban, ngành",
    60 + ((i * 37) % 4000) / 100,
    null,
  ]);
  return [{ name: "Theo dõi", rows: [["BẢNG THEO DÕI"], [], header, ...rows] }];
}

/** Opens a workbook in the page (a file on disk, or bytes under a name) and waits until it is read. */
async function openFile(page: Page, file: string | { name: string; bytes: Uint8Array }): Promise<void> {
  await page
    .locator('input[type="file"]')
    .first()
    .setInputFiles(
      typeof file === "string"
        ? file
        : {
            name: file.name,
            mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            buffer: Buffer.from(file.bytes),
          },
    );
  await page.getByRole("group", { name: "Tệp đang mở" }).waitFor();
}

/** Opens every section of the pane still closed, and the problem kinds folded into one line. */
async function openEverything(page: Page): Promise<void> {
  // The sections' headers (h2) and the folds inside them ("Cột dữ liệu"), until none is closed.
  const headers = page.locator("h2 > button[aria-expanded='false'], h3 > button[aria-expanded='false']");
  for (let n = await headers.count(); n > 0; n = await headers.count()) await headers.first().click();
  expect(await page.locator("h2 > button").count()).toBeGreaterThan(5);
  const folded = page
    .getByRole("region", { name: /^Số liệu cần xem/ })
    .locator("button[aria-expanded='false']");
  while ((await folded.count()) > 0) await folded.first().click();
  const closed = page.locator("details:not([open]) > summary");
  for (let n = await closed.count(); n > 0; n = await closed.count()) await closed.first().click();
  // Fluent's expand animation runs even with reduced motion asked for: let it finish.
  await page.waitForTimeout(500);
}

/** Waits until `done` holds, at most 5 s. */
async function until(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done();) {
    if (Date.now() - start > 5000) throw new Error("still waiting after 5 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const table = (page: Page) => page.getByRole("table", { name: "Tất cả đơn vị" });
const unitNames = (page: Page) => table(page).getByRole("rowheader").allTextContents();

const { suite, title } = singleFileSuite("the clerk's page in Chromium (dist/kstthc.html from disk)");

suite(title, () => {
  const browser = singleFileBrowser();
  beforeAll(() => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    return browser.start();
  });
  afterAll(() => browser.stop());

  describe.each(WIDTHS)("at %i px", (width) => {
    it("lists every unit with its figures and reason, filtered and searched; problems stand above the result", async () => {
      const { page, record } = await browser.open(width);
      // The sample as staff start from it: two 766 scores not entered, a letter without its facts.
      await openFile(page, { name: "theo-doi-thi-dua-kstthc-2023.xlsx", bytes: await freshSampleBytes() });
      await score(page);

      // Problems first: the list of problems comes before the proposed units in the page.
      const problems = page.getByRole("region", { name: /^Số liệu cần xem/ });
      const proposed = page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" });
      const before = await problems.evaluate(
        (p, other) => Boolean(p.compareDocumentPosition(other as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
        await proposed.elementHandle(),
      );
      expect(before).toBe(true);

      await expect(table(page).getAttribute("aria-rowcount")).resolves.toBe("34");
      // Only the rows in sight (and a few around) are drawn, from the first.
      const drawn = await unitNames(page);
      expect(drawn[0]).toBe("Sở Nội vụ");
      expect(drawn.length).toBeLessThan(33);
      await page.getByRole("radio", { name: "Đề xuất (4)" }).check();
      expect(await unitNames(page)).toEqual(PROPOSED);
      await page.getByRole("radio", { name: /^Có vấn đề/ }).check();
      expect(await unitNames(page)).toContain("Sở Tài chính");
      await page.getByRole("radio", { name: /^Tất cả/ }).check();
      await page.getByLabel("Tìm theo tên đơn vị").fill("ban quan ly");
      expect(await unitNames(page)).toEqual(["Ban Quản lý Khu kinh tế"]);

      // Why a unit at exactly 80 is not proposed, in the page: the core's own explanation.
      const row = table(page).getByRole("row", { name: /Ban Quản lý Khu kinh tế/ });
      await row.getByRole("button", { name: "Ban Quản lý Khu kinh tế" }).click();
      const detail = page.getByRole("group", { name: "Chi tiết: Ban Quản lý Khu kinh tế" });
      await expect(detail.textContent()).resolves.toMatch(/80,00/);
      await expect(detail.textContent()).resolves.toMatch(/Cách tính điểm: .*80/);

      expect(await sidewaysOverflow(page)).toBe(0);

      // axe, with every section and every folded kind open, the unit's detail shown.
      await openEverything(page);
      expect(await axeViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(page)).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `clerk-page-${width}.png`), fullPage: true });
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
      await page.close();
    });

    it("edits every letter fact the schema declares, checks dates in Vietnamese, and saves them into “Tiêu chí” of the download", async () => {
      const { page, record } = await browser.open(width);
      await openFile(page, { name: "theo-doi-thi-dua-kstthc-2023.xlsx", bytes: await freshSampleBytes() });
      await page.getByRole("button", { name: "Công văn", exact: true }).click();
      // Every text, date and list setting of the schema has its field: one added there shows here (the
      // letter's wording folded under its own line, the year's facts first).
      await page.getByText(/^Câu chữ của công văn/).click();
      for (const row of SETTING_ROWS.filter((r) => ["text", "date", "list"].includes(r.kind)))
        await expect(page.getByRole("textbox", { name: row.label, exact: true }).count()).resolves.toBe(1);

      const plan = page.getByRole("textbox", { name: "Văn bản kế hoạch thi đua", exact: true });
      const planDate = page.getByRole("textbox", { name: "Ngày văn bản kế hoạch thi đua", exact: true });
      await plan.fill("Quyết định số 568/QĐ-UBND");
      await planDate.fill("31/02/2026");
      await page.getByText("Ngày “31/02/2026” không có thật: xem lại ngày và tháng.").first().waitFor();
      await planDate.fill("27-4");
      await page.getByText("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 04/03/2024.").first().waitFor();
      await expect(page.getByRole("button", { name: "Lưu cài đặt" }).isDisabled()).resolves.toBe(true);
      await planDate.fill("27/04/2023");
      await page.getByRole("button", { name: "Lưu cài đặt" }).click();
      await page
        .getByText(/Đã lưu vào trang “Tiêu chí”/)
        .first()
        .waitFor();
      if (width < 600) expect(await sidewaysOverflow(page)).toBe(0);
      await score(page);
      // What is still missing is asked for on the sheet by its name, no longer "trang này".
      await expect(
        page.getByText(/Hãy điền ở phần CÀI ĐẶT của trang “Tiêu chí”/).count(),
      ).resolves.toBeGreaterThan(0);
      const saved = await download(page, "Tải về tệp đã tính điểm");
      const book = await loadWorkbook(new Uint8Array(saved.bytes), saved.name);
      const settings = new Map<string, unknown>();
      book
        .getWorksheet("Tiêu chí")
        ?.eachRow((row) => settings.set(String(row.getCell(1).value), row.getCell(2).value));
      expect(settings.get("Văn bản kế hoạch thi đua")).toBe("Quyết định số 568/QĐ-UBND");
      expect(String(settings.get("Ngày văn bản kế hoạch thi đua"))).toMatch(/27\/04\/2023|2023-04-27/);
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
      await page.close();
    });

    it("speaks one name, no command line; clears a stale refusal; warns before closing a scored file not downloaded", async () => {
      const { page, record } = await browser.open(width);
      const words = async () => (await page.locator("body").innerText()).toLowerCase();
      const foreign = /dòng lệnh|add-in|bảng điều khiển|ngăn tác vụ/;
      expect(await words()).not.toMatch(foreign);

      // A Word letter chosen by mistake over an open file is refused, the file kept; once that file is
      // scored, the refusal no longer applies and goes.
      await openFile(page, EXAMPLE_FILE);
      const sample = runScoring(await freshSampleGrids());
      const docx = await letterToDocx(sample.letter, sample.scores, sample.criteria);
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles({
          name: "cong-van.docx",
          mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          buffer: Buffer.from(docx),
        });
      await page.getByText("Không mở được tệp").waitFor();
      await score(page);
      await expect(page.getByText("Không mở được tệp").count()).resolves.toBe(0);

      // The award's line, apart from the rating band "Tốt".
      await page.getByRole("button", { name: "Phân bố và biểu đồ điểm 766", exact: true }).click();
      await page.getByText("Ngưỡng đề xuất (> 80)").first().waitFor();
      await expect(page.getByText(/Ngưỡng Tốt/).count()).resolves.toBe(0);
      await openEverything(page);
      expect(await words()).not.toMatch(foreign);

      // Scored, not downloaded: closing the tab asks first.
      const asked: string[] = [];
      page.on("dialog", (dialog) => {
        asked.push(dialog.type());
        void dialog.dismiss();
      });
      await page.close({ runBeforeUnload: true });
      await until(() => asked.length > 0);
      expect(asked).toEqual(["beforeunload"]);
      expect(page.isClosed()).toBe(false);
      // Downloaded: it closes without a word.
      await download(page, "Tải về tệp đã tính điểm");
      await page.close({ runBeforeUnload: true });
      await until(() => page.isClosed());
      expect(asked).toEqual(["beforeunload"]);
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
    });

    it("fits the pane: wide tables and the chart scroll in their own box with a cue, the first column staying", async () => {
      const { page, record } = await browser.open(width);
      await openFile(page, EXAMPLE_FILE);
      await score(page);
      await page.getByRole("button", { name: "Phân bố và biểu đồ điểm 766", exact: true }).click();
      const table = page.getByRole("region", { name: "Bảng phân bố xếp loại (cuộn ngang)" });
      const chart = page.getByRole("region", { name: "Biểu đồ điểm 766 (cuộn ngang)" });
      await chart.waitFor();
      await page.waitForTimeout(300);
      const wide = (box: typeof table) => box.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
      const tableCue = page.getByText(/^Bảng rộng hơn ngăn/);
      const chartCue = page.getByText(/^Biểu đồ rộng hơn ngăn/);
      // Said in words exactly when the box is narrower than what it holds.
      await expect(tableCue.count()).resolves.toBe((await wide(table)) ? 1 : 0);
      await expect(chartCue.count()).resolves.toBe((await wide(chart)) ? 1 : 0);
      if (width < 600) {
        expect(await wide(table)).toBe(true);
        expect(await wide(chart)).toBe(true);
        // The group's name stays where it is while the counts scroll under it.
        const first = table.getByRole("cell", { name: "Tổng cộng" });
        const before = (await first.boundingBox())?.x;
        await table.evaluate((el) => (el.scrollLeft = el.scrollWidth));
        await page.waitForTimeout(100);
        expect((await first.boundingBox())?.x).toBeCloseTo(before ?? NaN, 0);
        // The last column comes into the box.
        const last = table.getByRole("columnheader", { name: /^Trên ngưỡng/ });
        const [lastBox, tableBox] = [await last.boundingBox(), await table.boundingBox()];
        expect((lastBox?.x ?? 0) + (lastBox?.width ?? 0)).toBeLessThanOrEqual(
          (tableBox?.x ?? 0) + (tableBox?.width ?? 0) + 1,
        );
        // Every group of the chart can be brought into its box.
        await chart.evaluate((el) => (el.scrollLeft = el.scrollWidth));
        await page.waitForTimeout(100);
        const label = chart.locator("svg text", { hasText: "UBND cấp huyện" });
        const [labelBox, chartBox] = [await label.boundingBox(), await chart.boundingBox()];
        expect(labelBox?.x ?? -1).toBeGreaterThanOrEqual(chartBox?.x ?? 0);
        expect((labelBox?.x ?? 0) + (labelBox?.width ?? 0)).toBeLessThanOrEqual(
          (chartBox?.x ?? 0) + (chartBox?.width ?? 0) + 1,
        );
      }
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
      await page.close();
    });

    it("says before scoring which sheets and how many units will be read: both portal sheets, scored together", async () => {
      const sheets = portalExport();
      const expected = runScoring(await gridsOf(sheets));
      expect(expected.parts.length).toBe(2);
      const total = expected.scores.length;
      const { page, record } = await browser.open(width);
      await page
        .locator('input[type="file"]')
        .first()
        .setInputFiles({
          name: "diem-766-cong-dvc.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: Buffer.from(await xlsxBytes(sheets)),
        });
      const facts = page.getByRole("definition");
      await page.getByText(`${total} đơn vị, tính chung`).waitFor();
      const said = await facts.allTextContents();
      for (const part of expected.parts) expect(said).toContain(`${part.units.length} đơn vị`);
      const terms = await page.getByRole("term").allTextContents();
      expect(terms).toEqual(expect.arrayContaining(expected.parts.map((p) => `Trang “${p.layout.sheet}”`)));
      await score(page);
      await page.getByText(`Đã tính điểm ${total} đơn vị.`, { exact: false }).waitFor();
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
      await page.close();
    });

    it("asks for the period of a portal export that does not say it, warns above the result until it is told", async () => {
      const { page, record } = await browser.open(width);
      await openFile(page, { name: "diem-766-T10.xlsx", bytes: await xlsxBytes(portalExport()) });
      await page.getByRole("button", { name: "Năm thi đua và mẫu", exact: true }).click();
      const period = page.getByRole("combobox", { name: "Kỳ số liệu" });
      await expect(period.textContent()).resolves.toBe("Không rõ");
      await page.getByText(/^Tệp không ghi rõ kỳ số liệu: hãy kiểm tra rồi chọn ở đây/).waitFor();
      await score(page);
      // A warning, in the list that stands above the result.
      const warnings = page.getByRole("group", { name: /^Cảnh báo/ });
      await expect(warnings.getByText(/không ghi rõ kỳ số liệu/).count()).resolves.toBeGreaterThan(0);

      await period.click();
      await page.getByRole("option", { name: "Năm" }).click();
      await page.getByText("Kỳ năm do bạn chọn: ghi vào trang “Tổng hợp” và công văn.").waitFor();
      await score(page);
      await expect(page.getByText(/không ghi rõ kỳ số liệu/).count()).resolves.toBe(0);
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
      await page.close();
    });

    it(`draws only the rows in sight of ${MANY} units, and reaches the last by scrolling`, async () => {
      const { page, record } = await browser.open(width);
      const bytes = await xlsxBytes(manyUnits(MANY));
      await openFile(page, { name: "nhieu-don-vi.xlsx", bytes });
      await score(page);
      await expect(table(page).getAttribute("aria-rowcount")).resolves.toBe(String(MANY + 1));
      const drawn = await table(page).getByRole("row").count();
      expect(drawn).toBeGreaterThan(5);
      expect(drawn).toBeLessThan(60);
      await page
        .getByRole("region", { name: "Bảng tất cả đơn vị (cuộn được)" })
        .evaluate((box) => box.scrollTo({ top: box.scrollHeight }));
      await table(page)
        .getByRole("rowheader", { name: `Đơn vị số ${MANY}` })
        .waitFor();
      expect(await table(page).getByRole("row").count()).toBeLessThan(60);
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
      await page.close();
    });
  });
});
