/**
 * Reads sized by bytes, not cells: Excel on the web refuses a response above 5 MB (the fake too), and a
 * sheet of long texts weighs far more per cell than a table of numbers.
 */
import { HEADER_REGION_ROWS } from "../../src/core/table-candidates";
import { readWorkbook } from "../../src/excel/read";
import { emptySheet, PAYLOAD_LIMIT, type Cell, type FakeExcel } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, scoreInFake, UNITS_SHEET } from "./fixtures";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;

/** A sheet of notes: 2,000 rows of 10 cells of ~400 bytes of Vietnamese text, ~8 MB in all. */
function addNotesSheet(fake: FakeExcel): number {
  const sheet = emptySheet("Ghi chú", "{sheet-notes}");
  const text = "Ghi chú về tiến độ giải quyết hồ sơ thủ tục hành chính của đơn vị. ".repeat(5);
  for (let row = 0; row < 2000; row++) {
    const line = new Map<number, Cell>();
    for (let col = 0; col < 10; col++)
      line.set(col, { value: `${row}-${col} ${text}`, numberFormat: "General", format: {} });
    sheet.cells.set(row, line);
  }
  fake.state.sheets.push(sheet);
  return Buffer.byteLength(text, "utf8") * 20_000;
}

describe("a text-heavy sheet beside the unit table", () => {
  it("is read no further than its first rows, which cannot hold the unit table, and the table is scored", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    expect(addNotesSheet(fake)).toBeGreaterThan(PAYLOAD_LIMIT);
    const first = fake.syncs.length;
    const { grids } = await readWorkbook(context(fake));
    const notes = grids.find((g) => g.name === "Ghi chú");
    expect(notes?.values).toHaveLength(HEADER_REGION_ROWS);
    expect(notes?.values[HEADER_REGION_ROWS - 1]?.[9]).toMatch(/^41-9 Ghi chú/);
    const reads = fake.syncs.slice(first);
    const received = reads.reduce((sum, s) => sum + s.responseBytes, 0);
    // 42 of its 2,000 rows, and the unit table: well under one request's budget.
    expect(received).toBeLessThan(PAYLOAD_LIMIT / 10);
    expect(reads.every((s) => s.responseBytes <= PAYLOAD_LIMIT)).toBe(true);
    const { outcome } = await scoreInFake(fake);
    expect(outcome.units).toBe(30);
  });

  it("is read whole when the user chooses it, in requests that stay under Excel's 5 MB", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    addNotesSheet(fake);
    const first = fake.syncs.length;
    const { grids } = await readWorkbook(context(fake), { sheet: "Ghi chú" });
    const notes = grids.find((g) => g.name === "Ghi chú");
    expect(notes?.values).toHaveLength(2000);
    expect(notes?.values[1999]?.[9]).toMatch(/^1999-9 Ghi chú/);
    const answered = fake.syncs.slice(first).filter((s) => s.responseBytes <= PAYLOAD_LIMIT);
    expect(answered.length).toBeGreaterThan(2);
  });

  it("packs later requests by what the first cells weighed: at most two refusals, then ~3 MB each", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    addNotesSheet(fake);
    const first = fake.syncs.length;
    await readWorkbook(context(fake), { sheet: "Ghi chú" });
    const reads = fake.syncs.slice(first);
    const refused = reads.filter((s) => s.responseBytes > PAYLOAD_LIMIT);
    expect(refused.length).toBeLessThanOrEqual(2);
    // After the last refusal only the blind half may be heavy; the rest is packed by the weight learnt.
    const afterRefusals = reads.slice(reads.lastIndexOf(refused[refused.length - 1]) + 1);
    const heavy = afterRefusals.filter((s) => s.responseBytes > 3.5 * 1024 * 1024);
    expect(heavy.length).toBeLessThanOrEqual(1);
    expect(afterRefusals.length).toBeGreaterThan(heavy.length + 1);
  });
});

describe("which sheets are read past their first rows", () => {
  it("reads a unit table below a long sheet of notes, and not the notes", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(300));
    addNotesSheet(fake);
    const { grids } = await readWorkbook(context(fake));
    expect(grids.find((g) => g.name === UNITS_SHEET)?.values.length).toBeGreaterThan(300);
    expect(grids.find((g) => g.name === "Ghi chú")?.values).toHaveLength(HEADER_REGION_ROWS);
  });

  it("reads every sheet when none shows a header in its first rows, so the core can say where one lies", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    const units = fake.state.sheets.find((s) => s.name === UNITS_SHEET);
    if (!units) throw new Error("no unit sheet");
    // The whole table moves 60 rows down: its header is no longer among the rows the reader scans.
    units.cells = new Map([...units.cells].map(([row, line]) => [row + 60, line]));
    units.merges = units.merges.map((m) => ({ ...m, top: m.top + 60, bottom: m.bottom + 60 }));
    fake.state.tables = fake.state.tables
      .filter((t) => t.sheet === UNITS_SHEET)
      .map((t) => ({ ...t, range: { ...t.range, top: t.range.top + 60, bottom: t.range.bottom + 60 } }))
      .concat(fake.state.tables.filter((t) => t.sheet !== UNITS_SHEET));
    addNotesSheet(fake);
    const { grids } = await readWorkbook(context(fake));
    expect(grids.find((g) => g.name === "Ghi chú")?.values).toHaveLength(2000);
    await expect(scoreInFake(fake)).rejects.toThrow(/--header-row 6\d/);
  });
});
