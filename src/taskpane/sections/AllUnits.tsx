/**
 * "Tất cả đơn vị": every scored unit with its figures (the 766 score, each level's one-stop rate), its
 * points per criterion, its total, whether it is proposed and why ("Cách tính điểm", the core's own
 * explanation), filtered and searched by name. Only the rows in sight are drawn, so that 20,000 units
 * scroll as lightly as 30; the table scrolls in its own box, its first column and header staying.
 */
import {
  Button,
  Caption1,
  Input,
  Label,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import { Search20Regular } from "@fluentui/react-icons";
import { useEffect, useId, useMemo, useRef, useState, type UIEvent } from "react";
import type { Criterion } from "../../core/criteria";
import { formatNumberVi } from "../../core/numbers";
import { LEVEL_LABELS, type Level } from "../../core/reader/columns";
import type { RunResult } from "../../core/run";
import {
  FILTER_LABELS,
  FILTERS,
  filterCounts,
  filterRows,
  rateAt,
  rateLevelsOf,
  unitRowsOf,
  type UnitFilter,
  type UnitRow,
} from "../unit-rows";

/** Every row is this tall (its name and its reason cut to two lines): the rows in sight follow from it. */
export const ROW_HEIGHT = 44;
/** Rows drawn above and below the box, so that a quick scroll shows no blank. */
const OVERSCAN = 8;
/** Until the box is measured (and in jsdom, which measures nothing). */
const FALLBACK_HEIGHT = 420;

const NAME_WIDTH = 190;
const NUMBER_WIDTH = 76;
const REASON_WIDTH = 340;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  controls: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  search: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    flexGrow: 1,
    minWidth: "12em",
  },
  filters: { flexWrap: "wrap" },
  // The table's own scroll box: the page never scrolls sideways for it.
  box: {
    position: "relative",
    maxHeight: "min(60vh, 480px)",
    overflow: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { display: "inline-block", minWidth: "100%" },
  row: { display: "grid", height: `${ROW_HEIGHT}px`, boxSizing: "border-box" },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    height: "auto",
    minHeight: "36px",
    backgroundColor: tokens.colorNeutralBackground3,
    ...typographyStyles.caption1Strong,
  },
  cell: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflow: "hidden",
    ...typographyStyles.caption1,
  },
  number: { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  // The unit's name stays in sight while the figures scroll under it.
  first: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  firstHeader: { backgroundColor: tokens.colorNeutralBackground3 },
  clamp: { display: "-webkit-box", WebkitLineClamp: 2, WebkitBoxOrient: "vertical", overflow: "hidden" },
  nameButton: {
    ...typographyStyles.caption1,
    minWidth: 0,
    height: "auto",
    padding: 0,
    justifyContent: "flex-start",
    textAlign: "start",
  },
  proposed: { backgroundColor: tokens.colorPaletteGreenBackground1 },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
  },
  cue: { color: tokens.colorNeutralForeground2 },
  detail: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  facts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `2px ${tokens.spacingHorizontalM}`,
  },
  fact: { margin: 0 },
  contents: { display: "contents" },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

const vi = (value: number | null, suffix = "") =>
  value === null ? "—" : `${formatNumberVi(value, 2)}${suffix}`;

/** A criterion's points for the unit: "—" where it does not apply, apart from 0 for a figure missing. */
function pointsText(row: UnitRow, code: string): { text: string; spoken?: string } {
  const score = row.score.scores.find((s) => s.code === code);
  if (!score || !score.applies) return { text: "—", spoken: "không áp dụng" };
  if (score.blank) return { text: "0", spoken: "0, chưa có số liệu" };
  return { text: formatNumberVi(score.points) };
}

const levelTitle = (level: Level) => (LEVEL_LABELS[level] ? `Tỷ lệ ${LEVEL_LABELS[level]}` : "Tỷ lệ một cửa");

interface AllUnitsProps {
  result: RunResult;
}

