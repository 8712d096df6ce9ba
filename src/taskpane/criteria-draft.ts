/**
 * The criteria and settings as the user edits them in the pane: numbers are kept as typed ("79,5") until
 * saved, so that a half-typed number is shown as an error instead of being lost.
 */
import { defaultCriteria, type Criterion } from "../core/criteria";
import {
  EMULATION_RATINGS_LABEL,
  NO_LABEL,
  SETTING_ROWS,
  YES_LABEL,
  type SettingRow,
} from "../core/criteria-sheet/schema";
import { toIsoDate } from "../core/dates";
import { formatNumberVi, parseNumberText } from "../core/numbers";
import type { EmulationRating, Settings } from "../core/settings";
import { formatTiers, parseTiers, tiersOverMaximum } from "../core/tiers";

export interface CriterionDraft {
  criterion: Criterion;
  points: string;
  threshold: string;
  /** A "Bậc" criterion's tiers as typed: "≥ 90: 30; > 80: 20". */
  tiers: string;
}

export interface Draft {
  criteria: CriterionDraft[];
  settings: Settings;
  /**
   * Each date setting as typed ("05/02/2024"), by its label: the setting follows its text whenever the
   * text is a date, and a half-typed or impossible one is shown as an error instead of being lost.
   */
  dateTexts: Record<string, string>;
  /** The "Xếp loại thi đua" rows as typed, best first; they replace the settings' ratings when saved. */
  ratings: RatingDraft[];
}

/** One emulation rating as typed: its numbers kept as text until saved, as the criteria's are. */
export interface RatingDraft {
  label: string;
  minTotal: string;
  /** Percent of each criterion's maximum, without the "%" sign: "85". */
  minShare: string;
}

/**
 * The settings the letter needs, as the "Tiêu chí" sheet's schema lists them (texts, dates, lists): a
 * setting added to the schema gets its field in "Công văn" without code of its own. The rating bands,
 * the award's rule and the year have their own sections.
 */
export const LETTER_ROWS: SettingRow[] = SETTING_ROWS.filter(
  (row) => row.kind === "text" || row.kind === "date" || row.kind === "list",
);

/** Text settings that hold a date as the letter prints it ("04/03/2024"): checked as dates. */
const DATE_TEXT_ROWS = new Set(["Hạn phản hồi"]);

/** Whether the setting is typed as a date, kept as ISO or as text. */
export const isDateRow = (row: SettingRow) => row.kind === "date" || DATE_TEXT_ROWS.has(row.label);

/** Numbers as staff write them, with up to six decimals ("96,5", "100"). */
const numberText = (value: number | undefined) => (value === undefined ? "" : formatNumberVi(value, 6));

function criterionDraft(criterion: Criterion): CriterionDraft {
  return {
    criterion,
    points: numberText(criterion.points),
    threshold: numberText(criterion.threshold),
    tiers: formatTiers(criterion.tiers ?? []),
  };
}

export function draftOf(criteria: Criterion[], settings: Settings): Draft {
  // Settings are plain JSON: a deep copy keeps the edits off the result they came from.
  return {
    criteria: criteria.map(criterionDraft),
    settings: JSON.parse(JSON.stringify(settings)) as Settings,
    dateTexts: Object.fromEntries(
      SETTING_ROWS.filter((row) => row.kind === "date").map((row) => [row.label, String(row.get(settings))]),
    ),
    ratings: settings.emulation.ratings.map((r) => ({
      label: r.label,
      minTotal: numberText(r.minTotal),
      minShare: numberText(r.minShare),
    })),
  };
}

export function withDefaultCriteria(draft: Draft): Draft {
  return { ...draft, criteria: defaultCriteria().map(criterionDraft) };
}

export function pointsError(text: string): string | undefined {
  const parsed = parseNumberText(text);
  if (!parsed.ok) return "Nhập một số, ví dụ 30.";
  if (!(parsed.value > 0 && parsed.value <= 100)) return "Điểm tối đa phải lớn hơn 0 và không quá 100.";
  return undefined;
}

export function thresholdError(text: string): string | undefined {
  return parseNumberText(text).ok ? undefined : "Nhập một số, ví dụ 80 hoặc 79,5.";
}

