/**
 * The <c> elements of a row's XML, found as /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g finds them, by
 * indexOf into one reused span instead of a match array and three strings per cell: the reader and the
 * writer meet a quarter of a million cells in a sheet of 20,000 units.
 */

/** Where the cell found last stands; fields are offsets into the scanned text. */
export interface CellSpan {
  /** The whole element: from "<c" to after "/>" or "</c>". */
  start: number;
  end: number;
  /** Its attributes: the text after "<c" up to "/>" or ">" (the regular expression's first group). */
  tagStart: number;
  tagEnd: number;
  /** Its content between ">" and "</c>"; -1 for an empty element (the second group, undefined). */
  innerStart: number;
  innerEnd: number;
}

export const newCellSpan = (): CellSpan => ({
  start: 0,
  end: 0,
  tagStart: 0,
  tagEnd: 0,
  innerStart: -1,
  innerEnd: -1,
});

/** A character of \w: after "<c" it makes another element's name (<col>, <cfRule>). */
const isWordChar = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/** The next cell at or after `from`, into `span`; false when there is none. */
export function nextCell(xml: string, from: number, span: CellSpan): boolean {
  let at = from;
  for (;;) {
    const lt = xml.indexOf("<c", at);
    if (lt < 0) return false;
    if (isWordChar(xml.charCodeAt(lt + 2))) {
      at = lt + 2;
      continue;
    }
    const gt = xml.indexOf(">", lt + 2);
    if (gt < 0) return false;
    span.start = lt;
    span.tagStart = lt + 2;
    if (gt - 1 >= lt + 2 && xml.charCodeAt(gt - 1) === 47) {
      span.tagEnd = gt - 1;
      span.end = gt + 1;
      span.innerStart = -1;
      span.innerEnd = -1;
      return true;
    }
    const close = xml.indexOf("</c>", gt + 1);
    if (close < 0) {
      at = lt + 2;
      continue;
    }
    span.tagEnd = gt;
    span.innerStart = gt + 1;
    span.innerEnd = close;
    span.end = close + 4;
    return true;
  }
}

/** \s of a regular expression. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The 0-based column of the cell's reference, as /\sr="([A-Z]{1,3})\d+"/ finds it in the attributes
 * from `from` to `to`; -1 when they name none.
 */
export function referencedColumn(xml: string, from: number, to: number): number {
  for (let i = xml.indexOf('r="', from + 1); i >= 0 && i + 3 < to; i = xml.indexOf('r="', i + 1)) {
    if (!isSpace(xml.charCodeAt(i - 1))) continue;
    let j = i + 3;
    let col = 0;
    while (j < to && j - (i + 3) < 4) {
      const code = xml.charCodeAt(j);
      if (code < 65 || code > 90) break;
      col = col * 26 + (code - 64);
      j++;
    }
    const letters = j - (i + 3);
    if (letters < 1 || letters > 3) continue;
    let k = j;
    while (k < to && xml.charCodeAt(k) >= 48 && xml.charCodeAt(k) <= 57) k++;
    if (k > j && k < to && xml.charCodeAt(k) === 34) return col - 1;
  }
  return -1;
}
