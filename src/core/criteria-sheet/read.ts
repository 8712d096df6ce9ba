/** Reads the criteria and settings of a "Tiêu chí" sheet as staff left it; refuses a table it cannot trust. */
import {
  parseOperator,
  INPUT_ONE_STOP_RATE,
  INPUT_SCORE_766,
  type Criterion,
  type CriterionKind,
} from "../criteria";
import { toIsoDate } from "../dates";
import { cellAt, cellText, columnCount, type SheetGrid } from "../grid";
import { parseNumberText } from "../numbers";
import { cellProblem, UnusableInputError, type Problem } from "../problems";
import { defaultSettings, type Settings } from "../settings";
import { cleanText, foldKey } from "../text";
import {
  AWARD_FULL,
  AWARD_TOTAL,
  CRITERIA_COLUMNS,
  SETTING_ROWS,
  SETTINGS_TITLE,
  type CriteriaSheetLayout,
  type Field,
  type SettingRow,
} from "./schema";

function parseKind(text: string): CriterionKind | undefined {
  const key = foldKey(text);
  if (/^(nguong|dat nguong)$/.test(key)) return "threshold";
  if (/^(ty le|ti le|theo ty le)$/.test(key)) return "proportional";
  if (/^(nhap tay|cham tay|thu cong)$/.test(key)) return "manual";
  return undefined;
}

function parseInput(text: string): string {
  const key = foldKey(text);
  if (key.includes("766")) return INPUT_SCORE_766;
  if (key.includes("mot cua")) return INPUT_ONE_STOP_RATE;
  return cleanText(text);
}

interface CriteriaSheetContent {
  criteria: Criterion[];
  settings: Settings;
  problems: Problem[];
  layout: CriteriaSheetLayout;
}

function findCriteriaHeader(grid: SheetGrid): number | undefined {
  for (let row = 0; row < Math.min(grid.values.length, 30); row++) {
    const keys = (grid.values[row] ?? []).map((v) => foldKey(cellText(v)));
    if (keys.includes("ma") && keys.some((k) => k.startsWith("diem"))) return row;
  }
  return undefined;
}

/** Reads the criteria and settings of the "Tiêu chí" sheet. Throws when the criteria table is unusable. */
export function readCriteriaSheet(grid: SheetGrid): CriteriaSheetContent {
  const sheet = grid.name;
  const problems: Problem[] = [];
  const fail = (row: number, col: number | undefined, detail: string): never => {
    throw new UnusableInputError(`${cellProblem(sheet, row, col, "error", detail).message}`);
  };
  const headerRow = findCriteriaHeader(grid);
  if (headerRow === undefined) {
    throw new UnusableInputError(
      `Trang “${sheet}”: không tìm thấy dòng tiêu đề của bảng tiêu chí (cần các cột ${CRITERIA_COLUMNS.filter(
        (c) => c.required,
      )
        .map((c) => `“${c.header}”`)
        .join(", ")}). Hãy sửa lại, hoặc xóa trang này để dùng tiêu chí mặc định.`,
    );
  }
  const columnOf = new Map<Field, number>();
  const width = columnCount(grid);
  for (let col = 0; col < width; col++) {
    const header = cleanText(cellText(cellAt(grid, headerRow, col)));
    if (!header) continue;
    const spec = CRITERIA_COLUMNS.find((c) => foldKey(c.header) === foldKey(header));
    if (spec) columnOf.set(spec.field, col);
    else {
      problems.push(
        cellProblem(
          sheet,
          headerRow,
          col,
          "warning",
          `cột “${header}” không thuộc bảng tiêu chí, được bỏ qua.`,
        ),
      );
    }
  }
  for (const spec of CRITERIA_COLUMNS) {
    if (spec.required && !columnOf.has(spec.field)) {
      fail(headerRow, undefined, `bảng tiêu chí thiếu cột “${spec.header}”.`);
    }
  }

  const criteria: Criterion[] = [];
  let row = headerRow + 1;
  for (; row < grid.values.length; row++) {
    const get = (field: Field) => {
      const col = columnOf.get(field);
      return col === undefined ? "" : cleanText(cellText(cellAt(grid, row, col)));
    };
    const numberOf = (field: Field, required: boolean): number | undefined => {
      const col = columnOf.get(field);
      const raw = col === undefined ? null : cellAt(grid, row, col);
      if (typeof raw === "number") return raw;
      const textValue = get(field);
      if (textValue === "") {
        if (required) fail(row, col, `tiêu chí “${get("code")}” thiếu “${headerOf(field)}”.`);
        return undefined;
      }
      const parsed = parseNumberText(textValue);
      if (!parsed.ok) fail(row, col, `“${textValue}” ở cột “${headerOf(field)}” không phải là số.`);
      return parsed.ok ? parsed.value : undefined;
    };
    const code = get("code");
    if (code === "" && CRITERIA_COLUMNS.every((c) => get(c.field) === "")) break;
    if (code === "") fail(row, columnOf.get("code"), "tiêu chí thiếu mã.");
    if (criteria.some((c) => c.code === code))
      fail(row, columnOf.get("code"), `mã tiêu chí “${code}” bị trùng.`);
    const kind = parseKind(get("kind"));
    if (!kind) {
      fail(
        row,
        columnOf.get("kind"),
        `cách tính “${get("kind")}” không hợp lệ; chọn “Ngưỡng”, “Tỷ lệ” hoặc “Nhập tay”.`,
      );
    }
    const points = numberOf("points", true) as number;
    if (!(points > 0 && points <= 100))
      fail(row, columnOf.get("points"), `điểm tối đa ${points} phải trong khoảng 0–100.`);
    const input = parseInput(get("input"));
    if (!input) fail(row, columnOf.get("input"), `tiêu chí “${code}” chưa ghi dữ liệu cần đọc.`);
    const criterion: Criterion = {
      code,
      title: get("title"),
      points,
      kind: kind as CriterionKind,
      input,
      appliesTo: get("appliesTo").split(";").map(cleanText).filter(Boolean),
      basis: get("basis"),
      sentenceEarned: get("sentenceEarned"),
      sentenceNone: get("sentenceNone"),
    };
    if (kind === "threshold") {
      const operatorText = get("operator");
      const operator = parseOperator(operatorText);
      if (!operator) {
        fail(
          row,
          columnOf.get("operator"),
          `phép so sánh “${operatorText}” không hợp lệ; dùng >, ≥, =, ≤ hoặc <.`,
        );
      }
      criterion.operator = operator;
      criterion.threshold = numberOf("threshold", true);
    }
    if (kind === "proportional") criterion.target = numberOf("target", false) ?? 100;
    criteria.push(criterion);
  }
  if (criteria.length === 0) fail(headerRow, undefined, "bảng tiêu chí chưa có tiêu chí nào.");

  const lastCriterionRow = row - 1;
  const read = readSettings(grid, row, problems);
  const layout: CriteriaSheetLayout = {
    headerRow,
    lastCriterionRow,
    lastRow: Math.max(lastCriterionRow, read.lastRow ?? lastCriterionRow),
    lastColumn: Math.max(...columnOf.values(), read.lastColumn ?? 0),
  };
  return { criteria, settings: read.settings, problems, layout };
}

