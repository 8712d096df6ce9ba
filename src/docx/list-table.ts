/** A bordered list in the form of an appendix: a repeated header row, then one row per item kept whole. */
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
import { formatNumberVi } from "../core/numbers";
import { textParagraph, type RunStyle } from "./runs";

const HEADER: RunStyle = { size: 12, bold: true };
const CELL: RunStyle = { size: 12 };
/** A little air above and below the text of each cell, in points. */
const CELL_SPACING = { before: 1, after: 1 };

export interface ListColumn {
  header: string;
  /** Twips. */
  width: number;
  /** Names and long texts are read from the left; numbers and short codes centred. */
  left?: boolean;
}

const cellText = (value: string | number) => (typeof value === "number" ? formatNumberVi(value) : value);

function cell(paragraphs: Paragraph[], width: number, columnSpan?: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    columnSpan,
    children: paragraphs,
  });
}

/** The table; `empty` fills one row across when there are no items. */
export function listTable(columns: ListColumn[], rows: (string | number)[][], empty: string): Table {
  const width = columns.reduce((a, c) => a + c.width, 0);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c) => cell([textParagraph(c.header, HEADER, CELL_SPACING)], c.width)),
  });
  const body = rows.map(
    (values) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((c, col) =>
          cell(
            [
              textParagraph(cellText(values[col] ?? ""), CELL, {
                ...CELL_SPACING,
                align: c.left ? AlignmentType.LEFT : AlignmentType.CENTER,
              }),
            ],
            c.width,
          ),
        ),
      }),
  );
  const none = new TableRow({
    children: [cell([textParagraph(empty, CELL, CELL_SPACING)], width, columns.length)],
  });
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [header, ...(body.length > 0 ? body : [none])],
  });
}
