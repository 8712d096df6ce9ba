/**
 * The formulas mode of the output columns: the formulas the core plans, their cached results (the
 * values mode's values), and what the add-in's own functions compute from them, evaluated on the cells
 * they refer to, as Excel would with the add-in loaded.
 */
import { readFileSync } from "node:fs";
import { defaultCriteria, INPUT_ONE_STOP_RATE, type Criterion } from "../../src/core/criteria";
import { readCriteriaSheet } from "../../src/core/criteria-sheet/read";
import { CRITERIA_SHEET } from "../../src/core/criteria-sheet/schema";
import { criteriaSheetRows, writtenCriteriaLayout } from "../../src/core/criteria-sheet/write";
import { cellAt, parseRangeAddress, type CellValue, type SheetGrid } from "../../src/core/grid";
import { absoluteRange, quoteSheetName, stringLiteral } from "../../src/core/plan/formulas";
import { isFormulaCell, type Block, type Scalar, type WritePlan } from "../../src/core/plan/types";
import { runScoring, type RunOptions, type RunResult } from "../../src/core/run";
import { defaultSettings, type Settings } from "../../src/core/settings";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook } from "../exceljs/workbook";
import { formulaReader, type FormulaSheet } from "../helpers/formula-eval";
import { gridsOf, SAMPLE, type SheetSpec, type SpecCell } from "../helpers/workbooks";

const SHEET = "Theo dõi 2023";
const CRITERIA = "'Tiêu chí'!$A$3:$L$5";
const WITH_SETTINGS = "'Tiêu chí'!$A$3:$L$74";

let sample: SheetGrid[];
beforeAll(async () => {
  sample = workbookToGrids(await loadWorkbook(readFileSync(SAMPLE), "theo-doi.xlsx"));
});

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const run = (grids: SheetGrid[], options: RunOptions = {}) => runScoring(copy(grids), options);

/** The output block of the data sheet (the one under the header). */
function dataBlock(result: RunResult): Block {
  const plan = result.plan.sheets.find((s) => s.name === result.table.layout.sheet);
  const block = plan?.blocks.find((b) => b.style === undefined);
  if (!block) throw new Error("no output block");
  return block;
}

/** The planned cell at an A1 address of the data sheet. */
function planned(result: RunResult, address: string): Scalar | undefined {
  const at = parseRangeAddress(address);
  if (!at) throw new Error(address);
  const block = dataBlock(result);
  return block.values[at.top - block.top]?.[at.left - block.left];
}

const plainOf = (value: Scalar): Scalar => (isFormulaCell(value) ? value.result : value);

/** The workbook after the plan, with the formula cells kept: what Excel holds after "Tính điểm". */
function written(grids: SheetGrid[], plan: WritePlan): FormulaSheet[] {
  const sheets = copy(grids).map((grid) => ({ grid, formulas: new Map<string, string>() }));
  for (const sheetPlan of plan.sheets) {
    const old = sheets.find((s) => s.grid.name === sheetPlan.name);
    let target = old;
    if (sheetPlan.mode === "create" || !target) {
      if (old) sheets.splice(sheets.indexOf(old), 1);
      target = { grid: { name: sheetPlan.name, values: [] }, formulas: new Map<string, string>() };
      sheets.push(target);
    }
    const sheet = target;
    for (const block of sheetPlan.blocks) {
      block.values.forEach((line, r) =>
        line.forEach((value, c) => {
          const row = block.top + r;
          const col = block.left + c;
          const cells = (sheet.grid.values[row] ??= []);
          for (let i = cells.length; i < col; i++) cells[i] = null;
          cells[col] = plainOf(value) as CellValue;
          if (isFormulaCell(value)) sheet.formulas.set(`${row}:${col}`, value.formula);
          else sheet.formulas.delete(`${row}:${col}`);
        }),
      );
    }
  }
  for (const { grid } of sheets) for (let r = 0; r < grid.values.length; r++) grid.values[r] ??= [];
  return sheets.map(({ grid, formulas }) => ({
    name: grid.name,
    value: (row: number, col: number) => cellAt(grid, row, col),
    formula: (row: number, col: number) => formulas.get(`${row}:${col}`),
  }));
}

