/** The official letter (công văn) as a model: header blocks, paragraphs, distribution and signer. */
import type { Criterion } from "./criteria";
import { formatNumberVi } from "./numbers";
import { LEVEL_LABELS, type Level } from "./reader/columns";
import type { UnitScore } from "./scoring";
import { UNKNOWN, type LetterSettings, type Signer } from "./settings";
import { cleanText, fillTemplate } from "./text";

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
  /** "DỰ THẢO — CÒN 2 LỖI CẦN SỬA TRƯỚC KHI GỬI" when an error touches the list: the letter's first line. */
  draftMark?: string;
  /** Facts of the year the letter needs but the settings leave blank ("số Quyết định kế hoạch"…): printed as "…". */
  missingFacts: string[];
}

/** What the letter knows of the data besides the scores. */
interface LetterContext {
  /** The levels of the one-stop figures ("tinh", "xa"…): the {cac_cap} of the IV.9 sentence. */
  levels?: Level[];
}

/** Facts of a year by placeholder, with how the warning names them when they are blank. */
const FACTS: { key: string; label: string; value: (s: LetterSettings) => string }[] = [
  { key: "nam", label: "năm thi đua", value: (s) => (s.year === null ? "" : String(s.year)) },
  { key: "ke_hoach", label: "số Quyết định kế hoạch", value: (s) => s.planReference },
  { key: "ngay_ke_hoach", label: "ngày Quyết định kế hoạch", value: (s) => longDate(s.planDate) },
  { key: "ket_qua", label: "số Quyết định công bố kết quả", value: (s) => s.resultsReference },
  { key: "ngay_ket_qua", label: "ngày Quyết định công bố kết quả", value: (s) => longDate(s.resultsDate) },
  { key: "han", label: "hạn phản hồi", value: (s) => s.replyDeadline },
];
const LETTER_DATE_LABEL = "ngày ban hành công văn";

const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/**
 * "27 tháng 4 năm 2023" from "2023-04-27", "" when not a date. Nghị định 30/2020: days below 10 and
 * the months January and February take a leading zero.
 */
function longDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(isoDate.trim());
  if (!match) return "";
  const [, year, month, day] = match.map(Number);
  const dd = String(day).padStart(2, "0");
  const mm = month < 3 ? String(month).padStart(2, "0") : String(month);
  return `${dd} tháng ${mm} năm ${year}`;
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

export function buildLetter(
  units: UnitScore[],
  criteria: Criterion[],
  settings: LetterSettings,
  context: LetterContext = {},
  /** Further placeholders: {nguon_so_lieu} names the source files the figures come from. */
  extra: Record<string, string> = {},
): LetterModel {
  const common: Record<string, string> = {
    ...extra,
    co_quan: settings.issuerName,
    kinh_gui: settings.recipient,
    nguoi_khen: settings.awardAuthority,
    danh_hieu: settings.awardTitle,
    cac_cap: levelsPhrase(context.levels ?? []),
  };
  const blank = new Map<string, string>();
  for (const fact of FACTS) {
    const value = cleanText(fact.value(settings));
    common[fact.key] = value || UNKNOWN;
    if (!value) blank.set(fact.key, fact.label);
  }
  // A blank fact is missing only where a sentence of this letter uses it.
  const missing = new Set<string>();
  const fill = (template: string, values: Record<string, string>) => {
    for (const [key, label] of blank) if (template.includes(`{${key}}`)) missing.add(label);
    return fillTemplate(template, values);
  };
  const paragraphs = settings.legalBases.map((basis) => fill(basis, common)).filter(Boolean);
  if (settings.findingsIntro.trim()) paragraphs.push(fill(settings.findingsIntro, common));

  criteria.forEach((criterion, index) => {
    // Full points given to a unit the criterion does not fit ("đủ điểm") are not an achievement.
    const earned = units.filter((u) => isEarned(u.scores[index])).map((u) => u.unit.name);
    const values = {
      ...common,
      don_vi: joinUnits(earned),
      dv: earned.length > 1 ? "các đơn vị" : "đơn vị",
      diem: formatNumberVi(criterion.points),
      ma: criterion.code,
      ten: criterion.title,
      nguong: formatNumberVi(criterion.threshold ?? criterion.target ?? 0),
    };
    const template = earned.length > 0 ? criterion.sentenceEarned : criterion.sentenceNone;
    if (template.trim()) paragraphs.push(fill(template, values));
  });

  const proposed: ProposedUnit[] = units
    .filter((u) => u.eligible)
    .map((u) => ({
      name: u.unit.name,
      group: u.unit.group,
      criteria: u.scores.filter(isEarned).map((s) => s.code),
      total: u.total,
    }));
  const names = joinUnits(proposed.map((p) => p.name));
  if (proposed.length > 0) {
    paragraphs.push(fill(settings.proposalSentence, { ...common, don_vi: names }));
    if (settings.requestSentence.trim()) paragraphs.push(fill(settings.requestSentence, common));
  } else if (settings.noProposalSentence.trim()) {
    paragraphs.push(fill(settings.noProposalSentence, common));
  }
  if (settings.closingSentence.trim()) paragraphs.push(fill(settings.closingSentence, common));
  const subject = fill(settings.subject, common);
  if (!longDate(settings.date)) missing.add(LETTER_DATE_LABEL);
  // In the order the facts are listed, the letter's own date last.
  const order = [...FACTS.map((f) => f.label), LETTER_DATE_LABEL];

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
    missingFacts: order.filter((label) => missing.has(label)),
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
