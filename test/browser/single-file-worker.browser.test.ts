/**
 * The clerk's page at 20,000 units: dist/kstthc.html opened from disk reads, scores and saves the file in
 * its Web Worker (a blob: URL of its own text; nothing fetched), shows its progress meanwhile, keeps
 * drawing and answering while it works, and downloads the file the CLI's functions write for the same
 * bytes (the same parts; the compression is the page's own).
 */
import { partsOf, scoredPackage } from "../helpers/package-parts";
import { xlsxBytes, type SheetSpec } from "../helpers/workbooks";
import { download, singleFileBrowser, singleFileSuite } from "./single-file-page";

const UNITS = 20_000;
const { suite, title } = singleFileSuite("dist/kstthc.html at 20,000 units: the work in a worker");

/** A plain unit table: STT, name, group, 766 score (every third unit above 80). */
function unitTable(): SheetSpec {
  const rows: SheetSpec["rows"] = [["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"]];
  for (let i = 1; i <= UNITS; i++)
    rows.push([i, `Đơn vị số ${i}`, "Sở, ban, ngành", 60 + ((i * 37) % 400) / 10]);
  return { name: "Theo dõi", rows };
}

/**
 * Installed before the click: from the first frame that shows the progress bar, each frame is counted
 * while the bar stays, and the first one opens "Cột dữ liệu"; a later frame notes whether it opened
 * while the bar was still there. A page whose thread is busy draws no frame until the work is done.
 */
function watchFrames(): void {
  const seen = { frames: 0, answered: false };
  (window as unknown as { __frames: typeof seen }).__frames = seen;
  const disclosure = () =>
    Array.from(document.querySelectorAll("button")).find((b) => b.textContent?.trim() === "Cột dữ liệu");
  const frame = () => {
    const working = document.querySelector('[role="progressbar"][aria-label="Tiến độ tính điểm"]') !== null;
    if (working) {
      seen.frames++;
      if (seen.frames === 1) disclosure()?.click();
      else if (disclosure()?.getAttribute("aria-expanded") === "true") seen.answered = true;
    }
    if (working || seen.frames === 0) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

suite(title, () => {
  const browser = singleFileBrowser();
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await xlsxBytes([unitTable()]);
    await browser.start();
  }, 120_000);
  afterAll(() => browser.stop());

  it("works in a worker, shows progress, keeps answering, and downloads the CLI's parts", async () => {
    const { page, record } = await browser.open(1280);
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: "don-vi-20000.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(bytes),
      });
    await page.getByText(`${UNITS} đơn vị`, { exact: true }).waitFor({ timeout: 60_000 });
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^blob:/);

    await page.evaluate(watchFrames);
    await page.getByRole("button", { name: "Tính điểm", exact: true }).click();
    await page.getByText(`Đã tính điểm ${UNITS} đơn vị.`, { exact: false }).waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { __frames: object }).__frames);
    // The bar was drawn and redrawn, and a click during the work was answered during the work.
    expect(seen).toEqual({ frames: expect.any(Number), answered: true });
    expect((seen as { frames: number }).frames).toBeGreaterThanOrEqual(2);

    // Every unit stays reachable: the proposed ones a page at a time, all of them in "Tất cả đơn vị".
    await page.getByRole("button", { name: "Hiện thêm 100 đơn vị đề xuất" }).waitFor();
    await page.getByText(`Tất cả đơn vị (${UNITS})`).waitFor();

    const saved = await download(page, "Tải về tệp đã tính điểm");
    expect(saved.name).toBe("don-vi-20000-da-tinh-diem.xlsx");
    const expected = partsOf(scoredPackage(bytes, {}, "don-vi-20000.xlsx"));
    const got = partsOf(new Uint8Array(saved.bytes));
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [name, data] of expected)
      expect([name, Buffer.from(data).equals(got.get(name) as Uint8Array)]).toEqual([name, true]);
    expect(record).toEqual({ refused: [], errors: [], violations: [] });
    await page.close();
  }, 180_000);
});
