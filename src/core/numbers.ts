/** Reading and writing numbers the way Vietnamese staff type them ("84,37", "1.234", "100%"). */

type ParsedNumber = { ok: true; value: number; percent: boolean } | { ok: false };

/** A unit of measure after the number, abbreviated or not ("84,37 đ.", "12 TTHC", "96,5 %"). */
const UNIT_WORDS = /\s*(điểm|diem|đ|d|thủ tục|tthc|%)\.?\s*$/iu;

/**
 * Parses a number written as text. A lone separator is a decimal one ("84,37", "84.37"), unless
 * `integerExpected` and it is followed by exactly three digits ("1.234" procedures). Repeated groups
 * of three are thousands ("1.234.567", "1.234,5"). Anything else ("85,5,1", "abc") is not a number.
 */
export function parseNumberText(raw: string, integerExpected = false): ParsedNumber {
  // NFKC turns fullwidth digits and signs ("８４，３７", typed with an East Asian keyboard) into ASCII.
  let text = raw
    .normalize("NFKC")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
  const percent = /%\s*$/.test(text);
  let guard = 0;
  while (UNIT_WORDS.test(text) && guard++ < 3) text = text.replace(UNIT_WORDS, "").trim();
  text = text.replace(/^\+/, "").replace(/\s/g, "");
  if (text === "" || text === "-") return { ok: false };

  let normalised: string | undefined;
  if (/^-?\d+$/.test(text)) normalised = text;
  else if (/^-?\d*[.,]\d+$/.test(text)) {
    const [, decimals] = text.split(/[.,]/);
    normalised =
      integerExpected && decimals.length === 3 && /^-?\d{1,3}[.,]/.test(text)
        ? text.replace(/[.,]/, "")
        : text.replace(",", ".");
  } else {
    // Thousands groups with one separator, then optionally decimals with the other one.
    const grouped = /^(-?\d{1,3})((?:([.,])\d{3})+)(?:([.,])(\d+))?$/.exec(text);
    if (grouped && grouped[4] !== grouped[3]) {
      const decimals = grouped[5] !== undefined ? `.${grouped[5]}` : "";
      normalised = `${grouped[1]}${grouped[2].split(grouped[3]).join("")}${decimals}`;
    }
  }
  if (normalised === undefined) return { ok: false };
  const value = Number(normalised);
  return Number.isFinite(value) ? { ok: true, value, percent } : { ok: false };
}

/** Rounds away binary noise (84.37000000001) so that comparisons and display agree with what was typed. */
export function roundTo(value: number, decimals = 6): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** "84,37", "96,5", "1.234", "30": decimal comma, dot for thousands, at most `decimals` decimals. */
export function formatNumberVi(value: number, decimals = 2): string {
  const rounded = roundTo(value, decimals);
  // Scores and counts are mostly whole and under a thousand: nothing to group or trim.
  if (Number.isInteger(rounded) && Math.abs(rounded) < 1000) return String(rounded === 0 ? 0 : rounded);
  const negative = rounded < 0;
  if (Math.abs(rounded) < 1000) {
    // Under a thousand with decimals (every figure of the explanations): no group to mark, and the
    // zeros the fraction ends with dropped without building the parts.
    const fixed = Math.abs(rounded).toFixed(decimals);
    const dot = fixed.indexOf(".");
    let end = fixed.length;
    while (end > dot + 1 && fixed.charCodeAt(end - 1) === ZERO) end--;
    const fraction = end > dot + 1 ? `,${fixed.slice(dot + 1, end)}` : "";
    return `${negative ? "-" : ""}${fixed.slice(0, dot)}${fraction}`;
  }
  const [whole, fraction] = Math.abs(rounded).toFixed(decimals).split(".");
  const trimmed = (fraction ?? "").replace(/0+$/, "");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped}${trimmed ? `,${trimmed}` : ""}`;
}

const ZERO = 48;
const DOT = 46;

/**
 * A 766 index score as the letter, its appendix and the explanations print it: always two decimals,
 * decimal comma ("74,30", "80,00"), as the index publishes its scores.
 */
export function formatScore766(value: number): string {
  const fixed = Math.abs(roundTo(value, 2)).toFixed(2);
  // Under a thousand (every 766 score): no group to mark.
  if (fixed.length <= 6 && fixed.charCodeAt(fixed.length - 3) === DOT)
    return `${value < 0 ? "-" : ""}${fixed.slice(0, -3)},${fixed.slice(-2)}`;
  const [whole, fraction] = fixed.split(".");
  return `${value < 0 ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${fraction}`;
}
