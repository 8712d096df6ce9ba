/**
 * What the Excel adapter writes, checked on the recording fake of fake-excel.ts (Excel itself cannot
 * run here; the fake applies queued writes only at sync and parses values as Excel parses typing).
 */
import type { CellRange } from "../../src/core/grid";
import type { SheetPlan, WritePlan } from "../../src/core/plan/types";
import {
  emptySheet,
  FakeOfficeError,
  parseA1,
  type Cell,
  type FakeExcel,
  type SheetState,
  type SyncRecord,
  type WorkbookState,
} from "./fake-excel";
import {
  fakeFromWorkbook,
  generatedWorkbook,
  loadSample,
  scoreInFake,
  stateOf,
  UNITS_SHEET,
} from "./fixtures";

function sheet(fake: FakeExcel | WorkbookState, name: string): SheetState {
  const state = "state" in fake ? fake.state : fake;
  const found = state.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function cell(fake: FakeExcel, name: string, address: string): Cell | undefined {
  const match = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sheet(fake, name)
    .cells.get(Number(match[2]) - 1)
    ?.get(col);
}

const inside = (r: CellRange, row: number, col: number) =>
  r.top <= row && row <= r.bottom && r.left <= col && col <= r.right;

function touchedBy(plan: SheetPlan): CellRange[] {
  return [
    ...plan.clear,
    ...plan.merges,
    ...plan.blocks.map((b) => ({
      top: b.top,
      left: b.left,
      bottom: b.top + b.values.length - 1,
      right: b.left + Math.max(...b.values.map((l) => l.length)) - 1,
    })),
  ];
}

describe("cells and formats written for 30 units", () => {
  let fake: FakeExcel;
  let before: WorkbookState;
  let plan: WritePlan;

  beforeAll(async () => {
    fake = fakeFromWorkbook(await generatedWorkbook(30, { firstName: "=1+1" }));
    before = stateOf(fake);
    plan = (await scoreInFake(fake)).outcome.result.plan;
  });

  it("writes the output header beside the table with its style", () => {
    const header = cell(fake, UNITS_SHEET, "G3");
    expect(header).toMatchObject({ value: "Điểm tiêu chí III", numberFormat: "General" });
    expect(header?.formula).toBeUndefined();
    expect(header?.format).toEqual({
      bold: true,
      fontName: "Times New Roman",
      fontSize: 11,
      fill: "DDEBF7",
      horizontal: "Center",
      vertical: "Center",
      wrap: true,
      borders: {
        top: "Continuous/Thin",
        bottom: "Continuous/Thin",
        left: "Continuous/Thin",
        right: "Continuous/Thin",
      },
    });
    expect(cell(fake, UNITS_SHEET, "L3")?.value).toBe("Cách tính điểm");
    expect(cell(fake, UNITS_SHEET, "M3")).toBeUndefined();
  });

  it("writes points as numbers, ratings and proposals as text, in the formats of their columns", () => {
    expect(cell(fake, UNITS_SHEET, "G4")).toMatchObject({ value: 30, numberFormat: "General" });
    expect(cell(fake, UNITS_SHEET, "G4")?.format.horizontal).toBe("Center");
    expect(cell(fake, UNITS_SHEET, "J4")).toMatchObject({ value: "Xuất sắc", numberFormat: "@" });
    expect(cell(fake, UNITS_SHEET, "K4")).toMatchObject({ value: "Có", numberFormat: "@" });
    expect(String(cell(fake, UNITS_SHEET, "L4")?.value)).toMatch(/^III: 95,50 > 80 → 30 điểm/);
    // The unit whose 766 score is #N/A: the error stays in the user's cell, the output says why.
    expect(cell(fake, UNITS_SHEET, "D5")).toMatchObject({ value: "#N/A", error: true });
  });

  it("sets widths in points (11 characters → 57.75 pt) and the highlight as one custom rule", () => {
    const data = sheet(fake, UNITS_SHEET);
    expect(data.columnWidths.get(6)).toBe(57.75);
    expect(data.columnWidths.get(11)).toBe(315);
    expect(data.columnWidths.get(1)).toBe(before.sheets[0].columnWidths.get(1));
    expect(data.conditionalFormats).toEqual([
      {
        id: expect.any(String),
        type: "Custom",
        range: { top: 3, left: 0, bottom: 32, right: 11 },
        formula: '=$K4="Có"',
        fill: "E2EFDA",
      },
    ]);
  });

  it("adds the tool's sheets: criteria, summary with its letter layout, and the hidden record", () => {
    expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [UNITS_SHEET, "Visible"],
      ["Tiêu chí", "Visible"],
      ["Tổng hợp", "Visible"],
      ["KSTTHC", "Hidden"],
    ]);
    const summary = sheet(fake, "Tổng hợp");
    // Unit 2's #N/A makes the list a draft (#23): its line first, the letter a row lower.
    expect(cell(fake, "Tổng hợp", "A1")?.value).toBe("DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI");
    expect(cell(fake, "Tổng hợp", "A3")?.format).toMatchObject({
      fontName: "Times New Roman",
      fontSize: 13,
      bold: true,
      underline: "Single",
    });
    expect(summary.merges).toContainEqual({ top: 1, left: 0, bottom: 1, right: 1 });
    expect(summary.rowHeights.get(3)).toBe(24);
    expect(summary.pageLayout).toMatchObject({ paperSize: "A4", orientation: "Portrait" });
    expect(cell(fake, "KSTTHC", "A3")?.value).toBe("Vùng kết quả");
    expect(cell(fake, "KSTTHC", "B3")).toMatchObject({ value: "G3:L33", numberFormat: "@" });
  });

  it("prints the summary one page wide by a print scale, which Excel keeps (OfficeDev/office-js#1860)", () => {
    const layout = sheet(fake, "Tổng hợp").pageLayout;
    const scale = layout.zoom?.scale as number;
    expect(layout.zoom).toEqual({ scale: expect.any(Number) });
    const area = parseA1(String(layout.printArea));
    let content = 0;
    for (let col = area.left; col <= area.right; col++)
      content += sheet(fake, "Tổng hợp").columnWidths.get(col) ?? 48;
    // A4 portrait is 595.3 pt wide; the margins are in points.
    const printable = 595.28 - (layout.leftMargin ?? 0) - (layout.rightMargin ?? 0);
    expect((content * scale) / 100).toBeLessThanOrEqual(printable);
    expect(scale === 100 || (content * (scale + 1)) / 100 > printable).toBe(true);
    expect(scale).toBeGreaterThanOrEqual(10);
  });

  it('keeps a unit named "=1+1" as text in the summary, never a formula', () => {
    const summary = sheet(fake, "Tổng hợp");
    const named = [...summary.cells.values()]
      .flatMap((line) => [...line.values()])
      .filter((c) => c.value === "=1+1");
    // In the list of proposed units and in the chart's data beside the distribution.
    expect(named).toHaveLength(2);
    for (const c of named) {
      expect(c.formula).toBeUndefined();
      expect(c.numberFormat).toBe("@");
    }
    expect(cell(fake, UNITS_SHEET, "B4")).toMatchObject({ value: "=1+1" });
  });

  it("changes no cell outside the plan's output, cell by cell", () => {
    for (const old of before.sheets) {
      const sheetPlan = plan.sheets.find((s) => s.name === old.name);
      expect(sheetPlan?.mode).not.toBe("create");
      const rects = sheetPlan ? touchedBy(sheetPlan) : [];
      const now = sheet(fake, old.name);
      const rows = new Set([...old.cells.keys(), ...now.cells.keys()]);
      let compared = 0;
      for (const row of rows) {
        const cols = new Set([...(old.cells.get(row)?.keys() ?? []), ...(now.cells.get(row)?.keys() ?? [])]);
        for (const col of cols) {
          if (rects.some((r) => inside(r, row, col))) continue;
          expect([row, col, now.cells.get(row)?.get(col)]).toEqual([row, col, old.cells.get(row)?.get(col)]);
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(150);
      expect(now.merges).toEqual(old.merges);
      for (const [col, width] of old.columnWidths) expect(now.columnWidths.get(col)).toBe(width);
      // Only the header row may grow, to hold the wrapped output headers; no row shrinks.
      const header = plan.sheets.find((s) => s.name === old.name)?.rowHeights.filter((h) => h.atLeast) ?? [];
      const grown = new Map([...now.rowHeights].filter(([row]) => header.some((h) => h.row === row)));
      for (const [row, height] of grown) expect(height).toBeGreaterThanOrEqual(old.rowHeights.get(row) ?? 15);
      expect(new Map([...now.rowHeights].filter(([row]) => !grown.has(row)))).toEqual(
        new Map([...old.rowHeights].filter(([row]) => !grown.has(row))),
      );
    }
  });

  it("gives the same workbook when run twice", async () => {
    const once = stateOf(fake);
    await scoreInFake(fake);
    expect(stateOf(fake)).toEqual(once);
  });

  it("puts a sheet it replaces back where it stood, as the file adapter does, before a sheet of the user's", async () => {
    const sheets = fake.state.sheets;
    // The user moved "Tổng hợp" to the front and added a sheet of notes after the tool's sheets.
    const summary = sheets.findIndex((s) => s.name === "Tổng hợp");
    sheets.unshift(...sheets.splice(summary, 1));
    sheets.push(emptySheet("Ghi chú", "{sheet-notes}"));
    const order = sheets.map((s) => s.name);
    await scoreInFake(fake);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(order);
  });
});

describe("the formulas mode on 30 units", () => {
  let fake: FakeExcel;
  let syncs: SyncRecord[];

  beforeAll(async () => {
    fake = fakeFromWorkbook(await generatedWorkbook(30, { firstName: "=1+1" }));
    ({ syncs } = await scoreInFake(fake, { output: "formulas" }));
  });

  it("writes the add-in's formulas, which Excel computes to the core's values", () => {
    const criteria = "'Tiêu chí'!$A$3:$L$5";
    const settings = "'Tiêu chí'!$A$3:$L$45";
    expect(["G4", "H4", "I4", "J4", "K4"].map((a) => cell(fake, UNITS_SHEET, a))).toEqual([
      expect.objectContaining({ formula: `=KSTTHC.DIEM("III",D4,${criteria})`, value: 30 }),
      expect.objectContaining({ value: 0 }),
      expect.objectContaining({ formula: "=SUM(G4:H4)", value: 30, numberFormat: "General" }),
      expect.objectContaining({ formula: `=KSTTHC.XEPLOAI(D4,${settings})`, value: "Xuất sắc" }),
      expect.objectContaining({ formula: `=KSTTHC.DEXUAT(G4:H4,${settings})`, value: "Có" }),
    ]);
    expect(cell(fake, UNITS_SHEET, "H4")?.formula).toBeUndefined();
    // Rating and proposal in General: a text format would turn a formula typed again into text.
    expect(cell(fake, UNITS_SHEET, "J4")?.numberFormat).toBe("General");
    expect(cell(fake, UNITS_SHEET, "L4")).toMatchObject({ numberFormat: "@" });
    expect(cell(fake, UNITS_SHEET, "L4")?.formula).toBeUndefined();
    // The #N/A of row 5: DIEM would show #VALUE!, so the core's 0 and empty band stay values.
    expect(cell(fake, UNITS_SHEET, "G5")).toMatchObject({ value: 0 });
    expect(cell(fake, UNITS_SHEET, "G5")?.formula).toBeUndefined();
    expect(cell(fake, UNITS_SHEET, "J5")?.formula).toBeUndefined();
    expect(cell(fake, UNITS_SHEET, "I5")).toMatchObject({ formula: "=SUM(G5:H5)", value: 0 });
  });

  it('keeps a unit named "=1+1" as text', () => {
    const texts = fake.state.sheets
      .flatMap((s) => [...s.cells.values()])
      .flatMap((line) => [...line.values()])
      .filter((c) => c.value === "=1+1" || c.formula?.includes("1+1"));
    // The user's cell, the list of proposed units and the chart's data.
    expect(texts).toHaveLength(3);
    expect(texts.every((c) => c.formula === undefined && c.value === "=1+1")).toBe(true);
  });

  it("writes values, then formulas, then number formats, in the one write request", () => {
    const writes = syncs.filter((s) => s.log.some((op) => !op.startsWith("load ")));
    expect(writes).toHaveLength(1);
    const log = writes[0].log;
    const formulas = log.flatMap((op, i) => (op === "range.formulas" ? [[log[i - 1], log[i + 1]]] : []));
    // Two column runs of the data block: III's points, then total to proposal; IV.9, which applies to
    // none of these groups, holds plain 0s written with the values.
    expect(formulas).toEqual([
      ["range.values", "range.formulas"],
      ["range.formulas", "range.numberFormat"],
    ]);
  });

  it("gives the same workbook when run twice", async () => {
    const once = stateOf(fake);
    await scoreInFake(fake, { output: "formulas" });
    expect(stateOf(fake)).toEqual(once);
  });

  it("goes back to values when asked, clearing the formulas", async () => {
    await scoreInFake(fake);
    const data = sheet(fake, UNITS_SHEET);
    const formulas = [...data.cells.values()].flatMap((line) => [...line.values()]).filter((c) => c.formula);
    expect(formulas).toEqual([]);
    expect(cell(fake, UNITS_SHEET, "G4")).toMatchObject({ value: 30 });
  });
});

describe("the order of the writes", () => {
  it("resets the output cells, writes values, their number formats, then the other formats", async () => {
    const fake = fakeFromWorkbook(await loadSample());
    const { syncs } = await scoreInFake(fake);
    const writes = syncs[syncs.length - 1];
    expect(syncs.filter((s) => s.log.some((op) => op === "range.values"))).toHaveLength(1);
    const log = writes.log;
    const last = (name: string) => log.lastIndexOf(name);
    const first = (prefix: string) => log.findIndex((op) => op.startsWith(prefix));
    // Never suspended: Excel recalculates after each request by itself (docs/office-js-behaviour.md).
    expect(syncs.some((s) => s.calculationSuspended)).toBe(false);
    expect(last("range.style")).toBeLessThan(first("range.values"));
    const formats = log.flatMap((op, i) => (op === "range.numberFormat" ? [log[i - 1]] : []));
    expect(formats.length).toBeGreaterThan(10);
    expect(new Set(formats)).toEqual(new Set(["range.values"]));
    expect(last("range.values")).toBeLessThan(first("format."));
    // On the data sheet: its formats, then its merges (which copy the top-left format), then the highlight.
    const formatsOfData = log.slice(first("format."), first("range.merge"));
    expect(formatsOfData.every((op) => op.startsWith("format."))).toBe(true);
    expect(first("range.merge")).toBeLessThan(first("conditionalFormats.add"));
  });
});

describe("the stand-in itself behaves as Excel's proxies", () => {
  it("shows nothing before sync: unloaded properties throw, writes wait for the sync", async () => {
    const fake = fakeFromWorkbook(await loadSample());
    const context = fake.context as unknown as Excel.RequestContext;
    const range = context.workbook.worksheets.getItem("Theo dõi 2023").getRange("H1");
    range.values = [["'=1+1"]];
    range.load("values");
    expect(() => range.values).toThrow(FakeOfficeError);
    expect(cell(fake, "Theo dõi 2023", "H1")).toBeUndefined();
    await context.sync();
    expect(range.values).toEqual([["=1+1"]]);
    expect(cell(fake, "Theo dõi 2023", "H1")).toMatchObject({ value: "=1+1", quotePrefix: true });

    range.values = [["=1+1"]];
    await context.sync();
    expect(cell(fake, "Theo dõi 2023", "H1")?.formula).toBe("=1+1");
    range.values = [["1", "2"]];
    await expect(context.sync()).rejects.toThrow(/dimensions/);
  });
});
