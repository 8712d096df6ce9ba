/** Runs and paragraphs in Times New Roman, with user text passed only as plain text. */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from "docx";
import { halfPoints, lines, pt } from "./units";

export const FONT = "Times New Roman";
export const LANGUAGE = "vi-VN";

export interface RunStyle {
  /** Points. */
  size: number;
  bold?: boolean;
  italics?: boolean;
}

/**
 * NFC, with the characters XML 1.0 cannot carry dropped (docx drops C0 controls itself but not lone
 * surrogates or U+FFFE/U+FFFF, which would make Word refuse the file) and line breaks read as spaces.
 */
function safeText(text: string): string {
  return (
    text
      .normalize("NFC")
      .replace(/[\t\n\r\v\f\u2028\u2029]/g, " ")
      // eslint-disable-next-line no-control-regex -- removing control characters is the point here.
      .replace(/[\u0000-\u0008\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
  );
}

/**
 * A run of literal text. It always goes through `text`, never `children`: docx turns a child string
 * such as "CURRENT" or "SECTION" into a field, so user text there could become a page-number field.
 */
export function textRun(text: string, style: RunStyle): TextRun {
  return new TextRun({
    text: safeText(text),
    font: FONT,
    size: halfPoints(style.size),
    // Left out rather than false, so that no run says <w:b w:val="false"/>.
    bold: style.bold || undefined,
    italics: style.italics || undefined,
    language: { value: LANGUAGE },
  });
}

interface ParagraphStyle {
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** Points. */
  before?: number;
  /** Points. */
  after?: number;
  /** Auto line spacing as a multiple of single spacing. */
  line?: number;
  keepNext?: boolean;
}

/** Paragraph properties; the paragraph mark takes the run's size so that an empty line is as tall as text. */
export function paragraphProps(style: ParagraphStyle, run: RunStyle): IParagraphOptions {
  return {
    alignment: style.align ?? AlignmentType.CENTER,
    spacing: {
      before: pt(style.before ?? 0),
      after: pt(style.after ?? 0),
      line: lines(style.line ?? 1),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: style.keepNext,
    run: {
      font: FONT,
      size: halfPoints(run.size),
      bold: run.bold || undefined,
      italics: run.italics || undefined,
    },
  };
}

/** One paragraph of one run of text. */
export function textParagraph(text: string, run: RunStyle, style: ParagraphStyle = {}): Paragraph {
  const children: ParagraphChild[] = [textRun(text, run)];
  return new Paragraph({ ...paragraphProps(style, run), children });
}

/**
 * A short horizontal rule (Nghị định 30: under the issuing body and under the motto): an empty,
 * 2-point-high paragraph whose top border is narrowed by equal indents, centred in its column.
 */
export function ruleParagraph(ruleWidth: number, columnTextWidth: number): Paragraph {
  const indent = Math.max(0, Math.round((columnTextWidth - ruleWidth) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indent, right: indent },
    spacing: { before: pt(3), after: 0, line: pt(2), lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    run: { font: FONT, size: halfPoints(1) },
  });
}

/**
 * A rough width of a line of Times New Roman, in twips, from average advance widths (em fractions):
 * enough to size a rule to its text without shipping font metrics.
 */
export function estimateTextWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const char of text.normalize("NFC")) {
    if (char === " ") ems += 0.25;
    else if (/[-.,:;/()]/.test(char)) ems += 0.3;
    else if (/[IĨÍÌỈỊ]/.test(char)) ems += 0.4;
    else if (char !== char.toLocaleLowerCase("vi")) ems += bold ? 0.72 : 0.68;
    else ems += bold ? 0.5 : 0.46;
  }
  return pt(ems * size);
}
