/**
 * What the browser test serves in place of office.js: Excel itself cannot run here (no Office host on
 * Linux, no network), so the page gets the closest faithful stand-in.
 *
 * - `Office`: onReady reports an Excel host, every requirement set is supported, the ribbon's
 *   `actions.associate` and the custom functions' `associate` do nothing.
 * - `Excel.run`: the Excel adapter's own fake (test/excel/fake-excel.ts, bundled for the page with
 *   esbuild), seeded with the sample workbook the test serialises into `window.__kstthcSeed`. Only the
 *   grid's selection is added here (select, activate, getSelectedRange(s)), moved as a click would.
 * - `window.__kstthcStub`: what the test reads back (selections made, sheets and cells of the workbook).
 */
import { a1, FakeExcel, FakeRange, FakeWorksheet, type Cell, type SheetState } from "../excel/fake-excel";

/** A sheet as JSON: the Maps and Sets of SheetState as arrays of entries. */
export interface SerialSheet extends Omit<
  SheetState,
  "cells" | "columnWidths" | "rowHeights" | "hiddenRows"
> {
  cells: [number, [number, Cell][]][];
  columnWidths: [number, number][];
  rowHeights: [number, number][];
  hiddenRows: number[];
}

export interface StubSeed {
  sheets: SerialSheet[];
  /** Office's body background colour, from which the pane picks its light or dark theme. */
  bodyBackgroundColor?: string;
  /** Office.context.platform: "OfficeOnline" unless given ("Mac", "PC"). */
  platform?: string;
}

interface StubWindow {
  __kstthcSeed: StubSeed;
  __kstthcStub: unknown;
  Office: unknown;
  Excel: unknown;
  CustomFunctions: unknown;
}
const page = window as unknown as StubWindow;

function revive(sheet: SerialSheet): SheetState {
  return {
    ...sheet,
    cells: new Map(sheet.cells.map(([row, line]) => [row, new Map(line)])),
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    hiddenRows: new Set(sheet.hiddenRows),
  };
}

const seed = page.__kstthcSeed;
const fake = new FakeExcel({ sheets: seed.sheets.map(revive) });
// The seed's ids came from another FakeExcel's counter: move this one past them, or a sheet added
// later would share an id with a seeded one.
const seededIds = seed.sheets.flatMap((s) => [s.id, ...s.conditionalFormats.map((c) => c.id)]);
const highestId = Math.max(0, ...seededIds.map((id) => Number(/\d+/.exec(id)?.[0] ?? 0)));
while (Number(fake.newId("")) < highestId);
const firstSheet = fake.state.sheets[0]?.name ?? "Sheet1";
const selection = { sheet: firstSheet, address: "A1" };
const selections: { sheet: string; address: string }[] = [];
const activations: string[] = [];
let runs = 0;

/** The fake's queue, reached through a proxy's protected `fake` (TypeScript's protection only). */
const queueOf = (proxy: FakeRange | FakeWorksheet) => (proxy as unknown as { fake: FakeExcel }).fake;

Object.assign(FakeRange.prototype, {
  select(this: FakeRange) {
    queueOf(this).enqueue("range.select", 20, () => {
      const { sheet, area } = this.where();
      selection.sheet = sheet.name;
      selection.address = a1(area);
      selections.push({ ...selection });
    });
  },
});
Object.assign(FakeWorksheet.prototype, {
  activate(this: FakeWorksheet) {
    queueOf(this).enqueue("worksheet.activate", 20, () => {
      activations.push(this.sheet().name);
      selection.sheet = this.sheet().name;
    });
  },
});
const workbook = fake.context.workbook as unknown as Record<string, unknown>;
workbook.getSelectedRange = () =>
  fake.context.workbook.worksheets.getItem(selection.sheet).getRange(selection.address);
// One area here: its address reads as the RangeAreas' ("Sheet!A1:B2").
workbook.getSelectedRanges = workbook.getSelectedRange;

/** As Excel.run: one context per batch, and the operations still queued are synced at its end. */
async function run<T>(batch: (context: unknown) => Promise<T>): Promise<T> {
  runs++;
  const result = await batch(fake.context);
  await fake.context.sync();
  return result;
}

const info = { host: "Excel", platform: seed.platform ?? "OfficeOnline" };
page.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", Mac: "Mac", PC: "PC" },
  onReady(callback?: (ready: typeof info) => void) {
    callback?.(info);
    return Promise.resolve(info);
  },
  context: {
    platform: info.platform,
    requirements: { isSetSupported: () => true },
    officeTheme: seed.bodyBackgroundColor ? { bodyBackgroundColor: seed.bodyBackgroundColor } : undefined,
  },
  actions: { associate: () => undefined },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
page.Excel = { run };
page.CustomFunctions = {
  associate: () => undefined,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  Error: class extends Error {},
};

const cellText = (cell: Cell | undefined) => (cell ? cell.value : "");

page.__kstthcStub = {
  /** Moves the user's selection, as a click in the grid would. */
  select(sheet: string, address: string) {
    selection.sheet = sheet;
    selection.address = address;
  },
  selections: () => [...selections],
  activations: () => [...activations],
  runs: () => runs,
  sheetNames: () => fake.state.sheets.map((s) => s.name),
  /** The value of one cell, "" when empty. */
  cell(sheet: string, row: number, col: number) {
    return cellText(fake.sheetByName(sheet).cells.get(row)?.get(col));
  },
};
