/**
 * Every unit's 766 score as a bar, group after group, with the threshold line and the proposed units in
 * another colour, on an axis that starts near the lowest score (79,95 and 81,02 read apart), each unit's
 * name up its bar when it fits: hand-written SVG, no charting library (why: docs/bieu-do.md). The picture is one image for assistive
 * technology (role="img" with an accessible name saying what it shows); the same figures follow as a
 * table under a disclosure, for screen readers and for anyone who wants the numbers.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import {
  chartAxis,
  chartDescription,
  type AwardThreshold,
  type ChartAxis,
  type ChartPoint,
} from "../../core/distribution";
import { formatScore766 } from "../../core/numbers";
import { CHART_COLOURS } from "../../core/plan/chart-plan";
import { SidewaysScroller } from "./SidewaysScroller";

const BAR = 14;
const BAR_GAP = 2;
const GROUP_GAP = 14;
const AXIS = 30;
const TOP = 12;
const PLOT = 200;
const BOTTOM = 34;
/** A name is written up its bar when it fits: about this many pixels a letter at 9 px. */
const LETTER = 4.9;
const NAME_SIZE = 9;

const useStyles = makeStyles({
  svg: { display: "block", color: tokens.colorNeutralForeground1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  key: { display: "inline-block", width: "12px", height: "12px", marginRight: tokens.spacingHorizontalXS },
  bar: { backgroundColor: `#${CHART_COLOURS.bar}` },
  proposed: { backgroundColor: `#${CHART_COLOURS.proposed}` },
  lineKey: {
    display: "inline-block",
    width: "16px",
    height: "0",
    verticalAlign: "middle",
    marginRight: tokens.spacingHorizontalXS,
    borderTop: `2px dashed #${CHART_COLOURS.threshold}`,
  },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": { padding: "2px 4px", textAlign: "start" },
  },
  number: { textAlign: "end" },
});

interface Placed extends ChartPoint {
  x: number;
}

/** Bars placed left to right, a gap between groups; the groups' spans for their labels. */
function layout(points: readonly ChartPoint[]) {
  const placed: Placed[] = [];
  const groups: { group: string; from: number; to: number }[] = [];
  let x = AXIS + GROUP_GAP / 2;
  points.forEach((p, i) => {
    if (i > 0 && p.group !== points[i - 1].group) x += GROUP_GAP - BAR_GAP;
    const last = groups[groups.length - 1];
    if (!last || last.group !== p.group) groups.push({ group: p.group, from: x, to: x + BAR });
    else last.to = x + BAR;
    placed.push({ ...p, x });
    x += BAR + BAR_GAP;
  });
  return { placed, groups, width: x + GROUP_GAP / 2 };
}

/** The y of a score on an axis from `axis.min` to `axis.max`. */
const yOn = (axis: ChartAxis) => (score: number) => {
  const clamped = Math.max(axis.min, Math.min(axis.max, score));
  return TOP + PLOT - ((clamped - axis.min) / (axis.max - axis.min)) * PLOT;
};

const ticksOf = (axis: ChartAxis) =>
  Array.from(
    { length: Math.round((axis.max - axis.min) / axis.step) + 1 },
    (_, i) => axis.min + i * axis.step,
  );

/** White on the blue bars, near-black on the orange ones: both above 4.5:1. */
const nameColour = (proposed: boolean) => (proposed ? "#242424" : "#ffffff");

interface ScoreChartProps {
  points: ChartPoint[];
  threshold: AwardThreshold;
}