/**
 * Every output cell of every unit as Excel computes it with the add-in, beside the values mode's value:
 * [unit, column, computed, expected].
 */
function evaluated(
  grids: SheetGrid[],
  options: RunOptions,
  empty: null | 0,
): [string, number, unknown, unknown][] {
  const values = run(grids, options);
  const formulas = run(grids, { ...options, output: "formulas" });
  const reader = formulaReader(written(grids, formulas.plan), { empty });
  const block = dataBlock(values);
  const width = values.criteria.length + 3;
  return values.scores.flatMap((score) =>
    Array.from({ length: width }, (_, c): [string, number, unknown, unknown] => [
      score.unit.name,
      c,
      reader.value(values.table.layout.sheet, score.unit.row, block.left + c),
      block.values[score.unit.row - block.top][c],
    ]),
  );
}

describe("formulas on the sample", () => {
  let values: RunResult;
  let formulas: RunResult;
  beforeAll(() => {
    values = run(sample);
    formulas = run(sample, { output: "formulas" });
  });

  it("writes DIEM over the 766 cell, a plain 0 where IV.9 does not apply, SUM, XEPLOAI and DEXUAT", () => {
    expect(["H9", "I9", "J9", "K9", "L9", "M9"].map((a) => planned(formulas, a))).toEqual([
      { formula: `=KSTTHC.DIEM("III",D9,${CRITERIA})`, result: 0 },
      0,
      { formula: "=SUM(H9:I9)", result: 0 },
      { formula: `=KSTTHC.XEPLOAI(D9,${WITH_SETTINGS})`, result: "Khá" },
      { formula: `=KSTTHC.DEXUAT(H9:I9,${WITH_SETTINGS})`, result: "Không" },
      planned(values, "M9"),
    ]);
    expect(typeof planned(formulas, "M9")).toBe("string");
    // Sở Ngoại vụ: 84,37 > 80.
    const proposed = values.scores.find((s) => s.unit.name === "Sở Ngoại vụ");
    const row = (proposed?.unit.row ?? 0) + 1;
    expect(planned(formulas, `H${row}`)).toEqual({
      formula: `=KSTTHC.DIEM("III",D${row},${CRITERIA})`,
      result: 30,
    });
    expect(planned(formulas, `L${row}`)).toEqual({
      formula: `=KSTTHC.DEXUAT(H${row}:I${row},${WITH_SETTINGS})`,
      result: "Có",
    });
  });

  it("reads IV.9 of a vertical-sector unit from the lowest of its two level rates", () => {
    // Row 39: Bảo hiểm xã hội tỉnh, 100% at both levels; row 40: Cục Thuế tỉnh, 96,5% at district level.
    expect(planned(formulas, "I39")).toEqual({
      formula: `=KSTTHC.DIEM("IV.9",MIN(E39:F39),${CRITERIA})`,
      result: 35,
    });
    expect(planned(formulas, "I40")).toEqual({
      formula: `=KSTTHC.DIEM("IV.9",MIN(E40:F40),${CRITERIA})`,
      result: 0,
    });
    // III applies to the groups the 766 index scores: a plain 0 here. XEPLOAI's band of no score is empty.
    expect(planned(formulas, "H39")).toBe(0);
    expect(planned(formulas, "K39")).toEqual({
      formula: `=KSTTHC.XEPLOAI(D39,${WITH_SETTINGS})`,
      result: "",
    });
  });

  it("caches exactly the values mode's values, and plans everything else alike", () => {
    const block = dataBlock(formulas);
    expect(block.values.map((line) => line.map(plainOf))).toEqual(dataBlock(values).values);
    const cells = block.values.flat();
    // DIEM of III for the 28 units of the 766 groups, of IV.9 for the 5 vertical-sector ones.
    expect(cells.filter(isFormulaCell)).toHaveLength(28 + 5 + 33 * 3);
    // Rating and proposal in General rather than text ("@"), where a formula typed again stays a formula.
    expect(block.columnStyles).toEqual([
      "outNumber",
      "outNumber",
      "outNumber",
      "outFormula",
      "outFormula",
      "outText",
    ]);
    expect(dataBlock(values).columnStyles?.slice(3, 5)).toEqual(["outCenter", "outCenter"]);
    const withoutData = (result: RunResult) =>
      result.plan.sheets.map((s) => (s.name === SHEET ? { ...s, blocks: s.blocks.slice(0, 1) } : s));
    expect(withoutData(formulas)).toEqual(withoutData(values));
    expect(formulas.scores).toEqual(values.scores);
    expect(formulas.problems).toEqual(values.problems);
  });

  it.each([
    ["an empty cell passed as null (Excel on the web)", null],
    ["an empty cell passed as 0 (Excel on Windows and Mac)", 0],
  ] as const)(
    "gives back every unit's points, total, rating and proposal through the add-in's functions, %s",
    (_, empty) => {
      const cells = evaluated(sample, {}, empty);
      expect(new Set(cells.map(([unit]) => unit)).size).toBe(33);
      expect(cells).toHaveLength(33 * 5);
      for (const [unit, col, computed, expected] of cells)
        expect([unit, col, computed]).toEqual([unit, col, expected]);
    },
  );

  it("writes only the tool's own formulas, naming no user text", () => {
    const texts = formulas.plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.values.flat()));
    for (const value of texts.filter(isFormulaCell)) {
      expect(value.formula).toMatch(/^=(KSTTHC\.(DIEM|XEPLOAI|DEXUAT)|SUM)\(/);
    }
    expect(texts.filter(isFormulaCell).every((v) => !v.formula.includes("Sở"))).toBe(true);
  });
});

