/** The run's result as a JSON report and as a readable Vietnamese summary. */
import { formatTiers } from "./tiers";
import { OPERATOR_SYMBOLS, INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "./criteria";
import {
  comparisonLines,
  comparisonReport,
  previousReport,
  type ComparisonReport,
  type PreviousReport,
} from "./compare/report";
import { ranksWithinGroups } from "./emulation";
import { awardThreshold, distributionOf, RATING_NAMES, type GroupDistribution } from "./distribution";
import type { LetterModel } from "./letter";
import { formatNumberVi } from "./numbers";
import { PRESETS } from "./presets";
import { problemKinds } from "./problem-kinds";
import type { Problem } from "./problems";
import type { RunResult } from "./run";
import type { CriterionEvidence, PointsDifference } from "./scoring";
import type { SourceMatchReport } from "./sources/join";
import { describeSource, type SourceProvenance } from "./sources/provenance";

interface UnitReport {
  /** The sheet of the unit (units may stand on several sheets of one set). */
  sheet: string;
  /** 1-based row as Excel shows it. */
  row: number;
  name: string;
  group: string;
  score766: number | null;
  points: Record<string, number>;
  total: number;
  rating: string;
  eligible: boolean;
  /** 1 is best within the unit's group (by total, then 766 score); equal units share a rank. */
  rankInGroup: number | null;
  /** "Xếp loại thi đua", when the "Tiêu chí" sheet has its table. */
  emulationRating?: string;
  /** The maximum of the criteria that count for the unit, when the total is converted to 100. */
  maximum?: number;
  /** Evidence and explanations per criterion ("Minh chứng", "Giải trình"), when the table has them. */
  evidence?: readonly CriterionEvidence[];
  /** Self-assessed, computed and assessed points that do not agree. */
  differences?: readonly PointsDifference[];
  explanations: Record<string, string>;
  /** Where the figures came from, when source files were joined. */
  origin?: string;
  /** Last year's figures and the change (with --compare); null for a unit new this year or not paired. */
  previous?: PreviousReport | null;
}

export interface JsonReport {
  sheet: string;
  /** Every sheet read as units of one set. */
  sheets: string[];
  /** 1-based rows of the header. */
  headerRows: { from: number; to: number };
  /** 1-based rows of the first and last unit read: the table that was scored. */
  unitRows: { from: number; to: number };
  criteriaSource: RunResult["criteriaSource"];
  /** The preset of the criteria and settings when the workbook has no "Tiêu chí" sheet. */
  preset?: RunResult["preset"];
  /** The assessment year (null: not known, the letter prints "…") and where it came from. */
  year: number | null;
  yearSource: RunResult["yearSource"];
  criteria: { code: string; points: number; rule: string }[];
  units: UnitReport[];
  /** Rows of the table that are not units (sections, totals, notes…), 1-based, with why. */
  skippedRows: { row: number; reason: string }[];
  eligible: string[];
  /** False when an error touches an input of a criterion: the list is a draft (CLI exit 3). */
  complete: boolean;
  /** The units whose figures such an error touches. */
  unsure: string[];
  problems: Problem[];
  letter: LetterModel;
  /** Files the figures came from: file, kind, sheets read, period, as-of date. */
  sources: SourceProvenance[];
  /** How the table's units met each source's: unmatched and ambiguous units both ways. */
  matches: SourceMatchReport[];
  /** Units per 766 rating band and above the award threshold, per group. */
  distribution: GroupDistribution[];
  /** Last year beside this year (with --compare): the file, new, vanished and ambiguous units. */
  comparison?: ComparisonReport;
}

export function describeCriterion(c: Criterion): string {
  const input =
    c.input === INPUT_SCORE_766
      ? "điểm 766"
      : c.input === INPUT_ONE_STOP_RATE
        ? "tỷ lệ một cửa"
        : `“${c.input}”`;
  const unit = c.input === INPUT_ONE_STOP_RATE ? "%" : "";
  switch (c.kind) {
    case "threshold":
      return `${input} ${OPERATOR_SYMBOLS[c.operator ?? ">="]} ${formatNumberVi(c.threshold ?? 0)}${unit}`;
    case "proportional":
      return `${formatNumberVi(c.points)} × ${input} / ${formatNumberVi(c.target ?? 100)}${unit}`;
    case "manual":
      return `nhập tay ở cột ${input}`;
    case "tiers":
      return `${input} theo bậc ${formatTiers(c.tiers ?? [])}`;
  }
}

export function jsonReport(result: RunResult): JsonReport {
  const { layout } = result.table;
  const ranks = ranksWithinGroups(result.scores);
  return {
    sheet: layout.sheet,
    sheets: result.parts.map((p) => p.layout.sheet),
    headerRows: { from: layout.headerTop + 1, to: layout.headerBottom + 1 },
    unitRows: { from: result.table.firstRow + 1, to: result.table.lastRow + 1 },
    criteriaSource: result.criteriaSource,
    preset: result.preset,
    year: result.year,
    yearSource: result.yearSource,
    criteria: result.criteria.map((c) => ({ code: c.code, points: c.points, rule: describeCriterion(c) })),
    units: result.scores.map((s, i) => ({
      sheet: sheetOf(result, s),
      row: s.unit.row + 1,
      name: s.unit.name,
      group: s.unit.group,
      score766: s.unit.score766,
      points: Object.fromEntries(s.scores.map((c) => [c.code, c.points])),
      total: s.total,
      rating: s.rating,
      eligible: s.eligible,
      rankInGroup: ranks.get(s) ?? null,
      ...(s.emulationRating !== undefined ? { emulationRating: s.emulationRating } : {}),
      ...(result.settings.emulation.convertTo100 ? { maximum: s.maximum } : {}),
      ...(s.evidence.length > 0 ? { evidence: s.evidence } : {}),
      ...(s.differences.length > 0 ? { differences: s.differences } : {}),
      explanations: Object.fromEntries(s.scores.map((c) => [c.code, c.explanation])),
      ...(result.origins.has(s.unit) ? { origin: result.origins.get(s.unit) } : {}),
      ...(result.comparison ? { previous: previousReport(result.comparison.units[i]) } : {}),
    })),
    skippedRows: result.table.skipped.map((s) => ({ row: s.row + 1, reason: s.reason })),
    eligible: result.scores.filter((s) => s.eligible).map((s) => s.unit.name),
    complete: result.completeness.complete,
    unsure: result.completeness.unsure,
    problems: result.problems,
    letter: result.letter,
    sources: result.sources,
    matches: result.matches,
    distribution: distributionOf(result.scores, awardThreshold(result.criteria, result.settings.rating)),
    ...(result.comparison
      ? { comparison: comparisonReport(result.comparison, result.scores, (s) => sheetOf(result, s)) }
      : {}),
  };
}

function sheetOf(result: RunResult, score: RunResult["scores"][number]): string {
  const part = result.parts.find((p) => p.units.includes(score.unit));
  return (part ?? result.table).layout.sheet;
}

const YEAR_SOURCES: Record<RunResult["yearSource"], string> = {
  option: "theo lựa chọn khi chạy",
  sheet: "theo trang “Tiêu chí”",
  workbook: "tìm thấy trong tệp",
  "file-name": "theo tên tệp",
  preset: "theo mẫu tiêu chí",
  none: "",
};

/** "Năm thi đua: 2024 (tìm thấy trong tệp: trang “Theo dõi”, dòng 2)." */
function yearLine(result: RunResult): string {
  if (result.year === null) return "Năm thi đua: chưa rõ — công văn in “…”; chỉ định bằng --year NĂM.";
  const where = result.yearWhere ? `: ${result.yearWhere}` : "";
  return `Năm thi đua: ${result.year} (${YEAR_SOURCES[result.yearSource]}${where}).`;
}

/** "  Sở, ban, ngành: 17 đơn vị — Xuất sắc 0, Tốt 2, …; chưa có điểm 2; không áp dụng 0; trên ngưỡng (> 80): 1". */
function distributionLines(result: RunResult): string[] {
  const threshold = awardThreshold(result.criteria, result.settings.rating);
  return [
    "Phân bố xếp loại Bộ chỉ số 766:",
    ...distributionOf(result.scores, threshold).map(
      (g) =>
        `  ${g.group}: ${g.units} đơn vị — ${RATING_NAMES.map((n) => `${n} ${g.bands[n]}`).join(", ")}; chưa có điểm ${g.noScore}; không áp dụng ${g.notApplicable}; trên ngưỡng (${threshold.test}): ${g.aboveThreshold}`,
    ),
  ];
}

/** What an unsure list means, for the summary, the pane and the web page. */
export function unsureSentence(result: Pick<RunResult, "completeness">): string {
  const { unsure, errors } = result.completeness;
  const names = unsure.length > 0 ? ` (${unsure.map((n) => `“${n}”`).join(", ")})` : "";
  return `danh sách dưới đây chưa chắc đúng vì ${errors.length} lỗi ở số liệu cần để tính điểm của ${unsure.length} đơn vị${names}; hãy sửa các ô báo lỗi rồi chạy lại trước khi gửi công văn.`;
}

const LEVEL_TITLES: Record<Problem["level"], string> = { error: "Lỗi", warning: "Cảnh báo", info: "Ghi chú" };

/** The summary printed by the CLI; at most `maxProblems` problems of each level are listed. */
export function summaryText(result: RunResult, maxProblems = 15): string {
  const { layout } = result.table;
  const lines: string[] = [];
  const headerRows =
    layout.headerTop === layout.headerBottom
      ? `dòng ${layout.headerTop + 1}`
      : `dòng ${layout.headerTop + 1}–${layout.headerBottom + 1}`;
  const sheets = result.parts.map((p) => `“${p.layout.sheet}”`).join(", ");
  lines.push(
    result.parts.length > 1
      ? `Bảng đơn vị: các trang ${sheets} (tính chung một danh sách), ${result.scores.length} đơn vị.`
      : `Bảng đơn vị: trang “${layout.sheet}”, tiêu đề ở ${headerRows}, ${result.scores.length} đơn vị` +
          (result.scores.length > 0
            ? ` ở dòng ${result.table.firstRow + 1}–${result.table.lastRow + 1}.`
            : "."),
  );
  lines.push(yearLine(result));
  if (result.sources.length > 0) {
    lines.push("Nguồn số liệu:");
    for (const source of result.sources) {
      lines.push(`  ${describeSource(source)}`);
      const skipped = source.sheetsSkipped.map((s) => `“${s.sheet}” (${s.note.replace(/\.$/, "")})`);
      if (skipped.length > 0) lines.push(`    Trang không đọc: ${skipped.join("; ")}.`);
      const match = result.matches.filter((m) => m.file === source.file);
      for (const m of match.slice(0, 1)) {
        lines.push(
          `    Ghép với bảng theo dõi: ${m.matched} đơn vị khớp; ${m.unmatchedTable.length} đơn vị của bảng không có trong tệp; ${m.unmatchedSource.length} đơn vị của tệp không có trong bảng; ${m.ambiguous.length} trường hợp không rõ.`,
        );
      }
    }
  }
  const source =
    result.criteriaSource === "sheet"
      ? "trang “Tiêu chí” của tệp"
      : `mẫu “${PRESETS.find((p) => p.id === result.preset)?.label ?? "mặc định"}”`;
  lines.push(`Tiêu chí (${source}):`);
  for (const c of result.criteria) {
    lines.push(`  ${c.code}: ${formatNumberVi(c.points)} điểm khi ${describeCriterion(c)}`);
  }
  const proposed = result.scores.filter((s) => s.eligible);
  if (result.letter.draftMark) lines.push(`${result.letter.draftMark}: ${unsureSentence(result)}`);
  lines.push(`Đơn vị đề xuất khen thưởng: ${proposed.length}`);
  proposed.forEach((s, i) => {
    const earned = s.scores
      .filter((c) => c.points > 0)
      .map((c) => `${c.code}: ${formatNumberVi(c.points)} điểm`)
      .join(", ");
    lines.push(`  ${i + 1}. ${s.unit.name} (${earned}; tổng ${formatNumberVi(s.total)})`);
  });
  lines.push(...distributionLines(result));
  if (result.comparison) lines.push(...comparisonLines(result.comparison, result.scores));
  for (const level of ["error", "warning", "info"] as const) {
    const list = result.problems.filter((p) => p.level === level);
    if (list.length === 0) continue;
    lines.push(`${LEVEL_TITLES[level]} (${list.length}):`);
    // One line per kind: 95 units a source has and the table lacks do not bury the differences.
    const kinds = problemKinds(list);
    for (const kind of kinds.slice(0, maxProblems)) {
      const [first] = kind.problems;
      lines.push(
        kind.problems.length === 1
          ? `  - ${first.message}`
          : `  - ${kind.label}: ${kind.problems.length} mục, ví dụ: ${first.message}`,
      );
    }
    if (kinds.length > maxProblems) {
      lines.push(`  … và ${kinds.length - maxProblems} loại khác (xem --json).`);
    }
  }
  return lines.join("\n");
}
