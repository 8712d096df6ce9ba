/**
 * The optional columns of evidence and review, one of each kind per criterion, recognised by their
 * headers: "Tự chấm III" (the unit's own points), "Thẩm định III" (the assessors' points), "Minh chứng
 * III" (a document number or link) and "Giải trình III" (a written explanation).
 */
import { cellAt, cellText, formatAt, type SheetGrid } from "../grid";
import { cellProblem, type Problem } from "../problems";
import { cleanText, foldKey } from "../text";
import { readNumberCell } from "./values";

export type ReviewField = "self" | "assessed" | "evidence" | "explanation";

/** Columns by the folded criterion code ("iv 9"), then by kind. */
export type ReviewColumns = Record<string, Partial<Record<ReviewField, number>>>;

/** What one unit's row says about one criterion. */
export interface UnitReview {
  self?: number;
  assessed?: number;
  evidence?: string;
  explanation?: string;
}

const PREFIXES: [RegExp, ReviewField][] = [
  [/^(diem )?(tu cham|tu danh gia)( diem)?\b/, "self"],
  [/^(diem )?(tham dinh|hoi dong cham)( diem)?\b/, "assessed"],
  [/^(so hieu |duong dan )?minh chung\b/, "evidence"],
  [/^giai trinh\b/, "explanation"],
];

/** The kind and the folded criterion code of a header, or undefined for any other header. */
export function reviewColumnOf(header: string): { field: ReviewField; code: string } | undefined {
  const key = foldKey(header);
  for (const [prefix, field] of PREFIXES) {
    const found = prefix.exec(key);
    if (!found) continue;
    const code = key
      .slice(found[0].length)
      .replace(/^ ?(tieu chi|tc)\b/, "")
      .trim();
    if (code) return { field, code };
  }
  return undefined;
}

export function findReviewColumns(headers: readonly string[]): ReviewColumns {
  const found: ReviewColumns = {};
  headers.forEach((header, col) => {
    const column = reviewColumnOf(header);
    if (!column) return;
    const byKind = (found[column.code] ??= {});
    // The first column of a kind wins, as for every other input.
    if (byKind[column.field] === undefined) byKind[column.field] = col;
  });
  return found;
}

/** One unit's review cells, by folded criterion code; a points cell that cannot be read is an error. */
export function readReview(
  grid: SheetGrid,
  row: number,
  columns: ReviewColumns,
  problems: Problem[],
): Record<string, UnitReview> {
  const review: Record<string, UnitReview> = {};
  for (const code in columns) {
    const cols = columns[code];
    const own: UnitReview = {};
    for (const field of ["self", "assessed"] as const) {
      const col = cols[field];
      if (col === undefined) continue;
      const read = readNumberCell(cellAt(grid, row, col), formatAt(grid, row, col), "plain");
      if (read.kind === "bad") problems.push(cellProblem(grid.name, row, col, "error", read.detail));
      else if (read.kind === "number") own[field] = read.value;
    }
    for (const field of ["evidence", "explanation"] as const) {
      const col = cols[field];
      const text = col === undefined ? "" : cleanText(cellText(cellAt(grid, row, col)));
      if (text) own[field] = text;
    }
    if (Object.keys(own).length > 0) review[code] = own;
  }
  return review;
}
