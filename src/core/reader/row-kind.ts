/**
 * What one row under the header is: a unit, or one of the rows a table keeps between units (section
 * title, total, column numbering, note) — or the header of a second table, where reading stops.
 */
import { cellText, type CellValue } from "../grid";
import { cleanText, foldKey } from "../text";
import { classifyHeader, classifyKey } from "./columns";

/** The texts of one row that its kind depends on. */
export interface RowCells {
  name: string;
  stt: string;
  /** Text of the group column (a vertically merged group cell gives its value to every row). */
  group: string;
  /** Some figure column (766, rates, counts, custom inputs) or the group column is filled. */
  hasData: boolean;
  /** Every value of the row, for the numbering row "(1) (2) (3)…". */
  line: CellValue[];
  /** The name folded (foldKey), when the reader has it: a row's name is folded once. */
  nameKey?: string;
  /** The row's cells in the figure columns of the header: a second table repeats their headers. */
  figureHeaders: readonly CellValue[];
}

export type RowKind =
  | { kind: "blank" }
  | { kind: "header-repeat" }
  | { kind: "numbering" }
  | { kind: "total" }
  | { kind: "section"; title: string }
  | { kind: "no-name" }
  | { kind: "note" }
  | { kind: "unit" };

const ROMAN = /^[ivxlcdm]+\.?$/i;
const NUMBER = /^\d+$/;
const SECTION_PREFIX = /^(?:[IVXLCDM]+|[A-Z])[.)]\s+/;
/** Words that name a group of units, not a unit: "Khối …", "Sở, ban, ngành", "Cơ quan ngành dọc". */
const GROUP_WORDS =
  /^(khoi|nhom|cac)\b|\b(so ban nganh|nganh doc|co quan chuyen mon|cap (tinh|huyen|xa)|huyen thi xa|thi xa thanh pho)\b/;
/** Vietnamese totals, and the label Excel gives a table's totals row ("Total", "Tổng" in Vietnamese Excel). */
const TOTAL = /^(tong cong|tong so|tong)\b|^cong( (khoi|nhom|[ivx]+|\d+))?$|^(grand )?total\b/;
/** Units that a total pattern would catch ("Tổng công ty…", "Tổng cục…"). */
const NOT_TOTAL = /^tong (cong ty|cuc)\b/;

function isTotal(text: string): boolean {
  const key = foldKey(text);
  return TOTAL.test(key) && !NOT_TOTAL.test(key);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A name needs a letter or a digit: "😀" or "—" names no unit. */
export function isNameLike(name: string): boolean {
  return LETTER_OR_DIGIT.test(name);
}

/**
 * A section title is known by its shape — a Roman numeral or letter in front ("II. UBND CẤP HUYỆN"),
 * a Roman numeral in the number column, or words that name a group — never by capitals alone: a unit
 * typed in capitals is still a unit.
 */
export function sectionTitleOf(name: string, stt: string): string {
  if (name === "" && stt !== "" && !NUMBER.test(stt) && !ROMAN.test(stt)) return stt;
  if (SECTION_PREFIX.test(name) || (name !== "" && ROMAN.test(stt))) return name;
  if (stt === "" && GROUP_WORDS.test(foldKey(name))) return name;
  return "";
}

/**
 * One cell of a row of column numbers: "(1)", "2", "(2a)", "(B)", or a column worked out of others,
 * "(4)=(3)/(2)" or "(5) = (3) + (4)".
 */
const COLUMN_NUMBER = /^\(?(?:\d{1,2}[a-zđ]?|[a-zđ])\)?(?:\s*=\s*[\d()a-zđ+\-*/x×:.,%\s]+)?$/i;

/** The row of column numbers under a header: "(1) (2) (2a) (3)…" or "1 2 3…" with the name cell among them. */
function isNumberingRow(line: CellValue[], name: string): boolean {
  if (!COLUMN_NUMBER.test(name)) return false;
  const filled = line.map((v) => cleanText(cellText(v))).filter((t) => t !== "");
  return filled.length >= 3 && filled.every((t) => COLUMN_NUMBER.test(t)) && filled.some((t) => /\d/.test(t));
}

/** The header of another table: a unit-name header with a figure header in one of the table's columns. */
function repeatsHeader(cells: RowCells): boolean {
  if (classifyKey(cells.nameKey ?? foldKey(cells.name)).kind !== "name") return false;
  // Cleaned only here, on the rare row whose name reads as the name column's header.
  return cells.figureHeaders.some((value) => {
    const kind = classifyHeader(cleanText(cellText(value))).kind;
    return kind === "score766" || kind === "rate" || kind === "countTotal" || kind === "countReceived";
  });
}

export function classifyRow(cells: RowCells, tableHasStt: boolean): RowKind {
  const { name, stt, hasData } = cells;
  if (name === "" && stt === "" && !hasData) return { kind: "blank" };
  if (repeatsHeader(cells)) return { kind: "header-repeat" };
  if (isNumberingRow(cells.line, name)) return { kind: "numbering" };
  if (!NUMBER.test(stt) && (isTotal(name) || (name === "" && isTotal(stt)))) return { kind: "total" };
  const title = sectionTitleOf(name, stt);
  if (title !== "" && !hasData && cells.group === "") {
    return { kind: "section", title: cleanText(title.replace(SECTION_PREFIX, "")) };
  }
  if (!isNameLike(name)) return { kind: "no-name" };
  if (!hasData && tableHasStt && stt === "") return { kind: "note" };
  return { kind: "unit" };
}
