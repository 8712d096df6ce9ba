// The sheetData writer that writes cells straight into bytes gives the very bytes, shared strings (in the
// same order) and removed formulas of the string-per-cell writer it replaced, on any rows and any plan.
import fc from "fast-check";
import type { CellRange } from "../../src/core/grid";
import type { Block, Scalar, SheetPlan } from "../../src/core/plan/types";
import { ByteWriter } from "../../src/xlsx/package/byte-writer";
import { writeSheetData, type WriteContext } from "../../src/xlsx/package/sheet-data";
import { referenceSheetData } from "./reference/sheet-data-reference";

const letters = (col: number) => String.fromCharCode(65 + col);

const existingCell = fc.record({
  col: fc.integer({ min: 0, max: 7 }),
  named: fc.boolean(),
  kind: fc.constantFrom("shared", "blank", "formula", "inline", "number"),
  space: fc.boolean(),
});

const existingRow = fc.record({
  row: fc.integer({ min: 0, max: 10 }),
  named: fc.boolean(),
  tag: fc.constantFrom(
    "",
    ' spans="1:3"',
    ' ht="20" customHeight="1"',
    ' s="2" customFormat="1"',
    ' hidden="1"',
  ),
  closed: fc.boolean(),
  cells: fc.array(existingCell, { maxLength: 5 }),
});

function cellXml(cell: { col: number; named: boolean; kind: string }, row: number): string {
  const r = cell.named ? ` r="${letters(cell.col)}${row + 1}"` : "";
  switch (cell.kind) {
    case "shared":
      return `<c${r} t="s"><v>4</v></c>`;
    case "blank":
      return `<c${r} s="1"/>`;
    case "formula":
      return `<c${r}><f>SUM(A1:A2)</f><v>3</v></c>`;
    case "inline":
      return `<c${r} t="inlineStr"><is><t>Đơn vị “số 1”</t></is></c>`;
    default:
      return `<c${r}><v>-12.5</v></c>`;
  }
}

const sheetData = fc.option(fc.array(existingRow, { maxLength: 6 }), { nil: undefined }).map((rows) => {
  if (!rows) return "<sheetData/>";
  const body = rows
    .map((row) => {
      const r = row.named ? ` r="${row.row + 1}"` : "";
      if (row.closed && row.cells.length === 0) return `<row${r}${row.tag}/>`;
      const cells = row.cells.map((c) => cellXml(c, row.row) + (c.space ? "\n  " : "")).join("");
      return `<row${r}${row.tag}>${cells}</row>`;
    })
    .join("");
  return `<sheetData>${body}</sheetData>`;
});

const scalar: fc.Arbitrary<Scalar | undefined> = fc.oneof(
  fc.constantFrom<Scalar | undefined>(
    undefined,
    null,
    "",
    " ",
    "Sở Tư pháp",
    "Đơn vị “A” & <B>",
    "Sở Tư pháp",
    0,
    -0,
    7,
    2147483648,
    -3,
    0.1 + 0.2,
    1e21,
    NaN,
    Infinity,
    true,
    false,
    { formula: '=KSTTHC.DIEM("III",D5)', result: 30 },
    { formula: '=IF(A1>0,"Có","Không")', result: "Có" },
    { formula: "=A1>0", result: true },
    { formula: "=1/0", result: null },
  ),
  fc.integer({ min: 0, max: 100000 }),
  fc.string({ maxLength: 4 }),
);

const range = (maxRow: number, maxCol: number) =>
  fc
    .record({
      top: fc.integer({ min: 0, max: maxRow }),
      left: fc.integer({ min: 0, max: maxCol }),
      height: fc.integer({ min: 0, max: 2 }),
      width: fc.integer({ min: 0, max: 2 }),
    })
    .map((r): CellRange => ({ top: r.top, left: r.left, bottom: r.top + r.height, right: r.left + r.width }));

const block: fc.Arbitrary<Block> = fc.record({
  top: fc.integer({ min: 0, max: 12 }),
  left: fc.integer({ min: 0, max: 8 }),
  values: fc.array(fc.array(scalar, { maxLength: 4 }), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<
    Scalar[][]
  >,
  style: fc.constantFrom(undefined, "plain", "bold"),
  columnStyles: fc.option(fc.array(fc.constantFrom(undefined, "plain", "wrap"), { maxLength: 4 }), {
    nil: undefined,
  }),
});

const plan = fc.record({
  blocks: fc.array(block, { maxLength: 4 }),
  merges: fc.array(range(12, 8), { maxLength: 3 }),
  clear: fc.array(range(10, 7), { maxLength: 2 }),
  rowHeights: fc.array(
    fc.record({
      row: fc.integer({ min: 0, max: 14 }),
      height: fc.constantFrom(0, 15, 20, 45.75),
      atLeast: fc.option(fc.boolean(), { nil: undefined }),
    }),
    { maxLength: 3 },
  ),
  noMergesIn: fc.option(range(12, 8), { nil: undefined }),
});

const STYLE_IDS: Record<string, number> = { plain: 0, bold: 3, wrap: 12 };

/** A context that hands out shared string indexes in the order asked, and records that order. */
function recordingContext(noMergesIn?: CellRange) {
  const asked: string[] = [];
  const known = new Map<string, number>([["Sở Tư pháp", 0]]);
  const ctx: WriteContext = {
    cellStyle: (name) => STYLE_IDS[name] ?? 1,
    sharedString: (text) => {
      asked.push(text);
      let index = known.get(text);
      if (index === undefined) known.set(text, (index = known.size));
      return index;
    },
    highlightFormat: () => 0,
    noMergesIn,
  };
  return { ctx, asked };
}

test("the byte writer of sheetData matches the string-per-cell writer on any rows and plan", () => {
  fc.assert(
    fc.property(sheetData, plan, (data, p) => {
      const sheetPlan: SheetPlan = {
        name: "Theo dõi",
        mode: "update",
        clear: p.clear,
        removeHighlights: [],
        blocks: p.blocks,
        merges: p.merges,
        columnWidths: [],
        rowHeights: p.rowHeights,
        highlights: [],
      };
      const expected = recordingContext(p.noMergesIn);
      const expectedRemoved: string[] = [];
      const reference = referenceSheetData(data, sheetPlan, expected.ctx, expectedRemoved);

      const actual = recordingContext(p.noMergesIn);
      const actualRemoved: string[] = [];
      const out = new ByteWriter(16);
      writeSheetData(out, data, sheetPlan, actual.ctx, actualRemoved);

      expect(new TextDecoder().decode(out.bytes())).toBe(reference);
      expect(actual.asked).toEqual(expected.asked);
      expect(actualRemoved).toEqual(expectedRemoved);
    }),
    { numRuns: 3000 },
  );
});

test("whole numbers are written as String(n) writes them, digit by digit", () => {
  for (const n of [0, -0, 9, 10, 99, 100, 65535, 99999, 100000, 2147483647, 2147483648, -1, 0.5, 1e21]) {
    const out = new ByteWriter(1);
    out.number(n);
    expect(new TextDecoder().decode(out.bytes())).toBe(String(n));
  }
});
