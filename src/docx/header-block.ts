/** The letter's heading (Nghị định 30/2020, Phụ lục I): issuer, number and subject left; national title right. */
import type { Table } from "docx";
import type { LetterModel } from "../core/letter";
import { borderlessTable, cellTextWidth, LEFT_COLUMN, RIGHT_COLUMN } from "./layout-table";
import { estimateTextWidth, ruleParagraph, textParagraph, type RunStyle } from "./runs";
import { cm } from "./units";

/** Sizes in points, within the ranges the decree allows. */
const HEADER_STYLE = {
  parentBody: { size: 13 },
  issuingBody: { size: 13, bold: true },
  number: { size: 13 },
  subject: { size: 12 },
  nationalTitle: { size: 12, bold: true },
  motto: { size: 13, bold: true },
  placeAndDate: { size: 14, italics: true },
} as const satisfies Record<string, RunStyle>;

/**
 * Two rows so that "Số: …" and the place and date start on the same line, as in the decree's sample:
 * the first row holds the two names with their rules, the second the number, subject and date.
 */
export function headerTable(
  letter: Pick<
    LetterModel,
    "parentBody" | "issuingBody" | "number" | "subject" | "nationalTitle" | "motto" | "placeAndDate"
  >,
): Table {
  const left = cellTextWidth(LEFT_COLUMN);
  const right = cellTextWidth(RIGHT_COLUMN);
  const s = HEADER_STYLE;
  // The decree asks for a rule a third to a half as long as the issuing body; a floor keeps it visible.
  const issuerRule = Math.min(
    left,
    Math.max(cm(1.5), estimateTextWidth(letter.issuingBody, s.issuingBody.size, true) / 2),
  );
  const mottoRule = Math.min(right, estimateTextWidth(letter.motto, s.motto.size, true));
  return borderlessTable([
    [
      [
        textParagraph(letter.parentBody, s.parentBody),
        textParagraph(letter.issuingBody, s.issuingBody),
        ruleParagraph(issuerRule, left),
      ],
      [
        textParagraph(letter.nationalTitle, s.nationalTitle),
        textParagraph(letter.motto, s.motto),
        ruleParagraph(mottoRule, right),
      ],
    ],
    [
      [
        textParagraph(letter.number, s.number, { before: 6 }),
        // A tờ trình names its subject under its title, not here.
        ...(letter.subject ? [textParagraph(letter.subject, s.subject, { before: 3 })] : []),
      ],
      [textParagraph(letter.placeAndDate, s.placeAndDate, { before: 6 })],
    ],
  ]);
}
