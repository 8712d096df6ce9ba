/** The summary sheet: the draft letter laid out as Nghị định 30/2020 wants it, then the proposed units. */
import { appendixReference, missingFactsSentence, type LetterModel } from "../letter";
import { formatNumberVi } from "../numbers";
import type { UnitScore } from "../scoring";
import { describeSource, type SourceProvenance } from "../sources/provenance";
import { fittingLength, heightOfLines, rowHeightFor, wrappedLines } from "./row-height";
import { STYLES, type StyleName } from "./styles";
import { emptySheetPlan, type Scalar, type SheetPlan } from "./types";

export const SUMMARY_SHEET = "Tổng hợp";

/** Widths of A–F in Excel's character units: A–B hold the left header block, C–F the right one. */
const WIDTHS = [6, 30, 16, 13, 11, 12];
const LEFT = { from: 0, to: 1 };
const RIGHT = { from: 2, to: 5 };
const ALL = { from: 0, to: 5 };
/** The note on facts the letter lacks: column H, one empty column away from the letter. */
const NOTE = { from: 7, to: 7 };

type Span = { from: number; to: number };

const spanWidth = (span: Span) => WIDTHS.slice(span.from, span.to + 1).reduce((a, b) => a + b, 0);

/** Excel does not fit the height of merged cells: estimate the lines of wrapped text in a style's font. */
function estimateRowHeight(text: string, span: Span, style: LetterStyle): number {
  return rowHeightFor([{ text, width: spanWidth(span) }], STYLES[style].font);
}

/** Excel's limits: a row at most 409 points high, a cell at most 32,767 characters. */
const MAX_ROW_HEIGHT = 409;
const MAX_CELL_CHARS = 32767;

/**
 * A paragraph cut into pieces that each fit one row (≤ 409 pt once wrapped, ≤ 32,767 characters), cut
 * after "; ", ", " or a space so that the pieces read on from one row to the next.
 */
