/**
 * The chart of the plan in Excel, on the recording fake: what the adapter asks of Excel's chart API,
 * and that the fake refuses what Excel would (so that the parity and budget tests rest on a strict fake).
 */
import type { ChartPlan, WritePlan } from "../../src/core/plan/types";
import { emptySheetPlan } from "../../src/core/plan/types";
import { STYLES } from "../../src/core/plan/styles";
import { applyPlan } from "../../src/excel/apply";
import { WriteFailedError } from "../../src/excel/errors";
import { emptySheet, FakeExcel } from "./fake-excel";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;

function chartPlan(overrides: Partial<ChartPlan> = {}): ChartPlan {
  const column = (col: number) => ({ top: 1, bottom: 3, left: col, right: col });
  return {
    name: "KSTTHC_Diem766",
    title: "Điểm Bộ chỉ số 766",
    categories: { top: 1, bottom: 3, left: 0, right: 1 },
    bars: { name: "Điểm 766", values: column(2), fill: "4472C4", marked: [1], markedFill: "ED7D31" },
    line: { name: "Ngưỡng Tốt (80 điểm)", values: column(3), color: "C00000" },
    valueAxis: { min: 0, max: 100 },
    anchor: { top: 5, left: 0, bottom: 20, right: 7 },
    ...overrides,
  };
}

function planWith(chart: ChartPlan): WritePlan {
  const sheet = emptySheetPlan("Biểu đồ", "create");
  sheet.blocks.push({
    top: 0,
    left: 0,
    values: [
      ["Khối", "Đơn vị", "Điểm 766", "Ngưỡng"],
      ["Sở", "Sở A", 85.5, 80],
      ["Sở", "Sở B", 92, 80],
      ["Xã", "UBND xã C", 70.25, 80],
    ],
  });
  sheet.charts = [chart];
  return { styles: STYLES, sheets: [sheet] };
}

const freshFake = () => new FakeExcel({ sheets: [emptySheet("Dữ liệu", "s0")] });

describe("the plan's chart in Excel", () => {
  it("makes a clustered column chart of the bars, a line series for the threshold, the marked bars filled", async () => {
    const fake = freshFake();
    await applyPlan(context(fake), planWith(chartPlan()));
    const [chart] = fake.state.sheets.find((s) => s.name === "Biểu đồ")?.charts ?? [];
    expect(chart).toEqual({
      name: "KSTTHC_Diem766",
      type: "ColumnClustered",
      title: "Điểm Bộ chỉ số 766",
      legendPosition: "Bottom",
      valueAxis: { minimum: 0, maximum: 100 },
      position: { top: 5, left: 0, bottom: 20, right: 7 },
      series: [
        {
          name: "Điểm 766",
          chartType: "ColumnClustered",
          values: "'Biểu đồ'!C2:C4",
          xValues: "'Biểu đồ'!A2:B4",
          points: 3,
          fill: "#4472C4",
          gapWidth: 60,
          pointFills: { 1: "#ED7D31" },
        },
        {
          name: "Ngưỡng Tốt (80 điểm)",
          chartType: "Line",
          values: "'Biểu đồ'!D2:D4",
          xValues: "'Biểu đồ'!A2:B4",
          points: 3,
          lineColor: "#C00000",
          markerStyle: "None",
          pointFills: {},
        },
      ],
    });
  });

  it("is refused, as Excel refuses it, when a marked bar is beyond the series", async () => {
    const fake = freshFake();
    const plan = planWith(chartPlan({ bars: { ...chartPlan().bars, marked: [3] } }));
    await expect(applyPlan(context(fake), plan)).rejects.toBeInstanceOf(WriteFailedError);
  });

  it("is refused when the axis minimum is not below its maximum", async () => {
    const fake = freshFake();
    const plan = planWith(chartPlan({ valueAxis: { min: 100, max: 100 } }));
    await expect(applyPlan(context(fake), plan)).rejects.toBeInstanceOf(WriteFailedError);
  });

  it("is refused when a colour is neither #RRGGBB nor a name", async () => {
    const fake = freshFake();
    const plan = planWith(chartPlan({ line: { ...chartPlan().line, color: "#C0000" } }));
    await expect(applyPlan(context(fake), plan)).rejects.toBeInstanceOf(WriteFailedError);
  });
});
