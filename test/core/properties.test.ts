/**
 * Property-based tests over generated workbooks with messy headers, values and layouts: the reader
 * never throws on a workbook that has a unit table, every row is accounted for, the tool changes no
 * cell it does not own, and a second run changes nothing.
 */
import fc from "fast-check";
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { runScoring } from "../../src/core/run";
import { readUnitTable } from "../../src/core/reader/units";
import { applyPlan } from "../exceljs/apply";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook, saveWorkbook } from "../exceljs/workbook";
import { buildWorkbook, gridsOf, snapshot, type SpecCell } from "../helpers/workbooks";

const stripAccents = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");

/** A header text written the way a person might: any case, with or without accents, NFD, extra spaces. */
const messy = (text: string) =>
  fc
    .record({
      upper: fc.boolean(),
      plain: fc.boolean(),
      nfd: fc.boolean(),
      pad: fc.constantFrom("", " ", "  "),
    })
    .map(({ upper, plain, nfd, pad }) => {
      let t = plain ? stripAccents(text) : text;
      if (upper) t = t.toUpperCase();
      if (nfd) t = t.normalize("NFD");
      return `${pad}${t.replace(/ /g, pad === "" ? " " : "  ")}${pad}`;
    });

const nameHeader = fc.constantFrom("Tên đơn vị", "Tên cơ quan, đơn vị", "Đơn vị", "Cơ quan").chain(messy);
const scoreHeader = fc
  .constantFrom("Điểm Bộ chỉ số 766 năm 2023", "Điểm 766", "Điểm đánh giá", "TONG_SCORE")
  .chain(messy);
const groupHeader = fc.constantFrom("Khối", "Nhóm", "Loại đơn vị").chain(messy);
const rateHeader = fc
  .constantFrom("Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa", "Tỷ lệ tiếp nhận tại BPMC (%)")
  .chain(messy);

const score: fc.Arbitrary<CellValue> = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }).map((n) => Math.round(n * 100) / 100),
  fc
    .double({ min: 0, max: 100, noNaN: true })
    .map((n) => (Math.round(n * 100) / 100).toString().replace(".", ",")),
  fc.constant(null),
  fc.constant({ error: "#N/A" }),
  fc.constantFrom("abc", "85,5,1", "120", "-4"),
);
const rate: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 80, max: 100 }),
  fc.constantFrom("100%", "96,5 %", null, "x"),
);
const unitName = fc
  .tuple(
    fc.constantFrom("Sở", "UBND huyện", "Cục", "Ban", "Trung tâm"),
    fc.constantFrom("Ngoại vụ", "An Phú", "Thuế", "Y tế", "Tư pháp"),
    fc.nat(50),
  )
  .map(([a, b, n]) => `${a} ${b} ${n}`);

type RowKind =
  | { kind: "unit"; name: string; group: string; score: CellValue; rates: CellValue[] }
  | { kind: "blank" }
  | { kind: "section"; title: string }
  | { kind: "total" };

const row: fc.Arbitrary<RowKind> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("unit" as const),
      name: unitName,
      group: fc.constantFrom("Sở, ban, ngành", "Cơ quan ngành dọc"),
      score,
      rates: fc.array(rate, { minLength: 2, maxLength: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("I. SỞ, BAN, NGÀNH", "II. UBND CẤP HUYỆN")
      .map((title) => ({ kind: "section" as const, title })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "total" as const }) },
);

const layout = fc.record({
  titleRows: fc.nat(3),
  names: nameHeader,
  scores: scoreHeader,
  group: fc.option(groupHeader, { nil: undefined }),
  rate: fc.option(rateHeader, { nil: undefined }),
  extra: fc.boolean(),
  order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
  rows: fc.array(row, { minLength: 1, maxLength: 25 }),
});

