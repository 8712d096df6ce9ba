/** The period (năm, quý, tháng) and the as-of date a source's figures stand for, from its own words. */
import { cellText, type SheetGrid } from "../grid";
import { cleanText } from "../text";
import type { Period, PeriodKind } from "./types";

const word = (...spellings: string[]) =>
  new RegExp(`(?<![\\p{L}\\d])(?:${spellings.join("|")})(?![\\p{L}])`, "iu");

/** Sheet names are short and often typed without accents ("Diem thang"). */
const PERIOD_WORDS: [PeriodKind, RegExp][] = [
  ["tháng", word("tháng", "thang")],
  ["quý", word("quý", "quy")],
  ["năm", word("năm", "nam")],
];

/** A sheet name: "Điểm tháng" → tháng, "Quý 3 năm 2025" → quý (the shortest period named wins). */
function periodOf(text: string): Period | undefined {
  const clean = cleanText(text);
  // "Tháng 12 năm 2025" is a month; "năm 2025" alone a year.
  const found = PERIOD_WORDS.find(([, pattern]) => pattern.test(clean.replace(/ngày\s+\d+\s+tháng/giu, "")));
  return found ? { kind: found[0], label: clean } : undefined;
}

const DATE = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/;

/** "đến ngày 31/12/2025" (or the last date of a line that has one) → "31/12/2025". */
function asOfIn(text: string): string | undefined {
  const clean = cleanText(text);
  const after =
    /(?:đến|tính đến|cập nhật|ngày xuất|thời điểm)[^\d]{0,20}(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/iu.exec(
      clean,
    );
  const match = DATE.exec(after ? after[1] : clean);
  if (!match) return undefined;
  const [, d, m, y] = match;
  const day = Number(d);
  const month = Number(m);
  if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
  return `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${y}`;
}

/** The lines above a table (title rows) as text, one per row. */
export function titleLines(grid: SheetGrid, beforeRow: number): string[] {
  const lines: string[] = [];
  for (let row = 0; row < beforeRow; row++) {
    const text = cleanText((grid.values[row] ?? []).map(cellText).join(" "));
    if (text) lines.push(text);
  }
  return lines;
}

/** Period and as-of date from the sheet name first, then from the title rows. */
export function periodAndDate(grid: SheetGrid, headerRow: number): { period?: Period; asOf?: string } {
  const lines = titleLines(grid, headerRow);
  const period =
    periodOf(grid.name) ??
    lines
      .map((line) => (/(kỳ|ky|quý|tháng|năm)/iu.test(line) ? periodOfTitle(line) : undefined))
      .find(Boolean);
  const asOf = [grid.name, ...lines].map(asOfIn).find(Boolean);
  return { period, asOf };
}

/** A title line names a period only when it says "Quý …", "Tháng …" or "(Kỳ …) năm 2025". */
function periodOfTitle(line: string): Period | undefined {
  // Dates ("đến ngày 15/12/2025", "ngày 5 tháng 12 năm 2025") name no period.
  const text = line
    .replace(/ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(\s+năm\s+\d{4})?/giu, "")
    .replace(/\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}/g, "");
  if (/(quý|quy)\s+([ivx]+|\d)/iu.test(text)) return { kind: "quý", label: line };
  if (/tháng\s+\d{1,2}\b/iu.test(text)) return { kind: "tháng", label: line };
  if (/năm\s+\d{4}/iu.test(text)) return { kind: "năm", label: line };
  return undefined;
}
