/**
 * Vietnamese text written the way the legacy fonts stored it, for fixtures, made independently of the
 * tool's decoder: TCVN3 (ABC) by glibc's iconv (charmap TCVN5712-1, whose upper half the ABC fonts use),
 * VNI Windows by the chart of VNI-Times (base letter, then the mark characters; the same chart as xvnkb's
 * vni.h), letter by letter from the Unicode decomposition.
 */
import { execFileSync } from "node:child_process";

/** TCVN3 as the .VnTime fonts stored it: each byte of `iconv -t TCVN5712-1` is a Latin-1 character. */
export function toTcvn3(text: string): string {
  const bytes = execFileSync("iconv", ["-f", "UTF-8", "-t", "TCVN5712-1"], { input: text.normalize("NFC") });
  return Buffer.from(bytes).toString("latin1");
}

/** Marks after a VNI base letter, lower case: circumflex/breve/horn-or-none × tone. */
const VNI_TONE: Record<string, string> = {
  "\u0301": "ù",
  "\u0300": "ø",
  "\u0309": "û",
  "\u0303": "õ",
  "\u0323": "ï",
};
/** With a circumflex (â ê ô) the tone and the hat are one character; with a breve (ă) another set. */
const VNI_HAT_TONE: Record<string, string> = {
  "": "â",
  "\u0301": "á",
  "\u0300": "à",
  "\u0309": "å",
  "\u0303": "ã",
  "\u0323": "ä",
};
const VNI_BREVE_TONE: Record<string, string> = {
  "": "ê",
  "\u0301": "é",
  "\u0300": "è",
  "\u0309": "ú",
  "\u0303": "ü",
  "\u0323": "ë",
};
/** i and y take single characters for some tones. */
const VNI_I: Record<string, string> = {
  "": "i",
  "\u0301": "í",
  "\u0300": "ì",
  "\u0309": "æ",
  "\u0303": "ó",
  "\u0323": "ò",
};

function vniLetter(letter: string): string {
  const [base, ...marks] = [...letter.normalize("NFD")];
  const upper = base !== base.toLowerCase();
  const lower = base.toLowerCase();
  const tone = marks.find((m) => m in VNI_TONE) ?? "";
  const hat = marks.includes("\u0302");
  const breve = marks.includes("\u0306");
  const horn = marks.includes("\u031b");
  let out: string;
  if (lower === "đ") out = "ñ";
  else if (hat) out = lower + VNI_HAT_TONE[tone];
  else if (breve) out = lower + VNI_BREVE_TONE[tone];
  else if (lower === "i") out = VNI_I[tone];
  else if (lower === "y" && tone === "\u0323") out = "î";
  else out = (horn ? (lower === "o" ? "ô" : "ö") : lower) + (tone ? VNI_TONE[tone] : "");
  return upper ? out.toUpperCase() : out;
}

/** VNI Windows as the VNI-Times fonts stored it ("Sở Ngoại vụ" → "Sôû Ngoaïi vuï"). */
export function toVni(text: string): string {
  return [...text.normalize("NFC")]
    .map((c) => (c.normalize("NFD") !== c || c === "đ" || c === "Đ" ? vniLetter(c) : c))
    .join("");
}
