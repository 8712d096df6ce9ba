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
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/** Fills "{ten}" placeholders; an unknown placeholder is left as written so that a typo shows. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return cleanText(
    template.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (key in values ? values[key] : whole)),
  );
}
