/** The comparison with last year in the JSON report and in the CLI's summary. */
import { formatNumberVi, formatScore766 } from "../numbers";
import { YES, NO } from "../plan/output-columns";
import type { UnitScore } from "../scoring";
import { matchedByText } from "./compare-sheet";
import type { Comparison, MatchedBy, PreviousUnit, UnitComparison } from "./types";

interface PreviousUnitReport {
  sheet: string;
  /** 1-based row in last year's workbook. */
  row: number;
  name: string;
  code?: string;
  score766: number | null;
  total: number;
  eligible: boolean;
}

/** `units[].previous`: last year's figures (null for a merger: never summed), the change, the old units. */
export interface PreviousReport {
  score766: number | null;
  total: number | null;
  eligible: boolean | null;
  change: { score766: number | null; total: number | null } | null;
  units: (PreviousUnitReport & { matchedBy: MatchedBy })[];
}

export interface ComparisonReport {
  file: string;
  how: Comparison["previous"]["how"];
  howText: string;
  year: number | null;
  /** The sheet of renamed and merged units, and how many of its rows paired units. */
  mapSheet: string;
  mapped: number;
  newUnits: { sheet: string; row: number; name: string }[];
  vanishedUnits: PreviousUnitReport[];
  ambiguous: Comparison["ambiguous"];
}

const previousUnit = (u: PreviousUnit): PreviousUnitReport => ({
  sheet: u.sheet,
  row: u.row + 1,
  name: u.name,
  ...(u.code ? { code: u.code } : {}),
  score766: u.score766,
  total: u.total,
  eligible: u.eligible,
});

export function previousReport(c: UnitComparison): PreviousReport | null {
  if (!c.previous) return null;
  return {
    ...c.previous,
    change: c.change,
    units: c.from.map((f) => ({ ...previousUnit(f.unit), matchedBy: f.by })),
  };
}

export function comparisonReport(
  comparison: Comparison,
  scores: UnitScore[],
  sheetOf: (score: UnitScore) => string,
): ComparisonReport {
  return {
    file: comparison.previous.file,
    how: comparison.previous.how,
    howText: comparison.previous.howText,
    year: comparison.previous.year,
    mapSheet: comparison.mapSheet,
    mapped: comparison.mapped,
    newUnits: comparison.newUnits.map((i) => ({
      sheet: sheetOf(scores[i]),
      row: scores[i].unit.row + 1,
      name: scores[i].unit.name,
    })),
    vanishedUnits: comparison.vanished.map(previousUnit),
    ambiguous: comparison.ambiguous,
  };
}

const score = (value: number | null) => (value === null ? "chưa có điểm" : formatScore766(value));
const signed = (value: number | null, format: (v: number) => string) =>
  value === null ? "" : value === 0 ? " (không đổi)" : ` (${value > 0 ? "+" : ""}${format(value)})`;
const yesNo = (eligible: boolean) => (eligible ? YES : NO);
const figures = (u: Pick<PreviousUnit, "score766" | "total" | "eligible">) =>
  `766 ${score(u.score766)}; tổng ${formatNumberVi(u.total)}; đề xuất ${yesNo(u.eligible)}`;

function unitLine(s: UnitScore, c: UnitComparison, mapSheet: string): string {
  const now = { score766: s.unit.score766, total: s.total, eligible: s.eligible };
  if (c.from.length === 0) return `${s.unit.name}: đơn vị mới; năm nay ${figures(now)}`;
  if (c.from.length > 1) {
    const olds = c.from.map((f) => `${f.unit.name} (${figures(f.unit)})`).join("; ");
    return `${s.unit.name}: sáp nhập từ ${c.from.length} đơn vị, điểm không cộng gộp — ${olds}; năm nay ${figures(now)}`;
  }
  const [{ unit: old, by }] = c.from;
  const renamed =
    old.name === s.unit.name ? "" : ` (năm trước “${old.name}”, ghép theo ${matchedByText(by, mapSheet)})`;
  return (
    `${s.unit.name}${renamed}: 766 ${score(old.score766)} → ${score(now.score766)}${signed(c.change?.score766 ?? null, formatScore766)}; ` +
    `tổng ${formatNumberVi(old.total)} → ${formatNumberVi(now.total)}${signed(c.change?.total ?? null, formatNumberVi)}; ` +
    `đề xuất ${yesNo(old.eligible)} → ${yesNo(now.eligible)}`
  );
}

/** The lines of "So sánh với năm trước" in the CLI's summary. */
export function comparisonLines(comparison: Comparison, scores: UnitScore[]): string[] {
  const { previous } = comparison;
  const year = previous.year === null ? "" : ` (năm ${previous.year})`;
  const matched = comparison.units.filter((u) => u.from.length > 0).length;
  const lines = [
    `So sánh với năm trước: tệp “${previous.file}”${year}, ${previous.howText}.`,
    `  ${matched} đơn vị ghép được (${comparison.mapped} dòng của trang “${comparison.mapSheet}”), ${comparison.newUnits.length} đơn vị mới, ${comparison.vanished.length} đơn vị năm trước không còn, ${comparison.ambiguous.length} trường hợp trùng tên hoặc mã.`,
  ];
  scores.forEach((s, i) =>
    lines.push(`  ${i + 1}. ${unitLine(s, comparison.units[i], comparison.mapSheet)}`),
  );
  if (comparison.vanished.length > 0) {
    lines.push(`  Đơn vị năm trước không còn trong bảng năm nay (${comparison.vanished.length}):`);
    for (const u of comparison.vanished) lines.push(`    - ${u.name} (${figures(u)})`);
  }
  for (const a of comparison.ambiguous) {
    lines.push(
      `  Không ghép được (trùng “${a.key}”): năm nay ${a.current.join(", ") || "—"}; năm trước ${a.previous.join(", ") || "—"}.`,
    );
  }
  return lines;
}
