/**
 * The assessment year a workbook is about, found where staff write it: a title row ("NĂM 2024"), the
 * sheet's name ("Theo dõi 2024"), a header ("Điểm 766 năm 2024"), or else the file's name.
 */
import { cellText, type SheetGrid } from "./grid";
import { foldKey } from "./text";

export type YearSource = "option" | "sheet" | "workbook" | "file-name" | "preset" | "none";

interface FoundYear {
  year: number;
  /** Where it was read, for the summary: "trang “Theo dõi 2024”, dòng 2". */
  where: string;
  /** Read from a column header ("Điểm 766 năm 2024"): it must not then choose among those columns. */
  fromHeader?: boolean;
}

const PLAUSIBLE = (year: number) => year >= 2015 && year <= 2099;
/** "năm 2024", "NĂM 2024", "năm thi đua 2024"; not a date ("ngày 03/01/2025") nor a decision number. */
const YEAR_PHRASE = /\bnam (?:thi dua |danh gia )?(20\d\d)\b/;
/** Rows read at the top of a sheet: title rows and the header. */
const TOP_ROWS = 12;
/** Header texts name the 766 score of a year; a title names the year of the whole table. */
const HEADER_WORDS = /\b(766|diem|ty le|tthc|score)\b/;

function yearIn(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(foldKey(text));
  const year = match ? Number(match[1]) : undefined;
  return year !== undefined && PLAUSIBLE(year) ? year : undefined;
}

/**
 * The year the workbook names, looking at the sheets that may hold the unit table: first a title row's
 * "năm 2024", then a sheet name's 2024, then the latest year a header names.
 */
export function findWorkbookYear(grids: SheetGrid[], ownSheets: string[] = []): FoundYear | undefined {
  const own = new Set(ownSheets.map(foldKey));
  const sheets = grids.filter((g) => !own.has(foldKey(g.name)));
  let header: FoundYear | undefined;
  for (const grid of sheets) {
    for (let row = 0; row < Math.min(grid.values.length, TOP_ROWS); row++) {
      for (const value of grid.values[row] ?? []) {
        // Rows are sparse: a hole is an empty cell.
        const text = cellText(value ?? null);
        const year = yearIn(text, YEAR_PHRASE);
        if (year === undefined) continue;
        const where = `trang “${grid.name}”, dòng ${row + 1}`;
        if (!HEADER_WORDS.test(foldKey(text))) return { year, where };
        if (!header || year > header.year) header = { year, where, fromHeader: true };
      }
    }
  }
  for (const grid of sheets) {
    const year = yearIn(grid.name, /(?:^|\D)(20\d\d)(?:\D|$)/);
    if (year !== undefined) return { year, where: `tên trang “${grid.name}”` };
  }
  return header;
}

/** "theo-doi-thi-dua-2024.xlsx" → 2024. */
export function findFileNameYear(fileName: string | undefined): FoundYear | undefined {
  if (!fileName) return undefined;
  const base = fileName.replace(/^.*[\\/]/, "");
  const year = yearIn(base.replace(/[_.-]/g, " "), /(?:^|\D)(20\d\d)(?:\D|$)/);
  return year === undefined ? undefined : { year, where: `tên tệp “${base}”` };
}
