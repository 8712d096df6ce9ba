/**
 * The problems of a run, errors apart from warnings and notes, each group with its count and its
 * problems kind by kind (problem-kinds.ts), each kind with its count; each problem
 * is a link that selects its cell in the workbook or, where no grid is on screen (a file in the page),
 * highlights itself and says where its cell is.
 */
import { Button, Link, makeStyles, Subtitle2, tokens, typographyStyles } from "@fluentui/react-components";
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import { useEffect, useId, useRef, useState } from "react";
import type { Problem, ProblemLevel } from "../../core/problems";
import { problemKinds } from "../problem-kinds";
import { placeText, problemAddress } from "../problem-location";

/** Long lists stay usable: the rest of a group is one click away. */
const FIRST_SHOWN = 20;

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
  kinds: {
    ...typographyStyles.caption1,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground2,
  },
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

/** One level's problems under a heading that gives their count. */
function ProblemGroup({
  level,
  problems,
  tableSheet,
  onSelect,
  located,
}: ProblemListProps & { level: ProblemLevel }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const headingId = useId();
  const placeId = useId();
  const placeRef = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    // jsdom has no scrollIntoView.
    placeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [located]);
  const { label, Icon, color } = LEVELS[level];
  // Kind by kind: the same sentence about twelve units is read once, with its count, and its items together.
  const kinds = problemKinds(problems);
  const ordered = kinds.flatMap((kind) => kind.problems);
  const shown = all ? ordered : ordered.slice(0, FIRST_SHOWN);
  const repeated = kinds.length < problems.length;
  return (
    <div role="group" aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.groupHeading}>
        <Icon style={{ color }} aria-hidden />
        {label} ({problems.length})
      </h4>
      {repeated && (
        <p className={styles.kinds}>
          Theo loại: {kinds.map((kind) => `${kind.label} (${kind.problems.length})`).join("; ")}.
        </p>
      )}
      <ul className={styles.list}>
        {shown.map((problem, i) => {
          const here = problem === located;
          return (
            <li key={`${i}:${problem.message}`} className={here ? styles.located : undefined}>
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
        })}
      </ul>
      {shown.length < problems.length && (
        <Button appearance="subtle" onClick={() => setAll(true)}>
          Hiện thêm {problems.length - shown.length} {label.toLocaleLowerCase("vi")}
        </Button>
      )}
    </div>
  );
}
