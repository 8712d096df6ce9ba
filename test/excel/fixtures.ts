/**
 * Workbooks for the Excel adapter's tests: real .xlsx files (the sample, and generated ones written with
 * ExcelJS and read back), turned into the fake's initial state, and a common "picture" of a workbook
 * (values, number formats, merges, highlight rules, sheets, widths, page setup) to compare the fake after
 * the adapter's run with the workbook the CLI writes.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { scoreActiveWorkbook, type ScoreOptions } from "../../src/excel/score-action";
import { fromFileFormula } from "../../src/xlsx/formulas";
import { loadWorkbook, saveWorkbook } from "../exceljs/workbook";
import {
  formulaReader,
  supportsFormula,
  type EvaluateOptions,
  type Evaluated,
} from "../helpers/formula-eval";
import {
  a1,
  emptySheet,
  FakeExcel,
  parseA1,
  type Cell,
  type CellFormat,
  type SheetState,
  type WorkbookState,
} from "./fake-excel";
import { mergesOf } from "../exceljs/read";

export const SAMPLE_PATH = path.join(__dirname, "..", "..", "examples", "theo-doi-thi-dua-kstthc-2023.xlsx");

export async function loadSample(): Promise<ExcelJS.Workbook> {
  return loadWorkbook(readFileSync(SAMPLE_PATH), "theo-doi-thi-dua-kstthc-2023.xlsx");
}

export async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await saveWorkbook(workbook), "roundtrip.xlsx");
}

export const UNITS_SHEET = "Đơn vị 2024";
const GROUPS = ["Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"];

export interface GeneratedOptions {
  /** Name of the first unit (e.g. "=1+1"); it gets a score that earns a proposal. */
  firstName?: string;
  /** Protect the sheet (Protect Sheet without password), as a user would. */
  protectSheet?: boolean;
}

/**
 * A unit table of `count` units as staff lay it out: a title, a one-row header, scores with two decimals,
 * one-stop rates as percentages, one #N/A from a broken lookup. Written to .xlsx and read back.
 */
export async function generatedWorkbook(
  count: number,
  options: GeneratedOptions = {},
): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(UNITS_SHEET);
  sheet.getCell("A1").value = "BẢNG THEO DÕI THI ĐUA KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024";
  sheet.getCell("A1").font = { bold: true };
  sheet.getRow(3).values = [
    "STT",
    "Tên cơ quan, đơn vị",
    "Khối",
    "Điểm Bộ chỉ số 766",
    "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa cấp tỉnh (%)",
    "Ghi chú",
  ];
  sheet.getRow(3).font = { bold: true };
  for (let i = 1; i <= count; i++) {
    const row = sheet.getRow(3 + i);
    const name = i === 1 && options.firstName !== undefined ? options.firstName : `Đơn vị số ${i}`;
    const score = i === 1 ? 95.5 : 60 + ((i * 37) % 400) / 10;
    row.getCell(1).value = i;
    row.getCell(2).value = name;
    row.getCell(3).value = GROUPS[i % GROUPS.length];
    row.getCell(4).value = i === 2 ? { error: "#N/A" } : score;
    row.getCell(4).numFmt = "0.00";
    row.getCell(5).value = i % 4 === 0 ? null : 0.9 + (i % 11) / 100;
    row.getCell(5).numFmt = "0.0%";
    if (i % 7 === 0) row.getCell(6).value = "Đã rà soát";
  }
  [6, 40, 18, 14, 16, 14].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  if (options.protectSheet) await sheet.protect("", { spinCount: 1 });
  return roundTrip(workbook);
}

// ---------------------------------------------------------------- ExcelJS → the fake

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

function formatOf(style: Partial<ExcelJS.Style> | undefined): CellFormat {
  const format: CellFormat = {};
  if (!style) return format;
  if (style.font?.bold) format.bold = true;
  if (style.font?.italic) format.italic = true;
  if (style.font?.size !== undefined) format.fontSize = style.font.size;
  if (style.font?.name) format.fontName = style.font.name;
  const fill = style.fill;
  if (fill && fill.type === "pattern" && fill.fgColor?.argb) format.fill = fill.fgColor.argb.slice(2);
  if (style.alignment?.horizontal) format.horizontal = style.alignment.horizontal;
  if (style.alignment?.vertical) format.vertical = style.alignment.vertical;
  if (style.alignment?.wrapText) format.wrap = true;
  if (style.border) {
    const sides = ["top", "bottom", "left", "right"] as const;
    for (const side of sides) {
      if (style.border[side]?.style) (format.borders ??= {})[side] = `${style.border[side]?.style}/ExcelJS`;
    }
  }
  return format;
}