type Spec = SpecCell | undefined;

/** A small unit table on a sheet "Bảng". */
function tableSheet(header: string[], rows: Spec[][]): SheetSpec {
  return { name: "Bảng", rows: [header, ...rows] as SpecCell[][] };
}

/** A rate as a cell formatted as a percent holds it. */
const pct = (value: number): SpecCell => ({ value, numFmt: "0%" });

const criteriaSheet = (criteria: Criterion[], settings: Settings, offset = 0): SheetSpec => ({
  name: CRITERIA_SHEET,
  rows: [
    ...Array.from({ length: offset }, () => ["Ghi chú của phòng"]),
    ...criteriaSheetRows(criteria, settings),
  ],
});

describe("formulas on other tables", () => {
  const LEVELS = [
    "Tên đơn vị",
    "Khối",
    "Điểm 766",
    "Tỷ lệ tiếp nhận tại Bộ phận Một cửa cấp tỉnh",
    "Ghi chú",
    "Tỷ lệ tiếp nhận tại Bộ phận Một cửa cấp huyện",
  ];
  const rows: Spec[][] = [
    ["Cục Thuế", "Cơ quan ngành dọc", 85, pct(1), undefined, pct(0.95)],
    ["Kho bạc", "Cơ quan ngành dọc", { error: "#N/A" }, pct(1), undefined, pct(1)],
    ["Sở Y tế", "Sở, ban, ngành", 70, undefined, undefined, undefined],
  ];

  it("reads levels that are not side by side with MIN(D2,F2), and keeps an error's points as a value", async () => {
    const grids = await gridsOf([tableSheet(LEVELS, rows)]);
    const result = run(grids, { output: "formulas" });
    // III does not apply to a vertical-sector body: a plain 0; it applies to Sở Y tế (70 ≤ 80).
    expect(planned(result, "G2")).toBe(0);
    expect(planned(result, "G4")).toEqual({ formula: `=KSTTHC.DIEM("III",C4,${CRITERIA})`, result: 0 });
    expect(planned(result, "H2")).toEqual({
      formula: `=KSTTHC.DIEM("IV.9",MIN(D2,F2),${CRITERIA})`,
      result: 0,
    });
    // #N/A in the 766 cell: DIEM and XEPLOAI would show #VALUE!, the core gives 0 and no band.
    expect(planned(result, "G3")).toBe(0);
    expect(planned(result, "J3")).toBe("");
    expect(planned(result, "H3")).toEqual({
      formula: `=KSTTHC.DIEM("IV.9",MIN(D3,F3),${CRITERIA})`,
      result: 35,
    });
    expect(planned(result, "H4")).toBe(0);
    for (const empty of [null, 0] as const) {
      for (const [unit, col, computed, expected] of evaluated(grids, {}, empty))
        expect([unit, col, computed]).toEqual([unit, col, expected]);
    }
  });

  it("keeps a value where the function would read a rate otherwise than the core", async () => {
    // A General-format column of 1 and 0,95 is read by the core as 1% and 95%; DIEM reads 1 as 100%.
    const grids = await gridsOf([
      tableSheet(LEVELS, [
        ["Cục Thuế", "Cơ quan ngành dọc", 85, 1, undefined, 0.95],
        ["Kho bạc", "Cơ quan ngành dọc", 85, 1, undefined, 1],
      ]),
    ]);
    const result = run(grids, { output: "formulas" });
    expect(planned(result, "H2")).toEqual({
      formula: `=KSTTHC.DIEM("IV.9",MIN(D2,F2),${CRITERIA})`,
      result: 0,
    });
    expect(planned(result, "H3")).toBe(0);
    for (const [unit, col, computed, expected] of evaluated(grids, {}, null))
      expect([unit, col, computed]).toEqual([unit, col, expected]);
  });

  it("takes the highest level for a “<” threshold, and a criterion's own column", async () => {
    const criteria = defaultCriteria();
    criteria[1] = { ...criteria[1], operator: "<", threshold: 99, appliesTo: [] };
    criteria.push({
      code: "V",
      title: "Số hồ sơ trễ hạn",
      points: 5,
      kind: "threshold",
      input: "Số hồ sơ trễ hạn",
      operator: "=",
      threshold: 0,
      appliesTo: [],
      basis: "",
      sentenceEarned: "",
      sentenceNone: "",
    });
    const header = [...LEVELS, "Số hồ sơ trễ hạn"];
    const table = tableSheet(header, [
      [...rows[0], 0],
      [...rows[1], 2],
      [...rows[2], null],
    ]);
    const grids = await gridsOf([table, criteriaSheet(criteria, defaultSettings())]);
    const result = run(grids, { output: "formulas" });
    const range = "'Tiêu chí'!$A$3:$L$6";
    expect(planned(result, "I2")).toEqual({ formula: `=KSTTHC.DIEM("IV.9",MAX(D2,F2),${range})`, result: 0 });
    expect(planned(result, "J2")).toEqual({ formula: `=KSTTHC.DIEM("V",G2,${range})`, result: 5 });
    // III does not apply to Cục Thuế: V's 5 points only.
    expect(planned(result, "K2")).toEqual({ formula: "=SUM(H2:J2)", result: 5 });
    // Sở Y tế has no rate: MAX of nothing is 0, which passes “< 99”; the core gives 0 points.
    expect(planned(result, "I4")).toBe(0);
    // Its empty “trễ hạn” cell reaches DIEM as 0 on Windows and passes “= 0”: a value too.
    expect(planned(result, "J4")).toBe(0);
    for (const empty of [null, 0] as const) {
      for (const [unit, col, computed, expected] of evaluated(grids, {}, empty))
        expect([unit, col, computed]).toEqual([unit, col, expected]);
    }
  });

  it("finds the criteria table and its settings where the workbook's own sheet has them", async () => {
    const settings = defaultSettings();
    settings.award = { kind: "minTotal", minTotal: 35 };
    settings.rating = { excellent: 84, good: 80, fair: 75, average: 50 };
    const grids = await gridsOf([tableSheet(LEVELS, rows), criteriaSheet(defaultCriteria(), settings, 3)]);
    const grid = grids[1];
    const { layout } = readCriteriaSheet(grid);
    expect(layout).toEqual({
      headerRow: 5,
      lastCriterionRow: 7,
      lastRow: grid.values.length - 1,
      lastColumn: 11,
    });
    const result = run(grids, { output: "formulas" });
    expect(planned(result, "G4")).toEqual({
      formula: `=KSTTHC.DIEM("III",C4,'Tiêu chí'!$A$6:$L$8)`,
      result: 0,
    });
    expect(planned(result, "H3")).toEqual({
      formula: `=KSTTHC.DIEM("IV.9",MIN(D3,F3),'Tiêu chí'!$A$6:$L$8)`,
      result: 35,
    });
    expect(planned(result, "J2")).toEqual({
      formula: `=KSTTHC.XEPLOAI(C2,'Tiêu chí'!$A$6:$L$${grid.values.length})`,
      result: "Xuất sắc",
    });
    // Kho bạc's 35 points reach the total of 35 these settings ask for; Cục Thuế's 0 do not.
    expect(planned(result, "K3")).toMatchObject({ result: "Có" });
    expect(planned(result, "K2")).toMatchObject({ result: "Không" });
    // The award rule and the bands of these settings come through the range: the functions agree.
    for (const empty of [null, 0] as const) {
      for (const [unit, col, computed, expected] of evaluated(grids, {}, empty))
        expect([unit, col, computed]).toEqual([unit, col, expected]);
    }
  });

  it("leaves the criteria argument out when no “Tiêu chí” sheet is written (default criteria)", async () => {
    const grids = await gridsOf([tableSheet(LEVELS, rows)]);
    const result = run(grids, { output: "formulas", writeCriteriaSheet: false });
    expect(result.plan.sheets.map((s) => s.name)).not.toContain(CRITERIA_SHEET);
    expect(["G2", "H2", "I2", "J2", "K2"].map((a) => planned(result, a))).toEqual([
      0,
      { formula: '=KSTTHC.DIEM("IV.9",MIN(D2,F2))', result: 0 },
      { formula: "=SUM(G2:H2)", result: 0 },
      { formula: "=KSTTHC.XEPLOAI(C2)", result: "Tốt" },
      { formula: "=KSTTHC.DEXUAT(G2:H2)", result: "Không" },
    ]);
    expect(planned(result, "G4")).toEqual({ formula: '=KSTTHC.DIEM("III",C4)', result: 0 });
  });

  it("writes the one-stop rate as a value where the table gives it as counts", async () => {
    const grids = await gridsOf([
      tableSheet(
        ["Tên cơ quan", "Khối", "Điểm 766", "Tổng số TTHC", "Số TTHC tiếp nhận tại Bộ phận Một cửa"],
        [["Cục Hải quan", "Cơ quan ngành dọc", 81, 200, 200]],
      ),
    ]);
    const result = run(grids, { output: "formulas" });
    expect(result.criteria[1].input).toBe(INPUT_ONE_STOP_RATE);
    expect(planned(result, "F2")).toBe(0);
    expect(planned(result, "G2")).toBe(35);
  });

  it("keeps a unit named =1+1 as text in both modes", async () => {
    const grids = await gridsOf([tableSheet(LEVELS, [["=1+1", "Sở, ban, ngành", 90]])]);
    for (const output of ["values", "formulas"] as const) {
      const result = run(grids, { output });
      const named = result.plan.sheets
        .flatMap((s) => s.blocks.flatMap((b) => b.values.flat()))
        .filter((v) => v === "=1+1" || (isFormulaCell(v) && v.formula.includes("1+1")));
      // The summary's list of proposed units and the chart's data, both plain text.
      expect(named).toEqual(["=1+1", "=1+1"]);
    }
  });
});

describe("references", () => {
  it("quotes sheet names, doubling an inner apostrophe, and string literals", () => {
    expect(quoteSheetName("Tiêu chí")).toBe("'Tiêu chí'");
    expect(quoteSheetName("Bảng của O'Neil")).toBe("'Bảng của O''Neil'");
    expect(absoluteRange("Tiêu chí", 2, 0, 4, 11)).toBe("'Tiêu chí'!$A$3:$L$5");
    expect(stringLiteral('Mã "A"')).toBe('"Mã ""A"""');
  });

  it("lays the written criteria sheet out as the reader then finds it", () => {
    const criteria = defaultCriteria();
    const settings = defaultSettings();
    const grid: SheetGrid = { name: CRITERIA_SHEET, values: criteriaSheetRows(criteria, settings) };
    expect(readCriteriaSheet(grid).layout).toEqual(writtenCriteriaLayout(criteria, settings));
    expect(writtenCriteriaLayout(criteria, settings)).toEqual({
      headerRow: 2,
      lastCriterionRow: 4,
      lastRow: 73,
      lastColumn: 11,
    });
  });
});
