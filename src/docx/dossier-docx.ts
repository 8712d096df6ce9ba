/**
 * The dossier's own documents as Word files in the form of Nghị định 30/2020: the tờ trình to the Chairman
 * and "Danh sách tập thể đề nghị khen thưởng". Pure, like the letter's writer: the CLI and the pane call it.
 */
import { Packer, type Paragraph } from "docx";
import type { Dossier } from "../core/dossier";
import { bodyParagraphs, draftParagraphs, recipientParagraph } from "./body";
import { headerTable } from "./header-block";
import { firstSection, officialDocument, sectionEnd } from "./letter-docx";
import { listTable, type ListColumn } from "./list-table";
import { ruleParagraph, estimateTextWidth, textParagraph } from "./runs";
import { signatureTable } from "./signature-block";
import { cm, textWidth } from "./units";

const TITLE = { size: 14, bold: true } as const;

/** "TỜ TRÌNH", its subject and a short rule under them, centred above "Kính gửi". */
function titleBlock(type: string, subject: string): Paragraph[] {
  return [
    textParagraph(type, TITLE, { before: 12 }),
    textParagraph(subject, TITLE),
    ruleParagraph(Math.min(cm(6), estimateTextWidth(subject, TITLE.size, true) / 2), textWidth()),
  ];
}

export async function submissionToDocx(dossier: Dossier): Promise<Uint8Array> {
  const s = dossier.submission;
  const section = firstSection([
    ...draftParagraphs({ draftMark: dossier.draftNote }),
    headerTable({ ...s, subject: "" }),
    ...titleBlock(s.documentType, s.subject),
    recipientParagraph(s),
    ...bodyParagraphs(s),
    signatureTable(s),
    sectionEnd(),
  ]);
  return Packer.pack(
    officialDocument(`${s.documentType} ${s.subject}`, s.issuingBody, [section]),
    "uint8array",
  );
}

/** STT, tên tập thể, khối, thành tích, hình thức đề nghị: the name and the achievement take the room. */
function collectiveColumns(): ListColumn[] {
  const stt = cm(1.3);
  const group = cm(3.1);
  const award = cm(3.3);
  const rest = textWidth() - stt - group - award;
  const name = Math.round(rest * 0.42);
  return [
    { header: "STT", width: stt },
    { header: "Tên tập thể", width: name, left: true },
    { header: "Khối", width: group, left: true },
    { header: "Thành tích", width: rest - name, left: true },
    { header: "Hình thức đề nghị", width: award, left: true },
  ];
}

export async function collectivesToDocx(dossier: Dossier): Promise<Uint8Array> {
  const s = dossier.submission;
  const rows = dossier.collectives.map((c, i) => [i + 1, c.name, c.group, c.achievement, c.award]);
  const section = firstSection([
    ...draftParagraphs({ draftMark: dossier.draftNote }),
    textParagraph(s.parentBody, { size: 13 }),
    textParagraph(s.issuingBody, { size: 13, bold: true }),
    textParagraph("DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG", TITLE, { before: 12 }),
    textParagraph(s.subject, { size: 14, bold: true }),
    textParagraph(dossier.listReference, { size: 14, italics: true }, { after: 12 }),
    listTable(collectiveColumns(), rows, "Không có tập thể đủ điều kiện đề nghị khen thưởng."),
    sectionEnd(),
  ]);
  return Packer.pack(
    officialDocument("Danh sách tập thể đề nghị khen thưởng", s.issuingBody, [section]),
    "uint8array",
  );
}