function officeCell(cell: ExcelJS.Cell): Cell {
  const out: Cell = { value: "", numberFormat: cell.numFmt || "General", format: formatOf(cell.style) };
  if (cell.isMerged && cell.master !== cell) return out;
  let value: unknown = cell.value;
  if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const f = value as { formula?: string; sharedFormula?: string };
    // As Excel shows it with the add-in loaded: =KSTTHC.DIEM(…) for the stored _xldudf_KSTTHC_DIEM(…).
    out.formula = fromFileFormula(f.formula ?? f.sharedFormula ?? "");
    // cell.result, not value.result: ExcelJS's value leaves out a result of 0 or "".
    value = (cell as unknown as { result?: unknown }).result ?? "";
  }
  if (value instanceof Date) out.value = (value.getTime() - SERIAL_EPOCH_MS) / 86400000;
  else if (value && typeof value === "object" && "error" in value) {
    out.value = String((value as { error: string }).error);
    out.error = true;
  } else if (value && typeof value === "object" && "richText" in value) {
    out.value = (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join("");
  } else if (value && typeof value === "object" && "text" in value)
    out.value = String((value as { text: unknown }).text);
  else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    out.value = value;
  return out;
}

interface ExcelJsRule {
  type: string;
  formulae?: string[];
  style?: { fill?: { bgColor?: { argb?: string } } };
}

function conditionalFormattings(sheet: ExcelJS.Worksheet): { ref: string; rules: ExcelJsRule[] }[] {
  return (
    (sheet as unknown as { conditionalFormattings?: { ref: string; rules: ExcelJsRule[] }[] })
      .conditionalFormattings ?? []
  );
}

/**
 * Excel's calculation with the add-in loaded: every formula cell of the tool's shapes gets the value of
 * its formula, computed by the add-in's own functions (test/helpers/formula-eval.ts), formula cells it
 * refers to first; other formulas (the user's) keep the value they hold.
 */
export function recalculateWithAddin(state: WorkbookState, options: EvaluateOptions = {}): void {
  const valueOf = (cell: Cell | undefined) =>
    !cell || cell.value === "" ? null : cell.error ? { error: String(cell.value) } : cell.value;
  const reader = formulaReader(
    state.sheets.map((sheet) => ({
      name: sheet.name,
      value: (row, col) => valueOf(sheet.cells.get(row)?.get(col)),
      formula: (row, col) => sheet.cells.get(row)?.get(col)?.formula,
    })),
    options,
  );
  for (const sheet of state.sheets) {
    for (const [row, line] of sheet.cells) {
      for (const [col, cell] of line) {
        if (cell.formula === undefined || !supportsFormula(cell.formula)) continue;
        const value = reader.value(sheet.name, row, col);
        const error = value !== null && typeof value === "object";
        cell.value = error ? value.error : (value ?? "");
        if (error) cell.error = true;
        else delete cell.error;
      }
    }
  }
}

/** The fake Excel holding the workbook, as Excel would after opening the file, with the add-in loaded. */
export function fakeFromWorkbook(workbook: ExcelJS.Workbook): FakeExcel {
  const fake = new FakeExcel();
  // The functions are pure: their results, by arguments, serve every calculation of this workbook.
  const calls = new Map<string, Evaluated>();
  fake.recalculate = (state) => recalculateWithAddin(state, { calls });
  for (const ws of workbook.worksheets) {
    const sheet: SheetState = emptySheet(ws.name, fake.newId("sheet"));
    sheet.visibility =
      ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    sheet.protected = Boolean(
      (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet,
    );
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height) sheet.rowHeights.set(r - 1, row.height);
      if (row.hidden) sheet.hiddenRows.add(r - 1);
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const converted = officeCell(cell);
        if (
          converted.value === "" &&
          !converted.formula &&
          converted.numberFormat === "General" &&
          Object.keys(converted.format).length === 0
        )
          return;
        let line = sheet.cells.get(r - 1);
        if (!line) sheet.cells.set(r - 1, (line = new Map()));
        line.set(c - 1, converted);
      });
    });
    sheet.merges = mergesOf(ws);
    (ws.columns ?? []).forEach((column, i) => {
      if (column?.width) sheet.columnWidths.set(i, Math.round(column.width * 7) * 0.75);
    });
    for (const cf of conditionalFormattings(ws)) {
      for (const rule of cf.rules) {
        sheet.conditionalFormats.push({
          id: fake.newId("{cf-"),
          type: rule.type === "expression" ? "Custom" : rule.type,
          range: parseA1(cf.ref),
          formula: `=${rule.formulae?.[0] ?? ""}`,
          fill: rule.style?.fill?.bgColor?.argb?.slice(2),
        });
      }
    }
    fake.state.sheets.push(sheet);
  }
  return fake;
}

// ---------------------------------------------------------------- a common picture

export type PictureValue =
  | string
  | number
  | boolean
  | null
  | { error: string }
  /** A formula as Excel shows it, with the value it holds (the file's cached result). */
  | { formula: string; result: PictureValue };

