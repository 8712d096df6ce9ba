/**
 * The award dossier after the letter: the list of collectives proposed, the tờ trình to the Chairman, and
 * a checklist of what the award file still needs. A model only: src/docx writes the documents.
 */
import type { Criterion } from "./criteria";
import { FACT_ORDER, figureText, letterFiller, type LetterContext, type LetterModel } from "./letter";
import { formatNumberVi } from "./numbers";
import type { UnitScore } from "./scoring";
import type { LetterSettings } from "./settings";
import { cleanText } from "./text";

/** One collective of "Danh sách tập thể đề nghị khen thưởng". */
export interface Collective {
  name: string;
  group: string;
  /** "Tiêu chí III: 83,12 → 30 điểm; tổng 30 điểm": the criteria earned, their figures and points. */
  achievement: string;
  award: string;
}

/** The tờ trình, with the fields of the letter's header and foot so that the same blocks lay it out. */
export interface SubmissionModel extends Pick<
  LetterModel,
  | "parentBody"
  | "issuingBody"
  | "number"
  | "nationalTitle"
  | "motto"
  | "placeAndDate"
  | "recipientLine"
  | "paragraphs"
  | "distributionTitle"
  | "distribution"
  | "signer"
> {
  /** "TỜ TRÌNH". */
  documentType: string;
  /** "Về việc đề nghị khen thưởng …", under the title: a tờ trình has no "V/v" in the left column. */
  subject: string;
  /** Facts the tờ trình lacks (the opinion's number and date until Sở Nội vụ answers). */
  missingFacts: string[];
}

export type DossierDocumentKind = "cong-van" | "danh-sach" | "to-trinh";

export interface DossierDocument {
  kind: DossierDocumentKind;
  title: string;
  /** ASCII, so that every file system and mail client keeps it. */
  fileName: string;
}

export interface ChecklistItem {
  item: string;
  /** Made by the tool (the documents above) or to be gathered by the office. */
  made: boolean;
  note: string;
}

export interface Dossier {
  /** An error touches the list (the run is not complete): every document says it is a draft. */
  draft: boolean;
  /** "DỰ THẢO — CÒN 2 LỖI CẦN SỬA TRƯỚC KHI GỬI", at the top of every document of a draft. */
  draftNote?: string;
  documents: DossierDocument[];
  collectives: Collective[];
  /** "(Kèm theo Tờ trình số …/TTr-VPUBND ngày … tháng … năm … của Văn phòng UBND tỉnh)". */
  listReference: string;
  submission: SubmissionModel;
  checklist: ChecklistItem[];
}

/** The achievement of one collective, from the criteria whose points it earned. */
function achievementOf(score: UnitScore, criteria: Criterion[]): string {
  const earned = criteria
    .map((c, i) => ({ c, s: score.scores[i] }))
    .filter(({ s }) => s.points > 0)
    .map(({ c, s }) => {
      const figure = figureText(score, c);
      return `Tiêu chí ${c.code}${figure ? `: ${figure}` : ""} → ${formatNumberVi(s.points)} điểm`;
    });
  return `${earned.join("; ")}; tổng ${formatNumberVi(score.total)} điểm`;
}

function fileNames(year: number | null): Record<DossierDocumentKind, string> {
  const suffix = year === null ? "" : `-${year}`;
  return {
    "cong-van": `cong-van-de-xuat-khen-thuong${suffix}.docx`,
    "danh-sach": `danh-sach-tap-the-de-nghi-khen-thuong${suffix}.docx`,
    "to-trinh": `to-trinh-de-nghi-khen-thuong${suffix}.docx`,
  };
}

const DOCUMENT_TITLES: Record<DossierDocumentKind, string> = {
  "cong-van": "Công văn lấy ý kiến Sở Nội vụ (kèm danh sách)",
  "danh-sach": "Danh sách tập thể đề nghị khen thưởng",
  "to-trinh": "Tờ trình đề nghị khen thưởng",
};

