/** "Kính gửi: …" and the body paragraphs, exactly as the letter model has them. */
import { AlignmentType, Paragraph } from "docx";
import type { LetterModel } from "../core/letter";
import { paragraphProps, textParagraph, textRun, type RunStyle } from "./runs";
import { cm } from "./units";

const BODY_STYLE = {
  draft: { size: 14, bold: true },
  recipient: { size: 14 },
  paragraph: { size: 14 },
} as const satisfies Record<string, RunStyle>;

/** Nghị định 30: first-line indent 1–1,27 cm, ≥ 6 pt between paragraphs, line spacing 1–1,5. */
const BODY_LAYOUT = { firstLine: cm(1.27), after: 6, line: 1.2 } as const;

/** "DỰ THẢO — CÒN 2 LỖI CẦN SỬA TRƯỚC KHI GỬI" above the letter, when an error touches its list. */
export function draftParagraphs(letter: LetterModel): Paragraph[] {
  if (!letter.draftMark) return [];
  return [textParagraph(letter.draftMark, BODY_STYLE.draft, { align: AlignmentType.CENTER, after: 12 })];
}

export function recipientParagraph(letter: LetterModel): Paragraph {
  return new Paragraph({
    ...paragraphProps({ align: AlignmentType.CENTER, before: 12, after: 12 }, BODY_STYLE.recipient),
    children: [textRun(letter.recipientLine, BODY_STYLE.recipient)],
  });
}

/** The last paragraph keeps with the signature table so that the signer never stands alone on a page. */
export function bodyParagraphs(letter: LetterModel): Paragraph[] {
  return letter.paragraphs.map(
    (text, index) =>
      new Paragraph({
        ...paragraphProps(
          {
            align: AlignmentType.JUSTIFIED,
            after: BODY_LAYOUT.after,
            line: BODY_LAYOUT.line,
            keepNext: index === letter.paragraphs.length - 1,
          },
          BODY_STYLE.paragraph,
        ),
        indent: { firstLine: BODY_LAYOUT.firstLine },
        children: [textRun(text, BODY_STYLE.paragraph)],
      }),
  );
}