/** Unreadable tiers, or a tier worth more than the maximum typed beside them. */
export function tiersError(text: string, pointsText: string): string | undefined {
  const parsed = parseTiers(text);
  if (!parsed.ok) return `Không đọc được: ${parsed.detail}.`;
  const points = parseNumberText(pointsText);
  const over = points.ok ? tiersOverMaximum(parsed.tiers, points.value) : [];
  if (over.length === 0) return undefined;
  const { n, tier } = over[0];
  return `Bậc ${n} cho ${formatNumberVi(tier.points)} điểm, vượt điểm tối đa ${formatNumberVi(points.ok ? points.value : 0)}.`;
}

/** The first error of a criterion's typed numbers, or undefined. */
export function criterionError(d: CriterionDraft): string | undefined {
  if (pointsError(d.points)) return pointsError(d.points);
  if (d.criterion.kind === "threshold") return thresholdError(d.threshold);
  if (d.criterion.kind === "tiers") return tiersError(d.tiers, d.points);
  return undefined;
}

/** Day, month and year as staff type them, whether or not such a day exists. */
const DATE_SHAPE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/;

/** Blank is allowed: a date not known yet, which the letter prints as "…". */
export function dateError(text: string): string | undefined {
  const typed = text.trim();
  if (typed === "" || toIsoDate(typed)) return undefined;
  return DATE_SHAPE.test(typed)
    ? `Ngày “${typed}” không có thật: xem lại ngày và tháng.`
    : "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 04/03/2024.";
}

/** What the field of a setting shows: a date as typed, a list one item a line. */
export function settingText(draft: Draft, row: SettingRow): string {
  if (row.kind === "date") return draft.dateTexts[row.label] ?? String(row.get(draft.settings));
  const value = row.get(draft.settings);
  return Array.isArray(value) ? value.join("\n") : String(value);
}

/** The draft with a setting typed as `text`; a date that is not one yet keeps its saved value. */
export function withSettingText(draft: Draft, row: SettingRow, text: string): Draft {
  const settings = JSON.parse(JSON.stringify(draft.settings)) as Settings;
  if (row.kind === "date") {
    const iso = text.trim() === "" ? "" : toIsoDate(text);
    if (iso !== undefined) row.set(settings, iso);
    return { ...draft, settings, dateTexts: { ...draft.dateTexts, [row.label]: text } };
  }
  row.set(settings, row.kind === "list" ? text.split("\n") : text);
  return { ...draft, settings };
}

/** The yes/no settings ("Quy đổi tổng điểm về thang 100", "Xếp hạng trong khối"), as the schema lists them. */
export const YES_NO_ROWS: SettingRow[] = SETTING_ROWS.filter((row) => row.kind === "yesNo");

/** Whether a yes/no setting is on in the draft. */
export const isYes = (draft: Draft, row: SettingRow) => row.get(draft.settings) === YES_LABEL;

/** The draft with a yes/no setting turned on or off. */
export function withYesNo(draft: Draft, row: SettingRow, on: boolean): Draft {
  const settings = JSON.parse(JSON.stringify(draft.settings)) as Settings;
  row.set(settings, on ? YES_LABEL : NO_LABEL);
  return { ...draft, settings };
}

/** A new rating row goes last, blank: the user fills it in before saving. */
export function withRatingAdded(draft: Draft): Draft {
  return { ...draft, ratings: [...draft.ratings, { label: "", minTotal: "", minShare: "" }] };
}

export function withRatingRemoved(draft: Draft, index: number): Draft {
  return { ...draft, ratings: draft.ratings.filter((_, i) => i !== index) };
}

/** The draft with one field of the rating at `index` typed as `text`. */
export function withRatingEdited(draft: Draft, index: number, field: keyof RatingDraft, text: string): Draft {
  return { ...draft, ratings: draft.ratings.map((r, i) => (i === index ? { ...r, [field]: text } : r)) };
}

export function ratingLabelError(text: string): string | undefined {
  return text.trim() === "" ? "Nhập tên xếp loại, ví dụ Hoàn thành xuất sắc." : undefined;
}

/** A number from 0 to 100, as both the minimum total and the minimum share are. */
function zeroToHundredError(text: string, outOfRange: string): string | undefined {
  const parsed = parseNumberText(text);
  if (!parsed.ok) return "Nhập một số từ 0 đến 100, ví dụ 85 hoặc 79,5.";
  return parsed.value >= 0 && parsed.value <= 100 ? undefined : outOfRange;
}

export const minTotalError = (text: string) => zeroToHundredError(text, "Điểm tối thiểu phải từ 0 đến 100.");

