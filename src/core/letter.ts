/** The official letter (công văn) as a model: header blocks, paragraphs, distribution and signer. */
import type { Criterion } from "./criteria";
import { formatNumberVi } from "./numbers";
import type { UnitScore } from "./scoring";
import type { LetterSettings, Signer } from "./settings";
import { cleanText, fillTemplate } from "./text";

export interface ProposedUnit {
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
}

export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";

/** Nghị định 30/2020: days below 10 and the months January and February take a leading zero. */
export function formatLetterDate(place: string, isoDate: string): string {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(isoDate.trim());
  if (!match) return cleanText(`${place}, ngày … tháng … năm …`);
  const [, year, month, day] = match.map(Number);
  const dd = String(day).padStart(2, "0");
  const mm = month < 3 ? String(month).padStart(2, "0") : String(month);
  return `${cleanText(place)}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** Unit lists in letters: names joined with "; ", in workbook order. */
export function joinUnits(names: string[]): string {
  return names.join("; ");
}

export function buildLetter(
  units: UnitScore[],
  criteria: Criterion[],
  settings: LetterSettings,
  /** Further placeholders: {nguon_so_lieu} names the source files the figures come from. */
  extra: Record<string, string> = {},
): LetterModel {
  const common: Record<string, string> = {
    ...extra,
    co_quan: settings.issuerName,
    kinh_gui: settings.recipient,
    ke_hoach: settings.planReference,
    ket_qua: settings.resultsReference,
    nguoi_khen: settings.awardAuthority,
    danh_hieu: settings.awardTitle,
    nam: String(settings.year),
    han: settings.replyDeadline,
  };
  const paragraphs = settings.legalBases.map(cleanText).filter(Boolean);
  if (settings.findingsIntro.trim()) paragraphs.push(fillTemplate(settings.findingsIntro, common));

  criteria.forEach((criterion, index) => {
    const earned = units.filter((u) => u.scores[index].points > 0).map((u) => u.unit.name);
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
    if (template.trim()) paragraphs.push(fillTemplate(template, values));
  });

  const proposed: ProposedUnit[] = units
    .filter((u) => u.eligible)
    .map((u) => ({
      name: u.unit.name,
      group: u.unit.group,
      criteria: u.scores.filter((s) => s.points > 0).map((s) => s.code),
      total: u.total,
    }));
  const names = joinUnits(proposed.map((p) => p.name));
  if (proposed.length > 0) {
    paragraphs.push(fillTemplate(settings.proposalSentence, { ...common, don_vi: names }));
    if (settings.requestSentence.trim()) paragraphs.push(fillTemplate(settings.requestSentence, common));
  } else if (settings.noProposalSentence.trim()) {
    paragraphs.push(fillTemplate(settings.noProposalSentence, common));
  }
  if (settings.closingSentence.trim()) paragraphs.push(fillTemplate(settings.closingSentence, common));

  return {
    parentBody: cleanText(settings.parentBody).toLocaleUpperCase("vi"),
    issuingBody: cleanText(settings.issuingBody).toLocaleUpperCase("vi"),
    // Left blank, the number keeps room to be written by hand once the letter is registered.
    number: `Số: ${cleanText(settings.number) || "\u00a0".repeat(6)}/${cleanText(settings.symbol)}`,
    subject: cleanText(settings.subject),
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