function splitForRows(
  text: string,
  span: Span,
  style: LetterStyle,
  maxHeight = MAX_ROW_HEIGHT,
  widthShare = 1,
): string[] {
  const pieces: string[] = [];
  let rest = text;
  for (;;) {
    // The longest head that fits, found in one pass over it: a list of thousands of units is cut in
    // time that follows its length.
    const limit = Math.min(rest.length, MAX_CELL_CHARS);
    const fitting = fittingLength(rest, spanWidth(span) * widthShare, STYLES[style].font, maxHeight, limit);
    if (fitting === rest.length) break;
    const head = rest.slice(0, fitting);
    const cut = Math.max(head.lastIndexOf("; "), head.lastIndexOf(", "), head.lastIndexOf(" "));
    const end = cut > fitting / 2 ? cut + 1 : fitting;
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

/** The summary's styles, all with a named font of a known size. */
type LetterStyle = Extract<StyleName, `letter${string}`>;

/** "; minh chứng: Báo cáo số 15/BC-STP" for a criterion the unit gave evidence or an explanation for. */
function evidenceText(score: UnitScore, code: string): string {
  const given = score.evidence.find((e) => e.code === code);
  if (!given) return "";
  return given.evidence ? `; minh chứng: ${given.evidence}` : `; giải trình: ${given.explanation ?? ""}`;
}

/** Nghị định 30: a first-line indent of 1–1,27 cm (two em spaces of 14 pt), 6 pt between paragraphs. */
const FIRST_LINE_INDENT = "\u2003\u2003";
const PARAGRAPH_GAP = 6;
/** A row holding one line of the body (14 pt): the font's line, a point of air, no cell margin. */
const LINE_HEIGHT = Math.ceil(STYLES.letterBody.font.size * 1.2) + 1;

export function planSummarySheet(
  name: string,
  letter: LetterModel,
  scores: UnitScore[],
  sources: SourceProvenance[] = [],
): SheetPlan {
  const plan = emptySheetPlan(name, "create");
  plan.columnWidths = WIDTHS.map((width, col) => ({ col, width }));
  let row = 0;
  // Rows without a height of their own get the tallest estimate of their texts: a renderer that does not
  // fit rows by itself (LibreOffice on a file without a default row height) would print them over each other.
  const fitted = new Map<number, number>();
  const put = (r: number, span: Span, value: Scalar, style: LetterStyle, height?: number) => {
    plan.blocks.push({ top: r, left: span.from, values: [[value]], style });
    if (span.to > span.from) plan.merges.push({ top: r, left: span.from, bottom: r, right: span.to });
    if (height !== undefined) plan.rowHeights.push({ row: r, height });
    else if (typeof value === "string" && value && span.to < WIDTHS.length) {
      fitted.set(r, Math.max(fitted.get(r) ?? 0, estimateRowHeight(value, span, style)));
    }
  };

  // An unsure list: the letter's first line says it is a draft, and the letter starts a row lower.
  const top = letter.draftMark ? 1 : 0;
  if (letter.draftMark) {
    put(0, ALL, letter.draftMark, "letterDraft", estimateRowHeight(letter.draftMark, ALL, "letterDraft"));
  }
  put(top, LEFT, letter.parentBody, "letterParent");
  put(top, RIGHT, letter.nationalTitle, "letterNation");
  put(top + 1, LEFT, letter.issuingBody, "letterIssuer");
  put(top + 1, RIGHT, letter.motto, "letterMotto");
  put(top + 2, LEFT, letter.number, "letterNumber", 24);
  put(top + 2, RIGHT, letter.placeAndDate, "letterDate");
  put(
    top + 3,
    LEFT,
    letter.subject,
    "letterSubject",
    Math.min(MAX_ROW_HEIGHT, estimateRowHeight(letter.subject, LEFT, "letterSubject")),
  );
  // Beside the letter, outside its print area: seen on screen, never printed with the letter.
  const missing = missingFactsSentence(letter);
  if (missing) {
    put(top, NOTE, `${missing} Điền ở phần CÀI ĐẶT của trang “Tiêu chí” rồi chạy lại.`, "letterMissing");
    plan.columnWidths.push({ col: NOTE.from, width: 40 });
  }
  row = top + 5;
  for (const piece of splitForRows(letter.recipientLine, ALL, "letterRecipient")) {
    put(row++, ALL, piece, "letterRecipient", estimateRowHeight(piece, ALL, "letterRecipient"));
  }
  row++;
  for (const paragraph of letter.paragraphs) {
    const text = FIRST_LINE_INDENT + paragraph;
    const height = estimateRowHeight(text, ALL, "letterBody") + PARAGRAPH_GAP;
    if (height <= MAX_ROW_HEIGHT && text.length <= MAX_CELL_CHARS) {
      put(row++, ALL, text, "letterBody", height);
      continue;
    }
    // Too long for one row: a row per line, each as tall as a line, so that the paragraph reads on with
    // no band where a row's estimate would overshoot; only its first line is indented, only its last
    // row takes the gap before the next paragraph.
    // The estimate of a line's width is an average: a line cut at 85% of it never wraps in the renderer.
    const lines = splitForRows(text, ALL, "letterBody", heightOfLines(1, STYLES.letterBody.font), 0.85);
    lines.forEach((line, i) =>
      put(row++, ALL, line, "letterBody", LINE_HEIGHT + (i === lines.length - 1 ? PARAGRAPH_GAP : 0)),
    );
  }
  row++;

  const start = row;
  put(start, LEFT, letter.distributionTitle, "letterDistTitle");
  letter.distribution.forEach((line, i) => put(start + 1 + i, LEFT, line, "letterDist"));
  put(start, RIGHT, letter.signer.authority, "letterSigner");
  put(start + 1, RIGHT, letter.signer.title, "letterSigner");
  const nameRow = start + 6;
  put(nameRow, RIGHT, letter.signer.name || null, "letterSigner");
  row = Math.max(nameRow, start + letter.distribution.length) + 2;

  // The list of proposed units starts a printed page of its own.
  const tableStart = row;
  put(row++, ALL, "DANH SÁCH ĐƠN VỊ ĐỀ XUẤT KHEN THƯỞNG", "letterTableTitle");
  put(row++, ALL, appendixReference(letter), "letterDate");
  row++;
  plan.blocks.push({
    top: row++,
    left: 0,
    values: [["STT", "Tên cơ quan, đơn vị", "Khối", "Tiêu chí đạt", "Tổng điểm", "Xếp loại 766"]],
    style: "letterTableHeader",
  });
  const proposed = scores.filter((s) => s.eligible);
  // Units that scored alike share their scores (scoreUnits): without evidence, their text is one.
  const earnedTexts = new Map<UnitScore["scores"], string>();
  const earnedText = (s: UnitScore) => {
    const shared = s.evidence.length === 0;
    let text = shared ? earnedTexts.get(s.scores) : undefined;
    if (text === undefined) {
      // Full points given where a criterion does not fit were not earned; evidence goes with its criterion.
      text = s.scores
        .filter((c) => c.points > 0 && c.applies)
        .map((c) => `${c.code} (${formatNumberVi(c.points)} điểm${evidenceText(s, c.code)})`)
        .join("; ");
      if (shared) earnedTexts.set(s.scores, text);
    }
    return text;
  };
  // Thousands of rows: measured cell by cell, with nothing built for it.
  const tableFont = STYLES.letterTableText.font;
  const tableRow = (values: Scalar[]) => {
    let lines = 1;
    for (let col = 0; col < values.length; col++) {
      const v = values[col];
      lines = Math.max(
        lines,
        wrappedLines(typeof v === "string" ? v : String(v ?? ""), WIDTHS[col], tableFont),
      );
    }
    return heightOfLines(lines, tableFont);
  };
  const proposedRows: Scalar[][] = proposed.map((s, i) => [
    i + 1,
    s.unit.name,
    s.unit.group,
    earnedText(s),
    s.total,
    s.rating,
  ]);
  // Long names and groups ("UBND CẤP HUYỆN, THỊ XÃ, THÀNH PHỐ") wrap: their rows grow with them.
  proposedRows.forEach((values, i) => plan.rowHeights.push({ row: row + i, height: tableRow(values) }));
  if (proposed.length === 0) {
    put(row++, ALL, "Không có đơn vị đủ điều kiện đề xuất khen thưởng.", "letterTableText");
  } else {
    plan.blocks.push({
      top: row,
      left: 0,
      values: proposedRows,
      columnStyles: [
        "letterTableNumber",
        "letterTableText",
        "letterTableText",
        "letterTableText",
        "letterTableNumber",
        "letterTableText",
      ],
    });
    row += proposed.length;
  }
  // The lists of units the letter counts instead of naming ("có danh sách kèm theo"), each on a page.
  const listStarts: number[] = [];
  for (const list of letter.lists) {
    row++;
    listStarts.push(row);
    put(row++, ALL, list.title, "letterTableTitle");
    put(row++, ALL, appendixReference(letter), "letterDate");
    row++;
    plan.blocks.push({ top: row++, left: 0, values: [list.headers], style: "letterTableHeader" });
    list.rows.forEach((values, i) => plan.rowHeights.push({ row: row + i, height: tableRow(values) }));
    plan.blocks.push({
      top: row,
      left: 0,
      values: list.rows,
      columnStyles: [
        "letterTableNumber",
        "letterTableText",
        "letterTableText",
        "letterTableText",
        "letterTableNumber",
        "letterTableNumber",
      ],
    });
    row += list.rows.length;
  }
  if (sources.length > 0) {
    row++;
    put(row++, ALL, "NGUỒN SỐ LIỆU", "letterTableTitle");
    sources.forEach((source, i) => {
      const text = `${i + 1}. ${describeSource(source)}`;
      put(row++, ALL, text, "letterTableText", estimateRowHeight(text, ALL, "letterTableText"));
    });
  }

  plan.pageSetup = {
    paper: "A4",
    orientation: "portrait",
    margins: { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 },
    fitToWidth: true,
    printArea: { top: 0, left: 0, bottom: row - 1, right: 5 },
    pageBreaksBefore: [tableStart, ...listStarts],
  };
  // Thousands of rows of the lists have their heights: looked up, not searched once per fitted row.
  const sized = new Set(plan.rowHeights.map((h) => h.row));
  for (const [r, height] of fitted) {
    if (!sized.has(r)) plan.rowHeights.push({ row: r, height });
  }
  return plan;
}
