/**
 * The units proposed for an award, with the points that earned it; in Excel a unit's name goes to its row.
 * A long list comes a page at a time: 9,000 table rows drawn at once froze the page for seconds, and every
 * unit is in "Tất cả đơn vị" (filter "Đề xuất") with its reason anyway.
 */
import {
  Button,
  Caption1,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { cellAddress } from "../../core/grid";
import { formatNumberVi } from "../../core/numbers";
import type { UnitScore } from "../../core/scoring";
import { FILTER_LABELS } from "../unit-rows";

const useStyles = makeStyles({
  number: { width: "3.5em", textAlign: "end" },
  // The header's content sits in a flex box of its own: right-align it with the figures below.
  numberHeader: { justifyContent: "flex-end" },
  earned: { width: "30%" },
  link: { textAlign: "start" },
  more: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** Rows drawn at first and added by each "Hiện thêm". */
export const PROPOSED_PAGE = 100;

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
  const [count, setCount] = useState(PROPOSED_PAGE);
  const shown = units.length > count ? units.slice(0, count) : units;
  const left = units.length - shown.length;
  return (
    <>
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
          {shown.map((score) => (
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
      {left > 0 && (
        <div className={styles.more}>
          <Button onClick={() => setCount(count + PROPOSED_PAGE)}>
            Hiện thêm {formatNumberVi(Math.min(left, PROPOSED_PAGE))} đơn vị đề xuất
          </Button>
          <Caption1>
            Còn {formatNumberVi(left)} đơn vị chưa hiện ở đây; cả {formatNumberVi(units.length)} đơn vị, với
            cách tính điểm của từng đơn vị, có trong “Tất cả đơn vị” (chọn “{FILTER_LABELS.proposed}”).
          </Caption1>
        </div>
      )}
    </>
  );
}
