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
const EM_SPACE = 0x2003;
/** Capitals ("UBND CẤP HUYỆN, THỊ XÃ") are about half as wide again as the average letter. */
const CAPITAL = 1.5;

const metricsOf = (font: FontSize) => METRICS[font.name ?? ""] ?? OTHER_FONTS;

/**
 * Widths of the letters met outside ASCII (Vietnamese letters with their marks): by code point, 0 until
 * met, then 1 for an average letter and 2 for a capital. The Basic Multilingual Plane in a byte each
 * (64 KB): looked up for every letter of thousands of names.
 */
const BMP_WIDTHS = new Uint8Array(0x10000);
const OTHER_WIDTHS = new Map<number, number>();

const isCapital = (point: number) => {
  const ch = String.fromCodePoint(point);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

/** The width of the letter at `at` (a pair of surrogates counts as one letter), in average letters. */
function letterWidth(text: string, at: number, code: number, letter: number): number {
  // ASCII first: it is most of a letter, and needs no case tables.
  if (code < 128) return code >= 65 && code <= 90 ? CAPITAL : 1;
  if (code === EM_SPACE) return 1 / letter;
  const point = text.codePointAt(at) as number;
  if (point <= 0xffff) {
    let kind = BMP_WIDTHS[point];
    if (kind === 0) BMP_WIDTHS[point] = kind = isCapital(point) ? 2 : 1;
    return kind === 2 ? CAPITAL : 1;
  }
  let width = OTHER_WIDTHS.get(point);
  if (width === undefined) OTHER_WIDTHS.set(point, (width = isCapital(point) ? CAPITAL : 1));
  return width;
}

const SPACE = 32;
const NEW_LINE = 10;

/** Where the wrapping stands: the lines so far and the width used on the last one, in average letters. */
interface WrapState {
  lines: number;
  used: number;
}

/** Places a word `word` letters wide after the text read so far: on its line if it fits, else on the next. */
function placeWord(at: WrapState, word: number, perLine: number): void {
  if (at.used === 0) at.used = word;
  else if (at.used + 1 + word <= perLine) at.used += 1 + word;
  else {
    at.lines++;
    at.used = word;
  }
  // A word longer than a line breaks inside it.
  while (at.used > perLine) {
    at.lines++;
    at.used -= perLine;
  }
}

/** The lines so far if the word being read ended here (placeWord on a copy). */
function linesIfEnded(at: WrapState, word: number, perLine: number): number {
  PROBE.lines = at.lines;
  PROBE.used = at.used;
  placeWord(PROBE, word, perLine);
  return PROBE.lines;
}

/**
 * Scratch space: rows by the thousand are measured, so wrapping allocates nothing; wrap calls nothing that
 * could wrap again while it runs.
 */
const PROBE: WrapState = { lines: 1, used: 0 };
const LINES: WrapState = { lines: 1, used: 0 };

/**
 * Wraps a text word by word in a cell `width` Excel character units wide, in one pass over its characters
 * (the letter lists thousands of units), leaving in `at` the lines of the whole text; or with `maxLines`,
 * gives the length of the longest start of it (at most `limit` characters) that stays within that many
 * lines. The lines of a start never fall as it grows, so the first character that overflows ends the scan.
 */
function wrap(
  text: string,
  width: number,
  font: FontSize,
  at: WrapState,
  maxLines = Infinity,
  limit = text.length,
): number {
  const { letter } = metricsOf(font);
  const perLine = Math.max(4, (width * 7 - PADDING) / (letter * font.size));
  at.lines = 1;
  at.used = 0;
  let word = 0;
  const end = Math.min(limit, text.length);
  for (let i = 0; i < end; i++) {
    const start = i;
    const code = text.charCodeAt(i);
    if (code === SPACE || code === NEW_LINE) {
      placeWord(at, word, perLine);
      word = 0;
      if (code === NEW_LINE) {
        at.lines++;
        at.used = 0;
      }
    } else {
      word += letterWidth(text, i, code, letter);
      // The second half of a surrogate pair belongs to the letter just counted.
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) i++;
      }
    }
    if (maxLines !== Infinity && linesIfEnded(at, word, perLine) > maxLines) return Math.max(1, start);
  }
  placeWord(at, word, perLine);
  return end;
}

/** Lines a text wraps to in a cell `width` Excel character units wide. */
export function wrappedLines(text: string, width: number, font: FontSize): number {
  wrap(text, width, font, LINES);
  return LINES.lines;
}

/**
 * The length of the longest start of `text`, at most `limit` characters and at least one, whose wrapped
 * lines fit a row `maxHeight` points high: where a long paragraph is cut to go on in the next row.
 */
export function fittingLength(
  text: string,
  width: number,
  font: FontSize,
  maxHeight: number,
  limit: number,
): number {
  let maxLines = 0;
  while (heightOfLines(maxLines + 1, font) <= maxHeight) maxLines++;
  // Not even one line fits: one character, as a cut must move on.
  if (maxLines === 0) return 1;
  return wrap(text, width, font, { lines: 1, used: 0 }, maxLines, limit);
}

/** The height in points of a row holding `lines` lines of a font. */
export function heightOfLines(lines: number, font: FontSize): number {
  return Math.ceil(lines * font.size * metricsOf(font).line + 4);
}

/** The height a row needs for its cells' texts, each in a cell of the given width. */
export function rowHeightFor(cells: { text: string; width: number }[], font: FontSize): number {
  let lines = 1;
  for (const cell of cells) lines = Math.max(lines, wrappedLines(cell.text, cell.width, font));
  return heightOfLines(lines, font);
}
