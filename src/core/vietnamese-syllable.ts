/**
 * Whether a word is a Vietnamese syllable: an onset, a vowel group, a final consonant, and at most one
 * tone mark. Used to tell text decoded from a legacy encoding that reads as Vietnamese from bytes
 * decoded with the wrong table ("Sụỷ", "Ngo¹i").
 */

/** The tone marks, as combining characters after NFD. */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

const ONSET = "(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?";
/** Vowel groups of the language (longest first, so that the regex tries them first). */
const VOWELS = [
  "iêu",
  "yêu",
  "oai",
  "oay",
  "oao",
  "oeo",
  "uây",
  "uôi",
  "uya",
  "uyê",
  "uyu",
  "ươi",
  "ươu",
  "uơi",
  "ai",
  "ao",
  "au",
  "ay",
  "âu",
  "ây",
  "eo",
  "êu",
  "ia",
  "iê",
  "iu",
  "oa",
  "oă",
  "oe",
  "oi",
  "ôi",
  "ơi",
  "ua",
  "uâ",
  "uê",
  "ui",
  "uô",
  "uơ",
  "uy",
  "ưa",
  "ươ",
  "ưi",
  "ưu",
  "yê",
  "a",
  "ă",
  "â",
  "e",
  "ê",
  "i",
  "o",
  "ô",
  "ơ",
  "u",
  "ư",
  "y",
].join("|");
const CODA = "(?:ch|ng|nh|c|m|n|p|t)?";
const SYLLABLE = new RegExp(`^${ONSET}(?:${VOWELS})${CODA}$`);

export function isVietnameseWord(word: string): boolean {
  const marks = word.normalize("NFD").toLowerCase();
  const tones = marks.match(TONE)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(marks.replace(TONE, "").normalize("NFC"));
}
