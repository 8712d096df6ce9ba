/** Text helpers for Vietnamese: NFC normalisation and a folded key for matching headers and names. */

/** NFC, non-breaking and repeated white space folded to one space, trimmed. */
export function cleanText(text: string): string {
  const nfc = text.normalize("NFC");
  // Most texts (every unit's name and group) are already clean: tested, not rebuilt.
  if (!UNCLEAN_SPACE.test(nfc)) return nfc;
  return nfc.replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, " ").trim();
}

/** What cleanText changes: white space other than one plain space between words (\s has the rest but U+200B). */
const UNCLEAN_SPACE = /[^\S ]|\u200b| {2}|^ | $/;

/**
 * A key for matching regardless of case, diacritics, NFC/NFD form, punctuation and spacing:
 * "Tên cơ quan,  đơn vị" and "TEN CO QUAN DON VI" give the same key.
 */
export function foldKey(text: string): string {
  // Letter by letter: NFD, marks dropped, đ → d, lower case, and anything but a–z, 0–9 and % a space
  // (runs of them one space, none at the ends). Each step keeps to its letter, so a letter's folding
  // is worked out once and remembered: names and headers are folded by the thousand. The key is ASCII:
  // its characters are gathered as bytes and made a string once, not grown a character at a time.
  let length = 0;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const c = code >= 65 && code <= 90 ? code + 32 : code;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37) {
        if (gap && length > 0) length = put(length, 32);
        gap = false;
        length = put(length, c);
      } else gap = true;
      continue;
    }
    const point = text.codePointAt(i) as number;
    if (point > 0xffff) i++;
    const folded = FOLDED.get(point) ?? foldLetter(point);
    for (let k = 0; k < folded.length; k++) {
      const c = folded.charCodeAt(k);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37) {
        if (gap && length > 0) length = put(length, 32);
        gap = false;
        length = put(length, c);
      } else gap = true;
    }
  }
  return asciiString(length);
}

/** The key being built, as bytes (grown when a text needs more). */
let keyBytes = new Uint8Array(256);

function put(length: number, code: number): number {
  if (length === keyBytes.length) {
    const grown = new Uint8Array(length * 2);
    grown.set(keyBytes);
    keyBytes = grown;
  }
  keyBytes[length] = code;
  return length + 1;
}

/** Characters per String.fromCharCode call, well under any engine's limit on arguments. */
const CHUNK = 4096;

function asciiString(length: number): string {
  if (length === 0) return "";
  if (length <= CHUNK)
    return String.fromCharCode.apply(null, keyBytes.subarray(0, length) as unknown as number[]);
  let out = "";
  for (let at = 0; at < length; at += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      keyBytes.subarray(at, Math.min(length, at + CHUNK)) as unknown as number[],
    );
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
