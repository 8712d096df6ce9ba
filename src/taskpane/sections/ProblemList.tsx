/**
 * The problems of a run, errors apart from warnings and notes, each group with its count and its
 * problems kind by kind (problem-kinds.ts); a kind repeated many times is one line with its count that
 * opens on its problems; each problem
 * is a link that selects its cell in the workbook or, where no grid is on screen (a file in the page),
 * highlights itself and says where its cell is.
 */
import {
  Button,
  Link,
  makeStyles,
  mergeClasses,
  Subtitle2,
  tokens,
  typographyStyles,
} from "@fluentui/react-components";
import {
  ChevronDown16Regular,
  ChevronRight16Regular,
  ErrorCircle20Filled,
  Info20Filled,
  Warning20Filled,
} from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState } from "react";
import type { Problem, ProblemLevel } from "../../core/problems";
import { problemKinds, type ProblemKind } from "../problem-kinds";
import { placeText, problemAddress } from "../problem-location";

/** Long lists stay usable: the rest of a kind is one click away. */
const FIRST_SHOWN = 20;
/** A kind with this many problems is one line with its count, opened on demand; fewer are listed. */
const FOLDED_FROM = 4;

/**
 * Errors first, then warnings, then notes. A warning is routine (a unit without a score, a letter fact
 * still to fill in): Fluent's warning colour and triangle, never the red of an error.
 */
const LEVELS: Record<ProblemLevel, { label: string; Icon: typeof Warning20Filled; color: string }> = {
  error: {
    label: "Lỗi",
    Icon: ErrorCircle20Filled,
    color: tokens.colorStatusDangerForeground1,
  },
  warning: {
    label: "Cảnh báo",
    Icon: Warning20Filled,
    color: tokens.colorStatusWarningForeground3,
  },
  info: { label: "Ghi chú", Icon: Info20Filled, color: tokens.colorNeutralForeground3 },
};
const LEVEL_ORDER: ProblemLevel[] = ["error", "warning", "info"];

/** "1 lỗi, 4 cảnh báo": the counts of the groups that have problems, for the list's heading. */
export function problemCounts(problems: Problem[]): string {
  return LEVEL_ORDER.map((level) => [level, problems.filter((p) => p.level === level).length] as const)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${LEVELS[level].label.toLocaleLowerCase("vi")}`)
    .join(", ");
}

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "6px",
  },
  link: { display: "flex", gap: tokens.spacingHorizontalS, textAlign: "start", alignItems: "flex-start" },
  // Padded and pulled back by as much, so that the highlighted item's text stays in line with the others.
  located: {
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    margin: `calc(-1 * ${tokens.spacingVerticalXXS}) calc(-1 * ${tokens.spacingHorizontalXS})`,
  },
  place: {
    ...typographyStyles.caption1,
    display: "block",
    marginLeft: "28px",
    color: tokens.colorNeutralForeground2,
  },
  icon: { flexShrink: 0, marginTop: "1px" },
  heading: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS}` },
  kind: {
    justifyContent: "flex-start",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    maxWidth: "100%",
    padding: 0,
  },
  nested: { marginTop: tokens.spacingVerticalXS, marginLeft: "28px" },
  groups: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  groupHeading: {
    ...typographyStyles.body1Strong,
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

interface ProblemListProps {
  problems: Problem[];
  /** The unit table's sheet: its name is left out of the messages, the pane shows it above. */
  tableSheet: string;
  onSelect: (problem: Problem) => void;
  /** The problem last followed where there is no grid to select its cell in. */
  located?: Problem;
}

/** "Trang “Theo dõi 2023”, dòng 39, …" → "Dòng 39, …" for problems of the unit table's sheet. */
function shortMessage(problem: Problem, tableSheet: string): string {
  const prefix = `Trang “${tableSheet}”, `;
  if (problem.sheet !== tableSheet || !problem.message.startsWith(prefix)) return problem.message;
  const rest = problem.message.slice(prefix.length);
  return rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1);
}

export function ProblemList({ problems, tableSheet, onSelect, located }: ProblemListProps) {
  const styles = useStyles();
  const headingId = useId();
  if (problems.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Số liệu cần xem ({problemCounts(problems)})
      </Subtitle2>
      <div className={styles.groups}>
        {LEVEL_ORDER.map((level) => {
          const group = problems.filter((p) => p.level === level);
          return group.length === 0 ? null : (
            <ProblemGroup
              key={level}
              level={level}
              problems={group}
              tableSheet={tableSheet}
              onSelect={onSelect}
              located={located}
            />
          );
        })}
      </div>
    </section>
  );
}

