/**
 * Heights for rows of wrapped text. Excel and LibreOffice do not grow a row with merged cells, nor one
 * whose height a file sets, so the plan says how tall a row must be, from the text wrapped word by word
 * at an average letter width. Calibrated on LibreOffice's print of the letter (Times New Roman and its
 * metric twin Liberation Serif); other fonts get wider letters and taller lines, to stay on the safe side.
 */

interface FontSize {
  size: number;
  name?: string;
}

/** An average Vietnamese letter with its marks, and the distance between lines, in ems. */
const METRICS: Record<string, { letter: number; line: number }> = {
  "Times New Roman": { letter: 0.42, line: 1.17 },
};
const OTHER_FONTS = { letter: 0.52, line: 1.3 };
/** Pixels of a cell's width that text does not use (margins on both sides); a width unit is 7 px. */
const PADDING = 8;
/** An em space (U+2003), the letter's first-line indent, is one em wide. */
const EM_SPACE = "\u2003";
/** Capitals ("UBND CẤP HUYỆN, THỊ XÃ") are about half as wide again as the average letter. */
const CAPITAL = 1.5;

const metricsOf = (font: FontSize) => METRICS[font.name ?? ""] ?? OTHER_FONTS;

/** Widths of the letters met outside ASCII (Vietnamese letters with their marks), in average letters. */
const LETTER_WIDTHS = new Map<string, number>();

function letterWidth(ch: string, letter: number): number {
  const code = ch.charCodeAt(0);
  // ASCII first: it is most of a letter, and needs no case tables.
  if (code < 128) return code >= 65 && code <= 90 ? CAPITAL : 1;
  if (ch === EM_SPACE) return 1 / letter;
  let width = LETTER_WIDTHS.get(ch);
  if (width === undefined) {
    width = ch !== ch.toLowerCase() && ch === ch.toUpperCase() ? CAPITAL : 1;
    LETTER_WIDTHS.set(ch, width);
  }
  return width;
}

/** Lines a text wraps to in a cell `width` Excel character units wide. */
export function wrappedLines(text: string, width: number, font: FontSize): number {
  const { letter } = metricsOf(font);
  const perLine = Math.max(4, (width * 7 - PADDING) / (letter * font.size));
  const length = (word: string) => {
    let n = 0;
    for (const ch of word) n += letterWidth(ch, letter);
    return n;
  };
  let lines = 0;
  for (const part of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of part.split(" ")) {
      const n = length(word);
      if (used === 0) used = n;
      else if (used + 1 + n <= perLine) used += 1 + n;
      else {
        lines++;
        used = n;
      }
      // A word longer than a line breaks inside it.
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** The height in points of a row holding `lines` lines of a font. */
export function heightOfLines(lines: number, font: FontSize): number {
  return Math.ceil(lines * font.size * metricsOf(font).line + 4);
}

/** The height a row needs for its cells' texts, each in a cell of the given width. */
export function rowHeightFor(cells: { text: string; width: number }[], font: FontSize): number {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width, font)));
  return heightOfLines(lines, font);
}
