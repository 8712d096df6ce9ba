/**
 * Scoring a workbook package: the grids the core needs, read from the fewest parts, and the plan
 * applied. A sheet that holds no unit table is read only as far as the table detection looks (its first
 * rows); one whose first rows name no units is not even decompressed further, so that an unrelated
 * sheet of any size costs no more than its compressed bytes in the file.
 */
import { UNIT_MAP_SHEET } from "../../core/compare/unit-map-sheet";
import { CRITERIA_SHEET } from "../../core/criteria-sheet/schema";
import type { SheetGrid } from "../../core/grid";
import { META_SHEET, readOwnership } from "../../core/ownership";
import { mayHoldUnitTable } from "../../core/table-candidates";
import { runScoring, type RunOptions, type RunResult } from "../../core/run";
import { UnusableInputError, type Problem } from "../../core/problems";
import type { WorkbookPackage } from "./workbook-package";

/** More than the rows the table detection looks at (40, and the sub-header below). */
const PREVIEW_ROWS = 64;

/** The tool's own sheets, read whole: the criteria, the mapping of units, the summary and the ownership record. */
function ownSheets(pkg: WorkbookPackage): Set<string> {
  const own = new Set<string>();
  const meta = pkg.worksheets.find((s) => s.name === META_SHEET);
  if (meta) {
    own.add(meta.name);
    const summary = readOwnership(pkg.grid(meta.name))?.summarySheet;
    const found = summary ? pkg.worksheets.find((s) => s.name === summary) : undefined;
    if (found) own.add(found.name);
  }
  for (const name of [CRITERIA_SHEET, UNIT_MAP_SHEET]) {
    const sheet = pkg.findSheet(name);
    if (sheet) own.add(sheet.name);
  }
  return own;
}

/** A column mapping kept by an earlier run, which applies when the user gives none. */
function hasKeptMapping(pkg: WorkbookPackage): boolean {
  const meta = pkg.worksheets.find((s) => s.name === META_SHEET);
  return Boolean(meta && readOwnership(pkg.grid(meta.name))?.mapping);
}

/**
 * Grids that score as the whole workbook's grids do: whole for the tool's sheets and the sheets that hold
 * the units, the first rows only for the others (the tables are found from every sheet's first rows).
 */
export function packageGrids(pkg: WorkbookPackage, options: RunOptions = {}): SheetGrid[] {
  const own = ownSheets(pkg);
  const rows = Math.max(PREVIEW_ROWS, (options.mapping?.headerRow ?? 0) + 3);
  // Columns the user picked may have headers of any text: every sheet's first rows are then read whole.
  const mapped = options.mapping !== undefined || hasKeptMapping(pkg);
  // A sheet that may hold the table is read whole once (its merges follow its cells); the detection
  // then sees its first rows, as it sees the glance of every other sheet.
  const preview = pkg.worksheets.map((s) => {
    if (own.has(s.name)) return pkg.grid(s.name);
    const glance = pkg.grid(s.name, rows, true);
    return mapped || mayHoldUnitTable(glance) ? firstRows(pkg.grid(s.name), rows) : glance;
  });
  let unitSheets: Set<string>;
  try {
    unitSheets = new Set(runScoring(preview, options).parts.map((part) => part.layout.sheet));
  } catch (error) {
    if (!(error instanceof UnusableInputError)) throw error;
    // The whole workbook gives the same refusal, or finds what the first rows did not show.
    return pkg.worksheets.map((s) => pkg.grid(s.name));
  }
  // The other sheets stay as the detection saw them: their first rows.
  return pkg.worksheets.map((s, i) =>
    own.has(s.name) || unitSheets.has(s.name) ? pkg.grid(s.name) : preview[i],
  );
}

/** The grid's first rows, with all its merges (as a read of the whole part limited to those rows). */
function firstRows(grid: SheetGrid, rows: number): SheetGrid {
  if (grid.values.length <= rows) return grid;
  return {
    ...grid,
    values: grid.values.slice(0, rows),
    formats: grid.formats?.slice(0, rows),
    hiddenRows: grid.hiddenRows?.filter((r) => r < rows),
  };
}

/**
 * What the package tells that its grids do not: a password to modify. Said at the unit table's sheet,
 * first among the problems.
 */
export function withPackageNotes(pkg: WorkbookPackage, result: RunResult, fileName?: string): RunResult {
  if (!pkg.modifyPassword) return result;
  const name = fileName ? `Tệp “${fileName}”` : "Tệp này";
  const note: Problem = {
    sheet: result.table.layout.sheet,
    level: "warning",
    message: `${name} được đặt mật khẩu sửa (Password to modify): Excel mở tệp, và cả tệp kết quả, ở chế độ chỉ đọc khi không nhập mật khẩu đó. Công cụ vẫn đọc và tính điểm như thường; muốn sửa tệp kết quả trong Excel, hãy nhập mật khẩu khi mở, hoặc gỡ mật khẩu (Lưu thành › Công cụ › Tùy chọn chung › Mật khẩu để sửa).`,
  };
  return { ...result, problems: [note, ...result.problems] };
}

/** Reads the workbook, runs the core and applies its plan to the package (saved by `pkg.save()`). */
export function scorePackage(pkg: WorkbookPackage, options: RunOptions = {}): RunResult {
  const result = runScoring(packageGrids(pkg, options), options);
  pkg.apply(result.plan);
  return withPackageNotes(pkg, result, options.fileName);
}
