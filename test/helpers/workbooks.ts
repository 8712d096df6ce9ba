/** Real .xlsx files for tests: written with ExcelJS to bytes, then read back as the CLI reads them. */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SheetGrid } from "../../src/core/grid";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook, saveWorkbook } from "../exceljs/workbook";

export type SpecCell = ExcelJS.CellValue | { value: ExcelJS.CellValue; numFmt: string };

export interface SheetSpec {
  name: string;
  rows: SpecCell[][];
  merges?: string[];
}

function isFormatted(cell: SpecCell): cell is { value: ExcelJS.CellValue; numFmt: string } {
  return typeof cell === "object" && cell !== null && "numFmt" in cell;
}

export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((line, r) =>
      line.forEach((cell, c) => {
        if (cell === undefined || cell === null) return;
        const target = sheet.getCell(r + 1, c + 1);
        if (isFormatted(cell)) {
          target.value = cell.value;
          target.numFmt = cell.numFmt;
        } else target.value = cell;
      }),
    );
    for (const merge of spec.merges ?? []) sheet.mergeCells(merge);
  }
  return workbook;
}

/** Writes the sheets to .xlsx bytes and reads them back: what the tool sees of a real file. */
export async function xlsxBytes(sheets: SheetSpec[]): Promise<Uint8Array> {
  return saveWorkbook(buildWorkbook(sheets));
}

export async function gridsOf(sheets: SheetSpec[]): Promise<SheetGrid[]> {
  return workbookToGrids(await loadWorkbook(await xlsxBytes(sheets), "test.xlsx"));
}

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "kstthc-test-"));
}

export async function writeXlsx(dir: string, name: string, sheets: SheetSpec[]): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, await xlsxBytes(sheets));
  return file;
}

export const SAMPLE = path.join(__dirname, "..", "..", "examples", "theo-doi-thi-dua-kstthc-2023.xlsx");
export const SAMPLE_CSV = path.join(__dirname, "..", "..", "examples", "an-giang-2023-don-vi.csv");

/** A canonical picture of a workbook for comparisons: every cell's value, format and style, merges, rules. */
export function snapshot(workbook: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sheet of workbook.worksheets) {
    const cells: Record<string, unknown> = {};
    sheet.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.value === null && Object.keys(cell.style ?? {}).length === 0) return;
        cells[cell.address] = { value: cell.value, style: cell.style };
      }),
    );
    const merges = Object.keys((sheet as unknown as { _merges: Record<string, unknown> })._merges).sort();
    out[sheet.name] = {
      state: sheet.state,
      cells,
      merges,
      // A copy of the rules alone: ExcelJS hangs a parser flag (hasExtContent) on the array itself.
      conditional: [...(sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings],
      widths: sheet.columns?.map((c) => c.width ?? null) ?? [],
      // ExcelJS keeps the print area as written ("A$1:G$2", see test/exceljs/apply.ts) and reads it without "$".
      pageSetup: { ...sheet.pageSetup, printArea: sheet.pageSetup.printArea?.replace(/\$/g, "") },
    };
  }
  return out;
}

/** Every cell of `sheet` as address → value, for cell-by-cell comparisons. */
export function cellValues(sheet: ExcelJS.Worksheet): Map<string, unknown> {
  const map = new Map<string, unknown>();
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      map.set(cell.address, JSON.stringify({ value: cell.value, style: cell.style }));
    }),
  );
  return map;
}

/** Cells of the sample left blank in the fresh sample: two departments whose 766 score is not in yet. */
export const FRESH_BLANKS = {
  cells: ["D12", "D14"],
  units: ["Sở Tài chính", "Sở Nông nghiệp và Phát triển nông thôn"],
};

/**
 * The sample as staff start from it: no "Tiêu chí" sheet yet (so the tool writes the defaults, with no
 * year's facts) and two 766 scores not entered, which the tool warns about.
 */
export async function freshSampleBytes(): Promise<Uint8Array> {
  const workbook = await loadWorkbook(await fs.readFile(SAMPLE), path.basename(SAMPLE));
  const criteria = workbook.getWorksheet("Tiêu chí");
  if (criteria) workbook.removeWorksheet(criteria.id);
  const sheet = workbook.worksheets[0];
  for (const address of FRESH_BLANKS.cells) sheet.getCell(address).value = null;
  return saveWorkbook(workbook);
}

export async function freshSampleGrids(): Promise<SheetGrid[]> {
  return workbookToGrids(await loadWorkbook(await freshSampleBytes(), path.basename(SAMPLE)));
}