function headerOf(field: Field): string {
  return CRITERIA_COLUMNS.find((c) => c.field === field)?.header ?? field;
}

interface SettingsRead {
  settings: Settings;
  /** The last row and the rightmost column read (a label and its value), when any. */
  lastRow?: number;
  lastColumn?: number;
}

/** Settings rows below the criteria table: label in the first non-empty cell, value in the next one. */
function readSettings(grid: SheetGrid, fromRow: number, problems: Problem[]): SettingsRead {
  const settings = defaultSettings();
  let lastRow: number | undefined;
  let lastColumn: number | undefined;
  const lists = new Map<SettingRow, string[]>();
  for (let row = fromRow; row < grid.values.length; row++) {
    const line = grid.values[row] ?? [];
    const first = line.findIndex((v) => cleanText(cellText(v)) !== "");
    if (first < 0) continue;
    const label = cleanText(cellText(line[first]));
    lastRow = row;
    lastColumn = Math.max(lastColumn ?? 0, first + 1);
    if (foldKey(label) === foldKey(SETTINGS_TITLE) || foldKey(label) === "muc") continue;
    const spec = SETTING_ROWS.find((s) => foldKey(s.label) === foldKey(label));
    if (!spec) {
      problems.push(
        cellProblem(grid.name, row, first, "warning", `mục cài đặt “${label}” không được hỗ trợ, bỏ qua.`),
      );
      continue;
    }
    const raw = line[first + 1] ?? null;
    const value = cleanText(cellText(raw));
    const bad = (detail: string) =>
      new UnusableInputError(cellProblem(grid.name, row, first + 1, "error", detail).message);
    switch (spec.kind) {
      case "text":
        spec.set(settings, value);
        break;
      case "list":
        if (value) lists.set(spec, [...(lists.get(spec) ?? []), value]);
        else if (!lists.has(spec)) lists.set(spec, []);
        break;
      case "number": {
        const parsed = typeof raw === "number" ? { ok: true as const, value: raw } : parseNumberText(value);
        if (!parsed.ok) throw bad(`“${label}” cần một số, không phải “${value}”.`);
        spec.set(settings, parsed.value);
        break;
      }
      case "year": {
        const year = typeof raw === "number" ? raw : value === "" ? null : Number(value);
        if (year !== null && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
          throw bad(`“${label}” cần một năm như 2025, không phải “${value}”.`);
        }
        spec.set(settings, year ?? "");
        break;
      }
      case "date": {
        if (raw === null || value === "") {
          spec.set(settings, "");
          break;
        }
        const iso = typeof raw === "number" ? toIsoDate(raw) : toIsoDate(value);
        if (!iso)
          throw bad(`“${label}” cần một ngày dạng ngày/tháng/năm (ví dụ 27/04/2023), không phải “${value}”.`);
        spec.set(settings, iso);
        break;
      }
      case "award": {
        const key = foldKey(value);
        if (key === foldKey(AWARD_FULL) || key === "") spec.set(settings, "fullPointsAny");
        else if (key.startsWith("tong diem")) spec.set(settings, "minTotal");
        else throw bad(`“${value}” không phải điều kiện hợp lệ; chọn “${AWARD_FULL}” hoặc “${AWARD_TOTAL}”.`);
        break;
      }
    }
  }
  for (const [spec, items] of lists) spec.set(settings, items);
  return { settings, lastRow, lastColumn };
}
