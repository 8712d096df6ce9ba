/**
 * The built task pane (dist/) in a real browser: Debian's Chromium driven by playwright-core.
 *
 * Excel itself cannot run here (no Office host on Linux, no network), so the office.js request is answered
 * with a stand-in (office-stub.ts): Office reports an Excel host and Excel.run drives the Excel adapter's
 * own fake workbook, seeded with the real sample. The pane's bundle, React, Fluent UI, the core and the
 * Office.js adapter are the production build, unchanged.
 *
 * This test builds nothing of the add-in: it needs `npx webpack --mode production` to have filled dist/.
 */
import { build } from "esbuild";
import { mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { browserSuite, launchChromium, OFFICE_JS, SCREENSHOTS, serveDist } from "./chromium";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import type { Cell } from "../excel/fake-excel";
import { loadWorkbook } from "../exceljs/workbook";
import { fakeFromWorkbook } from "../excel/fixtures";
import { freshSampleBytes, xlsxBytes } from "../helpers/workbooks";
import type { SerialSheet, StubSeed } from "./office-stub";
import { axeViolations } from "./axe";

const SHEET = "Theo dõi 2023";
const PROPOSED = ["Sở Ngoại vụ", "UBND huyện An Phú", "UBND huyện Phú Tân", "Bảo hiểm xã hội tỉnh"];
/** About the width Excel gives a task pane. */
const VIEWPORT = { width: 360, height: 900 };

const { suite, title } = browserSuite(
  "taskpane.html",
  "task pane in Chromium (built dist/, office.js stand-in)",
);

/** The office.js stand-in as one script for the page. */
async function stubScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, "office-stub.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    inject: [path.join(__dirname, "buffer-shim.ts")],
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/** The sample as Excel would hold it after opening the file, in JSON. */
async function sampleSheets(): Promise<SerialSheet[]> {
  // The sample as staff start from it: no "Tiêu chí" sheet yet, two scores not entered.
  const fake = fakeFromWorkbook(await loadWorkbook(await freshSampleBytes(), "mau.xlsx"));
  return fake.state.sheets.map((sheet) => ({
    ...sheet,
    cells: [...sheet.cells].map(([row, line]): [number, [number, Cell][]] => [row, [...line]]),
    columnWidths: [...sheet.columnWidths],
    rowHeights: [...sheet.rowHeights],
    hiddenRows: [...sheet.hiddenRows],
  }));
}

interface StubApi {
  selections(): { sheet: string; address: string }[];
  activations(): string[];
  sheetNames(): string[];
  cell(sheet: string, row: number, col: number): string | number | boolean;
}

/** The stand-in's record, read inside the page. */
const recorded = {
  selections: (page: Page) =>
    page.evaluate(() => (window as unknown as { __kstthcStub: StubApi }).__kstthcStub.selections()),
  activations: (page: Page) =>
    page.evaluate(() => (window as unknown as { __kstthcStub: StubApi }).__kstthcStub.activations()),
  sheetNames: (page: Page) =>
    page.evaluate(() => (window as unknown as { __kstthcStub: StubApi }).__kstthcStub.sheetNames()),
  cell: (page: Page, sheet: string, row: number, col: number) =>
    page.evaluate(
      ([s, r, c]) => (window as unknown as { __kstthcStub: StubApi }).__kstthcStub.cell(s, r, c),
      [sheet, row, col] as const,
    ),
};

/** Waits until the stand-in has recorded `count` selections. */
function selectionsReach(page: Page, count: number) {
  return page.waitForFunction(
    (n) => (window as unknown as { __kstthcStub: StubApi }).__kstthcStub.selections().length >= n,
    count,
  );
}

suite(title, () => {
  let server: http.Server;
  let base: string;
  let context: BrowserContext;
  let closeChromium: (() => Promise<void>) | undefined;
  let script: string;
  let sheets: SerialSheet[];
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, script, sheets] = await Promise.all([serveDist("/"), stubScript(), sampleSheets()]);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ context, close: closeChromium } = await launchChromium({
      viewport: VIEWPORT,
      acceptDownloads: true,
      locale: "vi-VN",
      // Fluent UI then skips its animations: screenshots show sections fully open.
      reducedMotion: "reduce",
    }));
    context.setDefaultTimeout(10_000);
    context.on("request", (request) => requests.push(request.url()));
    // Nothing may leave the machine: office.js gets the stand-in, anything else not local is refused.
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS)
        await route.fulfill({ contentType: "text/javascript; charset=utf-8", body: script });
      else if (url.startsWith(`${base}/`) || url.startsWith("blob:") || url.startsWith("data:"))
        await route.fallback();
      else await route.abort("blockedbyclient");
    });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium?.();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function openPane(seed: Partial<StubSeed> = {}): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    await page.addInitScript(
      (value) => {
        (window as unknown as { __kstthcSeed: unknown }).__kstthcSeed = value;
      },
      { sheets, ...seed } satisfies StubSeed,
    );
    // As Excel opens it: with its host information in the URL (otherwise boot.js leaves for the web app).
    await page.goto(`${base}/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0`);
    // The user reaches the pane: until a hand is in it (or Office says it is shown) a shared runtime's page
    // counts as hidden and reads nothing (pane-visibility.ts). Moved until the pane listens.
    const units = page.getByText("33 đơn vị");
    for (let i = 0; i < 100 && !(await units.isVisible()); i++) {
      await page.mouse.move(10 + (i % 50), 10);
      await page.waitForTimeout(50);
    }
    await units.waitFor();
    return page;
  }

  afterEach(() => {
    const outside = requests.filter(
      (url) =>
        url !== OFFICE_JS &&
        !url.startsWith(`${base}/`) &&
        !url.startsWith("blob:") &&
        !url.startsWith("data:"),
    );
    expect(outside).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("scores the sample, shows the proposed units, and selects a problem's cell by mouse and keyboard", async () => {
    const page = await openPane();
    const facts = page.getByLabel("Bảng đơn vị tìm thấy");
    await expect(facts.textContent()).resolves.toContain(SHEET);
    await expect(facts.textContent()).resolves.toContain("A5:G43");

    // The progress bar can come and go between two polls: a MutationObserver notes that it appeared.
    await page.evaluate(() => {
      const seen = window as unknown as { __progressSeen: boolean };
      seen.__progressSeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[role="progressbar"]')) seen.__progressSeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
    const table = page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" });
    await table.waitFor();
    const names = await table.locator("tbody tr td:first-child").allTextContents();
    expect(names).toEqual(PROPOSED);
    expect(await page.evaluate(() => (window as unknown as { __progressSeen: boolean }).__progressSeen)).toBe(
      true,
    );
    await expect(page.getByText("Đã tính điểm 33 đơn vị.", { exact: false }).isVisible()).resolves.toBe(true);

    // What the adapter wrote into the stand-in workbook.
    expect(await recorded.sheetNames(page)).toEqual([SHEET, "Tiêu chí", "Tổng hợp", "KSTTHC"]);
    expect(await recorded.cell(page, SHEET, 4, 7)).toBe("Điểm tiêu chí III");

    await page.getByRole("button", { name: /Dòng 14, cột D: “Sở Nông nghiệp/ }).click();
    await selectionsReach(page, 1);
    // Keyboard: Enter on a focused problem, then Tab to the next one and Space.
    await page.getByRole("button", { name: /Dòng 12, cột D/ }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await selectionsReach(page, 3);
    expect(await recorded.selections(page)).toEqual([
      { sheet: SHEET, address: "D14" },
      { sheet: SHEET, address: "D12" },
      { sheet: SHEET, address: "D14" },
    ]);
    expect(await recorded.activations(page)).toEqual([SHEET, SHEET, SHEET]);

    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane.png"), fullPage: true });
    await page.close();
  });

  it("sets last year beside this year from a file the user picks, and writes the comparison into the workbook", async () => {
    const lastYear = await xlsxBytes([
      {
        name: "Theo dõi 2022",
        rows: [
          ["BẢNG THEO DÕI THI ĐUA KSTTHC NĂM 2022"],
          ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm 766"],
          [1, "Sở Tư pháp", "Sở, ban, ngành", 75],
          [2, "Sở Ngoại vụ", "Sở, ban, ngành", 81],
          [3, "UBND huyện An Phú", "UBND cấp huyện", 79],
          [4, "UBND huyện Cũ", "UBND cấp huyện", 70],
        ],
      },
    ]);
    const page = await openPane();
    await page.getByRole("button", { name: "So sánh với năm trước" }).click();
    await page.getByLabel("Chọn tệp năm trước (.xlsx)").setInputFiles({
      name: "theo-doi-2022.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(lastYear),
    });
    const table = page.getByRole("table", { name: "So sánh với năm trước" });
    await table.waitFor();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)),
      );
    const row = (name: string) => rows.find((r) => r[0] === name);
    expect(row("Sở Tư pháp")).toEqual(["Sở Tư pháp", "75,00 → 79,12 (+4,12)", "0 → 0", "Không → Không"]);
    expect(row("UBND huyện An Phú")).toEqual([
      "UBND huyện An Phú",
      "79,00 → 82,61 (+3,61)",
      "0 → 30 (+30)",
      "Không → Có",
    ]);
    expect(row("Sở Nội vụ (đơn vị mới)")).toBeDefined();
    await expect(page.getByRole("list", { name: "Đơn vị năm trước không còn" }).textContent()).resolves.toBe(
      "UBND huyện Cũ: 70,00; tổng 0; Không",
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-compare.png"), fullPage: true });

    await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
    await page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" }).waitFor();
    expect(await recorded.sheetNames(page)).toEqual([
      SHEET,
      "Tiêu chí",
      "Đổi tên, sáp nhập",
      "Tổng hợp",
      "So sánh năm trước",
      "KSTTHC",
    ]);
    expect(await recorded.cell(page, "So sánh năm trước", 4, 4)).toBe("Điểm 766 năm trước");
    expect(await recorded.cell(page, "Đổi tên, sáp nhập", 4, 0)).toBe("UBND huyện Cũ");
    await page.close();
  });

  it("saves an edited threshold to the “Tiêu chí” sheet, scores with it, and takes a column from the selection", async () => {
    const page = await openPane();
    await page.getByRole("button", { name: "Tiêu chí" }).click();
    const iii = page.getByRole("group", { name: /^III ·/ });
    await iii.getByRole("textbox", { name: "Ngưỡng" }).fill("79");
    await page.getByRole("button", { name: "Lưu rồi tính điểm" }).click();
    await page.getByText("Đề xuất khen thưởng 8 đơn vị:", { exact: false }).waitFor();
    const names = await page
      .getByRole("table", { name: "Đơn vị đề xuất khen thưởng" })
      .locator("tbody tr td:first-child")
      .allTextContents();
    expect(names).toHaveLength(8);
    expect(names).toContain("Ban Quản lý Khu kinh tế");
    // The sheet the adapter wrote: the criteria table's header on row 3, III's threshold under “Ngưỡng”.
    expect(await recorded.cell(page, "Tiêu chí", 2, 6)).toBe("Ngưỡng");
    expect(await recorded.cell(page, "Tiêu chí", 3, 0)).toBe("III");
    expect(String(await recorded.cell(page, "Tiêu chí", 3, 6))).toBe("79");
    await page.getByText("Đang dùng tiêu chí của trang “Tiêu chí” trong sổ tính.").waitFor();

    // “Dùng vùng đang chọn”: the stand-in's selection is G9 of the unit sheet.
    await page.evaluate((sheet) => {
      (window as unknown as { __kstthcStub: { select(s: string, a: string): void } }).__kstthcStub.select(
        sheet,
        "G9",
      );
    }, SHEET);
    await page.getByRole("button", { name: "Cột dữ liệu" }).click();
    await page.getByRole("button", { name: "Dùng vùng đang chọn cho cột “Tỷ lệ một cửa cấp xã”" }).click();
    await page
      .getByRole("combobox", { name: "Tỷ lệ một cửa cấp xã" })
      .filter({ hasText: "G · Ghi chú" })
      .waitFor();
    await page.close();
  });

  it("downloads the letter as .docx from the page, without the network", async () => {
    const page = await openPane();
    await page.getByRole("button", { name: "Công văn" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải công văn (.docx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("cong-van-de-xuat-khen-thuong-2023.docx");
    const file = await download.path();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(bytes.length).toBeGreaterThan(5000);

    // Every section open, for a look at the forms.
    for (const name of ["Cột dữ liệu", "Tiêu chí", "Giá trị để chia sẻ"])
      await page.getByRole("button", { name }).click();
    await page.getByRole("switch", { name: "Ghi công thức thay cho giá trị" }).waitFor();
    // Fluent's expand animation runs even with reduced motion asked for: let it finish.
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-all-open.png"), fullPage: true });
    await page.close();
  });

  it("on Mac, offers the letter as what it is (the summary sheet), keeps the keyboard's place, and passes axe", async () => {
    const page = await openPane({ platform: "Mac" });
    expect(await axeViolations(page)).toEqual([]);
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));

    const score = page.getByRole("button", { name: "Tính điểm", exact: true });
    await score.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" }).waitFor();
    // The button the run disabled gave its focus to the result, not to the page's body.
    expect(
      await page.evaluate(() =>
        document.activeElement === document.body ? "BODY" : document.activeElement?.textContent,
      ),
    ).toMatch(/^Đã tính điểm 33 đơn vị\./);
    await page.keyboard.press("Tab");

    // WKWebView saves no file from the pane: the button says what it does instead, and does it.
    await expect(page.getByRole("button", { name: "Tải công văn (.docx)" }).count()).resolves.toBe(0);
    const open = page.getByRole("button", { name: "Mở công văn trong trang Tổng hợp" });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      "Mở công văn trong trang Tổng hợp",
    );
    await open.click();
    await page.waitForFunction(() =>
      (window as unknown as { __kstthcStub: StubApi }).__kstthcStub.activations().includes("Tổng hợp"),
    );
    expect((await recorded.selections(page)).at(-1)).toEqual({ sheet: "Tổng hợp", address: "A1" });
    // “Công văn” offers the same, in the same words.
    await page.getByRole("button", { name: "Công văn", exact: true }).click();
    await expect(open.count()).resolves.toBe(2);

    for (const name of [
      "Cột dữ liệu",
      "Năm thi đua và mẫu",
      "Nguồn số liệu",
      "Tiêu chí",
      "Giá trị để chia sẻ",
    ])
      await page.getByRole("button", { name, exact: true }).click();
    // A rating row, blank, so that axe sees its fields with their messages too.
    await page.getByRole("button", { name: "Thêm xếp loại" }).click();
    await page.waitForTimeout(500);
    expect(await axeViolations(page)).toEqual([]);
    expect(downloads).toEqual([]);
    await page.close();
  });

  it("follows Office's dark theme", async () => {
    const page = await openPane({ bodyBackgroundColor: "#262626" });
    // The pane and the page around it, so that no light margin frames the dark pane.
    for (const selector of ["main", "body"]) {
      const background = await page
        .locator(selector)
        .evaluate((element) => getComputedStyle(element).backgroundColor.match(/\d+/g)?.map(Number) ?? []);
      expect(Math.max(...background.slice(0, 3))).toBeLessThan(80);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, "taskpane-dark.png"), fullPage: true });
    await page.close();
  });
});
