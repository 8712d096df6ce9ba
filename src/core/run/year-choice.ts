/** The assessment year of a run: the option, else the "Tiêu chí" sheet, else the workbook, else the file name. */
import type { SheetGrid } from "../grid";
import { findFileNameYear, findWorkbookYear, type YearSource } from "../year";

export interface YearChoice {
  year: number | null;
  source: YearSource;
  where?: string;
  /** Read from a 766 column's header: it must not then choose among those columns. */
  fromHeader?: boolean;
}

export function chooseYear(
  grids: SheetGrid[],
  given: { year?: number; fileName?: string },
  sheetYear: number | null,
  ownSheets: string[],
): YearChoice {
  if (given.year !== undefined) return { year: given.year, source: "option" };
  if (sheetYear !== null) return { year: sheetYear, source: "sheet" };
  const found = findWorkbookYear(grids, ownSheets);
  if (found)
    return { year: found.year, source: "workbook", where: found.where, fromHeader: found.fromHeader };
  const named = findFileNameYear(given.fileName);
  if (named) return { year: named.year, source: "file-name", where: named.where };
  return { year: null, source: "none" };
}
