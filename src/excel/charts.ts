/// <reference types="office-js" />
/**
 * The plan's charts as native Excel charts, queued with the other formats of phase C (no sync of their
 * own). Requirement sets: charts.add, setPosition, titles, axes, point fills ExcelApi 1.1; series.add,
 * setValues, setXAxisValues, a series' chartType, gapWidth and markerStyle ExcelApi 1.7 (the adapter
 * needs 1.9 anyway). The chart is made on the bar values alone and the line is added as its own series
 * of type "Line": a series added to a stacked type would be stacked on the bars (OfficeDev/office-js#2927).
 */
import { rangeAddress } from "../core/grid";
import type { ChartPlan, SheetPlan } from "../core/plan/types";
import { jsonBytes, type WriteStep } from "./chunks";

/** The fixed cost of a chart's operations besides its texts and point indexes. */
const CHART_BYTES = 3000;
const POINT_BYTES = 120;

function queueChart(context: Excel.RequestContext, sheetName: string, plan: ChartPlan): void {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const range = (r: ChartPlan["anchor"]) => sheet.getRange(rangeAddress(r));
  const chart = sheet.charts.add("ColumnClustered", range(plan.bars.values), "Columns");
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.legend.position = "Bottom";
  const bars = chart.series.getItemAt(0);
  bars.name = plan.bars.name;
  bars.setXAxisValues(range(plan.categories));
  bars.format.fill.setSolidColor(`#${plan.bars.fill}`);
  bars.gapWidth = 60;
  for (const index of plan.bars.marked) {
    bars.points.getItemAt(index).format.fill.setSolidColor(`#${plan.bars.markedFill}`);
  }
  const line = chart.series.add(plan.line.name);
  line.chartType = "Line";
  line.setValues(range(plan.line.values));
  line.setXAxisValues(range(plan.categories));
  line.format.line.color = `#${plan.line.color}`;
  line.markerStyle = "None";
  const axis = chart.axes.valueAxis;
  axis.minimum = plan.valueAxis.min;
  axis.maximum = plan.valueAxis.max;
  const { top, left, bottom, right } = plan.anchor;
  chart.setPosition(
    rangeAddress({ top, left, bottom: top, right: left }),
    rangeAddress({ top: bottom, left: right, bottom, right }),
  );
}

/** One atomic step per chart of the sheet. */
export function chartSteps(context: Excel.RequestContext, plan: SheetPlan): WriteStep[] {
  return (plan.charts ?? []).map((chart) => ({
    kind: "atomic",
    label: `biểu đồ điểm 766 ở trang “${plan.name}”`,
    bytes:
      CHART_BYTES +
      jsonBytes([chart.title, chart.bars.name, chart.line.name]) +
      chart.bars.marked.length * POINT_BYTES,
    queue: () => queueChart(context, plan.name, chart),
  }));
}
