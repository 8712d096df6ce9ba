/**
 * The web app in a real browser: the built dist/ served from a sub-folder of a localhost server, opened in
 * Debian's Chromium (playwright-core) with office.js unreachable (answered 404, or never answered), as
 * on a machine without Microsoft 365; taskpane.html opened there goes to index.html at once (boot.js). A workbook is opened from disk, scored in the page by ExcelJS's
 * browser build, downloaded, and compared cell for cell with what the CLI's functions write in Node.
 *
 * Every request is recorded: apart from an office.js request the page may start (and gets refused), none
 * may leave the local server. Any Content-Security-Policy violation fails the test.
 *
 * This test builds nothing: it needs `npx webpack --mode production` to have filled dist/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { browserSuite, launchChromium, OFFICE_JS, SCREENSHOTS, serveDist } from "./chromium";
import type { AddressInfo } from "node:net";
import path from "node:path";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { runScoring } from "../../src/core/run";
import { letterToDocx } from "../../src/docx/letter-docx";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { readPreviousFile } from "../../src/xlsx/previous-file";
import { readSourceFile } from "../../src/xlsx/source-file";
import { loadWorkbook } from "../exceljs/workbook";
import * as compareFiles from "../helpers/compare-files";
import { MESSY_FILE, MESSY_PROPOSED, messyWorkbookBytes } from "../helpers/messy-workbook";
import { II07B_ROWS, ii07b, portalExport, tracking2025 } from "../helpers/source-files";
import { freshSampleBytes, freshSampleGrids, SAMPLE, snapshot, xlsxBytes } from "../helpers/workbooks";
import { axeViolations } from "./axe";

/** A folder of the server, as on an intranet host: every URL of the build must be relative. */
const FOLDER = "/don-vi/kstthc/";
const SAMPLE_NAME = "theo-doi-thi-dua-kstthc-2023.xlsx";
const PROPOSED = ["Sở Ngoại vụ", "UBND huyện An Phú", "UBND huyện Phú Tân", "Bảo hiểm xã hội tỉnh"];
/** A laptop's browser window: the pane is centred in it. */
const VIEWPORT = { width: 1100, height: 900 };

const { suite, title } = browserSuite("index.html", "web app in Chromium (built dist/, no office.js)");

/** What `kstthc score` writes for these bytes, read back. */
async function cliOutput(bytes: Uint8Array) {
  const workbook = WorkbookPackage.open(bytes, "cli.xlsx");
  scorePackage(workbook);
  return loadWorkbook(workbook.save(), "cli-output.xlsx");
}

interface PageRecord {
  errors: string[];
  violations: string[];
}

