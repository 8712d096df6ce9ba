/**
 * Wrapping for row heights: the one-pass wrap gives, for a paragraph, the longest start that fits a row
 * — the same cut as measuring every start one by one, which it replaces (a letter lists thousands of
 * units, and measuring starts over and over was most of the time spent on the summary sheet).
 */
import { fittingLength, heightOfLines, wrappedLines } from "../../src/core/plan/row-height";

const TIMES = { size: 14, name: "Times New Roman" };
const OTHER = { size: 11 };
const WORDS = [
  "Ủy",
  "ban",
  "nhân",
  "dân",
  "xã",
  "ĐÔNG",
  "Hưng;",
  "phường",
  "An,",
  "Sở",
  "Nội",
  "vụ",
  "\n",
  "",
  "😀",
  "\u2003\u2003",
];

/** The longest start that fits, found by measuring every start (at least one character). */
function bruteForce(
  text: string,
  width: number,
  font: typeof OTHER,
  maxHeight: number,
  limit: number,
): number {
  let best = 1;
  for (let n = 1; n <= Math.min(limit, text.length); n++) {
    if (heightOfLines(wrappedLines(text.slice(0, n), width, font), font) <= maxHeight) best = n;
  }
  return best;
}

function text(seed: number, words: number): string {
  let s = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[(s >>> 8) % WORDS.length] + (s % 5 === 0 ? "x".repeat(s % 60) : ""));
  }
  return out.join(seed % 2 ? " " : ", ");
}

describe("fittingLength", () => {
  it("is the longest start whose wrapped lines fit, as measuring each start gives", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const t = text(seed, 20 + (seed % 7) * 15);
      const font = seed % 3 ? TIMES : OTHER;
      const width = [88, 30, 6][seed % 3];
      const maxHeight = [409, 60, 25][seed % 3];
      const limit = seed % 4 ? t.length : Math.floor(t.length / 2);
      // A surrogate pair is one letter: a cut inside one is not a start the wrap ever gives.
      const brute = bruteForce(t, width, font, maxHeight, limit);
      const cutsPair = /[\ud800-\udbff]/.test(t[brute - 1] ?? "");
      expect(fittingLength(t, width, font, maxHeight, limit)).toBe(cutsPair ? brute - 1 : brute);
    }
  });

  it("gives the whole text when it fits, and one character when not even a line does", () => {
    expect(fittingLength("Sở Nội vụ", 88, TIMES, 409, 9)).toBe(9);
    expect(fittingLength("Sở Nội vụ", 88, TIMES, 5, 9)).toBe(1);
    expect(fittingLength("", 88, TIMES, 409, 0)).toBe(0);
  });
});
