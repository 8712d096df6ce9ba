/** The seed letter (test/golden, the real 2023 letter) in three parts, read once for every test that compares with it. */
import { readFileSync } from "node:fs";
import path from "node:path";

export const SEED_LETTER = path.join(__dirname, "..", "golden", "cong-van-de-xuat-khen-thuong-2023.txt");

/** Spacing and Unicode form as the comparison ignores them. */
export const normalizeSpace = (text: string): string =>
  text
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();

export interface SeedLetter {
  /** "Kính gửi: …". */
  recipient: string;
  /** The paragraphs between the recipient and "Nơi nhận"'s "- Như trên;", blank lines left out. */
  body: string[];
  /** "- Như trên;" to the end. */
  distribution: string[];
}

let cached: SeedLetter | undefined;

export function seedLetter(): SeedLetter {
  if (cached) return cached;
  const lines = readFileSync(SEED_LETTER, "utf8").split(/\r?\n/).map(normalizeSpace).filter(Boolean);
  const start = lines.findIndex((l) => l.startsWith("Kính gửi:"));
  const end = lines.findIndex((l) => l === "- Như trên;");
  if (start < 0 || end < start) throw new Error("the seed letter no longer has its usual shape");
  cached = { recipient: lines[start], body: lines.slice(start + 1, end), distribution: lines.slice(end) };
  return cached;
}
