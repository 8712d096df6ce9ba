/** The foot of the letter: "Nơi nhận:" and its list on the left, the signer on the right. */
import { AlignmentType, type Table } from "docx";
import type { LetterModel } from "../core/letter";
import { borderlessTable } from "./layout-table";
import { textParagraph, type RunStyle } from "./runs";

const SIGNATURE_STYLE = {
  distributionTitle: { size: 12, bold: true, italics: true },
  distribution: { size: 11 },
  authority: { size: 14, bold: true },
  title: { size: 14, bold: true },
  name: { size: 14, bold: true },
} as const satisfies Record<string, RunStyle>;

/** Room for the handwritten signature and the seal, in points (about 3 cm). */
const SIGNATURE_SPACE = 84;

export function signatureTable(
  letter: Pick<LetterModel, "distributionTitle" | "distribution" | "signer">,
): Table {
  const s = SIGNATURE_STYLE;
  const left = AlignmentType.LEFT;
  const signer = letter.signer;
  return borderlessTable([
    [
      [
        textParagraph(letter.distributionTitle, s.distributionTitle, { align: left, before: 6 }),
        ...letter.distribution.map((line) => textParagraph(line, s.distribution, { align: left })),
      ],
      [
        // A signer without "KT."/"TM." has no authority line.
        ...(signer.authority ? [textParagraph(signer.authority, s.authority, { before: 6 })] : []),
        // The decree writes the title in upper case; the model already does, this guards hand-made models.
        textParagraph(signer.title.toLocaleUpperCase("vi"), s.title, { before: signer.authority ? 0 : 6 }),
        textParagraph(signer.name, s.name, { before: SIGNATURE_SPACE }),
      ],
    ],
  ]);
}
