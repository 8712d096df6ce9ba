/** The lists a letter attaches when a sentence counts its units ("có danh sách kèm theo"), one per section. */
import type { ISectionOptions } from "docx";
import { appendixReference, type AttachedList, type LetterModel } from "../core/letter";
import { listTable, type ListColumn } from "./list-table";
import { textParagraph } from "./runs";
import { cm, textWidth } from "./units";

/** STT, name (the rest of the line), group, the criterion's figure, its points, the total. */
function columns(headers: string[]): ListColumn[] {
  const fixed = [cm(1.2), 0, cm(3.2), cm(3), cm(1.9), cm(1.8)];
  fixed[1] = textWidth() - fixed.reduce((a, b) => a + b, 0);
  return headers.map((header, i) => ({ header, width: fixed[i], left: i === 1 || i === 2 }));
}

export function attachedListChildren(letter: LetterModel, list: AttachedList): ISectionOptions["children"] {
  return [
    textParagraph(list.title, { size: 14, bold: true }),
    textParagraph(appendixReference(letter), { size: 14, italics: true }, { after: 12 }),
    listTable(columns(list.headers), list.rows, "Không có đơn vị."),
  ];
}
