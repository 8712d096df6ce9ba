/** Turns one cell into a number the way staff mean it, or into a problem that says why it cannot. */
import { isCellError, isUncalculated, type CellValue } from "../grid";
import { formatNumberVi, parseNumberText } from "../numbers";

export type CellNumber =
  | { kind: "blank" }
  /** `percentScore`: a score cell formatted as percent (0.8437 shown 84.37%), read as 84.37 points. */
  | { kind: "number"; value: number; percentScore?: boolean }
  | { kind: "bad"; detail: string };

/** A dash means "nothing here" (no procedures at that level), as a blank does. */
const DASH = /^[-‐-―−]$/;

/** How to fix a formula the file holds without its value. */
export function uncalculatedDetail(formula: string): string {
  return `ô có công thức “${formula}” nhưng tệp không lưu kết quả của công thức (tệp được ghi bằng chương trình không tính công thức, ví dụ openpyxl): hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi chạy lại.`;
}

export type NumberKind = "score" | "rate" | "count" | "plain";

const LABELS: Record<NumberKind, string> = {
  score: "điểm",
  rate: "tỷ lệ",
  count: "số thủ tục",
  plain: "giá trị",
};

/**
 * `fractionColumn`: a rate column whose figures are fractions (0.965) without a percent format.
 * Scores must lie in 0–100 and rates in 0–100%.
 */
export function readNumberCell(
  value: CellValue,
  format: string,
  kind: NumberKind,
  fractionColumn = false,
): CellNumber {
  const label = LABELS[kind];
  if (value === null || (typeof value === "string" && value.trim() === "")) return { kind: "blank" };
  if (typeof value === "string" && DASH.test(value.trim())) return { kind: "blank" };
  if (isUncalculated(value)) return { kind: "bad", detail: uncalculatedDetail(value.uncalculated) };
  if (isCellError(value))
    return { kind: "bad", detail: `ô có lỗi ${value.error}, không có ${label} để tính.` };
  if (typeof value === "boolean") {
    return {
      kind: "bad",
      detail: `ô chứa giá trị đúng/sai (${value ? "TRUE" : "FALSE"}), không phải là ${label}.`,
    };
  }
  let number: number;
  const percentScore = kind === "score" && typeof value === "number" && format.includes("%");
  if (typeof value === "number") {
    const percent = format.includes("%") && (kind === "rate" || kind === "score");
    number = percent || (kind === "rate" && fractionColumn) ? value * 100 : value;
  } else {
    const parsed = parseNumberText(value, kind === "count");
    if (!parsed.ok) {
      return { kind: "bad", detail: `không đọc được ${label} “${value.trim()}” thành số.` };
    }
    number = parsed.value;
  }
  if (!Number.isFinite(number)) return { kind: "bad", detail: `${label} không hợp lệ.` };
  // Numbers are formatted only for the message of a figure out of range, not for every good one.
  if (kind === "score" && (number < 0 || number > 100)) {
    return { kind: "bad", detail: `điểm ${formatNumberVi(number)} nằm ngoài thang 0–100.` };
  }
  if (kind === "rate" && (number < 0 || number > 100.0000001)) {
    return { kind: "bad", detail: `tỷ lệ ${formatNumberVi(number)}% nằm ngoài khoảng 0–100%.` };
  }
  if (kind === "count" && (number < 0 || !Number.isInteger(number))) {
    return { kind: "bad", detail: `số thủ tục ${formatNumberVi(number)} phải là số nguyên không âm.` };
  }
  const rounded = Math.round(number * 1e9) / 1e9;
  return percentScore ? { kind: "number", value: rounded, percentScore } : { kind: "number", value: rounded };
}

/**
 * A rate column typed as fractions (0.965 for 96.5%) without a percent format: every figure lies in
 * 0–1 and at least one lies strictly between them.
 */
export function isFractionColumn(values: CellValue[], formats: string[]): boolean {
  let between = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === "string" && value.includes("%")) return false;
    if (typeof value !== "number") continue;
    if (formats[i]?.includes("%")) return false;
    if (value < 0 || value > 1) return false;
    if (value > 0 && value < 1) between = true;
  }
  return between;
}