function buildSubmission(
  letter: LetterModel,
  settings: LetterSettings,
  count: number,
  context: LetterContext,
): SubmissionModel {
  const dossier = settings.dossier;
  const { values, fill, missing } = letterFiller(settings, context);
  const common = {
    ...values,
    kinh_gui: dossier.submissionRecipient,
    hinh_thuc: dossier.awardForm,
    so_tap_the: String(count),
  };
  const paragraphs = dossier.submissionBases.map((b) => fill(b, common)).filter(Boolean);
  if (count > 0) paragraphs.push(fill(dossier.submissionProposal, common));
  if (dossier.submissionClosing.trim()) paragraphs.push(fill(dossier.submissionClosing, common));
  const subject = fill("Về việc đề nghị khen thưởng “{danh_hieu} năm {nam}”", common);
  const signer = dossier.submissionSigner;
  return {
    parentBody: letter.parentBody,
    issuingBody: letter.issuingBody,
    // The tờ trình is numbered when it is registered: its number and date are left to be written by hand.
    number: `Số: ${"\u00a0".repeat(6)}/${cleanText(dossier.submissionSymbol)}`,
    nationalTitle: letter.nationalTitle,
    motto: letter.motto,
    placeAndDate: `${cleanText(settings.place)}, ngày … tháng … năm …`,
    documentType: "TỜ TRÌNH",
    subject,
    recipientLine: `Kính gửi: ${cleanText(dossier.submissionRecipient)}`,
    paragraphs,
    distributionTitle: "Nơi nhận:",
    distribution: ["- Như trên;", "- Sở Nội vụ;", "- Lưu: VT, TH."],
    signer: {
      authority: cleanText(signer.authority).toLocaleUpperCase("vi"),
      title: cleanText(signer.title).toLocaleUpperCase("vi"),
      name: cleanText(signer.name),
    },
    missingFacts: FACT_ORDER.filter((label) => missing.has(label)),
  };
}

/** The checklist of the award file (Nghị định 152/2025/NĐ-CP; provincial procedure pages). */
function checklistOf(settings: LetterSettings, count: number, draft: boolean): ChecklistItem[] {
  const made = (note: string) => (draft ? `${note} (dự thảo: còn lỗi cần sửa)` : note);
  const opinion = cleanText(settings.opinion.reference);
  return [
    {
      item: DOCUMENT_TITLES["cong-van"],
      made: true,
      note: made("Công cụ đã soạn; ký, đóng dấu và gửi Sở Nội vụ."),
    },
    {
      item: "Ý kiến của Sở Nội vụ (Ban Thi đua - Khen thưởng)",
      made: false,
      note: opinion
        ? `Đã ghi ${opinion}; kèm bản chụp văn bản vào hồ sơ.`
        : "Chưa có: ghi số, ngày văn bản ở phần CÀI ĐẶT (“Văn bản ý kiến của Sở Nội vụ”) khi nhận được.",
    },
    {
      item: DOCUMENT_TITLES["to-trinh"],
      made: true,
      note: made("Công cụ đã soạn; ghi số, ngày khi vào sổ và trình ký."),
    },
    {
      item: DOCUMENT_TITLES["danh-sach"],
      made: true,
      note: made(`Công cụ đã soạn: ${count} tập thể.`),
    },
    {
      item: "Báo cáo thành tích của từng tập thể, có xác nhận của cơ quan đề nghị",
      made: false,
      note: `Cần ${count} báo cáo, theo mẫu của ${cleanText(settings.decree.reference) || "nghị định về khen thưởng"}.`,
    },
    {
      item: "Biên bản họp xét của Hội đồng thi đua, khen thưởng",
      made: false,
      note: "Cơ quan đề nghị lập sau cuộc họp xét.",
    },
  ];
}

export function buildDossier(
  letter: LetterModel,
  scores: UnitScore[],
  criteria: Criterion[],
  settings: LetterSettings,
  context: LetterContext = {},
): Dossier {
  const proposed = scores.filter((s) => s.eligible);
  const collectives = proposed.map((s) => ({
    name: s.unit.name,
    group: s.unit.group,
    achievement: achievementOf(s, criteria),
    award: cleanText(settings.dossier.awardForm),
  }));
  // The run's completeness put its draft mark on the letter: every document of the dossier repeats it.
  const note = letter.draftMark;
  const names = fileNames(settings.year);
  const submission = buildSubmission(letter, settings, collectives.length, context);
  const issuer = cleanText(settings.issuerName);
  return {
    draft: note !== undefined,
    ...(note ? { draftNote: note } : {}),
    documents: (["cong-van", "danh-sach", "to-trinh"] as const).map((kind) => ({
      kind,
      title: DOCUMENT_TITLES[kind],
      fileName: names[kind],
    })),
    collectives,
    listReference: `(Kèm theo Tờ trình số ${"\u00a0".repeat(6)}/${cleanText(settings.dossier.submissionSymbol)} ngày … tháng … năm … của ${issuer})`,
    submission,
    checklist: checklistOf(settings, collectives.length, note !== undefined),
  };
}

/** The checklist as the CLI prints it: "[x] …" made by the tool, "[ ] …" still to gather. */
export function checklistText(dossier: Dossier): string {
  const lines = ["Hồ sơ khen thưởng:"];
  if (dossier.draftNote) lines.push(`  ${dossier.draftNote}.`);
  for (const c of dossier.checklist) lines.push(`  [${c.made ? "x" : " "}] ${c.item}: ${c.note}`);
  return lines.join("\n");
}