/** Blank is allowed, as in the sheet: no floor on the criteria (0%). */
export const minShareError = (text: string) =>
  text.trim() === "" ? undefined : zeroToHundredError(text, "Tỷ lệ tối thiểu phải từ 0 đến 100%.");

/** "Xếp loại thi đua 2, điểm tối thiểu: …" for each field of a rating that cannot be saved. */
function ratingErrors(draft: Draft): string[] {
  return draft.ratings.flatMap((r, i) => {
    const where = `${EMULATION_RATINGS_LABEL} ${i + 1}`;
    const found: [string, string | undefined][] = [
      ["tên", ratingLabelError(r.label)],
      ["điểm tối thiểu", minTotalError(r.minTotal)],
      ["tỷ lệ tối thiểu", minShareError(r.minShare)],
    ];
    return found.flatMap(([field, error]) => (error ? [`${where}, ${field}: ${error}`] : []));
  });
}

/** The ratings as saved; a number that does not parse counts as 0 (saving is refused until it does). */
function ratingsOf(draft: Draft): EmulationRating[] {
  return draft.ratings.map((r) => ({
    label: r.label.normalize("NFC").trim(),
    minTotal: numberOf(r.minTotal) ?? 0,
    minShare: numberOf(r.minShare) ?? 0,
  }));
}

/** "Ngày ban hành: Ngày “31/02/2026” không có thật…" for each date setting that is not a date. */
function dateErrors(draft: Draft): string[] {
  return SETTING_ROWS.filter(isDateRow).flatMap((row) => {
    const error = dateError(settingText(draft, row));
    return error ? [`${row.label}: ${error}`] : [];
  });
}

/** Every message that keeps the draft from being saved. */
export function draftErrors(draft: Draft): string[] {
  const errors: string[] = [];
  for (const { criterion, points, threshold, tiers } of draft.criteria) {
    const p = pointsError(points);
    if (p) errors.push(`Tiêu chí ${criterion.code}, điểm tối đa: ${p}`);
    const t = criterion.kind === "threshold" ? thresholdError(threshold) : undefined;
    if (t) errors.push(`Tiêu chí ${criterion.code}, ngưỡng: ${t}`);
    const b = criterion.kind === "tiers" && !p ? tiersError(tiers, points) : undefined;
    if (b) errors.push(`Tiêu chí ${criterion.code}, các bậc: ${b}`);
  }
  return [...errors, ...dateErrors(draft), ...ratingErrors(draft)];
}

const numberOf = (text: string) => {
  const parsed = parseNumberText(text);
  return parsed.ok ? parsed.value : undefined;
};

/** The criterion as edited; a number that does not parse keeps its saved value. */
export function criterionOf({ criterion, points, threshold, tiers }: CriterionDraft): Criterion {
  const parsed = criterion.kind === "tiers" ? parseTiers(tiers) : undefined;
  return {
    ...criterion,
    points: numberOf(points) ?? criterion.points,
    threshold:
      criterion.kind === "threshold" ? (numberOf(threshold) ?? criterion.threshold) : criterion.threshold,
    ...(parsed?.ok ? { tiers: parsed.tiers } : {}),
  };
}

export function criteriaOf(draft: Draft): Criterion[] {
  return draft.criteria.map(criterionOf);
}

/** The settings of a draft as they are saved: blank lines of the lists left out. */
export function settingsOf(draft: Draft): Settings {
  const { letter } = draft.settings;
  const lines = (items: string[]) => items.map((item) => item.trim()).filter(Boolean);
  return {
    ...draft.settings,
    letter: { ...letter, distribution: lines(letter.distribution), legalBases: lines(letter.legalBases) },
    emulation: { ...draft.settings.emulation, ratings: ratingsOf(draft) },
  };
}

/** Whether saving the draft would change what the workbook holds. */
export function isDirty(draft: Draft, criteria: Criterion[], settings: Settings): boolean {
  const saved = JSON.stringify({ criteria, settings });
  const edited = JSON.stringify({ criteria: criteriaOf(draft), settings: settingsOf(draft) });
  // Half-typed numbers count as changes even when criteriaOf falls back to the saved value.
  const typed =
    SETTING_ROWS.some((row) => row.kind === "date" && dateError(settingText(draft, row)) !== undefined) ||
    draft.criteria.some((d) => criterionError(d)) ||
    ratingErrors(draft).length > 0;
  return typed || saved !== edited;
}
