/**
 * Text typed with the pre-Unicode Vietnamese encodings (TCVN3/ABC, VNI) shows as "Së Ngo¹i vô" or
 * "Sôû Ngoaïi vuï" in a Unicode font. Such names neither display nor match correctly, so they are
 * reported rather than scored in silence.
 */

/** Latin-1 characters that those encodings use for Vietnamese letters but Unicode Vietnamese never does. */
const LEGACY_ONLY = /[¦§¨©ª«¬®°±²³µ¶·¸¹º»¼½¾ÆÇÈËÎÏÐÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþ]/;

export function looksLegacyEncoded(text: string): boolean {
  return LEGACY_ONLY.test(text);
}

export const LEGACY_ADVICE =
  "có vẻ được gõ bằng bảng mã cũ (TCVN3/VNI) chứ không phải Unicode; hãy chuyển mã sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi chạy lại.";