export interface SheetPicture {
  name: string;
  visibility: string;
  /** Non-empty cells and cells with a number format other than General: "value|format". */
  cells: Record<string, { value: PictureValue; numberFormat: string }>;
  merges: string[];
  /** Character widths. */
  widths: Record<number, number>;
  heights: Record<number, number>;
  highlights: { range: string; formula: string; fill: string | undefined }[];
}

const normalFormat = (format: string | undefined) => (!format || format === "General" ? "General" : format);

function putCell(cells: SheetPicture["cells"], address: string, value: PictureValue, numberFormat: string) {
  if (value === null && numberFormat === "General") return;
  cells[address] = { value, numberFormat };
}

function pictureValue(cell: Cell): PictureValue {
  const value: PictureValue = cell.error
    ? { error: String(cell.value) }
    : cell.value === ""
      ? null
      : cell.value;
  return cell.formula !== undefined ? { formula: cell.formula, result: value } : value;
}

export function pictureOfFake(fake: FakeExcel): SheetPicture[] {
  return fake.state.sheets.map((sheet) => {
    const cells: SheetPicture["cells"] = {};
    for (const [row, line] of [...sheet.cells].sort((a, b) => a[0] - b[0])) {
      for (const [col, cell] of [...line].sort((a, b) => a[0] - b[0])) {
        const value = pictureValue(cell);
        putCell(
          cells,
          a1({ top: row, bottom: row, left: col, right: col }),
          value,
          normalFormat(cell.numberFormat),
        );
      }
    }
    return {
      name: sheet.name,
      visibility: sheet.visibility,
      cells,
      merges: sheet.merges.map(a1).sort(),
      widths: Object.fromEntries(
        [...sheet.columnWidths].map(([col, pts]) => [col, Math.round((pts / 0.75 / 7) * 100) / 100]),
      ),
      heights: Object.fromEntries(sheet.rowHeights),
      highlights: sheet.conditionalFormats.map((cf) => ({
        range: a1(cf.range),
        formula: cf.formula.replace(/^=/, ""),
        fill: cf.fill,
      })),
    };
  });
}

/** The same picture of an ExcelJS workbook; formula cells show the formula and its cached result. */
export function pictureOfExcelJS(workbook: ExcelJS.Workbook): SheetPicture[] {
  return workbook.worksheets.map((ws) => {
    const cells: SheetPicture["cells"] = {};
    const heights: Record<number, number> = {};
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.height) heights[r - 1] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const converted = officeCell(cell);
        const value = pictureValue(converted);
        putCell(cells, cell.address, value, normalFormat(converted.numberFormat));
      });
    });
    const widths: Record<number, number> = {};
    (ws.columns ?? []).forEach((column, i) => {
      if (column?.width) widths[i] = column.width;
    });
    return {
      name: ws.name,
      visibility: ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible",
      cells,
      merges: mergesOf(ws).map(a1).sort(),
      widths,
      heights,
      highlights: conditionalFormattings(ws).flatMap((cf) =>
        cf.rules.map((rule) => ({
          range: cf.ref,
          formula: rule.formulae?.[0] ?? "",
          fill: rule.style?.fill?.bgColor?.argb?.slice(2),
        })),
      ),
    };
  });
}

// ---------------------------------------------------------------- running the adapter on the fake

/**
 * Makes `Excel.run` hand the fake's context to the action, as Excel hands its own. The fake implements
 * only what the adapter uses, hence the casts.
 */
export function installExcel(fake: FakeExcel): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: <T>(batch: (context: unknown) => Promise<T>) => batch(fake.context),
  };
}

export function uninstallExcel(): void {
  delete (globalThis as unknown as { Excel?: unknown }).Excel;
}

/** The whole action "Tính điểm" on the fake; the syncs it made. */
export async function scoreInFake(fake: FakeExcel, options: ScoreOptions = {}) {
  const first = fake.syncs.length;
  installExcel(fake);
  try {
    const outcome = await scoreActiveWorkbook(options);
    return { outcome, syncs: fake.syncs.slice(first) };
  } finally {
    uninstallExcel();
  }
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A deep copy of the fake's workbook, with conditional-format ids blanked (each run makes new ones).
 * Copied by hand: structuredClone makes its Maps in another realm than jest's, which jest cannot compare.
 */
export function stateOf(fake: FakeExcel): WorkbookState {
  const { state } = fake;
  return {
    structureProtected: state.structureProtected,
    tables: copy(state.tables),
    pivots: copy(state.pivots),
    sheets: state.sheets.map((sheet) => ({
      ...sheet,
      id: "",
      cells: new Map(
        [...sheet.cells].map(([row, line]) => [
          row,
          new Map([...line].map(([col, cell]) => [col, copy(cell)])),
        ]),
      ),
      merges: copy(sheet.merges),
      columnWidths: new Map(sheet.columnWidths),
      rowHeights: new Map(sheet.rowHeights),
      conditionalFormats: sheet.conditionalFormats.map((cf) => ({ ...copy(cf), id: "" })),
      pageLayout: copy(sheet.pageLayout),
    })),
  };
}
