/** A1 addresses as Office.js gives and takes them: "'Theo dõi 2023'!A5:G60", "C:E", "8:8". */
import { columnIndex, columnLetter, rangeAddress, type CellRange } from "../core/grid";

/** Excel's last row and column (0-based), for whole-row and whole-column addresses. */
export const LAST_ROW = 1048575;
const LAST_COLUMN = 16383;

interface SheetRange {
  /** Undefined when the address names no sheet. */
  sheet?: string;
  range: CellRange;
}

/** "C:E" for columns 2–4 (whole columns: widths are set on them). */
export function columnsAddress(from: number, to: number): string {
  return `${columnLetter(from)}:${columnLetter(to)}`;
}

/** "8:9" for rows 7–8 (whole rows: heights are set on them). */
export function rowsAddress(from: number, to: number): string {
  return `${from + 1}:${to + 1}`;
}

export { rangeAddress };

/** A cell area without sheet: "B3", "B3:D10", "C:E" or "5:7". */
function parseArea(text: string): CellRange | undefined {
  const a1 = text.replace(/\$/g, "").trim();
  let match = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a1);
  if (match) {
    const left = columnIndex(match[1]);
    const right = columnIndex(match[3] ?? match[1]);
    const top = Number(match[2]) - 1;
    const bottom = Number(match[4] ?? match[2]) - 1;
    if (left === undefined || right === undefined || top < 0) return undefined;
    return {
      top: Math.min(top, bottom),
      bottom: Math.max(top, bottom),
      left: Math.min(left, right),
      right: Math.max(left, right),
    };
  }
  match = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a1);
  if (match) {
    const left = columnIndex(match[1]);
    const right = columnIndex(match[2]);
    if (left === undefined || right === undefined) return undefined;
    return { top: 0, bottom: LAST_ROW, left: Math.min(left, right), right: Math.max(left, right) };
  }
  match = /^(\d+):(\d+)$/.exec(a1);
  if (match) {
    const top = Number(match[1]) - 1;
    const bottom = Number(match[2]) - 1;
    if (top < 0 || bottom < 0) return undefined;
    return { top: Math.min(top, bottom), bottom: Math.max(top, bottom), left: 0, right: LAST_COLUMN };
  }
  return undefined;
}

/**
 * The areas of an address such as Office.js returns for a Range or RangeAreas:
 * "Sheet1!A1:B2", "'Theo dõi 2023'!A5:G60" (quotes doubled inside a quoted name) or several
 * areas separated by commas. An unreadable address gives an empty list.
 */
export function parseAreas(address: string): SheetRange[] {
  const areas: SheetRange[] = [];
  let i = 0;
  const text = address.trim();
  while (i < text.length) {
    while (text[i] === " " || text[i] === ",") i++;
    if (i >= text.length) break;
    let sheet: string | undefined;
    if (text[i] === "'") {
      let name = "";
      i++;
      while (i < text.length) {
        if (text[i] === "'" && text[i + 1] === "'") {
          name += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else name += text[i++];
      }
      if (text[i] !== "!") return [];
      i++;
      sheet = name;
    } else {
      const bang = text.indexOf("!", i);
      const comma = text.indexOf(",", i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        sheet = text.slice(i, bang);
        i = bang + 1;
      }
    }
    const end = text.indexOf(",", i);
    const area = parseArea(text.slice(i, end < 0 ? text.length : end));
    if (!area) return [];
    areas.push({ sheet, range: area });
    i = end < 0 ? text.length : end + 1;
  }
  return areas;
}

/** The one area of a single-area address; undefined otherwise. */
export function parseAddress(address: string): SheetRange | undefined {
  const areas = parseAreas(address);
  return areas.length === 1 ? areas[0] : undefined;
}

export { overlaps } from "../core/grid";

export function sameRange(a: CellRange, b: CellRange): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** The A1 part of an Office.js address: "'Theo dõi 2023'!$A$9:$P$60" → "A9:P60"; areas joined by ",". */
export function withoutSheet(address: string): string {
  return parseAreas(address)
    .map((area) => rangeAddress(area.range))
    .join(",");
}
