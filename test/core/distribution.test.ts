/**
 * The distribution of 766 ratings per group and the chart's data: counts at the band limits (as XEPLOAI
 * rates them), units without a score, groups named in different ways, the award threshold from the
 * criteria, and the same figures in the JSON report and on the summary sheet's plan.
 */
import { defaultCriteria, type Criterion } from "../../src/core/criteria";
import {
  awardThreshold,
  chartAxis,
  chartPoints,
  distributionOf,
  distributionTotal,
  type GroupDistribution,
} from "../../src/core/distribution";
import type { SheetGrid } from "../../src/core/grid";
import { CHART_NAME, DISTRIBUTION_TITLE } from "../../src/core/plan/chart-plan";
import { jsonReport, summaryText } from "../../src/core/report";
import { runScoring } from "../../src/core/run";
import { DEFAULT_RATING } from "../../src/core/settings";

/** A tracking table: name, group, 766 score (null: not entered; a string: as typed). */
function table(units: [string, string, number | string | null][]): SheetGrid {
  return {
    name: "Theo dõi",
    values: [
      ["STT", "Tên đơn vị", "Khối", "Điểm 766"],
      ...units.map(([name, group, score], i) => [i + 1, name, group, score]),
    ],
  };
}

const SCORES: [string, string, number | string | null][] = [
  // Every band limit, exactly, and just under it; the threshold (> 80) at 80,00 and 80,01.
  ["Sở A", "Sở, ban, ngành", 90],
  ["Sở B", "Sở, ban, ngành", 89.995],
  ["Sở C", "Sở, ban, ngành", 80],
  ["Sở D", "SỞ, BAN, NGÀNH", 80.01],
  ["Sở E", "Sở, ban, ngành", 79.99],
  ["Sở F", "Sở, ban, ngành", 70],
  ["Sở G", "Sở, ban, ngành", 50],
  ["Sở H", "Sở, ban, ngành", 49.99],
  ["Sở I", "Sở, ban, ngành", null],
  ["UBND xã Một", "UBND cấp xã", 100],
  ["UBND xã Hai", "UBND cấp xã", "không có"],
  ["Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null],
];

const groupsOf = (grids: SheetGrid[]) => {
  const result = runScoring(grids);
  return {
    result,
    groups: distributionOf(result.scores, awardThreshold(result.criteria, result.settings.rating)),
  };
};

const bands = (g: GroupDistribution) => Object.values(g.bands);

describe("the distribution of 766 ratings per group", () => {
  const { result, groups } = groupsOf([table(SCORES)]);

  it("counts each band from its limit, inclusive, as XEPLOAI rates (89,995 shows as 90,00: Xuất sắc)", () => {
    const so = groups[0];
    expect(so.group).toBe("Sở, ban, ngành");
    // Xuất sắc 90 and 89,995; Tốt 80 and 80,01; Khá 79,99 and 70; Trung bình 50; Yếu 49,99.
    expect(so.bands).toEqual({ "Xuất sắc": 2, Tốt: 2, Khá: 2, "Trung bình": 1, Yếu: 1 });
    const rated = result.scores.filter((s) => s.unit.group.toLowerCase() === "sở, ban, ngành");
    expect(rated.map((s) => s.rating)).toEqual([
      "Xuất sắc",
      "Xuất sắc",
      "Tốt",
      "Tốt",
      "Khá",
      "Khá",
      "Trung bình",
      "Yếu",
      "",
    ]);
  });

  it("puts “SỞ, BAN, NGÀNH” with “Sở, ban, ngành”, and counts the units without a score apart", () => {
    expect(groups.map((g) => [g.group, g.units, g.noScore, g.notApplicable])).toEqual([
      ["Sở, ban, ngành", 9, 1, 0],
      ["UBND cấp xã", 2, 1, 0],
      // Criterion III does not apply to the vertical sector: its unit without a score is not "missing".
      ["Cơ quan ngành dọc", 1, 0, 1],
    ]);
    for (const g of groups)
      expect(bands(g).reduce((a, b) => a + b, 0) + g.noScore + g.notApplicable).toBe(g.units);
  });

  it("counts a vertical-sector unit with a score in its band, and a department without one as missing", () => {
    const { groups: mixed } = groupsOf([
      table([
        ["Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null],
        ["Cục Thuế tỉnh", "Cơ quan ngành dọc", 85],
        ["Sở Một", "Sở, ban, ngành", null],
      ]),
    ]);
    expect(mixed).toEqual([
      {
        group: "Cơ quan ngành dọc",
        bands: { "Xuất sắc": 0, Tốt: 1, Khá: 0, "Trung bình": 0, Yếu: 0 },
        aboveThreshold: 1,
        units: 2,
        noScore: 0,
        notApplicable: 1,
      },
      {
        group: "Sở, ban, ngành",
        bands: { "Xuất sắc": 0, Tốt: 0, Khá: 0, "Trung bình": 0, Yếu: 0 },
        aboveThreshold: 0,
        units: 1,
        noScore: 1,
        notApplicable: 0,
      },
    ]);
  });

  it("counts every unit without a score as missing when no criterion tests the 766 score", () => {
    const { result: run } = groupsOf([table(SCORES)]);
    const threshold = awardThreshold([], run.settings.rating);
    expect(threshold.criterion).toBeUndefined();
    const plain = distributionOf(run.scores, threshold);
    expect(plain.map((g) => [g.noScore, g.notApplicable])).toEqual([
      [1, 0],
      [1, 0],
      [1, 0],
    ]);
  });

  it("counts above the threshold as the criterion tests it: strictly above 80, 80,00 not", () => {
    expect(groups.map((g) => g.aboveThreshold)).toEqual([3, 1, 0]);
    expect(awardThreshold(result.criteria, result.settings.rating)).toEqual({
      value: 80,
      operator: ">",
      label: "Ngưỡng đề xuất (> 80)",
      test: "> 80",
      criterion: "III",
    });
  });

  it("sums the groups into the total", () => {
    expect(distributionTotal(groups)).toEqual({
      group: "Tổng cộng",
      bands: { "Xuất sắc": 3, Tốt: 2, Khá: 2, "Trung bình": 1, Yếu: 1 },
      aboveThreshold: 4,
      units: 12,
      noScore: 2,
      notApplicable: 1,
    });
  });

  it("is the JSON report's `distribution`, and a line per group in the CLI's summary", () => {
    expect(jsonReport(result).distribution).toEqual(groups);
    const summary = summaryText(result).split("\n");
    const at = summary.indexOf("Phân bố xếp loại Bộ chỉ số 766:");
    expect(summary.slice(at + 1, at + 4)).toEqual([
      "  Sở, ban, ngành: 9 đơn vị — Xuất sắc 2, Tốt 2, Khá 2, Trung bình 1, Yếu 1; chưa có điểm 1; không áp dụng 0; trên ngưỡng (> 80): 3",
      "  UBND cấp xã: 2 đơn vị — Xuất sắc 1, Tốt 0, Khá 0, Trung bình 0, Yếu 0; chưa có điểm 1; không áp dụng 0; trên ngưỡng (> 80): 1",
      "  Cơ quan ngành dọc: 1 đơn vị — Xuất sắc 0, Tốt 0, Khá 0, Trung bình 0, Yếu 0; chưa có điểm 0; không áp dụng 1; trên ngưỡng (> 80): 0",
    ]);
  });

  it("keeps units without a group apart, as “Chưa rõ khối”", () => {
    const { groups: unknown } = groupsOf([table([["Đơn vị lạ", "", 85]])]);
    expect(unknown).toEqual([
      {
        group: "Chưa rõ khối",
        bands: { "Xuất sắc": 0, Tốt: 1, Khá: 0, "Trung bình": 0, Yếu: 0 },
        aboveThreshold: 1,
        units: 1,
        noScore: 0,
        notApplicable: 0,
      },
    ]);
  });
});

describe("the award threshold", () => {
  const [III] = defaultCriteria();

  it("follows the 766 criterion's setting: “từ 85 điểm trở lên” opens no band, ≥ 85", () => {
    const criterion: Criterion = { ...III, operator: ">=", threshold: 85 };
    expect(awardThreshold([criterion], DEFAULT_RATING)).toMatchObject({
      value: 85,
      label: "Ngưỡng đề xuất (≥ 85)",
      test: "≥ 85",
    });
  });

  it("never names a rating band: the award's line is not the lower bound of “Tốt”", () => {
    expect(awardThreshold([{ ...III, threshold: 90 }], DEFAULT_RATING).label).toBe("Ngưỡng đề xuất (> 90)");
    expect(awardThreshold([{ ...III, threshold: 75 }], { ...DEFAULT_RATING, good: 75 }).label).toBe(
      "Ngưỡng đề xuất (> 75)",
    );
  });

  it("falls back to the lower bound of “Tốt” when no criterion tests the 766 score", () => {
    expect(awardThreshold([], { ...DEFAULT_RATING, good: 82.5 })).toMatchObject({
      value: 82.5,
      operator: ">=",
      label: "Ngưỡng đề xuất (≥ 82,5)",
    });
  });
});

describe("the chart's value axis", () => {
  const threshold = { value: 80, operator: ">" as const, label: "Ngưỡng đề xuất (> 80)", test: "> 80" };
  const at = (...scores: number[]) =>
    chartAxis(
      scores.map((score, i) => ({ group: "Sở", name: `Sở ${i}`, score, proposed: false })),
      threshold,
    );

  it("starts near the lowest score, so that 79,95, 80,00 and 81,02 read apart, and ends at 100", () => {
    expect(at(79.95, 80, 81.02)).toEqual({ min: 70, max: 100, step: 5 });
    expect(at(72.64, 95)).toEqual({ min: 70, max: 100, step: 5 });
  });

  it("never cuts a bar: a low score takes the axis down, with fewer ticks", () => {
    expect(at(65.4, 90)).toEqual({ min: 60, max: 100, step: 5 });
    expect(at(45, 90)).toEqual({ min: 40, max: 100, step: 10 });
    expect(at(1, 90)).toEqual({ min: 0, max: 100, step: 20 });
  });

  it("keeps the threshold in sight when every score is above it", () => {
    expect(at(95, 99)).toEqual({ min: 70, max: 100, step: 5 });
  });
});

describe("the chart's data", () => {
  it("lists the units with a score, group after group in the order groups first appear, proposals marked", () => {
    const { result } = groupsOf([
      table([
        ["UBND xã Một", "UBND cấp xã", 81],
        ["Sở A", "Sở, ban, ngành", 79.5],
        ["UBND xã Hai", "UBND cấp xã", null],
        ["Sở B", "Sở, ban, ngành", 92.125],
        ["UBND xã Ba", "UBND cấp xã", 60],
      ]),
    ]);
    expect(chartPoints(result.scores)).toEqual([
      { group: "UBND cấp xã", name: "UBND xã Một", score: 81, proposed: true },
      { group: "UBND cấp xã", name: "UBND xã Ba", score: 60, proposed: false },
      { group: "Sở, ban, ngành", name: "Sở A", score: 79.5, proposed: false },
      { group: "Sở, ban, ngành", name: "Sở B", score: 92.13, proposed: true },
    ]);
  });
});

describe("on the summary sheet's plan", () => {
  const { result, groups } = groupsOf([table(SCORES)]);
  const summary = result.plan.sheets.find((s) => s.name === "Tổng hợp");
  const cellsAt = (row: number) =>
    summary?.blocks
      .filter((b) => b.top <= row && row < b.top + b.values.length)
      .flatMap((b) => (b.values[row - b.top] ?? []).map((value, i) => ({ col: b.left + i, value }))) ?? [];

  it("puts the distribution table below the letter's print area, never printed with it", () => {
    const title = summary?.blocks.find((b) => b.values[0][0] === DISTRIBUTION_TITLE);
    const printed = summary?.pageSetup?.printArea.bottom ?? Infinity;
    expect(title?.top).toBeGreaterThan(printed);
    const header = cellsAt((title?.top ?? 0) + 1).filter((c) => c.col <= 10);
    expect(header.map((c) => c.value)).toEqual([
      "STT",
      "Khối",
      "Số đơn vị",
      "Xuất sắc",
      "Tốt",
      "Khá",
      "Trung bình",
      "Yếu",
      "Chưa có điểm",
      "Không áp dụng",
      "Trên ngưỡng (> 80)",
    ]);
    const rows = [0, 1, 2, 3].map((i) =>
      cellsAt((title?.top ?? 0) + 2 + i)
        .filter((c) => c.col <= 10)
        .map((c) => c.value),
    );
    const total = distributionTotal(groups);
    expect(rows).toEqual([
      ...groups.map((g, i) => [
        i + 1,
        g.group,
        g.units,
        ...bands(g),
        g.noScore,
        g.notApplicable,
        g.aboveThreshold,
      ]),
      [
        null,
        "Tổng cộng",
        total.units,
        ...bands(total),
        total.noScore,
        total.notApplicable,
        total.aboveThreshold,
      ],
    ]);
  });

  it("plans one chart over its own data: bars of the scores, the threshold as a line, proposals marked", () => {
    const [chart] = summary?.charts ?? [];
    expect(chart.name).toBe(CHART_NAME);
    const points = chartPoints(result.scores);
    const { top, bottom, left } = chart.bars.values;
    expect(bottom - top + 1).toBe(points.length);
    const column = (col: number) => points.map((_, i) => cellsAt(top + i).find((c) => c.col === col)?.value);
    expect(column(left)).toEqual(points.map((p) => p.score));
    expect(column(chart.line.values.left)).toEqual(points.map(() => 80));
    // The group once, on its first unit; blank under it, as Excel groups a multi-level category.
    expect(column(chart.categories.left)).toEqual(
      points.map((p, i) => (i > 0 && points[i - 1].group === p.group ? null : p.group)),
    );
    expect(column(chart.categories.right)).toEqual(points.map((p) => p.name));
    expect(chart.bars.marked).toEqual(points.flatMap((p, i) => (p.proposed ? [i] : [])));
    expect(chart.line.name).toBe("Ngưỡng đề xuất (> 80)");
    // Below the distribution table, outside the print area.
    expect(chart.anchor.top).toBeGreaterThan(summary?.pageSetup?.printArea.bottom ?? Infinity);
  });

  it("plans no chart when no unit has a 766 score, and keeps the table", () => {
    const { result: none } = groupsOf([table([["Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null]])]);
    const plan = none.plan.sheets.find((s) => s.name === "Tổng hợp");
    expect(plan?.charts ?? []).toEqual([]);
    expect(plan?.blocks.some((b) => b.values[0][0] === DISTRIBUTION_TITLE)).toBe(true);
  });
});
