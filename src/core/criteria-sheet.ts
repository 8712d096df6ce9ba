/**
 * The "Tiêu chí" sheet: the criteria table and the settings below it, as staff edit them in the
 * workbook. Read into criteria and settings; written from them when the workbook has none yet.
 */
import {
  INPUT_ONE_STOP_RATE,
  INPUT_SCORE_766,
  OPERATOR_SYMBOLS,
  parseOperator,
  type Criterion,
  type CriterionKind,
} from "./criteria";
import { isoToVietnamese, toIsoDate } from "./dates";
import { cellAt, cellText, columnCount, type SheetGrid } from "./grid";
import { parseNumberText } from "./numbers";
import { cellProblem, UnusableInputError, type Problem } from "./problems";
import { defaultSettings, type Settings } from "./settings";
import { cleanText, foldKey } from "./text";

export const CRITERIA_SHEET = "Tiêu chí";
export const SETTINGS_TITLE = "CÀI ĐẶT";

type Field =
  | "code"
  | "title"
  | "points"
  | "kind"
  | "input"
  | "operator"
  | "threshold"
  | "target"
  | "appliesTo"
  | "basis"
  | "sentenceEarned"
  | "sentenceNone";

/** The criteria table's columns, in the order the tool writes them. */
export const CRITERIA_COLUMNS: { field: Field; header: string; required: boolean; width: number }[] = [
  { field: "code", header: "Mã", required: true, width: 8 },
  { field: "title", header: "Tên tiêu chí", required: false, width: 40 },
  { field: "points", header: "Điểm tối đa", required: true, width: 10 },
  { field: "kind", header: "Cách tính", required: true, width: 12 },
  { field: "input", header: "Dữ liệu", required: true, width: 18 },
  { field: "operator", header: "So sánh", required: false, width: 10 },
  { field: "threshold", header: "Ngưỡng", required: false, width: 10 },
  { field: "target", header: "Mục tiêu", required: false, width: 10 },
  { field: "appliesTo", header: "Áp dụng cho khối", required: false, width: 18 },
  { field: "basis", header: "Căn cứ", required: false, width: 30 },
  { field: "sentenceEarned", header: "Câu trong công văn khi có đơn vị đạt", required: false, width: 60 },
  { field: "sentenceNone", header: "Câu khi không có đơn vị đạt", required: false, width: 40 },
];

const KIND_LABELS: Record<CriterionKind, string> = {
  threshold: "Ngưỡng",
  proportional: "Tỷ lệ",
  manual: "Nhập tay",
};
const INPUT_LABELS: Record<string, string> = {
  [INPUT_SCORE_766]: "Điểm 766",
  [INPUT_ONE_STOP_RATE]: "Tỷ lệ một cửa",
};

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

type SettingValue = string | number | string[];
interface SettingRow {
  label: string;
  kind: "text" | "number" | "date" | "list" | "award";
  get: (s: Settings) => SettingValue;
  set: (s: Settings, v: SettingValue) => void;
}

const text = (
  label: string,
  get: (s: Settings) => string,
  set: (s: Settings, v: string) => void,
): SettingRow => ({ label, kind: "text", get, set: (s, v) => set(s, String(v)) });
const number = (
  label: string,
  get: (s: Settings) => number,
  set: (s: Settings, v: number) => void,
): SettingRow => ({ label, kind: "number", get, set: (s, v) => set(s, Number(v)) });
const list = (
  label: string,
  get: (s: Settings) => string[],
  set: (s: Settings, v: string[]) => void,
): SettingRow => ({ label, kind: "list", get, set: (s, v) => set(s, v as string[]) });

const AWARD_FULL = "Đạt đủ điểm ít nhất một tiêu chí";
const AWARD_TOTAL = "Tổng điểm từ mức tối thiểu";

