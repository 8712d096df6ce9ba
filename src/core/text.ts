/** Text helpers for Vietnamese: NFC normalisation and a folded key for matching headers and names. */

/** NFC, non-breaking and repeated white space folded to one space, trimmed. */
export function cleanText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, " ")
    .trim();
}

/**
 * A key for matching regardless of case, diacritics, NFC/NFD form, punctuation and spacing:
 * "Tên cơ quan,  đơn vị" and "TEN CO QUAN DON VI" give the same key.
 */
export function foldKey(text: string): string {
  // Letter by letter: NFD, marks dropped, đ → d, lower case, and anything but a–z, 0–9 and % a space
  // (runs of them one space, none at the ends). Each step keeps to its letter, so a letter's folding
  // is worked out once and remembered: names and headers are folded by the thousand.
  let out = "";
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded: string;
    if (code < 128) folded = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    else {
      const point = text.codePointAt(i) as number;
      if (point > 0xffff) i++;
      folded = FOLDED.get(point) ?? foldLetter(point);
    }
    for (let k = 0; k < folded.length; k++) {
      const c = folded.charCodeAt(k);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37) {
        if (gap && out !== "") out += " ";
        gap = false;
        out += folded[k];
      } else gap = true;
    }
  }
  return out;
}

/** Letters outside ASCII as foldKey folds them (before the spaces), by code point. */
const FOLDED = new Map<number, string>();

function foldLetter(point: number): string {
  const folded = String.fromCodePoint(point)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
  FOLDED.set(point, folded);
  return folded;
}

/** Fills "{ten}" placeholders; an unknown placeholder is left as written so that a typo shows. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return cleanText(
    template.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (key in values ? values[key] : whole)),
  );
}
