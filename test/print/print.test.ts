/**
 * The tool's sheets and letter as they print: the CLI's output workbook and .docx letter go through
 * LibreOffice headless (a renderer no one here wrote; Times New Roman becomes Liberation Serif) and
 * poppler's pdftotext. No words may print over each other on the tool's sheets, and the tool adds few
 * pages: the letter and its list at most 2, "Tiêu chí" at most 2, the unit sheet none.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import { CRITERIA_SHEET } from "../../src/core/criteria-sheet/schema";
import { SUMMARY_SHEET } from "../../src/core/plan/summary-sheet";
import { MESSY_SHEET, messyWorkbookBytes } from "../helpers/messy-workbook";
import { SAMPLE, tempDir, writeXlsx } from "../helpers/workbooks";
import { linesOf, overprints, pagesBySheet, pagesOf, printToPdf, type Page } from "./pdf";

jest.setTimeout(300_000);

/** The first text of each printed (visible) sheet, in print order, for finding its first page. */
async function sheetMarkers(file: string): Promise<{ sheet: string; marker: string }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets
    .filter((s) => s.state === "visible")
    .map((sheet) => {
      let marker = "";
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (marker === "" && (cell.text ?? "").trim() !== "") marker = cell.text.trim();
        }),
      );
      return { sheet: sheet.name, marker };
    });
}

interface Printed {
  pages: Page[];
  bySheet: Map<string, number[]>;
}

async function printed(pdf: string, workbook?: string): Promise<Printed> {
  const pages = await pagesOf(pdf);
  const bySheet = new Map<string, number[]>();
  if (workbook) {
    const markers = await sheetMarkers(workbook);
    pagesBySheet(
      pages,
      markers.map((m) => m.marker),
    ).forEach((p, i) => bySheet.set(markers[i].sheet, p));
  }
  return { pages, bySheet };
}

/** "word / word" for each pair printed over each other on the pages, to read in a failure. */
function overprinted(doc: Printed, pageNumbers: number[]): string[] {
  return pageNumbers.flatMap((n) =>
    overprints(doc.pages[n]).map(([a, b]) => `trang ${n + 1}: “${a.text}” / “${b.text}”`),
  );
}

let dir: string;
const files = {
  sampleIn: "",
  sampleOut: "",
  letter: "",
  messyIn: "",
  messyOut: "",
  longOut: "",
};
const docs: Record<keyof typeof files, Printed> = {} as Record<keyof typeof files, Printed>;

