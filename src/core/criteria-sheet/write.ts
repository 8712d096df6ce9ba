/** The "Tiêu chí" sheet as the tool writes it when the workbook has none: rows of text and numbers. */
import { OPERATOR_SYMBOLS, type Criterion } from "../criteria";
import type { Settings } from "../settings";
import {
  CRITERIA_COLUMNS,
  INPUT_LABELS,
  KIND_LABELS,
  SETTING_ROWS,
  SETTINGS_TITLE,
  WRITTEN_HEADER_ROW,
  type CriteriaSheetLayout,
  type Field,
} from "./schema";

/** The sheet's cells as rows of text and numbers, for the writers. */
export function criteriaSheetRows(criteria: Criterion[], settings: Settings): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [
    ["TIÊU CHÍ CHẤM ĐIỂM THI ĐUA CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH"],
    [
      "Sửa trực tiếp bảng dưới đây rồi chạy lại “Tính điểm”. Dữ liệu: “Điểm 766”, “Tỷ lệ một cửa” hoặc tên một cột của bảng đơn vị. Xóa trang này để quay về tiêu chí mặc định.",
    ],
    CRITERIA_COLUMNS.map((c) => c.header),
  ];
  for (const c of criteria) {
    const values: Record<Field, string | number | null> = {
      code: c.code,
      title: c.title,
      points: c.points,
      kind: KIND_LABELS[c.kind],
      input: INPUT_LABELS[c.input] ?? c.input,
      operator: c.operator ? OPERATOR_SYMBOLS[c.operator] : null,
      threshold: c.threshold ?? null,
      target: c.target ?? null,
      appliesTo: c.appliesTo.join("; ") || null,
      basis: c.basis || null,
      sentenceEarned: c.sentenceEarned || null,
      sentenceNone: c.sentenceNone || null,
    };
    rows.push(CRITERIA_COLUMNS.map((col) => values[col.field]));
  }
  rows.push([], [SETTINGS_TITLE], ["Mục", "Giá trị"]);
  for (const spec of SETTING_ROWS) {
    const value = spec.get(settings);
    if (Array.isArray(value)) for (const item of value) rows.push([spec.label, item]);
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
    lastColumn: CRITERIA_COLUMNS.length - 1,
  };
}