export function AllUnits({ result }: AllUnitsProps) {
  const styles = useStyles();
  const rows = useMemo(() => unitRowsOf(result), [result]);
  const counts = useMemo(() => filterCounts(rows), [rows]);
  const levels = useMemo(() => rateLevelsOf(rows), [rows]);
  const [filter, setFilter] = useState<UnitFilter>("all");
  const [query, setQuery] = useState("");
  const shown = useMemo(() => filterRows(rows, filter, query), [rows, filter, query]);
  const [selected, setSelected] = useState<UnitRow | undefined>();
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);
  const box = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const searchId = useId();
  const detailId = useId();

  useEffect(() => {
    const element = box.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || FALLBACK_HEIGHT));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // A new filter or search starts at the top.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [filter, query]);

  const columns = [
    `${NAME_WIDTH}px`,
    `${NUMBER_WIDTH}px`,
    ...levels.map(() => `${NUMBER_WIDTH}px`),
    ...result.criteria.map(() => `${NUMBER_WIDTH - 16}px`),
    `${NUMBER_WIDTH - 10}px`,
    `${NUMBER_WIDTH}px`,
    `${REASON_WIDTH}px`,
  ].join(" ");
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const visible = shown.slice(first, last);

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        Tất cả đơn vị ({rows.length})
      </Subtitle2>
      <div className={styles.controls}>
        <div className={styles.search}>
          <Label htmlFor={searchId} size="small">
            Tìm theo tên đơn vị
          </Label>
          <Input
            id={searchId}
            type="search"
            size="small"
            contentBefore={<Search20Regular aria-hidden />}
            value={query}
            onChange={(_, data) => setQuery(data.value)}
          />
        </div>
        <RadioGroup
          layout="horizontal"
          aria-label="Lọc đơn vị"
          className={styles.filters}
          value={filter}
          onChange={(_, data) => setFilter(data.value as UnitFilter)}
        >
          {FILTERS.map((f) => (
            <Radio key={f} value={f} label={`${FILTER_LABELS[f]} (${counts[f]})`} />
          ))}
        </RadioGroup>
      </div>
      <Caption1 role="status" className={styles.cue}>
        {shown.length === rows.length
          ? `${rows.length} đơn vị.`
          : `${shown.length} trong ${rows.length} đơn vị.`}{" "}
        Bảng cuộn dọc và ngang trong khung; bấm tên đơn vị để xem chi tiết.
      </Caption1>
      <div
        ref={box}
        className={styles.box}
        role="region"
        aria-label="Bảng tất cả đơn vị (cuộn được)"
        tabIndex={0}
        onScroll={(event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div
          role="table"
          aria-label="Tất cả đơn vị"
          aria-rowcount={shown.length + 1}
          className={styles.table}
        >
          <div role="rowgroup">
            <div
              role="row"
              aria-rowindex={1}
              className={mergeClasses(styles.row, styles.header)}
              style={{ gridTemplateColumns: columns }}
            >
              <div
                role="columnheader"
                className={mergeClasses(styles.cell, styles.first, styles.firstHeader)}
              >
                Đơn vị
              </div>
              <div role="columnheader" className={mergeClasses(styles.cell, styles.number)}>
                Điểm 766
              </div>
              {levels.map((level) => (
                <div role="columnheader" key={level} className={mergeClasses(styles.cell, styles.number)}>
                  {levelTitle(level)}
                </div>
              ))}
              {result.criteria.map((c) => (
                <div role="columnheader" key={c.code} className={mergeClasses(styles.cell, styles.number)}>
                  {c.code}
                </div>
              ))}
              <div role="columnheader" className={mergeClasses(styles.cell, styles.number)}>
                Tổng
              </div>
              <div role="columnheader" className={styles.cell}>
                Đề xuất
              </div>
              <div role="columnheader" className={styles.cell}>
                Cách tính điểm
              </div>
            </div>
          </div>
          <div
            role="rowgroup"
            style={{
              paddingTop: first * ROW_HEIGHT,
              height: shown.length * ROW_HEIGHT,
              boxSizing: "border-box",
            }}
          >
            {visible.map((row, i) => (
              <UnitLine
                key={`${row.sheet}:${row.score.unit.row}`}
                row={row}
                index={first + i}
                columns={columns}
                levels={levels}
                criteria={result.criteria}
                selected={row === selected}
                detailId={detailId}
                onSelect={() => setSelected(row)}
              />
            ))}
          </div>
        </div>
      </div>
      {shown.length === 0 && <Text>Không có đơn vị nào khớp.</Text>}
      {selected && <UnitDetail id={detailId} row={selected} criteria={result.criteria} levels={levels} />}
    </section>
  );
}

