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
import { provinceSheet, provinceUnits } from "../helpers/province-2025";
import { SAMPLE, tempDir, writeXlsx } from "../helpers/workbooks";
import { linesOf, overprints, pagesBySheet, pagesOf, pageText, printToPdf, type Page } from "./pdf";

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
  provinceOut: "",
  provinceNamedOut: "",
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
  // The 2025 province at scale: 117 units, 110 above 80; counted in the letter (the default), and
  // named one by one (a "Tiêu chí" sheet that allows 1,000 names), which splits a paragraph over rows.
  const provinceIn = await writeXlsx(dir, "tinh.xlsx", [provinceSheet()]);
  const namedIn = await writeXlsx(dir, "tinh-ten.xlsx", [
    provinceSheet(),
    {
      name: CRITERIA_SHEET,
      rows: [
        ["Mã", "Tên tiêu chí", "Điểm tối đa", "Cách tính", "Dữ liệu", "So sánh", "Ngưỡng"],
        ["III", "Điểm 766 trên 80", 30, "Ngưỡng", "Điểm 766", ">", 80],
        [],
        ["CÀI ĐẶT"],
        ["Số đơn vị tối đa nêu tên trong câu", 1000],
      ],
    },
  ]);
  files.provinceOut = path.join(dir, "tinh-da-tinh-diem.xlsx");
  files.provinceNamedOut = path.join(dir, "tinh-ten-da-tinh-diem.xlsx");
  const quiet = { stdout: () => undefined, stderr: () => undefined };
  expect(await main(["score", files.sampleIn, "--docx", files.letter], quiet)).toBe(0);
  expect(await main(["score", files.messyIn, "--sheet", MESSY_SHEET], quiet)).toBe(3); // its errors make the list a draft (#23)
  expect(await main(["score", longIn], quiet)).toBe(0);
  expect(await main(["score", provinceIn], quiet)).toBe(0);
  expect(await main(["score", namedIn], quiet)).toBe(0);
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

describe("the letter of 117 units, 110 proposed, printed", () => {
  const aboveEighty = provinceUnits()
    .filter((u) => u.score > 80)
    .map((u) => u.name);
  /** The letter's body lines, from after “Kính gửi” to before “Nơi nhận”, over the pages it takes. */
  const bodyOf = (doc: Printed) => {
    const pages = doc.bySheet.get(SUMMARY_SHEET) ?? [];
    const lines = pages.flatMap((n) => linesOf(doc.pages[n]).map((l) => ({ ...l, page: n })));
    const from = lines.findIndex((l) => l.text.startsWith("Kính gửi")) + 1;
    const to = lines.findIndex((l) => l.text.includes("Nơi nhận"));
    return lines.slice(from, to);
  };
  /**
   * Each body line, with whether a gap wider than a third of a line stands above it and whether it is
   * indented: continuous text has a gap above exactly the lines that open a paragraph, which are indented.
   */
  const layoutOf = (doc: Printed) => {
    const lines = bodyOf(doc);
    const steps = lines.slice(1).map((l, i) => (l.page === lines[i].page ? l.yMin - lines[i].yMin : NaN));
    const pitch = Math.min(...steps.filter((s) => !Number.isNaN(s)));
    const margin = Math.min(...lines.map((l) => l.xMin));
    return lines.map((l, i) => ({
      text: l.text.slice(0, 40),
      gapAbove: i === 0 || l.page !== lines[i - 1].page ? null : steps[i - 1] - pitch > pitch / 3,
      indented: l.xMin - margin > 15,
    }));
  };

  it.each([
    ["counted (the default)", "provinceOut"],
    ["named one by one", "provinceNamedOut"],
  ] as const)("%s: prints continuous paragraphs, each first line indented, words apart", (_, key) => {
    const doc = docs[key];
    const layout = layoutOf(doc);
    expect(layout.length).toBeGreaterThan(10);
    // A line at the top of a page may open a paragraph or go on with one: it is only checked for words.
    const wrong = layout.filter((l, i) => i > 0 && l.gapAbove !== null && l.gapAbove !== l.indented);
    expect(wrong).toEqual([]);
    expect(layout[0].indented).toBe(true);
    expect(overprinted(doc, doc.bySheet.get(SUMMARY_SHEET) ?? [])).toEqual([]);
  });

  it("counts the units in the letter and names every one in the list attached", () => {
    const doc = docs.provinceOut;
    const body = bodyOf(doc)
      .map((l) => l.text)
      .join(" ");
    expect(body).toContain("110 đơn vị, gồm 10 sở, ban, ngành và 100 UBND cấp xã (có danh sách kèm theo)");
    const pages = doc.bySheet.get(SUMMARY_SHEET) ?? [];
    const listStart = pages.find((n) => pageText(doc.pages[n]).includes("DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHÍ III"));
    expect(listStart).toBeDefined();
    const list = pages
      .filter((n) => n >= (listStart as number))
      .map((n) =>
        linesOf(doc.pages[n])
          .map((l) => l.text)
          .join(" "),
      )
      .join(" ");
    for (const name of aboveEighty) expect([name, list.includes(name)]).toEqual([name, true]);
  });

  it("names every unit in the paragraph that goes on over many rows", () => {
    const body = bodyOf(docs.provinceNamedOut)
      .map((l) => l.text)
      .join(" ");
    for (const name of aboveEighty) expect([name, body.includes(name)]).toEqual([name, true]);
  });
});