/** Lays the generated table out in a grid: shuffled columns, title rows, the rows as generated. */
function gridOf(spec: {
  titleRows: number;
  names: string;
  scores: string;
  group?: string;
  rate?: string;
  extra: boolean;
  order: number[];
  rows: RowKind[];
}): SheetGrid & { unitRows: number[] } {
  type Column = { header: string; value: (r: RowKind) => CellValue };
  const columns: Column[] = [
    {
      header: spec.names,
      value: (r) =>
        r.kind === "unit" ? r.name : r.kind === "section" ? r.title : r.kind === "total" ? "Tổng cộng" : null,
    },
    { header: spec.scores, value: (r) => (r.kind === "unit" ? r.score : null) },
  ];
  if (spec.group) columns.push({ header: spec.group, value: (r) => (r.kind === "unit" ? r.group : null) });
  if (spec.rate) columns.push({ header: spec.rate, value: (r) => (r.kind === "unit" ? r.rates[0] : null) });
  if (spec.extra) columns.push({ header: "Ghi chú", value: (r) => (r.kind === "unit" ? "ghi chú" : null) });
  const sorted = columns
    .map((c, i) => ({ c, key: spec.order[i] ?? i }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.c);
  const values: CellValue[][] = [];
  for (let i = 0; i < spec.titleRows; i++) values.push([`BẢNG THEO DÕI ${i + 1}`]);
  values.push(sorted.map((c) => c.header));
  const unitRows: number[] = [];
  for (const r of spec.rows) {
    if (r.kind === "unit") unitRows.push(values.length);
    values.push(sorted.map((c) => c.value(r)));
  }
  return { name: "Dữ liệu", values, unitRows };
}

describe("generated workbooks", () => {
  it("never throw, and every unit row is scored or reported, none dropped in silence", () => {
    fc.assert(
      fc.property(layout, (spec) => {
        const grid = gridOf(spec);
        const table = readUnitTable([grid]);
        const scored = new Set(table.units.map((u) => u.row));
        const skipped = new Set(table.skipped.map((s) => s.row));
        const reported = new Set(table.problems.map((p) => (p.row ?? 0) - 1));
        for (let r = table.layout.headerBottom + 1; r < grid.values.length; r++) {
          const filled = (grid.values[r] ?? []).some((v) => v !== null && v !== "");
          if (!filled) continue;
          expect(scored.has(r) || skipped.has(r) || reported.has(r)).toBe(true);
        }
        for (const r of grid.unitRows) expect(scored.has(r)).toBe(true);
        // A bad figure is always reported at its row.
        for (const unit of table.units) {
          const line = grid.values[unit.row];
          const bad = line.some((v) => typeof v === "object" && v !== null);
          if (bad) expect(reported.has(unit.row)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("change no cell the tool does not own, and a second run changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(layout, async (spec) => {
        const grid = gridOf(spec);
        const workbook = buildWorkbook([
          {
            name: grid.name,
            rows: grid.values.map((line) =>
              line.map((v) => (typeof v === "object" && v !== null ? { error: "#N/A" } : v)),
            ) as never,
          },
        ]);
        const input = await loadWorkbook(await saveWorkbook(workbook), "in.xlsx");
        const before = workbookToGrids(input)[0];
        const result = runScoring(workbookToGrids(input));
        applyPlan(input, result.plan);
        const once = await loadWorkbook(await saveWorkbook(input), "once.xlsx");
        const after = workbookToGrids(once).find((g) => g.name === grid.name)!;
        const owned = result.plan.sheets[0].blocks;
        const isOwned = (r: number, c: number) =>
          owned.some(
            (b) =>
              r >= b.top && r < b.top + b.values.length && c >= b.left && c < b.left + b.values[0].length,
          );
        before.values.forEach((line, r) =>
          line.forEach((value, c) => {
            if (!isOwned(r, c)) expect([r, c, after.values[r]?.[c] ?? null]).toEqual([r, c, value]);
          }),
        );
        const firstRun = snapshot(once);
        const second = runScoring(workbookToGrids(once));
        applyPlan(once, second.plan);
        const twice = await loadWorkbook(await saveWorkbook(once), "twice.xlsx");
        expect(snapshot(twice)).toEqual(firstRun);
      }),
      { numRuns: 25 },
    );
  });
});

/** What staff's workbooks also hold (issue #11): each generated unit row, as written to a real file. */
type Figure =
  | { kind: "number"; value: number }
  | { kind: "percent"; fraction: number }
  | { kind: "uncalculated"; formula: string };

const figure: fc.Arbitrary<Figure> = fc.oneof(
  fc.integer({ min: 0, max: 10000 }).map((n) => ({ kind: "number" as const, value: n / 100 })),
  fc.integer({ min: 0, max: 10000 }).map((n) => ({ kind: "percent" as const, fraction: n / 10000 })),
  fc.constantFrom("Nguon!B2", "SUM(X1:X3)", "ROUND(X1*100,2)").map((formula) => ({
    kind: "uncalculated" as const,
    formula,
  })),
);

/** Runs of units that share a group, each run's group typed once in a vertically merged cell. */
const mergedRuns = fc.array(
  fc.record({
    group: fc.constantFrom("Sở, ban, ngành", "Cơ quan ngành dọc", "UBND cấp huyện"),
    figures: fc.array(figure, { minLength: 1, maxLength: 4 }),
  }),
  { minLength: 1, maxLength: 5 },
);

const messyExtras = fc.record({ runs: mergedRuns, secondTable: fc.boolean() });

describe("generated workbooks with merged groups, uncalculated formulas, percent scores, second tables", () => {
  it("read each unit as Excel shows it, refuse uncalculated cells, and stop at a second table", async () => {
    await fc.assert(
      fc.asyncProperty(messyExtras, async ({ runs, secondTable }) => {
        const rows: SpecCell[][] = [["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"]];
        const merges: string[] = [];
        const expected: { name: string; group: string; figure: Figure; row: number }[] = [];
        for (const run of runs) {
          const top = rows.length + 1;
          run.figures.forEach((f, i) => {
            const name = `Đơn vị ${expected.length + 1}`;
            expected.push({ name, group: run.group, figure: f, row: rows.length });
            const cell: SpecCell =
              f.kind === "number"
                ? f.value
                : f.kind === "percent"
                  ? { value: f.fraction, numFmt: "0.00%" }
                  : { formula: f.formula };
            rows.push([expected.length, name, i === 0 ? run.group : null, cell]);
          });
          if (run.figures.length > 1) merges.push(`C${top}:C${top + run.figures.length - 1}`);
        }
        if (secondTable) {
          rows.push(
            [],
            ["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"],
            [1, "Đơn vị năm trước", "Sở", 99],
          );
        }
        const grids = await gridsOf([{ name: "Dữ liệu", rows, merges }]);
        // Two tables on the sheet: refused unless the header row is named (issue #23).
        if (secondTable) expect(() => readUnitTable(grids)).toThrow(/Có 2 bảng đơn vị có thể tính điểm/);
        const table = readUnitTable(grids, secondTable ? { mapping: { headerRow: 0 } } : {});

        expect(table.units.map((u) => [u.name, u.group])).toEqual(expected.map((e) => [e.name, e.group]));
        table.units.forEach((u, i) => {
          const { figure: f, row } = expected[i];
          const errors = table.problems.filter((p) => p.level === "error" && p.row === row + 1);
          if (f.kind === "uncalculated") {
            expect(u.score766).toBeNull();
            expect(u.unreadable).toEqual(["diem766"]);
            expect(errors.map((p) => p.message)).toEqual([expect.stringContaining(`“=${f.formula}”`)]);
          } else {
            expect(u.score766).toBeCloseTo(f.kind === "number" ? f.value : f.fraction * 100, 6);
            expect(errors).toEqual([]);
          }
        });
        const percent = expected.find((e) => e.figure.kind === "percent");
        expect(
          table.problems.some((p) => p.level === "info" && p.message.includes("định dạng phần trăm")),
        ).toBe(percent !== undefined);
        expect(table.problems.some((p) => p.message.includes("dòng tiêu đề lặp lại"))).toBe(secondTable);
      }),
      { numRuns: 40 },
    );
  });
});
