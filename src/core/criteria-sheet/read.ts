/** Reads the criteria and settings of a "Tiêu chí" sheet as staff left it; refuses a table it cannot trust. */
import {
  parseOperator,
  INPUT_ONE_STOP_RATE,
  INPUT_SCORE_766,
  type Criterion,
  type CriterionKind,
  type WhenNotApplicable,
} from "../criteria";
import { toIsoDate } from "../dates";
import { cellAt, cellText, columnCount, type CellValue, type SheetGrid } from "../grid";
import { formatNumberVi, parseNumberText } from "../numbers";
import { cellProblem, UnusableInputError, type Problem } from "../problems";
import { defaultSettings, type EmulationRating, type Settings } from "../settings";
import { parseTiers, tiersOverMaximum, type Tier } from "../tiers";
import { cleanText, foldKey } from "../text";
import {
  AWARD_FULL,
  AWARD_TOTAL,
  CRITERIA_COLUMNS,
  YES_LABEL,
  NO_LABEL,
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
  if (/^(bac|theo bac|bac thang|muc|theo muc)$/.test(key)) return "tiers";
  return undefined;
}

/** "không tính" (or blank: the default) and "đủ điểm"; undefined for anything else. */
function parseWhenNotApplicable(text: string): WhenNotApplicable | "" | undefined {
  const key = foldKey(text);
  if (key === "") return "";
  if (/^(khong tinh|bo qua|loai khoi tong)$/.test(key)) return "exclude";
  if (/^((tinh )?du diem|diem toi da|tinh diem toi da)$/.test(key)) return "full";
  return undefined;
}

/** "Có", "x" or blank and "Không"; undefined for anything else. */
function parseYesNo(text: string): boolean | undefined {
  const key = foldKey(text);
  if (/^(co|x|yes|can)$/.test(key)) return true;
  if (/^(khong|no|)$/.test(key)) return false;
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
        `cách tính “${get("kind")}” không hợp lệ; chọn “Ngưỡng”, “Bậc”, “Tỷ lệ” hoặc “Nhập tay”.`,
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
    if (kind === "tiers")
      criterion.tiers = readTiers(get("threshold"), code, points, (detail) =>
        fail(row, columnOf.get("threshold"), detail),
      );
    const whenText = get("whenNotApplicable");
    const when = parseWhenNotApplicable(whenText);
    if (when === undefined) {
      fail(
        row,
        columnOf.get("whenNotApplicable"),
        `“${whenText}” ở cột “${headerOf("whenNotApplicable")}” không hợp lệ; ghi “không tính” hoặc “đủ điểm”.`,
      );
    }
    if (when) criterion.whenNotApplicable = when;
    const evidenceText = get("needsEvidence");
    const evidence = parseYesNo(evidenceText);
    if (evidence === undefined) {
      fail(
        row,
        columnOf.get("needsEvidence"),
        `“${evidenceText}” ở cột “${headerOf("needsEvidence")}” không hợp lệ; ghi “Có” hoặc để trống.`,
      );
    }
    if (evidence) criterion.needsEvidence = true;
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

/** The tiers of a "Bậc" criterion; `fail` throws the error at the "Ngưỡng" cell. */
function readTiers(text: string, code: string, maximum: number, fail: (detail: string) => never): Tier[] {
  const parsed = parseTiers(text);
  if (!parsed.ok) return fail(`tiêu chí “${code}” tính theo bậc nhưng ${parsed.detail}.`);
  const over = tiersOverMaximum(parsed.tiers, maximum);
  if (over.length > 0) {
    const { n, tier } = over[0];
    return fail(
      `tiêu chí “${code}”: bậc ${n} cho ${formatNumberVi(tier.points)} điểm, vượt điểm tối đa ${formatNumberVi(maximum)}.`,
    );
  }
  return parsed.tiers;
}

function headerOf(field: Field): string {
  return CRITERIA_COLUMNS.find((c) => c.field === field)?.header ?? field;
}

/** A share of a criterion's maximum: 85, "85%", "85 %" or 0,85 (a cell formatted as percent). */
function shareOf(raw: CellValue): number | undefined {
  if (raw === null || cleanText(cellText(raw)) === "") return 0;
  if (typeof raw === "number") return raw <= 1 ? raw * 100 : raw;
  const parsed = parseNumberText(cleanText(cellText(raw)));
  if (!parsed.ok) return undefined;
  return !parsed.percent && parsed.value <= 1 ? parsed.value * 100 : parsed.value;
}

/** One "Xếp loại thi đua" row: the rating's label, the minimum total, the minimum share of each criterion. */
function readRating(grid: SheetGrid, row: number, first: number): EmulationRating {
  const at = (offset: number) => cellAt(grid, row, first + offset);
  const bad = (offset: number, detail: string) =>
    new UnusableInputError(cellProblem(grid.name, row, first + offset, "error", detail).message);
  const label = cleanText(cellText(at(1)));
  if (!label) throw bad(1, "dòng “Xếp loại thi đua” chưa ghi tên xếp loại, ví dụ “Hoàn thành xuất sắc”.");
  const totalRaw = at(2);
  const total =
    typeof totalRaw === "number"
      ? { ok: true as const, value: totalRaw }
      : parseNumberText(cellText(totalRaw));
  if (!total.ok) {
    throw bad(
      2,
      `xếp loại “${label}” cần tổng điểm tối thiểu là một số, không phải “${cleanText(cellText(totalRaw))}”.`,
    );
  }
  const share = shareOf(at(3));
  if (share === undefined || share < 0 || share > 100) {
    throw bad(
      3,
      `xếp loại “${label}” cần tỷ lệ tối thiểu của mỗi tiêu chí trong khoảng 0–100%, ví dụ “85%”.`,
    );
  }
  return { label, minTotal: total.value, minShare: share };
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
  const ratings: EmulationRating[] = [];
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
      case "yesNo": {
        const yes = parseYesNo(value);
        if (yes === undefined)
          throw bad(`“${label}” cần “${YES_LABEL}” hoặc “${NO_LABEL}”, không phải “${value}”.`);
        spec.set(settings, yes ? YES_LABEL : NO_LABEL);
        break;
      }
      case "ratings": {
        const rating = readRating(grid, row, first);
        lastColumn = Math.max(lastColumn, first + 3);
        ratings.push(rating);
        spec.set(settings, ratings);
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
