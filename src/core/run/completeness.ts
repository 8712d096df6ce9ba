/**
 * Step "decide completeness": whether the award list can be trusted as it stands. An error in the unit
 * table (an unreadable score or rate, a formula never calculated, a group refused, a row of figures
 * without a name) touches an input of a criterion: the list is then a draft, and says so.
 */
import type { Problem } from "../problems";
import type { ScoredPart } from "./score-parts";
import type { Completeness } from "./types";

// The type lives with the run's other result types, so that types.ts imports no step.
export type { Completeness } from "./types";

/** "DỰ THẢO — CÒN 2 LỖI CẦN SỬA TRƯỚC KHI GỬI": the first line of an unsure letter. */
export function draftMark(errors: number): string {
  return `DỰ THẢO — CÒN ${errors} LỖI CẦN SỬA TRƯỚC KHI GỬI`;
}

export function decideCompleteness(parts: ScoredPart[]): Completeness {
  const errors: Problem[] = [];
  const unsure: string[] = [];
  for (const part of parts) {
    const { sheet, headerBottom } = part.table.layout;
    // Rows of the table as Excel numbers them: below the header, on the table's sheet.
    const inTable = part.problems.filter(
      (p) => p.level === "error" && p.sheet === sheet && p.row !== undefined && p.row > headerBottom + 1,
    );
    errors.push(...inTable);
    const rows = new Set(inTable.map((p) => p.row));
    for (const unit of part.table.units) {
      const touched = rows.has(unit.row + 1) || (unit.unreadable?.length ?? 0) > 0;
      if (touched && !unsure.includes(unit.name)) unsure.push(unit.name);
    }
  }
  return { complete: errors.length === 0 && unsure.length === 0, unsure, errors };
}
