/**
 * The appendix after the letter: every scored unit with its 766 score, points per criterion and proposal
 * (and the emulation rating and the rank in the group when the province's table asks for them).
 */
import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from "docx";
import type { Criterion } from "../core/criteria";
import { appendixReference, type LetterModel } from "../core/letter";
import { formatNumberVi, formatScore766 } from "../core/numbers";
import type { UnitScore } from "../core/scoring";
import { textParagraph, type RunStyle } from "./runs";
import { cm, textWidth } from "./units";

const APPENDIX_STYLE = {
  label: { size: 14, bold: true },
  title: { size: 14, bold: true },
  reference: { size: 14, italics: true },
  headerCell: { size: 12, bold: true },
  cell: { size: 12 },
} as const satisfies Record<string, RunStyle>;

const APPENDIX_LABEL = "Phụ lục";
const APPENDIX_TITLE = "KẾT QUẢ CHẤM ĐIỂM THI ĐUA CỦA CÁC CƠ QUAN, ĐƠN VỊ";
export const YES = "Có";
export const NO = "Không";
const NO_UNITS = "Không có đơn vị nào được chấm điểm.";

const FIXED_COLUMNS = { stt: cm(1.3), score766: cm(1.7), total: cm(1.7), proposed: cm(2) };
const CRITERION_COLUMN = cm(2.1);
const NAME_MIN = cm(4.5);
/** A little air above and below the text of each cell, in points. */
const CELL_SPACING = { before: 1, after: 1 };

interface AppendixLayout {
  landscape: boolean;
  /** STT, name, 766, one per criterion, total, proposed. */
  widths: number[];
}

/** The columns of a province's own table, before the proposal: its rating and the rank in the group. */
export interface AppendixExtras {
  emulationRating: boolean;
  rankInGroup: boolean;
}

/** The scores carry a rating and a rank only when the "Tiêu chí" sheet asks for them. */
export function appendixExtras(scores: readonly UnitScore[]): AppendixExtras {
  return {
    emulationRating: scores.some((s) => s.emulationRating !== undefined),
    rankInGroup: scores.some((s) => s.rankInGroup !== undefined),
  };
}

const NO_EXTRAS: AppendixExtras = { emulationRating: false, rankInGroup: false };
const EXTRA_COLUMNS = { emulationRating: cm(2.4), rankInGroup: cm(1.6) };

function extraWidths(extras: AppendixExtras): number[] {
  return [
    ...(extras.emulationRating ? [EXTRA_COLUMNS.emulationRating] : []),
    ...(extras.rankInGroup ? [EXTRA_COLUMNS.rankInGroup] : []),
  ];
}

/** Portrait while the unit names keep 4,5 cm; else landscape, narrowing the criterion columns if need be. */
export function appendixLayout(criterionCount: number, extras: AppendixExtras = NO_EXTRAS): AppendixLayout {
  const added = extraWidths(extras);
  const fixed = Object.values(FIXED_COLUMNS).reduce((a, b) => a + b, 0) + added.reduce((a, b) => a + b, 0);
  const landscape = textWidth() - fixed - criterionCount * CRITERION_COLUMN < NAME_MIN;
  const available = textWidth(landscape) - fixed;
  const criterion =
    criterionCount === 0
      ? 0
      : Math.floor(Math.min(CRITERION_COLUMN, (available - NAME_MIN) / criterionCount));
  const name = available - criterion * criterionCount;
  const { stt, score766, total, proposed } = FIXED_COLUMNS;
  return {
    landscape,
    widths: [
      stt,
      name,
      score766,
      ...Array<number>(criterionCount).fill(criterion),
      total,
      ...added,
      proposed,
    ],
  };
}

/** "Phụ lục", its title and "(Kèm theo Công văn số …/… ngày …)" from the letter's number and date. */
export function appendixHeading(letter: LetterModel): Paragraph[] {
  const s = APPENDIX_STYLE;
  const reference = appendixReference(letter);
  return [
    textParagraph(APPENDIX_LABEL, s.label),
    textParagraph(APPENDIX_TITLE, s.title, { before: 6 }),
    textParagraph(reference, s.reference, { after: 12 }),
  ];
}

function appendixHeaderTexts(criteria: Criterion[], extras: AppendixExtras): string[][] {
  return [
    ["STT"],
    ["Tên cơ quan, đơn vị"],
    ["Điểm 766"],
    ...criteria.map((c) => [`Tiêu chí ${c.code}`, `(${formatNumberVi(c.points)} điểm)`]),
    ["Tổng điểm"],
    ...(extras.emulationRating ? [["Xếp loại thi đua"]] : []),
    ...(extras.rankInGroup ? [["Xếp hạng trong khối"]] : []),
    ["Đề xuất khen thưởng"],
  ];
}

/** The cells of one unit's row, as the appendix shows them; scores stand in the order of the criteria. */
function appendixRowTexts(
  score: UnitScore,
  index: number,
  criteria: Criterion[],
  extras: AppendixExtras,
): string[] {
  const points = (i: number): string => {
    const criterionScore = score.scores[i];
    return criterionScore ? formatNumberVi(criterionScore.points) : "";
  };
  return [
    String(index + 1),
    score.unit.name,
    score.unit.score766 === null ? "" : formatScore766(score.unit.score766),
    ...criteria.map((_, i) => points(i)),
    formatNumberVi(score.total),
    ...(extras.emulationRating ? [score.emulationRating ?? ""] : []),
    ...(extras.rankInGroup ? [score.rankInGroup === undefined ? "" : String(score.rankInGroup)] : []),
    score.eligible ? YES : NO,
  ];
}

function cell(paragraphs: Paragraph[], width: number, columnSpan?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    columnSpan,
    children: paragraphs,
  });
}

export function appendixTable(
  scores: UnitScore[],
  criteria: Criterion[],
  layout: AppendixLayout,
  extras: AppendixExtras = NO_EXTRAS,
): Table {
  const { widths } = layout;
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const s = APPENDIX_STYLE;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: appendixHeaderTexts(criteria, extras).map((lines, col) =>
      cell(
        lines.map((text) => textParagraph(text, s.headerCell, CELL_SPACING)),
        widths[col],
      ),
    ),
  });
  const nameColumn = 1;
  const rows = scores.map(
    (score, index) =>
      new TableRow({
        cantSplit: true,
        children: appendixRowTexts(score, index, criteria, extras).map((text, col) =>
          cell(
            [
              textParagraph(
                text,
                { ...s.cell, bold: score.eligible && col === widths.length - 1 },
                { ...CELL_SPACING, align: col === nameColumn ? AlignmentType.LEFT : AlignmentType.CENTER },
              ),
            ],
            widths[col],
          ),
        ),
      }),
  );
  const empty = new TableRow({
    children: [cell([textParagraph(NO_UNITS, s.cell, CELL_SPACING)], tableWidth, widths.length)],
  });
  return new Table({
    width: { size: tableWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...(rows.length > 0 ? rows : [empty])],
  });
}
