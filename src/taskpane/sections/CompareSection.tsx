/**
 * "So sánh với năm trước": the user opens last year's workbook (the tool's scored file of that year, or
 * any unit table of it); each unit of this year shows last year's 766 score, total and proposal beside
 * its own, and the units new this year, gone since, or not paired for a shared name are listed.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { Dismiss16Regular, DocumentArrowLeft20Regular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { Comparison, PreviousUnit, UnitComparison } from "../../core/compare/types";
import { formatNumberVi, formatScore766 } from "../../core/numbers";
import type { RunResult } from "../../core/run";
import type { UnitScore } from "../../core/scoring";
import type { PreviousYearControl } from "../use-previous-year";
import { XlsxFileInput } from "../XlsxFileInput";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  // A task pane is narrow: "75,00 → 79,12 (+4,12)" wraps at its spaces rather than overflow.
  figures: { overflowWrap: "anywhere" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const score = (value: number | null) => (value === null ? "—" : formatScore766(value));
const change = (value: number | null | undefined, format: (v: number) => string) =>
  value === null || value === undefined || value === 0 ? "" : ` (${value > 0 ? "+" : ""}${format(value)})`;
const yesNo = (eligible: boolean | null | undefined) =>
  eligible === null || eligible === undefined ? "—" : eligible ? "Có" : "Không";
const oldFigures = (u: PreviousUnit) =>
  `${u.name}: ${score(u.score766)}; tổng ${formatNumberVi(u.total)}; ${yesNo(u.eligible)}`;

/** A unit that pairs with none of last year's: new this year, or sharing a name that pairs nothing. */
type Unpaired = "new" | "ambiguous" | undefined;

function UnitRow({ s, c, unpaired }: { s: UnitScore; c: UnitComparison; unpaired: Unpaired }) {
  const styles = useStyles();
  const merged = c.from.length > 1;
  const renamed =
    c.from.length === 1 && c.from[0].unit.name !== s.unit.name ? c.from[0].unit.name : undefined;
  return (
    <TableRow>
      <TableCell>
        {s.unit.name}
        {unpaired === "new" && <Caption1> (đơn vị mới)</Caption1>}
        {unpaired === "ambiguous" && <Caption1> (không ghép được: trùng tên hoặc mã)</Caption1>}
        {renamed && <Caption1>{` (năm trước: ${renamed})`}</Caption1>}
        {merged && (
          <div>
            <Caption1>
              {`Sáp nhập từ ${c.from.length} đơn vị, không cộng gộp: ${c.from.map((f) => oldFigures(f.unit)).join(" · ")}`}
            </Caption1>
          </div>
        )}
      </TableCell>
      <TableCell className={styles.figures}>
        {c.previous && !merged
          ? `${score(c.previous.score766)} → ${score(s.unit.score766)}${change(c.change?.score766, formatScore766)}`
          : score(s.unit.score766)}
      </TableCell>
      <TableCell className={styles.figures}>
        {c.previous && !merged
          ? `${formatNumberVi(c.previous.total ?? 0)} → ${formatNumberVi(s.total)}${change(c.change?.total, formatNumberVi)}`
          : formatNumberVi(s.total)}
      </TableCell>
      <TableCell className={styles.figures}>
        {c.previous && !merged ? `${yesNo(c.previous.eligible)} → ${yesNo(s.eligible)}` : yesNo(s.eligible)}
      </TableCell>
    </TableRow>
  );
}

