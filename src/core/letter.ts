/** The official letter (công văn) as a model: header blocks, paragraphs, distribution and signer. */
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "./criteria";
import { groupInSentence } from "./groups";
import { formatNumberVi, formatScore766 } from "./numbers";
import { LEVEL_LABELS, type Level } from "./reader/columns";
import { figuresOf, type UnitScore } from "./scoring";
import { UNKNOWN, type CitedDocument, type LetterSettings, type Signer } from "./settings";
import { cleanText, fillTemplate } from "./text";

/**
 * A list attached to the letter ("có danh sách kèm theo"), for a sentence whose units are too many to
 * name: printed below the letter on "Tổng hợp" and as an appendix of the .docx.
 */
export interface AttachedList {
  /** "DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHÍ III". */
  title: string;
  /** The criterion's code. */
  code: string;
  headers: string[];
  /** STT, name, group, the criterion's figure, its points, the total. */
  rows: (string | number)[][];
}

interface ProposedUnit {
  name: string;
  group: string;
  /** Codes of the criteria whose points the unit earned. */
  criteria: string[];
  total: number;
}

export interface LetterModel {
  parentBody: string;
  issuingBody: string;
  /** "Số:      /VPUBND-TH". */
  number: string;
  subject: string;
  nationalTitle: string;
  motto: string;
  /** "An Giang, ngày 05 tháng 02 năm 2024". */
  placeAndDate: string;
  /** "Kính gửi: Sở Nội vụ (Ban thi đua khen thưởng)". */
  recipientLine: string;
  paragraphs: string[];
  distributionTitle: string;
  /** "- Như trên;" … */
  distribution: string[];
  signer: Signer;
  proposed: ProposedUnit[];
  /** Lists of the units a sentence counts instead of naming them (more than the setting allows). */
  lists: AttachedList[];
  /** Whether the proposal counts its units (the list of proposed units then goes with the letter). */
  proposalCounted: boolean;
  /** "DỰ THẢO — CÒN 2 LỖI CẦN SỬA TRƯỚC KHI GỬI" when an error touches the list: the letter's first line. */
  draftMark?: string;
  /** Facts of the year the letter needs but the settings leave blank ("số Quyết định kế hoạch"…): printed as "…". */
  missingFacts: string[];
}

/** What the letter knows of the data besides the scores. */
export interface LetterContext {
  /** The levels of the one-stop figures ("tinh", "xa"…): the {cac_cap} of the IV.9 sentence. */
  levels?: Level[];
}

/** A blank decision keeps its form, so that the clerk writes only the numbers. */
const BLANK_DECISION = `Quyết định số ${UNKNOWN}/QĐ-UBND`;
const BLANK_LONG_DATE = `${UNKNOWN} tháng ${UNKNOWN} năm ${UNKNOWN}`;

/**
 * Facts of a year by placeholder, with how the warning names them when they are blank and the form
 * printed in their place ("Quyết định số …/QĐ-UBND", "… tháng … năm …", "…/…/…").
 */
const FACTS: { key: string; label: string; blank: string; value: (s: LetterSettings) => string }[] = [
  { key: "nam", label: "năm thi đua", blank: UNKNOWN, value: (s) => (s.year === null ? "" : String(s.year)) },
  { key: "ke_hoach", label: "số Quyết định kế hoạch", blank: BLANK_DECISION, value: (s) => s.planReference },
  {
    key: "ngay_ke_hoach",
    label: "ngày Quyết định kế hoạch",
    blank: BLANK_LONG_DATE,
    value: (s) => longDate(s.planDate),
  },
  {
    key: "ket_qua",
    label: "số Quyết định công bố kết quả",
    blank: BLANK_DECISION,
    value: (s) => s.resultsReference,
  },
  {
    key: "ngay_ket_qua",
    label: "ngày Quyết định công bố kết quả",
    blank: BLANK_LONG_DATE,
    value: (s) => longDate(s.resultsDate),
  },
  {
    key: "han",
    label: "hạn phản hồi",
    blank: `${UNKNOWN}/${UNKNOWN}/${UNKNOWN}`,
    value: (s) => s.replyDeadline,
  },
  {
    key: "y_kien",
    label: "số văn bản ý kiến của Sở Nội vụ",
    blank: `Công văn số ${UNKNOWN}`,
    value: (s) => s.opinion.reference,
  },
  {
    key: "ngay_y_kien",
    label: "ngày văn bản ý kiến của Sở Nội vụ",
    blank: BLANK_LONG_DATE,
    value: (s) => longDate(s.opinion.date),
  },
];
const LETTER_DATE_LABEL = "ngày ban hành công văn";

