/** Borderless tables that lay blocks side by side: the letter's header and its signature area. */
import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import { CELL_PADDING, cm, textWidth } from "./units";

/** Left column of the header and of the signature area; the right one takes the rest of the line. */
export const LEFT_COLUMN = cm(6.5);
export const RIGHT_COLUMN = textWidth() - LEFT_COLUMN;

/** Width that text has inside a cell of the given width. */
export const cellTextWidth = (columnWidth: number): number => columnWidth - 2 * CELL_PADDING;

/** A row of cells, each a list of paragraphs; a row is kept on one page. */
export function borderlessTable(rows: Paragraph[][][], widths = [LEFT_COLUMN, RIGHT_COLUMN]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit: true,
          children: cells.map(
            (children, col) =>
              new TableCell({
                width: { size: widths[col], type: WidthType.DXA },
                // A cell must end with a paragraph: Word refuses an empty one.
                children: children.length > 0 ? children : [new Paragraph({})],
              }),
          ),
        }),
    ),
  });
}
