/**
 * Item 1 of the clerk's page: dist/kstthc.html, the whole page in one file, opened from disk with every
 * request out refused, scores the bundled example at a desk's width and a task pane's and downloads the
 * file the CLI writes. The file's own policy is checked as written: its one script is allowed by hash.
 */
import { readFileSync } from "node:fs";
import { hashSource } from "../../scripts/single-file";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { scorePackage } from "../../src/xlsx/package/score";
import { loadWorkbook } from "../exceljs/workbook";
import { snapshot } from "../helpers/workbooks";
import {
  download,
  EXAMPLE,
  openExample,
  score,
  SINGLE_FILE,
  singleFileBrowser,
  singleFileSuite,
  WIDTHS,
} from "./single-file-page";

const { suite, title } = singleFileSuite("dist/kstthc.html opened from disk (file://), nothing fetched");

suite(title, () => {
  const browser = singleFileBrowser();
  beforeAll(() => browser.start());
  afterAll(() => browser.stop());

  it("is one file: its only script is inline and allowed by its hash, nothing is loaded from elsewhere", () => {
    const html = readFileSync(SINGLE_FILE, "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0][1]).toBe("");
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? "";
    expect(policy).toContain(`script-src ${hashSource(scripts[0][2])}`);
    expect(policy).not.toMatch(/'self'|'unsafe-eval'|https?:/);
    // No src or href points at another file: the icon is a data: URL.
    expect([...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((m) => m[1].slice(0, 5))).toEqual(["data:"]);
  });

  it.each(WIDTHS)(
    "at %i px scores the bundled example and downloads the file the CLI writes",
    async (width) => {
      const { page, record } = await browser.open(width);
      await openExample(page);
      await score(page);
      const saved = await download(page, "Tải về tệp đã tính điểm");
      expect(saved.name).toBe("theo-doi-thi-dua-kstthc-2023-da-tinh-diem.xlsx");
      const bytes = new Uint8Array(readFileSync(EXAMPLE));
      const cli = WorkbookPackage.open(bytes, "cli.xlsx");
      scorePackage(cli);
      expect(snapshot(await loadWorkbook(new Uint8Array(saved.bytes), saved.name))).toEqual(
        snapshot(await loadWorkbook(cli.save(), "cli-output.xlsx")),
      );
      expect(record).toEqual({ refused: [], errors: [], violations: [] });
      await page.close();
    },
  );
});
