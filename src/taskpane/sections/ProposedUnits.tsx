/** The units proposed for an award, with the points that earned it; in Excel a unit's name goes to its row. */
import {
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { cellAddress } from "../../core/grid";
import { formatNumberVi } from "../../core/numbers";
import type { UnitScore } from "../../core/scoring";

const useStyles = makeStyles({
  number: { width: "3.5em", textAlign: "end" },
  // The header's content sits in a flex box of its own: right-align it with the figures below.
  numberHeader: { justifyContent: "flex-end" },
  earned: { width: "30%" },
  link: { textAlign: "start" },
});

interface ProposedUnitsProps {
  sheet: string;
  nameColumn: number;
  units: UnitScore[];
  /** Absent where there is no grid to go to (a file in the page): the names are plain text. */
  onSelect?: (sheet: string, address: string) => void;
}

/** "III: 30" for each criterion whose points the unit earned. */
function earned(score: UnitScore): string {
  return score.scores
    .filter((s) => s.points > 0)
    .map((s) => `${s.code}: ${formatNumberVi(s.points)}`)
    .join("; ");
}

export function ProposedUnits({ sheet, nameColumn, units, onSelect }: ProposedUnitsProps) {
  const styles = useStyles();
  return (
    <Table size="small" aria-label="Đơn vị đề xuất khen thưởng">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Đơn vị</TableHeaderCell>
          <TableHeaderCell className={styles.earned}>Tiêu chí đạt</TableHeaderCell>
          <TableHeaderCell className={styles.number} button={{ className: styles.numberHeader }}>
            Tổng
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {units.map((score) => (
          <TableRow key={score.unit.row}>
            <TableCell>
              {onSelect ? (
                <Link
                  as="button"
                  className={styles.link}
                  onClick={() => onSelect(sheet, cellAddress(score.unit.row, nameColumn))}
                >
                  {score.unit.name}
                </Link>
              ) : (
                score.unit.name
              )}
            </TableCell>
            <TableCell className={styles.earned}>{earned(score)}</TableCell>
            <TableCell className={styles.number}>{formatNumberVi(score.total)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
