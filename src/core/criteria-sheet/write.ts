/** The "Tiêu chí" sheet as the tool writes it when the workbook has none: rows of text and numbers. */
import { OPERATOR_SYMBOLS, type Criterion } from "../criteria";
import { formatNumberVi } from "../numbers";
import type { EmulationRating, Settings } from "../settings";
import { formatTiers } from "../tiers";
import {
  INPUT_LABELS,
  KIND_LABELS,
  NOT_APPLICABLE_LABELS,
  SETTING_ROWS,
  SETTINGS_TITLE,
  WRITTEN_HEADER_ROW,
  writtenColumns,
  YES_LABEL,
  type CriteriaSheetLayout,
  type Field,
} from "./schema";

type Cell = string | number | null;

/** One criterion's cells by field. */
function criterionCells(c: Criterion): Record<Field, Cell> {
  return {
    code: c.code,
    title: c.title,
    points: c.points,
    kind: KIND_LABELS[c.kind],
    input: INPUT_LABELS[c.input] ?? c.input,
    operator: c.operator ? OPERATOR_SYMBOLS[c.operator] : null,
    // A "Bậc" criterion keeps its tiers in the "Ngưỡng" cell, as the clerk typed them.
    threshold: c.kind === "tiers" ? formatTiers(c.tiers ?? []) : (c.threshold ?? null),
    target: c.target ?? null,
    appliesTo: c.appliesTo.join("; ") || null,
    whenNotApplicable: c.whenNotApplicable ? NOT_APPLICABLE_LABELS[c.whenNotApplicable] : null,
    needsEvidence: c.needsEvidence ? YES_LABEL : null,
    basis: c.basis || null,
    sentenceEarned: c.sentenceEarned || null,
    sentenceNone: c.sentenceNone || null,
  };
}

/** A rating's row: its label, the minimum total, the minimum share as "85%". */
function ratingCells(label: string, rating: EmulationRating): Cell[] {
  return [label, rating.label, rating.minTotal, `${formatNumberVi(rating.minShare, 6)}%`];
}

/** The sheet's cells as rows of text and numbers, for the writers. */
export function criteriaSheetRows(criteria: Criterion[], settings: Settings): Cell[][] {
  const columns = writtenColumns(criteria);
  const rows: Cell[][] = [
    ["TIÊU CHÍ CHẤM ĐIỂM THI ĐUA CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"],
    [
      "Sửa trực tiếp bảng dưới đây rồi chạy lại “Tính điểm”. Dữ liệu: “Điểm 766”, “Tỷ lệ một cửa” hoặc tên một cột của bảng đơn vị. Xóa trang này để quay về tiêu chí mặc định.",
    ],
    columns.map((c) => c.header),
  ];
  for (const c of criteria) {
    const values = criterionCells(c);
    rows.push(columns.map((col) => values[col.field]));
  }
  rows.push([], [SETTINGS_TITLE], ["Mục", "Giá trị"]);
  for (const spec of SETTING_ROWS) {
    if (spec.writtenWhen && !spec.writtenWhen(settings)) continue;
    const value = spec.get(settings);
    if (spec.kind === "ratings") {
      for (const rating of value as EmulationRating[]) rows.push(ratingCells(spec.label, rating));
    } else if (Array.isArray(value)) for (const item of value as string[]) rows.push([spec.label, item]);
    else rows.push([spec.label, value]);
  }
  return rows;
}

/** The layout of the sheet that criteriaSheetRows gives, as readCriteriaSheet finds it. */
export function writtenCriteriaLayout(criteria: Criterion[], settings: Settings): CriteriaSheetLayout {
  const rows = criteriaSheetRows(criteria, settings);
  return {
    headerRow: WRITTEN_HEADER_ROW,
    lastCriterionRow: WRITTEN_HEADER_ROW + criteria.length,
    lastRow: rows.length - 1,
    lastColumn: Math.max(writtenColumns(criteria).length, ...rows.map((r) => r.length)) - 1,
  };
}
