/** Units per 766 rating band and above the award threshold, per group, with the total: the summary sheet's table. */
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import {
  distributionTotal,
  RATING_NAMES,
  type AwardThreshold,
  type GroupDistribution,
} from "../../core/distribution";
import { SidewaysScroller } from "./SidewaysScroller";

const useStyles = makeStyles({
  // Eleven columns do not fit a narrow pane: the table scrolls sideways in its own box.
  table: { minWidth: "38em" },
  number: { width: "4.2em", textAlign: "end" },
  numberHeader: { justifyContent: "flex-end", textAlign: "end" },
  total: { fontWeight: tokens.fontWeightSemibold },
  // The group's name stays in sight while the counts scroll under it.
  first: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: `1px 0 0 ${tokens.colorNeutralStroke2}`,
  },
});

interface DistributionTableProps {
  groups: GroupDistribution[];
  threshold: AwardThreshold;
}

export function DistributionTable({ groups, threshold }: DistributionTableProps) {
  const styles = useStyles();
  const total = distributionTotal(groups);
  const columns: [string, (g: GroupDistribution) => number][] = [
    ["Số đơn vị", (g) => g.units],
    ...RATING_NAMES.map((name): [string, (g: GroupDistribution) => number] => [name, (g) => g.bands[name]]),
    ["Chưa có điểm", (g) => g.noScore],
    ["Không áp dụng", (g) => g.notApplicable],
    [`Trên ngưỡng (${threshold.test})`, (g) => g.aboveThreshold],
  ];
  const row = (g: GroupDistribution, isTotal: boolean) => (
    <TableRow key={isTotal ? "total" : g.group} className={isTotal ? styles.total : undefined}>
      <TableCell className={styles.first}>{g.group}</TableCell>
      {columns.map(([label, value]) => (
        <TableCell key={label} className={styles.number}>
          {value(g)}
        </TableCell>
      ))}
    </TableRow>
  );
  return (
    <SidewaysScroller
      label="Bảng phân bố xếp loại (cuộn ngang)"
      cue="Bảng rộng hơn ngăn: kéo ngang trong khung (hoặc dùng phím mũi tên) để xem các cột bên phải; cột “Khối” đứng yên."
    >
      <Table
        size="extra-small"
        className={styles.table}
        aria-label="Phân bố xếp loại Bộ chỉ số 766 theo khối"
      >
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.first}>Khối</TableHeaderCell>
            {columns.map(([label]) => (
              <TableHeaderCell
                key={label}
                className={styles.number}
                button={{ className: styles.numberHeader }}
              >
                {label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map((g) => row(g, false))}
          {row(total, true)}
        </TableBody>
      </Table>
    </SidewaysScroller>
  );
}