/** Settings rows: a label in column A, a value in column B; list rows repeat their label. */
export const SETTING_ROWS: SettingRow[] = [
  number(
    "Xếp loại Xuất sắc: điểm 766 từ",
    (s) => s.rating.excellent,
    (s, v) => (s.rating.excellent = v),
  ),
  number(
    "Xếp loại Tốt: điểm 766 từ",
    (s) => s.rating.good,
    (s, v) => (s.rating.good = v),
  ),
  number(
    "Xếp loại Khá: điểm 766 từ",
    (s) => s.rating.fair,
    (s, v) => (s.rating.fair = v),
  ),
  number(
    "Xếp loại Trung bình: điểm 766 từ",
    (s) => s.rating.average,
    (s, v) => (s.rating.average = v),
  ),
  {
    label: "Điều kiện đề xuất khen thưởng",
    kind: "award",
    get: (s) => (s.award.kind === "minTotal" ? AWARD_TOTAL : AWARD_FULL),
    set: (s, v) => (s.award.kind = v === "minTotal" ? "minTotal" : "fullPointsAny"),
  },
  number(
    "Tổng điểm tối thiểu để đề xuất",
    (s) => s.award.minTotal,
    (s, v) => (s.award.minTotal = v),
  ),
  text(
    "Cơ quan chủ quản",
    (s) => s.letter.parentBody,
    (s, v) => (s.letter.parentBody = v),
  ),
  text(
    "Cơ quan ban hành",
    (s) => s.letter.issuingBody,
    (s, v) => (s.letter.issuingBody = v),
  ),
  text(
    "Tên cơ quan trong văn bản",
    (s) => s.letter.issuerName,
    (s, v) => (s.letter.issuerName = v),
  ),
  text(
    "Số văn bản",
    (s) => s.letter.number,
    (s, v) => (s.letter.number = v),
  ),
  text(
    "Ký hiệu",
    (s) => s.letter.symbol,
    (s, v) => (s.letter.symbol = v),
  ),
  text(
    "Địa danh",
    (s) => s.letter.place,
    (s, v) => (s.letter.place = v),
  ),
  {
    label: "Ngày ban hành",
    kind: "date",
    get: (s) => isoToVietnamese(s.letter.date),
    set: (s, v) => (s.letter.date = String(v)),
  },
  text(
    "Trích yếu",
    (s) => s.letter.subject,
    (s, v) => (s.letter.subject = v),
  ),
  text(
    "Kính gửi",
    (s) => s.letter.recipient,
    (s, v) => (s.letter.recipient = v),
  ),
  list(
    "Căn cứ",
    (s) => s.letter.legalBases,
    (s, v) => (s.letter.legalBases = v),
  ),
  text(
    "Câu mở đầu nhận xét",
    (s) => s.letter.findingsIntro,
    (s, v) => (s.letter.findingsIntro = v),
  ),
  text(
    "Văn bản kế hoạch thi đua",
    (s) => s.letter.planReference,
    (s, v) => (s.letter.planReference = v),
  ),
  text(
    "Văn bản kết quả đánh giá",
    (s) => s.letter.resultsReference,
    (s, v) => (s.letter.resultsReference = v),
  ),
  text(
    "Người có thẩm quyền khen thưởng",
    (s) => s.letter.awardAuthority,
    (s, v) => (s.letter.awardAuthority = v),
  ),
  text(
    "Danh hiệu khen thưởng",
    (s) => s.letter.awardTitle,
    (s, v) => (s.letter.awardTitle = v),
  ),
  number(
    "Năm thi đua",
    (s) => s.letter.year,
    (s, v) => (s.letter.year = v),
  ),
  text(
    "Hạn phản hồi",
    (s) => s.letter.replyDeadline,
    (s, v) => (s.letter.replyDeadline = v),
  ),
  text(
    "Câu đề xuất",
    (s) => s.letter.proposalSentence,
    (s, v) => (s.letter.proposalSentence = v),
  ),
  text(
    "Câu khi không có đơn vị đề xuất",
    (s) => s.letter.noProposalSentence,
    (s, v) => (s.letter.noProposalSentence = v),
  ),
  text(
    "Câu đề nghị cho ý kiến",
    (s) => s.letter.requestSentence,
    (s, v) => (s.letter.requestSentence = v),
  ),
  text(
    "Câu kết",
    (s) => s.letter.closingSentence,
    (s, v) => (s.letter.closingSentence = v),
  ),
  list(
    "Nơi nhận",
    (s) => s.letter.distribution,
    (s, v) => (s.letter.distribution = v),
  ),
  text(
    "Quyền hạn người ký",
    (s) => s.letter.signer.authority,
    (s, v) => (s.letter.signer.authority = v),
  ),
  text(
    "Chức vụ người ký",
    (s) => s.letter.signer.title,
    (s, v) => (s.letter.signer.title = v),
  ),
  text(
    "Họ tên người ký",
    (s) => s.letter.signer.name,
    (s, v) => (s.letter.signer.name = v),
  ),
];

/** Where the criteria table and its settings lie on the sheet (0-based), for formulas that refer to them. */
export interface CriteriaSheetLayout {
  headerRow: number;
  /** The last criterion row (the table is the header row through it). */
  lastCriterionRow: number;
  /** The last row read for the settings (the last criterion row when there are none). */
  lastRow: number;
  /** The rightmost column the table or the settings use. */
  lastColumn: number;
}

export interface CriteriaSheetContent {
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
      case "date": {
        const iso = typeof raw === "number" ? toIsoDate(raw) : toIsoDate(value);
        if (!iso) throw bad(`“${label}” cần một ngày dạng dd/mm/yyyy, không phải “${value}”.`);
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

/** The row of the criteria table's header on the sheet the tool writes (after a title and a note). */
export const WRITTEN_HEADER_ROW = 2;

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