interface UnitLineProps {
  row: UnitRow;
  index: number;
  columns: string;
  levels: Level[];
  criteria: Criterion[];
  selected: boolean;
  detailId: string;
  onSelect: () => void;
}

function UnitLine({ row, index, columns, levels, criteria, selected, detailId, onSelect }: UnitLineProps) {
  const styles = useStyles();
  const { score } = row;
  const tint = score.eligible ? styles.proposed : undefined;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={mergeClasses(styles.row, selected && styles.selected)}
      style={{ gridTemplateColumns: columns }}
    >
      <div role="rowheader" className={mergeClasses(styles.cell, styles.first, tint)}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.nameButton}
          aria-expanded={selected}
          aria-controls={selected ? detailId : undefined}
          onClick={onSelect}
        >
          <span className={styles.clamp}>{score.unit.name}</span>
        </Button>
      </div>
      <div role="cell" className={mergeClasses(styles.cell, styles.number, tint)}>
        {vi(score.unit.score766)}
      </div>
      {levels.map((level) => (
        <div role="cell" key={level} className={mergeClasses(styles.cell, styles.number, tint)}>
          {vi(rateAt(row, level), " %")}
        </div>
      ))}
      {criteria.map((c) => {
        const points = pointsText(row, c.code);
        return (
          <div role="cell" key={c.code} className={mergeClasses(styles.cell, styles.number, tint)}>
            <span aria-hidden={points.spoken ? true : undefined}>{points.text}</span>
            {points.spoken && <span className={styles.hidden}>{points.spoken}</span>}
          </div>
        );
      })}
      <div role="cell" className={mergeClasses(styles.cell, styles.number, tint)}>
        {formatNumberVi(score.total)}
      </div>
      <div role="cell" className={mergeClasses(styles.cell, tint)}>
        {score.eligible ? "Có" : "Không"}
        {row.problems.length > 0 && ` · ${row.problems.length} vấn đề`}
      </div>
      <div role="cell" className={mergeClasses(styles.cell, tint)}>
        <span className={styles.clamp}>{score.explanation}</span>
      </div>
    </div>
  );
}

/** The chosen unit in full: its figures, each criterion's points and why, and the problems at its row. */
function UnitDetail({
  id,
  row,
  criteria,
  levels,
}: {
  id: string;
  row: UnitRow;
  criteria: Criterion[];
  levels: Level[];
}) {
  const styles = useStyles();
  const { score } = row;
  return (
    <div id={id} className={styles.detail} role="group" aria-label={`Chi tiết: ${score.unit.name}`}>
      <Text weight="semibold">{score.unit.name}</Text>
      <dl className={styles.facts}>
        <dt>Trang, dòng</dt>
        <dd className={styles.fact}>
          {row.sheet}, dòng {score.unit.row + 1}
        </dd>
        {score.unit.group && (
          <>
            <dt>Khối</dt>
            <dd className={styles.fact}>{score.unit.group}</dd>
          </>
        )}
        <dt>Điểm 766</dt>
        <dd className={styles.fact}>
          {score.unit.score766 === null ? "chưa có số liệu" : vi(score.unit.score766)}
        </dd>
        {levels.map((level) => (
          <div key={level} className={styles.contents}>
            <dt>{levelTitle(level)}</dt>
            <dd className={styles.fact}>
              {rateAt(row, level) === null ? "chưa có số liệu" : vi(rateAt(row, level), " %")}
            </dd>
          </div>
        ))}
        {criteria.map((c) => {
          const s = score.scores.find((x) => x.code === c.code);
          return (
            <div key={c.code} className={styles.contents}>
              <dt>Tiêu chí {c.code}</dt>
              <dd className={styles.fact}>
                {s && s.applies
                  ? `${formatNumberVi(s.points)}/${formatNumberVi(c.points)} điểm`
                  : "không áp dụng"}
              </dd>
            </div>
          );
        })}
        <dt>Tổng</dt>
        <dd className={styles.fact}>{formatNumberVi(score.total)} điểm</dd>
        <dt>Đề xuất</dt>
        <dd className={styles.fact}>{score.eligible ? "Có" : "Không"}</dd>
      </dl>
      <Text>Cách tính điểm: {score.explanation}</Text>
      {row.problems.length > 0 && (
        <ul>
          {row.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
