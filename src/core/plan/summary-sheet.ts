/** The summary sheet: the draft letter laid out as Nghị định 30/2020 wants it, then the proposed units. */
import { missingFactsSentence, type LetterModel } from "../letter";
import { formatNumberVi } from "../numbers";
import type { UnitScore } from "../scoring";
import { describeSource, type SourceProvenance } from "../sources/provenance";
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

/** Excel does not fit the height of merged cells: estimate the lines of wrapped text. */
export function estimateRowHeight(text: string, span: Span, fontSize: number): number {
  let width = 0;
  for (let c = span.from; c <= span.to; c++) width += WIDTHS[c];
  // About 0.48 em per character of Vietnamese text in Times New Roman; 7 px per width unit.
  const charsPerLine = Math.max(10, Math.floor((width * 7) / (0.48 * fontSize)));
  const lines = text
    .split("\n")
    .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / charsPerLine)), 0);
  return Math.ceil(lines * fontSize * 1.3 + 4);
}

/** Excel's limits: a row at most 409 points high, a cell at most 32,767 characters. */
export const MAX_ROW_HEIGHT = 409;
export const MAX_CELL_CHARS = 32767;

/**
 * A paragraph cut into pieces that each fit one row (≤ 409 pt once wrapped, ≤ 32,767 characters), cut
 * after "; ", ", " or a space so that the pieces read on from one row to the next.
 */
export function splitForRows(text: string, span: Span, fontSize: number, extra = 0): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (estimateRowHeight(rest, span, fontSize) + extra > MAX_ROW_HEIGHT || rest.length > MAX_CELL_CHARS) {
    // The longest head that fits, by halving then stepping: heights grow with length.
    let low = 1;
    let high = Math.min(rest.length, MAX_CELL_CHARS);
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (estimateRowHeight(rest.slice(0, mid), span, fontSize) + extra <= MAX_ROW_HEIGHT) low = mid;
      else high = mid - 1;
    }
    const head = rest.slice(0, low);
    const cut = Math.max(head.lastIndexOf("; "), head.lastIndexOf(", "), head.lastIndexOf(" "));
    const end = cut > low / 2 ? cut + 1 : low;
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end).trimStart();
  }
  pieces.push(rest);
  return pieces;
}

export function planSummarySheet(
  name: string,
  letter: LetterModel,
  scores: UnitScore[],
  sources: SourceProvenance[] = [],
): SheetPlan {
  const plan = emptySheetPlan(name, "create");
  plan.columnWidths = WIDTHS.map((width, col) => ({ col, width }));
  let row = 0;
  const put = (r: number, span: Span, value: Scalar, style: string, height?: number) => {
    plan.blocks.push({ top: r, left: span.from, values: [[value]], style });
    if (span.to > span.from) plan.merges.push({ top: r, left: span.from, bottom: r, right: span.to });
    if (height !== undefined) plan.rowHeights.push({ row: r, height });
  };

  put(0, LEFT, letter.parentBody, "letterParent");
  put(0, RIGHT, letter.nationalTitle, "letterNation");
  put(1, LEFT, letter.issuingBody, "letterIssuer");
  put(1, RIGHT, letter.motto, "letterMotto");
  put(2, LEFT, letter.number, "letterNumber", 24);
  put(2, RIGHT, letter.placeAndDate, "letterDate");
  put(
    3,
    LEFT,
    letter.subject,
    "letterSubject",
    Math.min(MAX_ROW_HEIGHT, estimateRowHeight(letter.subject, LEFT, 12)),
  );
  // Beside the letter, outside its print area: seen on screen, never printed with the letter.
  const missing = missingFactsSentence(letter);
  if (missing) {
    put(0, NOTE, `${missing} Điền ở phần CÀI ĐẶT của trang “Tiêu chí” rồi chạy lại.`, "letterMissing");
    plan.columnWidths.push({ col: NOTE.from, width: 40 });
  }
  row = 5;
  for (const piece of splitForRows(letter.recipientLine, ALL, 14)) {
    put(row++, ALL, piece, "letterRecipient", estimateRowHeight(piece, ALL, 14));
  }
  row++;
  for (const paragraph of letter.paragraphs) {
    for (const piece of splitForRows(paragraph, ALL, 14, 6)) {
      put(row++, ALL, piece, "letterBody", estimateRowHeight(piece, ALL, 14) + 6);
    }
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
  put(row++, ALL, `(Kèm theo công văn ${letter.number.replace(/^Số:\s*/, "số ")})`, "letterDate");
  row++;
  plan.blocks.push({
    top: row++,
    left: 0,
    values: [["STT", "Tên cơ quan, đơn vị", "Khối", "Tiêu chí đạt", "Tổng điểm", "Xếp loại 766"]],
    style: "letterTableHeader",
  });
  const proposed = scores.filter((s) => s.eligible);
  if (proposed.length === 0) {
    put(row++, ALL, "Không có đơn vị đủ điều kiện đề xuất khen thưởng.", "letterTableText");
  } else {
    plan.blocks.push({
      top: row,
      left: 0,
      values: proposed.map((s, i) => [
        i + 1,
        s.unit.name,
        s.unit.group,
        s.scores
          .filter((c) => c.points > 0)
          .map((c) => `${c.code} (${formatNumberVi(c.points)} điểm)`)
          .join("; "),
        s.total,
        s.rating,
      ]),
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
  if (sources.length > 0) {
    row++;
    put(row++, ALL, "NGUỒN SỐ LIỆU", "letterTableTitle");
    sources.forEach((source, i) => {
      const text = `${i + 1}. ${describeSource(source)}`;
      put(row++, ALL, text, "letterTableText", estimateRowHeight(text, ALL, 12));
    });
  }

  plan.pageSetup = {
    paper: "A4",
    orientation: "portrait",
    margins: { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 },
    fitToWidth: true,
    printArea: { top: 0, left: 0, bottom: row - 1, right: 5 },
    pageBreaksBefore: [tableStart],
  };
  return plan;
}
