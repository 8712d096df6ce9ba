/**
 * The results at a glance on the summary sheet, below the letter and outside its print area (never
 * printed with it): the distribution of 766 ratings per group, and a native chart of every unit's 766
 * score by group with the threshold line, over a data table beside it (columns M–Q) that the chart reads.
 */
import {
  byGroup,
  chartAxis,
  chartPoints,
  distributionOf,
  distributionTotal,
  RATING_NAMES,
  type AwardThreshold,
  type GroupDistribution,
} from "../distribution";
import type { UnitScore } from "../scoring";
import { heightOfLines, rowHeightFor, wrappedLines } from "./row-height";
import { STYLES } from "./styles";
import type { ChartPlan, Scalar, SheetPlan } from "./types";

export const DISTRIBUTION_TITLE = "PHÂN BỐ XẾP LOẠI BỘ CHỈ SỐ 766 THEO KHỐI";
export const CHART_NAME = "KSTTHC_Diem766";
export const CHART_TITLE = "Điểm Bộ chỉ số 766 của các đơn vị theo khối";
/** Bars blue, proposed units orange, the threshold red: the pane's chart uses the same colours. */
export const CHART_COLOURS = { bar: "4472C4", proposed: "ED7D31", threshold: "C00000" } as const;

/** Rows between the letter's print area and the distribution table. */
const GAP = 2;
/** The chart's data: columns M–Q, an empty column L away from the distribution table (A–K). */
const DATA_LEFT = 12;
const DATA_WIDTHS = [24, 34, 10, 14, 10];
/** Widths of G to K when the letter leaves them unset (H may hold the note on missing facts). */
const COUNT_WIDTH = 11;
/** The distribution table's last column (K): the title and the chart span the table. */
const LAST_COLUMN = 10;
/** Rows the chart covers under the table. */
const CHART_ROWS = 22;

export function distributionHeader(threshold: AwardThreshold): string[] {
  return [
    "STT",
    "Khối",
    "Số đơn vị",
    ...RATING_NAMES,
    "Chưa có điểm",
    "Không áp dụng",
    `Trên ngưỡng (${threshold.test})`,
  ];
}

function distributionRow(g: GroupDistribution, index: number | null): Scalar[] {
  const counts = [...RATING_NAMES.map((n) => g.bands[n]), g.noScore, g.notApplicable, g.aboveThreshold];
  return [index, g.group, g.units, ...counts];
}

/** Appends the distribution table, the chart's data and the chart to the summary sheet's plan. */
export function planResultsView(
  plan: SheetPlan,
  scores: readonly UnitScore[],
  threshold: AwardThreshold,
): void {
  const printed = plan.pageSetup?.printArea.bottom ?? -1;
  let row = printed + 1 + GAP;
  const top = row;
  plan.blocks.push({ top: row, left: 0, values: [[DISTRIBUTION_TITLE]], style: "letterTableTitle" });
  plan.merges.push({ top: row, left: 0, bottom: row, right: LAST_COLUMN });
  row++;
  const header = distributionHeader(threshold);
  plan.blocks.push({ top: row, left: 0, values: [header], style: "letterTableHeader" });
  const widths = [6, 30, 16, 13, 11, 12, ...Array<number>(5).fill(COUNT_WIDTH)];
  // Rows of the table and of the chart's data beside it: the taller of the two texts.
  const heights = new Map<number, number>();
  const fit = (r: number, height: number) => heights.set(r, Math.max(heights.get(r) ?? 0, height));
  const font = STYLES.letterTableText.font;
  // Two texts per unit: measured with nothing built for it.
  const textHeight = (text: string, width: number) => heightOfLines(wrappedLines(text, width, font), font);
  // A group's label is on every row of its units: measured once.
  const groupHeights = new Map<string, number>();
  const groupHeight = (group: string) => {
    let height = groupHeights.get(group);
    if (height === undefined) groupHeights.set(group, (height = textHeight(group, DATA_WIDTHS[0])));
    return height;
  };
  fit(
    row,
    rowHeightFor(
      header.map((text, col) => ({ text, width: widths[col] })),
      STYLES.letterTableHeader.font,
    ),
  );
  row++;
  // The units in groups once, for the table and the chart.
  const unitGroups = byGroup(scores);
  const groups = distributionOf(scores, threshold, unitGroups);
  const rows = [
    ...groups.map((g, i) => distributionRow(g, i + 1)),
    distributionRow(distributionTotal(groups), null),
  ];
  plan.blocks.push({
    top: row,
    left: 0,
    values: rows,
    columnStyles: ["letterTableNumber", "letterTableText", ...Array(9).fill("letterTableNumber")],
  });
  rows.forEach((values, i) => fit(row + i, textHeight(String(values[1]), widths[1])));
  row += rows.length;
  const set = new Set(plan.columnWidths.map((w) => w.col));
  for (const col of [6, 7, 8, 9, 10]) if (!set.has(col)) plan.columnWidths.push({ col, width: COUNT_WIDTH });
  const points = chartPoints(scores, unitGroups);
  const pushHeights = () => {
    heights.forEach((height, r) => plan.rowHeights.push({ row: r, height }));
  };
  if (points.length === 0) {
    pushHeights();
    return;
  }
  // The chart's data beside the table: the chart reads these cells, and a reader without it sees them.
  const dataHeader = ["Khối", "Đơn vị", "Điểm 766", threshold.label, "Đề xuất"];
  plan.blocks.push({ top, left: DATA_LEFT, values: [dataHeader], style: "letterTableHeader" });
  plan.blocks.push({
    top: top + 1,
    left: DATA_LEFT,
    // The group once, on its first unit: the chart's outer labels read it once under its bars, as Excel
    // groups a multi-level category whose outer cells below a label are blank.
    values: points.map((p, i) => [
      i > 0 && points[i - 1].group === p.group ? null : p.group,
      p.name,
      p.score,
      threshold.value,
      p.proposed ? "Có" : "",
    ]),
    columnStyles: [
      "letterTableText",
      "letterTableText",
      "letterTableNumber",
      "letterTableNumber",
      "letterTableNumber",
    ],
  });
  DATA_WIDTHS.forEach((width, i) => plan.columnWidths.push({ col: DATA_LEFT + i, width }));
  fit(top, rowHeightFor([{ text: threshold.label, width: DATA_WIDTHS[3] }], STYLES.letterTableHeader.font));
  points.forEach((p, i) =>
    fit(top + 1 + i, Math.max(groupHeight(p.group), textHeight(p.name, DATA_WIDTHS[1]))),
  );
  pushHeights();
  const first = top + 1;
  const last = top + points.length;
  const column = (col: number) => ({ top: first, bottom: last, left: col, right: col });
  const chart: ChartPlan = {
    name: CHART_NAME,
    title: CHART_TITLE,
    categories: { top: first, bottom: last, left: DATA_LEFT, right: DATA_LEFT + 1 },
    bars: {
      name: "Điểm 766",
      values: column(DATA_LEFT + 2),
      fill: CHART_COLOURS.bar,
      marked: points.flatMap((p, i) => (p.proposed ? [i] : [])),
      markedFill: CHART_COLOURS.proposed,
    },
    line: { name: threshold.label, values: column(DATA_LEFT + 3), color: CHART_COLOURS.threshold },
    valueAxis: (({ min, max }) => ({ min, max }))(chartAxis(points, threshold)),
    anchor: { top: row + 1, left: 0, bottom: row + CHART_ROWS, right: LAST_COLUMN },
  };
  plan.charts = [...(plan.charts ?? []), chart];
}