beforeAll(async () => {
  dir = await tempDir();
  files.sampleIn = path.join(dir, "mau.xlsx");
  files.sampleOut = path.join(dir, "mau-da-tinh-diem.xlsx");
  files.letter = path.join(dir, "cong-van.docx");
  files.messyIn = path.join(dir, "ban-loi.xlsx");
  files.messyOut = path.join(dir, "ban-loi-da-tinh-diem.xlsx");
  await fs.copyFile(SAMPLE, files.sampleIn);
  await fs.writeFile(files.messyIn, await messyWorkbookBytes());
  // Proposed units whose names and groups wrap in the list of "Tổng hợp".
  const longIn = await writeXlsx(dir, "dai.xlsx", [
    {
      name: "Đơn vị",
      rows: [
        ["BẢNG THEO DÕI NĂM 2023"],
        [],
        ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm 766"],
        [1, "Ủy ban nhân dân thành phố Long Xuyên", "UBND CẤP HUYỆN, THỊ XÃ, THÀNH PHỐ", 85.5],
        [2, "Chi cục Quản lý thị trường tỉnh An Giang", "CƠ QUAN NGÀNH DỌC", 90.25],
        [3, "Ủy ban nhân dân thị xã Tân Châu", "UBND CẤP HUYỆN, THỊ XÃ, THÀNH PHỐ", 81],
      ],
    },
  ]);
  files.longOut = path.join(dir, "dai-da-tinh-diem.xlsx");
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  expect(await main(["score", files.sampleIn, "--docx", files.letter], quiet)).toBe(0);
  expect(await main(["score", files.messyIn, "--sheet", MESSY_SHEET], quiet)).toBe(3); // its errors make the list a draft (#23)
  expect(await main(["score", longIn], quiet)).toBe(0);
  const keys = Object.keys(files) as (keyof typeof files)[];
  const pdfs = await printToPdf(
    keys.map((k) => files[k]),
    dir,
  );
  for (const [i, key] of keys.entries()) {
    docs[key] = await printed(pdfs[i], key === "letter" ? undefined : files[key]);
  }
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

/**
 * The sample keeps its unit sheet's pages: its landscape pages have room for the output columns
 * ("Cách tính điểm" stays off the printed page). The messy sheet prints portrait, one page tall and two
 * wide: the output columns take a third.
 */
describe.each([
  ["the sample", "sampleIn", "sampleOut", "Theo dõi 2023", 0],
  ["the messy workbook", "messyIn", "messyOut", MESSY_SHEET, 1],
] as const)("%s, printed after scoring", (_, input, output, unitSheet, extraUnitPages) => {
  const pagesOf = (key: keyof typeof files, sheet: string) => docs[key].bySheet.get(sheet) ?? [];

  it("prints the letter and its list on 2 pages, words apart", () => {
    const pages = pagesOf(output, SUMMARY_SHEET);
    expect(pages).toHaveLength(2);
    expect(overprinted(docs[output], pages)).toEqual([]);
  });

  it("prints “Tiêu chí” on at most 2 pages, words apart", () => {
    const pages = pagesOf(output, CRITERIA_SHEET);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(overprinted(docs[output], pages)).toEqual([]);
  });

  it("prints the user's sheets on as many pages as before (but the output columns'), with no more words over each other", () => {
    for (const [sheet, before] of docs[input].bySheet) {
      const after = pagesOf(output, sheet);
      const added = after.length - before.length;
      const budget = sheet === unitSheet ? extraUnitPages : 0;
      expect({ sheet, added, withinBudget: added >= 0 && added <= budget }).toEqual({
        sheet,
        added,
        withinBudget: true,
      });
      expect(overprinted(docs[output], after).length).toBeLessThanOrEqual(
        overprinted(docs[input], before).length,
      );
    }
  });

  it(`adds at most ${4 + extraUnitPages} pages in all`, () => {
    expect(docs[output].pages.length).toBeLessThanOrEqual(docs[input].pages.length + 4 + extraUnitPages);
  });
});

describe("a list of units with long names and groups, printed", () => {
  it("grows its rows where the texts wrap, words apart", () => {
    const pages = docs.longOut.bySheet.get(SUMMARY_SHEET) ?? [];
    expect(pages).toHaveLength(2);
    expect(docs.longOut.pages[pages[1]].map((w) => w.text)).toContain("ĐỀ");
    expect(overprinted(docs.longOut, pages)).toEqual([]);
  });
});

describe("the letter in “Tổng hợp”, printed", () => {
  /** The body's lines: from the one after “Kính gửi” to the one before “Nơi nhận”. */
  const bodyLines = () => {
    const [first] = docs.sampleOut.bySheet.get(SUMMARY_SHEET) ?? [];
    const lines = linesOf(docs.sampleOut.pages[first]);
    const from = lines.findIndex((l) => l.text.startsWith("Kính gửi")) + 1;
    const to = lines.findIndex((l) => l.text.includes("Nơi nhận"));
    return lines.slice(from, to);
  };
  /** Paragraphs start after a gap wider than the distance of lines within one. */
  const paragraphs = () => {
    const lines = bodyLines();
    const steps = lines.slice(1).map((l, i) => l.yMin - lines[i].yMin);
    const pitch = Math.min(...steps);
    const gaps = steps
      .map((s, i) => ({ gap: s - pitch, next: lines[i + 1] }))
      .filter((g) => g.gap > pitch / 3);
    return { lines, pitch, gaps };
  };

  it("separates the paragraphs by even gaps", () => {
    const { gaps, pitch } = paragraphs();
    expect(gaps.length).toBe(7);
    const sizes = gaps.map((g) => g.gap);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThan(pitch / 2);
  });

  it("indents the first line of every paragraph", () => {
    const { lines, gaps } = paragraphs();
    const margin = Math.min(...lines.map((l) => l.xMin));
    const starts = [lines[0], ...gaps.map((g) => g.next)];
    for (const line of starts) expect([line.text, line.xMin - margin > 15]).toEqual([line.text, true]);
  });
});

describe("the .docx letter, printed", () => {
  it("takes at most 3 pages, words apart", () => {
    const { pages } = docs.letter;
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(overprinted(docs.letter, [...pages.keys()])).toEqual([]);
  });
});
