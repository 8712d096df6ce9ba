/**
 * The letter model → a Word document in the form of Nghị định 30/2020 (letter, then an appendix of every
 * scored unit). Pure: no Node API, so the task pane can call it as well as the CLI.
 */
import {
  AlignmentType,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  TextRun,
  type ISectionOptions,
} from "docx";
import type { Criterion } from "../core/criteria";
import type { LetterModel } from "../core/letter";
import type { UnitScore } from "../core/scoring";
import { appendixExtras, appendixHeading, appendixLayout, appendixTable } from "./appendix";
import { bodyParagraphs, draftParagraphs, recipientParagraph } from "./body";
import { headerTable } from "./header-block";
import { FONT, LANGUAGE, paragraphProps } from "./runs";
import { signatureTable } from "./signature-block";
import { halfPoints, PAGE, pt } from "./units";

const PAGE_NUMBER_SIZE = 14;
export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Centred page number in the top margin; the only field in the document, and built from no user text. */
function pageNumberHeader(): Header {
  const style = { size: PAGE_NUMBER_SIZE };
  return new Header({
    children: [
      new Paragraph({
        ...paragraphProps({ align: AlignmentType.CENTER }, style),
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: halfPoints(style.size) })],
      }),
    ],
  });
}

/**
 * The letter's last paragraph, 1 pt high. Word keeps a section's properties in its last paragraph; left to
 * itself docx adds a full-height empty one after the signature table, which could spill onto a blank page.
 */
function sectionEnd(): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: pt(1), lineRule: LineRuleType.EXACT },
    run: { font: FONT, size: halfPoints(1) },
  });
}

function pageProperties(landscape: boolean): NonNullable<ISectionOptions["properties"]>["page"] {
  return {
    size: {
      width: PAGE.width,
      height: PAGE.height,
      orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: { ...PAGE.margin },
  };
}

function letterDocument(letter: LetterModel, scores: UnitScore[], criteria: Criterion[]): Document {
  const extras = appendixExtras(scores);
  const layout = appendixLayout(criteria.length, extras);
  const letterSection: ISectionOptions = {
    // The decree shows no number on the first page: a first-page header of its own, left empty.
    properties: { page: pageProperties(false), titlePage: true },
    headers: { default: pageNumberHeader(), first: new Header({ children: [new Paragraph({})] }) },
    children: [
      ...draftParagraphs(letter),
      headerTable(letter),
      recipientParagraph(letter),
      ...bodyParagraphs(letter),
      signatureTable(letter),
      sectionEnd(),
    ],
  };
  const appendixSection: ISectionOptions = {
    properties: { page: pageProperties(layout.landscape), type: SectionType.NEXT_PAGE },
    headers: { default: pageNumberHeader() },
    children: [...appendixHeading(letter), appendixTable(scores, criteria, layout, extras)],
  };
  return new Document({
    creator: letter.issuingBody,
    title: letter.subject,
    styles: {
      default: {
        document: { run: { font: FONT, size: halfPoints(14), language: { value: LANGUAGE } } },
      },
    },
    sections: [letterSection, appendixSection],
  });
}

/** The .docx bytes; a Uint8Array works in Node (write it to a file) and in the browser (wrap it in a Blob). */
export async function letterToDocx(
  letter: LetterModel,
  scores: UnitScore[],
  criteria: Criterion[],
): Promise<Uint8Array> {
  return Packer.pack(letterDocument(letter, scores, criteria), "uint8array");
}
