/**
 * The optional criteria-table argument: a range laid out like the "Tiêu chí" sheet (best the whole
 * sheet from A1, e.g. 'Tiêu chí'!A1:L60, so that rows and columns in messages match the sheet), read by
 * the core's own reader. Without it the default criteria and settings apply.
 */
import { defaultCriteria, type Criterion } from "../core/criteria";
import { readCriteriaSheet } from "../core/criteria-sheet/read";
import { CRITERIA_SHEET } from "../core/criteria-sheet/schema";
import type { CellValue, SheetGrid } from "../core/grid";
import { UnusableInputError } from "../core/problems";
import { defaultSettings, type Settings } from "../core/settings";
import { isOmitted, toCellValue, toMatrix } from "./args";
import { ArgumentError } from "./errors";

export interface CriteriaInForce {
  criteria: Criterion[];
  settings: Settings;
}

/**
 * The range's values as a sheet grid. A row of nothing but blanks and zeros is blank: Excel on
 * Windows passes empty cells as 0, and a zero row would otherwise read as a criterion coded "0".
 */
export function tableGrid(table: unknown): SheetGrid {
  const values: CellValue[][] = toMatrix(table).map((row) => {
    const cells = row.map(toCellValue);
    return cells.every((c) => c === null || c === 0) ? cells.map(() => null) : cells;
  });
  return { name: CRITERIA_SHEET, values };
}

/** Words of the sheet's messages that do not fit a range argument. */
function forArgument(message: string): string {
  return message
    .replace(/^Trang “[^”]*”/, "Bảng tiêu chí")
    .replace(
      "xóa trang này để dùng tiêu chí mặc định",
      "bỏ trống đối số tieu_chi_bang để dùng tiêu chí mặc định",
    );
}

export function criteriaFromArgument(table: unknown): CriteriaInForce {
  if (isOmitted(table)) return { criteria: defaultCriteria(), settings: defaultSettings() };
  try {
    const { criteria, settings } = readCriteriaSheet(tableGrid(table));
    return { criteria, settings };
  } catch (error) {
    if (error instanceof UnusableInputError) throw new ArgumentError(forArgument(error.message));
    throw error;
  }
}
