/**
 * The Excel adapter's "Tính điểm" on the recording stand-in of Excel (test/excel/fake-excel.ts; Excel
 * itself cannot run here): how many context.sync() calls it makes and its largest request. The bench's
 * own unit table is put straight into the stand-in's state.
 */
import { scoreActiveWorkbook } from "../src/excel/score-action";
import { emptySheet, FakeExcel, type Cell, type SheetState } from "../test/excel/fake-excel";
import type { Metric } from "./metric";
import {
  FIRST_UNIT_ROW,
  HEADER,
  HEADER_ROW,
  RATE_MERGE,
  SHEET,
  SUBHEADER,
  TITLE,
  unitRow,
  type UnitCell,
} from "./workbooks";

function putRow(sheet: SheetState, row: number, values: readonly UnitCell[]): void {
  const line = new Map<number, Cell>();
  values.forEach((value, col) => {
    if (value !== null) line.set(col, { value, numberFormat: "General", format: {} });
  });
  sheet.cells.set(row, line);
}

export function fakeWithUnits(units: number): FakeExcel {
  const fake = new FakeExcel();
  const sheet = emptySheet(SHEET, fake.newId("sheet"));
  putRow(sheet, 0, [TITLE]);
  putRow(sheet, HEADER_ROW, HEADER);
  putRow(sheet, HEADER_ROW + 1, SUBHEADER);
  sheet.merges.push({ ...RATE_MERGE });
  for (let i = 1; i <= units; i++) putRow(sheet, FIRST_UNIT_ROW + i - 1, unitRow(i));
  fake.state.sheets.push(sheet);
  return fake;
}

export async function excelAdapter(units: number): Promise<Metric[]> {
  const fake = fakeWithUnits(units);
  const global = globalThis as unknown as { Excel?: unknown };
  // As Excel hands its context to Excel.run; the stand-in implements only what the adapter uses.
  global.Excel = { run: <T>(batch: (context: unknown) => Promise<T>) => batch(fake.context) };
  try {
    const outcome = await scoreActiveWorkbook();
    if (outcome.units !== units) throw new Error(`Excel adapter scored ${outcome.units} of ${units} units`);
  } finally {
    delete global.Excel;
  }
  const largest = Math.max(...fake.syncs.map((s) => s.requestBytes));
  return [
    { name: `excel.syncs.${units}`, value: fake.syncs.length, unit: "syncs" },
    { name: `excel.largest_request.${units}`, value: largest, unit: "bytes" },
  ];
}