const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/**
 * "27 tháng 4 năm 2023" from "2023-04-27", "" when not a date. Nghị định 30/2020: days below 10 and
 * the months January and February take a leading zero.
 */
export function longDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(isoDate.trim());
  if (!match) return "";
  const [, year, month, day] = match.map(Number);
  const dd = String(day).padStart(2, "0");
  const mm = month < 3 ? String(month).padStart(2, "0") : String(month);
  return `${dd} tháng ${mm} năm ${year}`;
}

/** "19/02/2020", "09/6/2025": a date inside a citation, with the zeros of Nghị định 30. */
function shortDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(isoDate.trim());
  if (!match) return "";
  const [, year, month, day] = match.map(Number);
  return `${String(day).padStart(2, "0")}/${month < 3 ? String(month).padStart(2, "0") : month}/${year}`;
}

/**
 * "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ": a document as the letter cites
 * it; a blank date or issuer is left out, a blank number prints "…".
 */
function citation(document: CitedDocument, dateForm: "long" | "short" = "long"): string {
  const date = dateForm === "long" ? longDate(document.date) : shortDate(document.date);
  const issuer = cleanText(document.issuer);
  return cleanText(
    `${cleanText(document.reference) || UNKNOWN}${date ? ` ngày ${date}` : ""}${issuer ? ` của ${issuer}` : ""}`,
  );
}

export function formatLetterDate(place: string, isoDate: string): string {
  const date = longDate(isoDate);
  return cleanText(`${place}, ngày ${date || "… tháng … năm …"}`);
}

/** "các cấp (cấp tỉnh, cấp xã)" from the levels of the data; "các cấp" when they name none. */
function levelsPhrase(levels: Level[]): string {
  const order: Level[] = ["tinh", "huyen", "xa"];
  const named = order.filter((l) => levels.includes(l)).map((l) => LEVEL_LABELS[l]);
  return named.length > 0 ? `các cấp (${named.join(", ")})` : "các cấp";
}

const isEarned = (s: { points: number; applies: boolean }) => s.points > 0 && s.applies;

/** Unit lists in letters: names joined with "; ", in workbook order. */
function joinUnits(names: string[]): string {
  return names.join("; ");
}