/** One level's problems under a heading that gives their count, kind by kind. */
function ProblemGroup({
  level,
  problems,
  tableSheet,
  onSelect,
  located,
}: ProblemListProps & { level: ProblemLevel }) {
  const styles = useStyles();
  const headingId = useId();
  const { label, Icon, color } = LEVELS[level];
  const item = { level, tableSheet, onSelect, located };
  return (
    <div role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.groupHeading}>
        <Icon style={{ color }} aria-hidden />
        {label} ({problems.length})
      </h4>
      <ul className={styles.list}>
        {problemKinds(problems).map((kind, k) =>
          kind.problems.length >= FOLDED_FROM ? (
            <KindItem key={`kind:${k}`} kind={kind} {...item} />
          ) : (
            kind.problems.map((problem, i) => (
              <ProblemItem key={`${k}:${i}:${problem.message}`} problem={problem} {...item} />
            ))
          ),
        )}
      </ul>
    </div>
  );
}

interface ItemProps {
  level: ProblemLevel;
  tableSheet: string;
  onSelect: (problem: Problem) => void;
  located?: Problem;
}

/**
 * A kind repeated many times, as one line with its count: the one warning that matters is not buried
 * under 96 alike. The line opens on the kind's problems (the first 20, then the rest on demand).
 */
function KindItem({ kind, ...item }: ItemProps & { kind: ProblemKind }) {
  const styles = useStyles();
  const holdsLocated = item.located !== undefined && kind.problems.includes(item.located);
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const listId = useId();
  const { label, Icon, color } = LEVELS[item.level];
  const expanded = open || holdsLocated;
  const shown = all ? kind.problems : kind.problems.slice(0, FIRST_SHOWN);
  return (
    <li>
      <Button
        appearance="subtle"
        className={styles.kind}
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        icon={expanded ? <ChevronDown16Regular /> : <ChevronRight16Regular />}
        onClick={() => setOpen(!expanded)}
      >
        <Icon className={styles.icon} style={{ color }} aria-hidden />
        <span>
          <span className={styles.hidden}>{label}: </span>
          {kind.label} <strong>({kind.problems.length})</strong>
        </span>
      </Button>
      {expanded && (
        <>
          <ul id={listId} className={mergeClasses(styles.list, styles.nested)}>
            {shown.map((problem, i) => (
              <ProblemItem key={`${i}:${problem.message}`} problem={problem} {...item} />
            ))}
          </ul>
          {shown.length < kind.problems.length && (
            <Button appearance="subtle" className={styles.nested} onClick={() => setAll(true)}>
              Hiện thêm {kind.problems.length - shown.length} {label.toLocaleLowerCase("vi")}
            </Button>
          )}
        </>
      )}
    </li>
  );
}

/** One problem: a link that selects its cell, or says where it is when there is no grid. */
function ProblemItem({ problem, level, tableSheet, onSelect, located }: ItemProps & { problem: Problem }) {
  const styles = useStyles();
  const placeId = useId();
  const placeRef = useRef<HTMLSpanElement>(null);
  const here = problem === located;
  useEffect(() => {
    // jsdom has no scrollIntoView.
    if (here) placeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [here]);
  const { label, Icon, color } = LEVELS[level];
  return (
    <li className={here ? styles.located : undefined}>
      {/* A native button inside: Enter and Space select the cell like a click does. */}
      <Link
        as="button"
        appearance="subtle"
        className={styles.link}
        aria-current={here || undefined}
        aria-describedby={here ? placeId : undefined}
        onClick={() => onSelect(problem)}
      >
        <Icon className={styles.icon} style={{ color }} aria-hidden />
        <span>
          <span className={styles.hidden}>{label}: </span>
          {shortMessage(problem, tableSheet)}
        </span>
      </Link>
      {here && (
        <span id={placeId} ref={placeRef} className={styles.place}>
          {placeText(problem.sheet, problemAddress(problem))}: mở tệp bằng Excel để xem hoặc sửa.
        </span>
      )}
    </li>
  );
}
