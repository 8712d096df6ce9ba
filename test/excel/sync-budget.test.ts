/**
 * The cost of "Tính điểm" in Excel: syncs (round trips) and request sizes for 30, 5,000 and 20,000 units
 * (5,000 also in the formulas mode),
 * measured on the recording fake of fake-excel.ts (Excel itself cannot run here), which weighs each
 * request as the UTF-8 JSON of what was queued since the previous sync.
 */
import type { OutputMode } from "../../src/core/plan/formulas";
import { runScoring } from "../../src/core/run";
import { applyPlan } from "../../src/excel/apply";
import { MAX_REQUEST_BYTES } from "../../src/excel/chunks";
import { readWorkbook } from "../../src/excel/read";
import type { FakeExcel, SyncRecord } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, scoreInFake, stateOf } from "./fixtures";

const MB = 1024 * 1024;
const RESPONSE_LIMIT = 5 * MB;

interface Measure {
  units: number;
  output: OutputMode;
  syncs: number;
  writeRequests: number;
  largestRequest: number;
  largestResponse: number;
  progress: [number, number][];
}

const measured: Measure[] = [];
const isWrite = (sync: SyncRecord) => sync.log.some((op) => !op.startsWith("load "));

async function measure(units: number, output: OutputMode = "values"): Promise<Measure> {
  const fake = fakeFromWorkbook(await generatedWorkbook(units));
  // Excel's calculation is not what is measured here.
  fake.recalculate = undefined;
  const progress: [number, number][] = [];
  const { outcome, syncs } = await scoreInFake(fake, {
    output,
    onProgress: (done, total) => progress.push([done, total]),
  });
  expect(outcome.units).toBe(units);
  const result: Measure = {
    units,
    output,
    syncs: syncs.length,
    writeRequests: syncs.filter(isWrite).length,
    largestRequest: Math.max(...syncs.map((s) => s.requestBytes)),
    largestResponse: Math.max(...syncs.map((s) => s.responseBytes)),
    progress,
  };
  measured.push(result);
  return result;
}

afterAll(() => {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.info(
    measured
      .map(
        (m) =>
          `${m.units} units (${m.output}): ${m.syncs} syncs (${m.writeRequests} write), largest request ${kb(m.largestRequest)}, largest response ${kb(m.largestResponse)}`,
      )
      .join("\n"),
  );
});

describe("syncs and request sizes", () => {
  it("takes 3 syncs for 30 units: sheets, used ranges with the first 42 rows (the whole table), writes", async () => {
    const m = await measure(30);
    expect(m.syncs).toBe(3);
    expect(m.writeRequests).toBe(1);
    expect(m.progress).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it("draws the chart of the 766 scores within the write request, with no sync of its own", async () => {
    const workbook = await generatedWorkbook(30);
    /** Reads, scores and applies as the action does; without the plan's charts when `charts` is false. */
    const run = async (charts: boolean) => {
      const fake = fakeFromWorkbook(workbook);
      fake.recalculate = undefined;
      const context = fake.context as unknown as Excel.RequestContext;
      const { grids, facts } = await readWorkbook(context);
      const plan = runScoring(grids).plan;
      if (!charts) for (const sheet of plan.sheets) delete sheet.charts;
      await applyPlan(context, plan, undefined, { facts });
      return { fake, syncs: fake.syncs };
    };
    const withChart = await run(true);
    const without = await run(false);
    expect(withChart.syncs).toHaveLength(without.syncs.length);
    const writes = withChart.syncs.filter(isWrite);
    expect(writes).toHaveLength(1);
    const log = writes[0].log;
    // After the cells it reads: the chart's data is written before the chart is made over it.
    expect(log.indexOf("charts.add")).toBeGreaterThan(log.lastIndexOf("range.values"));
    expect(log.filter((op) => op === "charts.add")).toHaveLength(1);
    const summary = withChart.fake.state.sheets.find((s) => s.name === "Tổng hợp");
    // 29 units have a 766 score (one #N/A), each a bar; the line has as many points.
    expect(summary?.charts[0].series.map((s) => [s.chartType, s.points])).toEqual([
      ["ColumnClustered", 29],
      ["Line", 29],
    ]);
  });

  it("takes at most 4 syncs for 5,000 units, each request under 4 MB", async () => {
    const m = await measure(5000);
    expect(m.syncs).toBeLessThanOrEqual(4);
    expect(m.largestRequest).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(m.largestResponse).toBeLessThanOrEqual(RESPONSE_LIMIT);
  });

  it("takes at most 4 syncs for 5,000 units in the formulas mode, each request under 4 MB", async () => {
    const m = await measure(5000, "formulas");
    expect(m.syncs).toBeLessThanOrEqual(4);
    expect(m.largestRequest).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(m.largestResponse).toBeLessThanOrEqual(RESPONSE_LIMIT);
  });

  it("writes 20,000 units in several requests, none above 4 MB, reporting progress after each", async () => {
    const m = await measure(20000);
    expect(m.writeRequests).toBeGreaterThanOrEqual(2);
    expect(m.syncs).toBeLessThanOrEqual(8);
    expect(m.largestRequest).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(m.largestResponse).toBeLessThanOrEqual(RESPONSE_LIMIT);
    const total = m.writeRequests;
    expect(m.progress).toEqual(Array.from({ length: total + 1 }, (_, i) => [i, total]));
  });
});

describe("chunking changes nothing but the number of requests", () => {
  it.each(["values", "formulas"] as const)(
    "gives the same workbook with 64 KB requests as with one request (%s)",
    async (output) => {
      const workbook = await generatedWorkbook(2000);
      const whole = fakeFromWorkbook(workbook);
      await scoreInFake(whole, { output });
      const chunked = fakeFromWorkbook(workbook);
      const { syncs } = await scoreInFakeWithBudget(chunked, 64 * 1024, output);
      expect(syncs.filter(isWrite).length).toBeGreaterThan(5);
      expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(64 * 1024 + 1024);
      expect(stateOf(chunked)).toEqual(stateOf(whole));
    },
  );
});

/** The action with a smaller request budget: read, score and apply as scoreActiveWorkbook does. */
async function scoreInFakeWithBudget(fake: FakeExcel, requestBytes: number, output: OutputMode) {
  const context = fake.context as unknown as Excel.RequestContext;
  const first = fake.syncs.length;
  const { grids, facts } = await readWorkbook(context);
  await applyPlan(context, runScoring(grids, { output }).plan, undefined, { facts, requestBytes });
  return { syncs: fake.syncs.slice(first) };
}