suite(title, () => {
  let server: http.Server;
  let origin: string;
  let base: string;
  let context: BrowserContext;
  let closeChromium: (() => Promise<void>) | undefined;
  const requests: string[] = [];

  beforeAll(async () => {
    server = await serveDist(FOLDER);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    base = `${origin}${FOLDER}`;
    ({ context, close: closeChromium } = await launchChromium({
      viewport: VIEWPORT,
      acceptDownloads: true,
      locale: "vi-VN",
      reducedMotion: "reduce",
    }));
    context.setDefaultTimeout(15_000);
    context.on("request", (request) => requests.push(request.url()));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await closeChromium?.();
    await new Promise((resolve) => server?.close(resolve));
  });

  beforeEach(() => {
    requests.length = 0;
  });

  afterEach(() => {
    // The page's own files, and the blob: URLs of its downloads; office.js was asked for and refused.
    const outside = requests.filter(
      (url) => url !== OFFICE_JS && !url.startsWith(`${origin}/`) && !url.startsWith("blob:"),
    );
    expect(outside).toEqual([]);
  });

  /**
   * Opens a page of dist/ with office.js answered as `office` says; nothing else may leave the machine
   * (anything not local is refused, and noted by the request log above).
   */
  async function open(file: string, office: "404" | "stall"): Promise<{ page: Page; record: PageRecord }> {
    const page = await context.newPage();
    const record: PageRecord = { errors: [], violations: [] };
    page.on("pageerror", (error) => record.errors.push(error.message));
    page.on("console", (message) => {
      // The refused office.js is reported by the browser itself; that one is expected.
      if (message.type() === "error" && message.location().url !== OFFICE_JS)
        record.errors.push(message.text());
    });
    await page.exposeFunction("__kstthcViolation", (text: string) => record.violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        const report = (window as unknown as { __kstthcViolation: (text: string) => void }).__kstthcViolation;
        void report(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) {
        // "stall": the CDN never answers; the request is dropped when the page leaves.
        if (office === "404") await route.fulfill({ status: 404, contentType: "text/plain", body: "" });
      } else if (url.startsWith(`${origin}/`) || url.startsWith("blob:") || url.startsWith("data:"))
        await route.fallback();
      else await route.abort("blockedbyclient");
    });
    await page.goto(`${base}${file}`);
    await page.getByRole("button", { name: "Mở tệp Excel" }).waitFor();
    return { page, record };
  }

  const proposedNames = (page: Page) =>
    page
      .getByRole("table", { name: "Đơn vị đề xuất khen thưởng" })
      .locator("tbody tr td:first-child")
      .allTextContents();

  /** Clicks the download button and returns the saved file's name and bytes. */
  async function download(page: Page, button: string): Promise<{ name: string; url: string; bytes: Buffer }> {
    const [saved] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: button }).click(),
    ]);
    return { name: saved.suggestedFilename(), url: saved.url(), bytes: readFileSync(await saved.path()) };
  }

  // The file adapter's chunk, named with a hash of its content (webpack.config.js chunkFilename).
  const isChunk = (url: string) => /\/xlsx\.[0-9a-f]{8}\.js$/.test(url);

  /** The text of the element that has the focus; "BODY" when the focus fell to the page's body. */
  const focused = (page: Page) =>
    page.evaluate(() =>
      document.activeElement === document.body ? "BODY" : (document.activeElement?.textContent ?? ""),
    );

  /** The colour an icon is painted in, as "rgb(r, g, b)". */
  const iconColour = (page: Page, group: string) =>
    page
      .getByRole("group", { name: group })
      .locator("h4 svg")
      .evaluate((svg) => getComputedStyle(svg).color);

  /** Opens every section still closed, so that axe sees every form. */
  async function openAllSections(page: Page): Promise<void> {
    for (const name of [
      "Năm thi đua và mẫu",
      "Nguồn số liệu",
      "Tiêu chí",
      "Công văn",
      "Giá trị để chia sẻ",
    ]) {
      const header = page.getByRole("button", { name, exact: true });
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
    }
    await page.getByRole("button", { name: "Cột dữ liệu" }).click();
    // Fluent's expand animation runs even with reduced motion asked for: let it finish.
    await page.waitForTimeout(500);
  }

  it("scores the sample opened from disk from taskpane.html (outside Office: the web app) and downloads the CLI's file", async () => {
    const { page, record } = await open("taskpane.html", "404");
    // Outside Office boot.js sends the tab to the web app's page, which never loads office.js.
    expect(new URL(page.url()).pathname).toBe(`${FOLDER}index.html`);
    // The file adapter is fetched when a file is opened, not before.
    expect(requests.filter(isChunk)).toEqual([]);

    // The sample as staff start from it: no "Tiêu chí" sheet yet, two scores not entered.
    const fresh = Buffer.from(await freshSampleBytes());
    await page.locator('input[type="file"]').setInputFiles({
      name: SAMPLE_NAME,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: fresh,
    });
    await page.getByText("33 đơn vị").waitFor();
    // Read, scored and saved off the page's thread: in a worker made from the chunk's own text.
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringMatching(/^blob:/)]);
    expect(
      requests
        .filter(isChunk)
        .map((url) => url.slice(base.length))
        .sort(),
    ).toEqual([expect.stringMatching(/^xlsx\.[0-9a-f]{8}\.js$/)]);
    await expect(page.getByRole("group", { name: "Tệp đang mở" }).textContent()).resolves.toContain(
      SAMPLE_NAME,
    );
    // No grid here: nothing offers to read a selection.
    await expect(page.getByRole("button", { name: "Dùng trang đang chọn" }).count()).resolves.toBe(0);

    await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
    await page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" }).waitFor();
    expect(await proposedNames(page)).toEqual(PROPOSED);
    await expect(page.getByText("Đã tính điểm 33 đơn vị.", { exact: false }).isVisible()).resolves.toBe(true);

    // A problem shows where its cell is.
    await page.getByRole("button", { name: /Dòng 14, cột D: “Sở Nông nghiệp/ }).click();
    await page.getByText("Trang “Theo dõi 2023”, ô D14: mở tệp bằng Excel để xem hoặc sửa.").waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, "webapp.png"), fullPage: true });

    const xlsx = await download(page, "Tải về tệp đã tính điểm");
    expect(xlsx.name).toBe("theo-doi-thi-dua-kstthc-2023-da-tinh-diem.xlsx");
    expect(xlsx.url.startsWith("blob:")).toBe(true);
    const scored = await loadWorkbook(new Uint8Array(xlsx.bytes), xlsx.name);
    const expected = await cliOutput(new Uint8Array(fresh));
    expect(scored.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Theo dõi 2023", "visible"],
      ["Tiêu chí", "visible"],
      ["Tổng hợp", "visible"],
      ["KSTTHC", "hidden"],
    ]);
    expect(snapshot(scored)).toEqual(snapshot(expected));

    // The letter's button stands beside the scored file's, without opening “Công văn”.
    const docx = await download(page, "Tải công văn (.docx)");
    expect(docx.name).toBe("cong-van-de-xuat-khen-thuong-2023.docx");
    expect(docx.bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    const zip = await JSZip.loadAsync(docx.bytes);
    expect(await zip.file("word/document.xml")?.async("string")).toContain("Sở Ngoại vụ");

    // The dossier beside it, zipped in the page: the letter, the list of collectives and the tờ trình.
    const dossier = await download(page, "Tải bộ hồ sơ (.zip)");
    expect([dossier.name, dossier.url.startsWith("blob:")]).toEqual(["ho-so-khen-thuong-2023.zip", true]);
    const files = await JSZip.loadAsync(dossier.bytes);
    expect(Object.keys(files.files)).toEqual([
      "cong-van-de-xuat-khen-thuong-2023.docx",
      "danh-sach-tap-the-de-nghi-khen-thuong-2023.docx",
      "to-trinh-de-nghi-khen-thuong-2023.docx",
    ]);
    const list = await JSZip.loadAsync(
      (await files.file("danh-sach-tap-the-de-nghi-khen-thuong-2023.docx")?.async("uint8array")) ??
        new Uint8Array(),
    );
    const listText = (await list.file("word/document.xml")?.async("string")) ?? "";
    for (const name of PROPOSED) expect([name, listText.includes(name)]).toEqual([name, true]);

    expect(record).toEqual({ errors: [], violations: [] });
    await page.close();
  });

  it("is not held by a CDN that never answers: taskpane.html outside Office scores a messy workbook as the CLI does", async () => {
    const bytes = await messyWorkbookBytes();
    const { page, record } = await open("taskpane.html", "stall");
    expect(new URL(page.url()).pathname).toBe(`${FOLDER}index.html`);
    await page.locator('input[type="file"]').setInputFiles({
      name: MESSY_FILE,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    await page.getByText("5 đơn vị").waitFor();
    await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
    await page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" }).waitFor();
    expect(await proposedNames(page)).toEqual(MESSY_PROPOSED);
    // The error (a #N/A score) apart from the routine warning, each group red or orange as it is.
    await page.getByRole("heading", { name: "Số liệu cần xem (1 lỗi, 1 cảnh báo, 2 ghi chú)" }).waitFor();
    expect(await iconColour(page, "Lỗi (1)")).toBe("rgb(177, 14, 28)");
    expect(await iconColour(page, "Cảnh báo (1)")).toBe("rgb(188, 75, 9)");
    await expect(
      page.getByRole("group", { name: "Lỗi (1)" }).getByRole("button").textContent(),
    ).resolves.toContain("#N/A");

    const xlsx = await download(page, "Tải về tệp đã tính điểm");
    expect(xlsx.name).toBe("Bảng theo dõi (bản lỗi)-da-tinh-diem.xlsx");
    const scored = await loadWorkbook(new Uint8Array(xlsx.bytes), xlsx.name);
    expect(snapshot(scored)).toEqual(snapshot(await cliOutput(bytes)));
    expect(record).toEqual({ errors: [], violations: [] });
    await page.close();
  });

  it("joins a portal 766 export and a II.07b report opened under “Nguồn số liệu”, as the CLI's --source does", async () => {
    const tracking = await xlsxBytes(tracking2025());
    const portal = await xlsxBytes(portalExport());
    const bieu = await xlsxBytes(ii07b(II07B_ROWS));
    const asFile = (name: string, bytes: Uint8Array) => ({
      name,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    const { page, record } = await open("", "404");
    await page.getByLabel("Chọn tệp Excel (.xlsx)").setInputFiles(asFile("theo-doi-2025.xlsx", tracking));
    await page.getByText("11 đơn vị").waitFor();
    await page.getByRole("button", { name: "Nguồn số liệu" }).click();
    await page
      .getByLabel("Chọn tệp nguồn (.xlsx)")
      .setInputFiles([asFile("diem-766.xlsx", portal), asFile("bieu-ii07b.xlsx", bieu)]);
    const list = page.getByRole("list", { name: "Tệp nguồn đang dùng" });
    await list.getByText(/^Khớp 7 đơn vị\./).waitFor();
    await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
    await page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" }).waitFor();
    expect(await proposedNames(page)).toContain("Bảo hiểm xã hội tỉnh");
    await page.screenshot({ path: path.join(SCREENSHOTS, "webapp-sources.png"), fullPage: true });

    const xlsx = await download(page, "Tải về tệp đã tính điểm");
    const scored = await loadWorkbook(new Uint8Array(xlsx.bytes), xlsx.name);
    const expected = WorkbookPackage.open(tracking, "cli.xlsx");
    scorePackage(expected, {
      sources: [await readSourceFile("diem-766.xlsx", portal), await readSourceFile("bieu-ii07b.xlsx", bieu)],
    });
    expect(snapshot(scored)).toEqual(snapshot(await loadWorkbook(expected.save(), "cli-out.xlsx")));
    expect(record).toEqual({ errors: [], violations: [] });
    await page.close();
  });

  it("refuses a Word letter given as the workbook, keeps “Tính điểm” off until a readable file is open, keeps the keyboard's place, and passes axe", async () => {
    const { page, record } = await open("", "404");
    expect(await axeViolations(page)).toEqual([]);

    // A real .docx, as the page itself writes it: named as a workbook and as what it is.
    const sample = runScoring(await freshSampleGrids());
    const docx = await letterToDocx(sample.letter, sample.scores, sample.criteria);
    const word = "là văn bản Word (.docx), không phải bảng tính: hãy chọn tệp Excel có bảng theo dõi đơn vị.";
    for (const name of ["cong-van.docx", "bang-theo-doi.xlsx"]) {
      await page.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        buffer: Buffer.from(docx),
      });
      await page.getByText(`Tệp “${name}” ${word}`).waitFor();
      // The refusal takes the focus from the file chooser, and nothing offers to score.
      expect(await focused(page)).toContain(`Không mở được tệp`);
      await expect(page.getByRole("button", { name: "Tính điểm", exact: true }).count()).resolves.toBe(0);
    }
    expect(await axeViolations(page)).toEqual([]);

    // A workbook without a unit table: open, but nothing to score.
    const notes = await xlsxBytes([{ name: "Ghi chú", rows: [["Họp giao ban"], ["Nội dung", "Ngày"]] }]);
    await page.locator('input[type="file"]').setInputFiles({
      name: "ghi-chu.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(notes),
    });
    await page
      .getByText("Chưa tính điểm được: tệp đang mở không có bảng đơn vị đọc được", { exact: false })
      .waitFor();
    await expect(page.getByRole("button", { name: "Tính điểm", exact: true }).isDisabled()).resolves.toBe(
      true,
    );
    expect(await focused(page)).toBe("ghi-chu.xlsx");

    // The sample: the focus on its name, the next Tab on “Mở tệp khác”, then scoring from the keyboard.
    await page.locator('input[type="file"]').setInputFiles({
      name: SAMPLE_NAME,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await freshSampleBytes()),
    });
    await page.getByText("33 đơn vị").waitFor();
    expect(await focused(page)).toBe(SAMPLE_NAME);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Mở tệp khác");
    const score = page.getByRole("button", { name: "Tính điểm", exact: true });
    await expect(score.isEnabled()).resolves.toBe(true);
    await score.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" }).waitFor();
    expect(await focused(page)).toMatch(/^Đã tính điểm 33 đơn vị\. Đề xuất khen thưởng 4 đơn vị:/);
    // What comes of the run, in reading order: the scored file, then the letter beside it.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Tải về tệp đã tính điểm");
    await page.keyboard.press("Tab");
    expect(await focused(page)).toBe("Tải công văn (.docx)");
    const letter = await download(page, "Tải công văn (.docx)");
    expect(letter.name).toBe("cong-van-de-xuat-khen-thuong-2023.docx");

    // Routine warnings, counted, in Fluent's warning colour; no error group.
    await page.getByRole("heading", { name: "Số liệu cần xem (3 cảnh báo)" }).waitFor();
    await page.getByRole("group", { name: "Cảnh báo (3)" }).waitFor();
    await expect(page.getByRole("group", { name: /^Lỗi/ }).count()).resolves.toBe(0);
    expect(await iconColour(page, "Cảnh báo (3)")).toBe("rgb(188, 75, 9)");

    await openAllSections(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, "webapp-all-open.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(record).toEqual({ errors: [], violations: [] });
    await page.close();
  });

  it("sets last year beside this year under “So sánh với năm trước”, as the CLI's --compare does", async () => {
    const current = await xlsxBytes(compareFiles.tracking2025());
    const lastYear = await xlsxBytes(compareFiles.tracking2024());
    const asFile = (name: string, bytes: Uint8Array) => ({
      name,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    const { page, record } = await open("", "404");
    await page.getByLabel("Chọn tệp Excel (.xlsx)").setInputFiles(asFile("theo-doi-2025.xlsx", current));
    await page.getByText("7 đơn vị").waitFor();
    await page.getByRole("button", { name: "So sánh với năm trước" }).click();
    // A file that is no workbook is refused, naming it; the section stays usable.
    await page.getByLabel("Chọn tệp năm trước (.xlsx)").setInputFiles({
      name: "ghi-chu.xlsx",
      mimeType: "text/plain",
      buffer: Buffer.from("không phải tệp Excel"),
    });
    await page
      .getByText(/ghi-chu\.xlsx/)
      .first()
      .waitFor();
    await page.getByLabel("Chọn tệp năm trước (.xlsx)").setInputFiles(asFile("theo-doi-2024.xlsx", lastYear));
    const table = page.getByRole("table", { name: "So sánh với năm trước" });
    await table.waitFor();
    await page
      .getByText(
        "Năm trước: tệp “theo-doi-2024.xlsx” (năm 2024), chấm lại theo mẫu “An Giang 2023” (tệp chưa có trang “Tiêu chí”).",
      )
      .waitFor();
    const rows = await table
      .locator("tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent)),
      );
    expect(rows[0]).toEqual(["Sở Tư pháp", "79,12 → 86,25 (+7,13)", "0 → 30 (+30)", "Không → Có"]);
    expect(rows[1][0]).toBe(
      "Sở Tài chínhSáp nhập từ 2 đơn vị, không cộng gộp: Sở Kế hoạch và Đầu tư: 74,30; tổng 0; Không · Sở Tài chính: 72,86; tổng 0; Không",
    );
    expect(rows[4]).toEqual(["UBND xã Mỹ Hòa (không ghép được: trùng tên hoặc mã)", "81,00", "30", "Có"]);
    expect(rows[5]).toEqual(["UBND phường Bình Đức (đơn vị mới)", "83,00", "30", "Có"]);
    await expect(page.getByRole("list", { name: "Đơn vị năm trước không còn" }).textContent()).resolves.toBe(
      "UBND thị trấn Chợ Vàm: 70,00; tổng 0; Không",
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, "webapp-compare.png"), fullPage: true });

    await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
    await page.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" }).waitFor();
    const xlsx = await download(page, "Tải về tệp đã tính điểm");
    const scored = await loadWorkbook(new Uint8Array(xlsx.bytes), xlsx.name);
    const expected = WorkbookPackage.open(current, "cli.xlsx");
    scorePackage(expected, { previous: await readPreviousFile("theo-doi-2024.xlsx", lastYear) });
    expect(scored.worksheets.map((s) => s.name)).toContain("So sánh năm trước");
    expect(snapshot(scored)).toEqual(snapshot(await loadWorkbook(expected.save(), "cli-out.xlsx")));
    expect(record).toEqual({ errors: [], violations: [] });
    await page.close();
  });

  it("serves the web app alone from the folder's index.html, with no request for office.js, and opens a dropped file", async () => {
    const { page, record } = await open("", "404");
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    // A file dropped on the page, as from the file manager.
    const sample = [...readFileSync(SAMPLE)];
    await page.evaluate(
      ([bytes, name]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes as number[])], name as string));
        const target = document.querySelector("main")?.parentElement as HTMLElement;
        for (const type of ["dragenter", "dragover", "drop"])
          target.dispatchEvent(
            new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
      },
      [sample, SAMPLE_NAME] as const,
    );
    await page.getByText("33 đơn vị").waitFor();
    // A file that is not a workbook: the CLI's sentence.
    await page.locator('input[type="file"]').setInputFiles({
      name: "ghi-chu.xlsx",
      mimeType: "text/plain",
      buffer: Buffer.from("Tên đơn vị;Điểm"),
    });
    await page
      .getByText(
        `Tệp “ghi-chu.xlsx” là tệp văn bản (chữ thường hoặc .csv), không phải tệp Excel .xlsx: hãy mở bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng .xlsx.`,
      )
      .waitFor();
    expect(requests).not.toContain(OFFICE_JS);
    expect(record).toEqual({ errors: [], violations: [] });
    await page.close();
  });
});
