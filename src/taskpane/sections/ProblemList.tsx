/** The problems of a run; each one is a link that selects its cell in the workbook. */
import { Button, Link, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { ErrorCircle20Filled, Info20Filled, Warning20Filled } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { Problem, ProblemLevel } from "../../core/problems";

/** Long lists stay usable: the rest is one click away. */
const FIRST_SHOWN = 20;

const LEVELS: Record<ProblemLevel, { label: string; Icon: typeof Warning20Filled; color: string }> = {
  error: { label: "Lỗi", Icon: ErrorCircle20Filled, color: tokens.colorPaletteRedForeground1 },
  warning: { label: "Cảnh báo", Icon: Warning20Filled, color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { label: "Ghi chú", Icon: Info20Filled, color: tokens.colorNeutralForeground3 },
};

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
  icon: { flexShrink: 0, marginTop: "1px" },
  heading: { display: "block", margin: `0 0 ${tokens.spacingVerticalXS}` },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});

export interface ProblemListProps {
  problems: Problem[];
  /** The unit table's sheet: its name is left out of the messages, the pane shows it above. */
  tableSheet: string;
  onSelect: (problem: Problem) => void;
}

/** "Trang “Theo dõi 2023”, dòng 39, …" → "Dòng 39, …" for problems of the unit table's sheet. */
function shortMessage(problem: Problem, tableSheet: string): string {
  const prefix = `Trang “${tableSheet}”, `;
  if (problem.sheet !== tableSheet || !problem.message.startsWith(prefix)) return problem.message;
  const rest = problem.message.slice(prefix.length);
  return rest.charAt(0).toLocaleUpperCase("vi") + rest.slice(1);
}

export function ProblemList({ problems, tableSheet, onSelect }: ProblemListProps) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const headingId = useId();
  if (problems.length === 0) return null;
  const shown = all ? problems : problems.slice(0, FIRST_SHOWN);
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        Số liệu cần xem ({problems.length})
      </Subtitle2>
      <ul className={styles.list}>
        {shown.map((problem, i) => {
          const { label, Icon, color } = LEVELS[problem.level];
          return (
            <li key={`${i}:${problem.message}`}>
              {/* A native button inside: Enter and Space select the cell like a click does. */}
              <Link as="button" appearance="subtle" className={styles.link} onClick={() => onSelect(problem)}>
                <Icon className={styles.icon} style={{ color }} aria-hidden />
                <span>
                  <span className={styles.hidden}>{label}: </span>
                  {shortMessage(problem, tableSheet)}
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      {shown.length < problems.length && (
        <Button appearance="subtle" onClick={() => setAll(true)}>
          Hiện thêm {problems.length - shown.length} mục
        </Button>
      )}
    </section>
  );
}
