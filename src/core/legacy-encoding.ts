/**
 * Text typed with the pre-Unicode Vietnamese encodings (TCVN3/ABC, VNI) shows as "Së Ngo¹i vô" or
 * "Sôû Ngoaïi vuï" in a Unicode font: the cell holds Latin-1 characters that the legacy font drew as
 * Vietnamese letters. This module detects such text and decodes it; whether a column may be decoded
 * (the decision) is reader/legacy-columns.ts's.
 */
import { isVietnameseWord } from "./vietnamese-syllable";

/** Latin-1 characters that those encodings use for Vietnamese letters but Unicode Vietnamese never does. */
const LEGACY_ONLY = /[¦§¨©ª«¬®°±²³µ¶·¸¹º»¼½¾ÆÇÈËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ]/;

export function looksLegacyEncoded(text: string): boolean {
  return LEGACY_ONLY.test(text);
}

export const LEGACY_ADVICE =
  "có vẻ được gõ bằng bảng mã cũ (TCVN3/VNI) chứ không phải Unicode; hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi chạy lại.";

export type LegacyEncoding = "tcvn3" | "vni";

export const LEGACY_NAMES: Record<LegacyEncoding, string> = {
  tcvn3: "TCVN3 (ABC)",
  vni: "VNI",
};

/**
 * TCVN3 (ABC, the ".VnTime" fonts) is the upper half of TCVN 5712:1993, as in glibc's charmap
 * TCVN5712-1 (localedata/charmaps/TCVN5712-1; `iconv -f TCVN5712-1` gives these letters byte for byte),
 * less what only the VN1 variant has: the capitals with tone marks (0xAF, 0xBA, 0xBF, 0xC0–0xC5, 0xCD,
 * 0xD9–0xDB, 0xE0, 0xF0, 0xFF) and the combining marks 0xB0–0xB4. The ABC fonts draw capitals with
 * the same codes in the ".VnTimeH" fonts, so those bytes never stand in ABC text.
 */
const TCVN3_BYTES =
  "\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xb5\xb6" +
  "\xb7\xb8\xb9\xbb\xbc\xbd\xbe\xc6\xc7\xc8\xc9\xca\xcb\xcc\xce\xcf" +
  "\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xdc\xdd\xde\xdf\xe1\xe2\xe3" +
  "\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf1\xf2\xf3\xf4" +
  "\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe";
const TCVN3_LETTERS = "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";

const TCVN3 = new Map([...TCVN3_BYTES].map((byte, i) => [byte, [...TCVN3_LETTERS][i]]));

/**
 * VNI Windows (the "VNI-Times" fonts) writes a letter as its base and one or two Latin-1 marks after it.
 * The spellings follow the VNI table of xvnkb (Dao Hai Lam, vni.h): per vowel, the plain letter then
 * sắc, huyền, hỏi, ngã, nặng; ơ, ư, đ and the toned i are single characters.
 */
const VNI_SPELLINGS: [string, string[]][] = [
  ["A", ["A", "AÙ", "AØ", "AÛ", "AÕ", "AÏ"]],
  ["Â", ["AÂ", "AÁ", "AÀ", "AÅ", "AÃ", "AÄ"]],
  ["Ă", ["AÊ", "AÉ", "AÈ", "AÚ", "AÜ", "AË"]],
  ["E", ["E", "EÙ", "EØ", "EÛ", "EÕ", "EÏ"]],
  ["Ê", ["EÂ", "EÁ", "EÀ", "EÅ", "EÃ", "EÄ"]],
  ["O", ["O", "OÙ", "OØ", "OÛ", "OÕ", "OÏ"]],
  ["Ô", ["OÂ", "OÁ", "OÀ", "OÅ", "OÃ", "OÄ"]],
  ["Ơ", ["Ô", "ÔÙ", "ÔØ", "ÔÛ", "ÔÕ", "ÔÏ"]],
  ["U", ["U", "UÙ", "UØ", "UÛ", "UÕ", "UÏ"]],
  ["Ư", ["Ö", "ÖÙ", "ÖØ", "ÖÛ", "ÖÕ", "ÖÏ"]],
  ["I", ["I", "Í", "Ì", "Æ", "Ó", "Ò"]],
  ["Y", ["Y", "YÙ", "YØ", "YÛ", "YÕ", "Î"]],
];
/** sắc, huyền, hỏi, ngã, nặng as combining marks. */
const TONE_MARKS = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"];

function vniTable(): Map<string, string> {
  const table = new Map<string, string>([
    ["Ñ", "Đ"],
    ["ñ", "đ"],
  ]);
  for (const [letter, spellings] of VNI_SPELLINGS) {
    spellings.forEach((spelling, tone) => {
      const upper = (letter + TONE_MARKS[tone]).normalize("NFC");
      if (spelling !== upper) table.set(spelling, upper);
      const lower = spelling.toLowerCase();
      if (lower !== upper.toLowerCase()) table.set(lower, upper.toLowerCase());
    });
  }
  return table;
}

const VNI = vniTable();

function decodeTcvn3(text: string): string {
  let out = "";
  for (const char of text) out += TCVN3.get(char) ?? char;
  // A word typed in the capitals font (".VnTimeH") reads back in small letters: "NGO¹I" → "NGOạI";
  // with two capitals or more around, the word was in capitals.
  return out.replace(/\p{L}+/gu, (word) =>
    (word.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/[a-z]/.test(word) ? word.toUpperCase() : word,
  );
}

function decodeVni(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const pair = VNI.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i++;
    } else out += VNI.get(text[i]) ?? text[i];
  }
  return out;
}

export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === "tcvn3" ? decodeTcvn3(text) : decodeVni(text);
}

/** Characters of Unicode Vietnamese beyond Latin-1 ("ư", "ạ", "Đ"): a cell with one is Unicode text. */
export function hasUnicodeVietnamese(text: string): boolean {
  return /[\u0100-\u024f\u1ea0-\u1ef9]/.test(text);
}

/** Splits on spaces, digits and punctuation, not on the Latin-1 signs that stand for letters ("¹"). */
const WORD_BREAK = /[\s\d.,;:()[\]/\\\-–—"“”'‘’!?&+*=<>_|]+/;

/**
 * Whether `text` decoded reads as Vietnamese: every word with a letter beyond ASCII is a Vietnamese
 * syllable (an all-ASCII word, "UBND", "TP", tells nothing either way).
 */
export function readsAsVietnamese(decoded: string): boolean {
  return decoded
    .split(WORD_BREAK)
    .filter((word) => /[\u0080-\uffff]/.test(word))
    .every(isVietnameseWord);
}
