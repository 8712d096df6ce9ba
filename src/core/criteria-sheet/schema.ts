/**
 * The "Tiêu chí" sheet's schema: the criteria table's columns, the labels of its values and the settings
 * rows below it. The reader (read.ts) and the writer (write.ts) both follow it, so a sheet the tool
 * writes is read back exactly.
 */
import {
  INPUT_ONE_STOP_RATE,
  INPUT_SCORE_766,
  type Criterion,
  type CriterionKind,
  type WhenNotApplicable,
} from "../criteria";
import { isoToVietnamese } from "../dates";
import type { EmulationRating, Settings } from "../settings";

export const CRITERIA_SHEET = "Tiêu chí";
export const SETTINGS_TITLE = "CÀI ĐẶT";

export type Field =
  | "code"
  | "title"
  | "points"
  | "kind"
  | "input"
  | "operator"
  | "threshold"
  | "target"
  | "appliesTo"
  | "whenNotApplicable"
  | "needsEvidence"
  | "basis"
  | "sentenceEarned"
  | "sentenceNone";

export interface CriteriaColumn {
  field: Field;
  header: string;
  required: boolean;
  width: number;
  /** Written only when some criterion uses it, so that a table without it is written as before. */
  usedBy?: (c: Criterion) => boolean;
}

/** The criteria table's columns, in the order the tool writes them. */
export const CRITERIA_COLUMNS: CriteriaColumn[] = [
  { field: "code", header: "Mã", required: true, width: 8 },
  { field: "title", header: "Tên tiêu chí", required: false, width: 40 },
  { field: "points", header: "Điểm tối đa", required: true, width: 10 },
  { field: "kind", header: "Cách tính", required: true, width: 12 },
  { field: "input", header: "Dữ liệu", required: true, width: 18 },
  { field: "operator", header: "So sánh", required: false, width: 10 },
  { field: "threshold", header: "Ngưỡng", required: false, width: 10 },
  { field: "target", header: "Mục tiêu", required: false, width: 10 },
  { field: "appliesTo", header: "Áp dụng cho khối", required: false, width: 18 },
  {
    field: "whenNotApplicable",
    header: "Khi không áp dụng",
    required: false,
    width: 14,
    usedBy: (c) => c.whenNotApplicable !== undefined,
  },
  {
    field: "needsEvidence",
    header: "Cần minh chứng",
    required: false,
    width: 12,
    usedBy: (c) => c.needsEvidence === true,
  },
  { field: "basis", header: "Căn cứ", required: false, width: 30 },
  { field: "sentenceEarned", header: "Câu trong công văn khi có đơn vị đạt", required: false, width: 60 },
  { field: "sentenceNone", header: "Câu khi không có đơn vị đạt", required: false, width: 40 },
];

/** The columns the tool writes for these criteria. */
export function writtenColumns(criteria: readonly Criterion[]): CriteriaColumn[] {
  return CRITERIA_COLUMNS.filter((col) => !col.usedBy || criteria.some(col.usedBy));
}

export const NOT_APPLICABLE_LABELS: Record<WhenNotApplicable, string> = {
  exclude: "không tính",
  full: "đủ điểm",
};
export const YES_LABEL = "Có";
export const NO_LABEL = "Không";

export const KIND_LABELS: Record<CriterionKind, string> = {
  threshold: "Ngưỡng",
  proportional: "Tỷ lệ",
  manual: "Nhập tay",
  tiers: "Bậc",
};
export const INPUT_LABELS: Record<string, string> = {
  [INPUT_SCORE_766]: "Điểm 766",
  [INPUT_ONE_STOP_RATE]: "Tỷ lệ một cửa",
};
type SettingValue = string | number | string[] | EmulationRating[];
export interface SettingRow {
  label: string;
  /**
   * "date" and "year" may be blank: a fact not known yet. "yesNo": "Có" or "Không". "ratings": one row
   * per rating, its label, minimum total and minimum share in the cells after the row's label.
   */
  kind: "text" | "number" | "date" | "year" | "list" | "award" | "yesNo" | "ratings";
  get: (s: Settings) => SettingValue;
  set: (s: Settings, v: SettingValue) => void;
  /** Written only when it holds: a setting that changes nothing by default is left off the sheet. */
  writtenWhen?: (s: Settings) => boolean;
}

const yesNo = (
  label: string,
  get: (s: Settings) => boolean,
  set: (s: Settings, v: boolean) => void,
): SettingRow => ({
  label,
  kind: "yesNo",
  get: (s) => (get(s) ? YES_LABEL : NO_LABEL),
  set: (s, v) => set(s, v === YES_LABEL),
  writtenWhen: get,
});

/** The label of the emulation ratings' rows. */
export const EMULATION_RATINGS_LABEL = "Xếp loại thi đua";

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

/** An ISO date shown as "27/04/2023"; blank stays blank. */
const date = (
  label: string,
  get: (s: Settings) => string,
  set: (s: Settings, v: string) => void,
): SettingRow => ({
  label,
  kind: "date",
  get: (s) => (get(s) ? isoToVietnamese(get(s)) : ""),
  set: (s, v) => set(s, String(v)),
});

/** The setting that holds the assessment year: the first place the run looks for it. */
const YEAR_LABEL = "Năm thi đua";

export const AWARD_FULL = "Đạt đủ điểm ít nhất một tiêu chí";
export const AWARD_TOTAL = "Tổng điểm từ mức tối thiểu";

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
  {
    label: EMULATION_RATINGS_LABEL,
    kind: "ratings",
    get: (s) => s.emulation.ratings,
    set: (s, v) => (s.emulation.ratings = v as EmulationRating[]),
    writtenWhen: (s) => s.emulation.ratings.length > 0,
  },
  yesNo(
    "Quy đổi tổng điểm về thang 100",
    (s) => s.emulation.convertTo100,
    (s, v) => (s.emulation.convertTo100 = v),
  ),
  yesNo(
    "Xếp hạng trong khối",
    (s) => s.emulation.rankInGroup,
    (s, v) => (s.emulation.rankInGroup = v),
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
  date(
    "Ngày ban hành",
    (s) => s.letter.date,
    (s, v) => (s.letter.date = v),
  ),
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
  date(
    "Ngày văn bản kế hoạch thi đua",
    (s) => s.letter.planDate,
    (s, v) => (s.letter.planDate = v),
  ),
  text(
    "Văn bản kết quả đánh giá",
    (s) => s.letter.resultsReference,
    (s, v) => (s.letter.resultsReference = v),
  ),
  date(
    "Ngày văn bản kết quả đánh giá",
    (s) => s.letter.resultsDate,
    (s, v) => (s.letter.resultsDate = v),
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
  {
    label: YEAR_LABEL,
    kind: "year",
    get: (s) => s.letter.year ?? "",
    set: (s, v) => (s.letter.year = v === "" ? null : Number(v)),
  },
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

/** The row of the criteria table's header on the sheet the tool writes (after a title and a note). */
export const WRITTEN_HEADER_ROW = 2;