export function ScoreChart({ points, threshold }: ScoreChartProps) {
  const styles = useStyles();
  const { placed, groups, width } = layout(points);
  const axis = chartAxis(points, threshold);
  const yOf = yOn(axis);
  const height = TOP + PLOT + BOTTOM;
  const line = yOf(threshold.value);
  return (
    <>
      <SidewaysScroller
        label="Biểu đồ điểm 766 (cuộn ngang)"
        cue="Biểu đồ rộng hơn ngăn: kéo ngang trong khung (hoặc dùng phím mũi tên) để xem mọi khối."
      >
        <svg
          className={styles.svg}
          role="img"
          aria-label={chartDescription(points, threshold)}
          width={Math.max(width, 280)}
          height={height}
          viewBox={`0 0 ${Math.max(width, 280)} ${height}`}
          data-chart="diem-766"
        >
          {ticksOf(axis).map((t) => (
            <g key={t}>
              <line x1={AXIS} x2={width} y1={yOf(t)} y2={yOf(t)} stroke="currentColor" strokeOpacity={0.15} />
              <text x={AXIS - 4} y={yOf(t) + 3} fontSize={9} textAnchor="end" fill="currentColor">
                {t}
              </text>
            </g>
          ))}
          {placed.map((p) => (
            <rect
              key={`${p.group}|${p.name}|${p.x}`}
              x={p.x}
              y={yOf(p.score)}
              width={BAR}
              height={TOP + PLOT - yOf(p.score)}
              fill={`#${p.proposed ? CHART_COLOURS.proposed : CHART_COLOURS.bar}`}
              data-unit={p.name}
              data-score={p.score}
              data-proposed={p.proposed ? "1" : "0"}
            >
              <title>{`${p.name}: ${formatScore766(p.score)} điểm${p.proposed ? " (đề xuất khen thưởng)" : ""}`}</title>
            </rect>
          ))}
          {placed.map((p) =>
            // Up the bar from its foot, only when the whole name fits inside it.
            p.name.length * LETTER + 6 <= TOP + PLOT - yOf(p.score) ? (
              <text
                key={`name|${p.group}|${p.name}|${p.x}`}
                transform={`translate(${p.x + BAR / 2 + NAME_SIZE / 3} ${TOP + PLOT - 3}) rotate(-90)`}
                fontSize={NAME_SIZE}
                fill={nameColour(p.proposed)}
                data-name-on-bar={p.name}
                aria-hidden="true"
              >
                {p.name}
              </text>
            ) : null,
          )}
          <line
            x1={AXIS}
            x2={width}
            y1={line}
            y2={line}
            stroke={`#${CHART_COLOURS.threshold}`}
            strokeWidth={2}
            strokeDasharray="6 3"
            data-threshold={threshold.value}
          />
          <text x={AXIS + 4} y={line - 4} fontSize={10} fill={`#${CHART_COLOURS.threshold}`}>
            {threshold.label}
          </text>
          {groups.map((g) => (
            <text
              key={g.group}
              x={(g.from + g.to) / 2}
              y={TOP + PLOT + 14}
              fontSize={10}
              textAnchor="middle"
              fill="currentColor"
            >
              {g.group}
            </text>
          ))}
        </svg>
      </SidewaysScroller>
      <ul className={styles.legend} aria-label="Chú giải biểu đồ">
        <li>
          <span className={`${styles.key} ${styles.bar}`} aria-hidden="true" />
          Điểm 766
        </li>
        <li>
          <span className={`${styles.key} ${styles.proposed}`} aria-hidden="true" />
          Đơn vị đề xuất khen thưởng
        </li>
        <li>
          <span className={styles.lineKey} aria-hidden="true" />
          {threshold.label}
        </li>
        <li>
          Trục điểm từ {axis.min} đến {axis.max}
        </li>
      </ul>
      <details>
        <summary>Số liệu của biểu đồ ({points.length} đơn vị)</summary>
        <table className={styles.table} aria-label="Số liệu biểu đồ điểm 766">
          <thead>
            <tr>
              <th scope="col">Khối</th>
              <th scope="col">Đơn vị</th>
              <th scope="col" className={styles.number}>
                Điểm 766
              </th>
              <th scope="col">Đề xuất</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <td>{p.group}</td>
                <td>{p.name}</td>
                <td className={styles.number}>{formatScore766(p.score)}</td>
                <td>{p.proposed ? "Có" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