/** "a; b và c". */
function joinAnd(items: string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join("; ")} và ${items[items.length - 1]}`;
}

/**
 * "110 đơn vị, gồm 10 sở, ban, ngành và 100 UBND cấp xã (có danh sách kèm theo)": units too many to
 * name, counted by group in the order the groups first appear.
 */
function countedUnits(units: UnitScore[]): string {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u.unit.group, (counts.get(u.unit.group) ?? 0) + 1);
  const parts = [...counts].map(
    ([group, n]) => `${n} ${group ? groupInSentence(group) : "đơn vị chưa rõ khối"}`,
  );
  const head = counts.size === 1 ? parts[0] : `${units.length} đơn vị, gồm ${joinAnd(parts)}`;
  return `${head} (có danh sách kèm theo)`;
}

/** "các đơn vị: {don_vi}" reads "đối với 110 đơn vị, gồm …" once the units are counted. */
function forCountedUnits(template: string): string {
  return template.replace(/(?:các|những) đơn vị\s*:?\s*\{don_vi\}/gu, "{don_vi}");
}

/** A criterion's figure for one unit, as the attached list shows it: "83,12", "cấp tỉnh 100%; cấp xã 100%". */
export function figureText(score: UnitScore, criterion: Criterion): string {
  const { input } = criterion;
  // One figure (the 766 score, a column of the table), on every row of an attached list: printed as is.
  if (input === INPUT_SCORE_766) {
    return score.unit.score766 === null ? "" : formatScore766(score.unit.score766);
  }
  if (input !== INPUT_ONE_STOP_RATE) {
    const value = score.unit.custom[input];
    return value === null || value === undefined ? "" : formatNumberVi(value, 2);
  }
  const figures = figuresOf(score.unit, criterion.input);
  return figures.map((f) => `${f.label ? `${f.label} ` : ""}${formatNumberVi(f.value, 2)}%`).join("; ");
}

function figureHeader(criterion: Criterion): string {
  if (criterion.input === INPUT_SCORE_766) return "Điểm 766";
  if (criterion.input === INPUT_ONE_STOP_RATE) return "Tỷ lệ tiếp nhận";
  return criterion.input;
}

function attachedList(criterion: Criterion, index: number, earned: UnitScore[]): AttachedList {
  return {
    title: `DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHÍ ${criterion.code}`,
    code: criterion.code,
    headers: ["STT", "Tên cơ quan, đơn vị", "Khối", figureHeader(criterion), "Điểm tiêu chí", "Tổng điểm"],
    rows: earned.map((u, i) => [
      i + 1,
      u.unit.name,
      u.unit.group,
      figureText(u, criterion),
      u.scores[index].points,
      u.total,
    ]),
  };
}

/**
 * The placeholders every sentence of the letter and the dossier may use, and `fill`, which fills a
 * template and remembers in `missing` the blank facts it used: a blank fact is missing only where a
 * sentence uses it.
 */
export function letterFiller(
  settings: LetterSettings,
  context: LetterContext = {},
  extra: Record<string, string> = {},
): {
  values: Record<string, string>;
  fill: (template: string, values: Record<string, string>) => string;
  missing: Set<string>;
} {
  const values: Record<string, string> = {
    ...extra,
    co_quan: settings.issuerName,
    kinh_gui: settings.recipient,
    nguoi_khen: settings.awardAuthority,
    danh_hieu: settings.awardTitle,
    cac_cap: levelsPhrase(context.levels ?? []),
    cq_ke_hoach: settings.planIssuer,
    cq_ket_qua: settings.resultsIssuer,
    cq_y_kien: settings.opinion.issuer,
    // The one-stop rule is cited as the seed letter cites it: "… ngày 19/02/2020 của UBND tỉnh".
    mot_cua: citation(settings.oneStop, "short"),
    luat: citation(settings.law),
    nghi_dinh: citation(settings.decree),
  };
  const blank = new Map<string, string>();
  for (const fact of FACTS) {
    const value = cleanText(fact.value(settings));
    values[fact.key] = value || fact.blank;
    if (!value) blank.set(fact.key, fact.label);
  }
  const missing = new Set<string>();
  const fill = (template: string, filled: Record<string, string>) => {
    for (const [key, label] of blank) if (template.includes(`{${key}}`)) missing.add(label);
    return fillTemplate(template, filled);
  };
  return { values, fill, missing };
}

/** The facts' labels in the order the warnings list them, the letter's own date last. */
export const FACT_ORDER = [...FACTS.map((f) => f.label), LETTER_DATE_LABEL];

export function buildLetter(
  units: UnitScore[],
  criteria: Criterion[],
  settings: LetterSettings,
  context: LetterContext = {},
  /** Further placeholders: {nguon_so_lieu} names the source files the figures come from. */
  extra: Record<string, string> = {},
): LetterModel {
  const { values: common, fill, missing } = letterFiller(settings, context, extra);
  const paragraphs = settings.legalBases.map((basis) => fill(basis, common)).filter(Boolean);
  if (settings.findingsIntro.trim()) paragraphs.push(fill(settings.findingsIntro, common));

  const lists: AttachedList[] = [];
  const counts = (n: number) => n > Math.max(0, settings.namedUnitsMax);
  criteria.forEach((criterion, index) => {
    // Full points given to a unit the criterion does not fit ("đủ điểm") are not an achievement.
    const earned = units.filter((u) => isEarned(u.scores[index]));
    const counted = counts(earned.length);
    if (counted) lists.push(attachedList(criterion, index, earned));
    const values = {
      ...common,
      don_vi: counted ? countedUnits(earned) : joinUnits(earned.map((u) => u.unit.name)),
      dv: earned.length > 1 ? "các đơn vị" : "đơn vị",
      diem: formatNumberVi(criterion.points),
      ma: criterion.code,
      ten: criterion.title,
      nguong: formatNumberVi(criterion.threshold ?? criterion.target ?? 0),
    };
    // No unit it applies to has a figure (no vertical-sector unit in a portal export): the data cannot
    // say who did not earn it, so the letter says it has no figures instead of "0 điểm".
    const noData = earned.length === 0 && !units.some((u) => u.scores[index].hasFigure);
    const template = noData
      ? settings.noDataSentence
      : earned.length > 0
        ? criterion.sentenceEarned
        : criterion.sentenceNone;
    if (template.trim()) paragraphs.push(fill(counted ? forCountedUnits(template) : template, values));
  });

  const eligible = units.filter((u) => u.eligible);
  // Units that scored alike share their scores (scoreUnits), and so the codes of what they earned.
  const earnedCodes = new Map<UnitScore["scores"], string[]>();
  const codesOf = (scores: UnitScore["scores"]) => {
    let codes = earnedCodes.get(scores);
    if (!codes) earnedCodes.set(scores, (codes = scores.filter(isEarned).map((s) => s.code)));
    return codes;
  };
  const proposed: ProposedUnit[] = eligible.map((u) => ({
    name: u.unit.name,
    group: u.unit.group,
    criteria: codesOf(u.scores),
    total: u.total,
  }));
  const proposalCounted = counts(proposed.length);
  const names = proposalCounted ? countedUnits(eligible) : joinUnits(proposed.map((p) => p.name));
  if (proposed.length > 0) {
    const template = proposalCounted ? forCountedUnits(settings.proposalSentence) : settings.proposalSentence;
    paragraphs.push(fill(template, { ...common, don_vi: names }));
    if (settings.requestSentence.trim()) paragraphs.push(fill(settings.requestSentence, common));
  } else if (settings.noProposalSentence.trim()) {
    paragraphs.push(fill(settings.noProposalSentence, common));
  }
  if (settings.closingSentence.trim()) paragraphs.push(fill(settings.closingSentence, common));
  const subject = fill(settings.subject, common);
  if (!longDate(settings.date)) missing.add(LETTER_DATE_LABEL);

  return {
    parentBody: cleanText(settings.parentBody).toLocaleUpperCase("vi"),
    issuingBody: cleanText(settings.issuingBody).toLocaleUpperCase("vi"),
    // Left blank, the number keeps room to be written by hand once the letter is registered.
    number: `Số: ${cleanText(settings.number) || "\u00a0".repeat(6)}/${cleanText(settings.symbol)}`,
    subject,
    nationalTitle: NATIONAL_TITLE,
    motto: MOTTO,
    placeAndDate: formatLetterDate(settings.place, settings.date),
    recipientLine: `Kính gửi: ${cleanText(settings.recipient)}`,
    paragraphs,
    distributionTitle: "Nơi nhận:",
    distribution: settings.distribution.map((d) => `- ${cleanText(d).replace(/^-\s*/, "")}`),
    signer: {
      authority: cleanText(settings.signer.authority).toLocaleUpperCase("vi"),
      title: cleanText(settings.signer.title).toLocaleUpperCase("vi"),
      name: cleanText(settings.signer.name),
    },
    proposed,
    lists,
    proposalCounted,
    missingFacts: FACT_ORDER.filter((label) => missing.has(label)),
  };
}

/**
 * "(Kèm theo Công văn số      /VPUBND-TH ngày 05 tháng 02 năm 2024)" under the list of proposed units,
 * in the sheet and the .docx alike: a blank number keeps its room to be written by hand.
 */
export function appendixReference(letter: LetterModel): string {
  const number = letter.number.replace(/^\s*Số:/u, "").trimEnd();
  const spacedNumber = /^\s/u.test(number) ? number : ` ${number}`;
  const date = /,\s*(ngày .*)$/u.exec(letter.placeAndDate)?.[1];
  return `(Kèm theo Công văn số${spacedNumber}${date ? ` ${date}` : ""})`;
}

/** "cong-van-de-xuat-khen-thuong-2024.docx": ASCII, so that every file system and mail client keeps it. */
export function letterFileName(year: number | null): string {
  return `cong-van-de-xuat-khen-thuong${year === null ? "" : `-${year}`}.docx`;
}

/** The one warning about the facts a letter lacks: "Công văn còn thiếu: số Quyết định kế hoạch, …". */
export function missingFactsSentence(letter: LetterModel): string | undefined {
  return letter.missingFacts.length > 0
    ? `Công văn còn thiếu: ${letter.missingFacts.join(", ")}.`
    : undefined;
}