function ComparisonView({ comparison, scores }: { comparison: Comparison; scores: UnitScore[] }) {
  const styles = useStyles();
  const matched = comparison.units.filter((u) => u.from.length > 0).length;
  const fresh = new Set(comparison.newUnits);
  const unpaired = (i: number): Unpaired =>
    comparison.units[i].from.length > 0 ? undefined : fresh.has(i) ? "new" : "ambiguous";
  return (
    <>
      <Body1>
        {`${matched} đơn vị ghép được (${comparison.mapped} theo trang “${comparison.mapSheet}”), ${comparison.newUnits.length} đơn vị mới, ${comparison.vanished.length} đơn vị năm trước không còn, ${comparison.ambiguous.length} trường hợp trùng tên hoặc mã.`}
      </Body1>
      <Table size="small" aria-label="So sánh với năm trước">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Đơn vị</TableHeaderCell>
            <TableHeaderCell>Điểm 766</TableHeaderCell>
            <TableHeaderCell>Tổng điểm</TableHeaderCell>
            <TableHeaderCell>Đề xuất</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {scores.map((s, i) => (
            <UnitRow key={`${s.unit.row}-${i}`} s={s} c={comparison.units[i]} unpaired={unpaired(i)} />
          ))}
        </TableBody>
      </Table>
      {comparison.vanished.length > 0 && (
        <>
          <Caption1>Đơn vị năm trước không còn trong bảng năm nay:</Caption1>
          <ul className={styles.list} aria-label="Đơn vị năm trước không còn">
            {comparison.vanished.map((u) => (
              <li key={`${u.sheet}-${u.row}`}>
                <Caption1>{oldFigures(u)}</Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
      {comparison.ambiguous.length > 0 && (
        <Caption1>
          {`Không ghép được vì trùng tên hoặc mã: ${comparison.ambiguous
            .map((a) => [...a.current, ...a.previous].join(", "))
            .join("; ")}. Hãy ghi rõ ở trang “${comparison.mapSheet}”.`}
        </Caption1>
      )}
      <Caption1>
        {`Đơn vị đổi tên hoặc sáp nhập: ghi ở trang “${comparison.mapSheet}” của sổ tính (tên hoặc mã năm trước → năm nay). Bấm “Tính điểm” để ghi trang “So sánh năm trước”.`}
      </Caption1>
    </>
  );
}

interface CompareSectionProps {
  control: PreviousYearControl;
  /** The latest analysis, with the comparison when a previous year is in force. */
  result?: RunResult;
  disabled: boolean;
  /** Reads the workbook again with the previous year now in force (or none). */
  onChange: () => void;
}

export function CompareSection({ control, result, disabled, onChange }: CompareSectionProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { previous, reading, error } = control.state;
  return (
    <>
      <Caption1>
        Mở tệp của năm trước: tệp đã tính điểm bằng công cụ này (tổng điểm và đề xuất lấy từ các cột kết quả)
        hoặc bảng đơn vị bất kỳ của năm đó (được chấm lại). Đơn vị được ghép theo mã hoặc tên, không ghép khác
        loại, không đoán. Tệp chỉ được đọc trong máy.
      </Caption1>
      <Button
        icon={<DocumentArrowLeft20Regular />}
        disabled={disabled || reading !== undefined}
        onClick={() => input.current?.click()}
      >
        Mở tệp năm trước
      </Button>
      <XlsxFileInput
        ref={input}
        label="Chọn tệp năm trước (.xlsx)"
        onFiles={([file]) => void control.open(file).then((opened) => opened && onChange())}
      />
      {reading && <Spinner size="tiny" label={`Đang đọc “${reading}”…`} />}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {previous && (
        <div className={styles.row}>
          <Body1>
            {`Năm trước: tệp “${previous.file}”${previous.year === null ? "" : ` (năm ${previous.year})`}, ${previous.howText}.`}
          </Body1>
          <Button
            size="small"
            appearance="subtle"
            icon={<Dismiss16Regular />}
            aria-label={`Bỏ so sánh với tệp ${previous.file}`}
            disabled={disabled}
            onClick={() => {
              control.clear();
              onChange();
            }}
          />
        </div>
      )}
      {previous && result?.comparison && (
        <ComparisonView comparison={result.comparison} scores={result.scores} />
      )}
    </>
  );
}
