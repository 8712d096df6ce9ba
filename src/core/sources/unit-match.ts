/**
 * Matching the units of two lists (a tracking table and a source file, or two years) the way a clerk
 * does by eye: by code when both sides have one, else by the name with its spelling variants folded.
 * Never across kinds ("UBND huyện An Phú" is not "UBND xã An Phú"), never a guess: a name that finds no
 * partner, or more than one, is listed.
 */
import { cleanText } from "../text";

interface MatchCandidate {
  name: string;
  /** The unit's code ("H01.12"), where the list has one. */
  code?: string;
}

interface MatchPair {
  left: number;
  right: number;
  by: "code" | "name";
}

/** Indexes into the two lists given to matchUnits. */
export interface MatchResult {
  pairs: MatchPair[];
  /** Left units with no partner on the right. */
  unmatchedLeft: number[];
  /** Right units with no partner on the left. */
  unmatchedRight: number[];
  /** Units that share one key with more than one unit on either side: never paired, listed instead. */
  ambiguous: { key: string; left: number[]; right: number[] }[];
  /** Same code on both sides but units of different kinds (a huyện and a xã): never paired. */
  kindConflicts: { left: number; right: number }[];
}

interface MatchOptions {
  /** Province names whose "tỉnh …" ending is dropped; names ending " - tỉnh X" teach more of them. */
  provinces?: string[];
}

/** Old tone placement at a word's end ("hoà", "Uỷ") → the modern one ("hòa", "Ủy"); "quý" stays. */
const TONE_SHIFTS: Record<string, string> = {
  oà: "òa",
  oá: "óa",
  oả: "ỏa",
  oã: "õa",
  oạ: "ọa",
  oè: "òe",
  oé: "óe",
  oẻ: "ỏe",
  oẽ: "õe",
  oẹ: "ọe",
  uỳ: "ùy",
  uý: "úy",
  uỷ: "ủy",
  uỹ: "ũy",
  uỵ: "ụy",
};
const OLD_TONES = new RegExp(`(?<!q)(${Object.keys(TONE_SHIFTS).join("|")})(?!\\p{L})`, "gu");

/** Lower-case text only. */
function modernTones(text: string): string {
  return text.replace(OLD_TONES, (pair) => TONE_SHIFTS[pair]);
}

const DASH_SUFFIX = /\s+[-–—]\s*(tỉnh|thành phố|tp\.?)\s+([^-–—]+)$/u;

/** "Sở Tư pháp - tỉnh An Giang" → "Sở Tư pháp": the name as staff write it in their own table. */
export function displayName(name: string): string {
  return cleanText(cleanText(name).replace(DASH_SUFFIX, ""));
}

/** The province named by a " - tỉnh X" ending, if any ("an giang"). */
export function provinceOf(name: string): string | undefined {
  const match = DASH_SUFFIX.exec(cleanText(name).toLocaleLowerCase("vi"));
  return match ? modernTones(match[2].trim()) : undefined;
}

const SPACE = "(?=\\s|$)";
const ABBREVIATIONS: [RegExp, string][] = [
  [/^tp\.?\s*/u, "thành phố "],
  [/^tx\.?\s*/u, "thị xã "],
];

/**
 * The key two spellings of one unit share: lower case, NFC, modern tone placement, "Ủy ban nhân dân" →
 * "UBND" and dropped in front, "TP."/"TX." spelled out, no " - tỉnh …" suffix nor "tỉnh <province>"
 * ending, punctuation as spaces. The kind word ("huyện", "xã", "sở"…) stays, so kinds never meet.
 */
export function unitKey(name: string, provinces: string[] = []): string {
  let key = modernTones(cleanText(name).toLocaleLowerCase("vi"));
  key = key.replace(DASH_SUFFIX, "");
  key = key.replace(/ủy ban nhân dân/gu, "ubnd").replace(/^ubnd\s+/u, "");
  for (const [pattern, full] of ABBREVIATIONS) key = key.replace(pattern, full);
  key = key
    .replace(/[.,;:()"“”'‘’]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const province of provinces) {
    const ending = ` tỉnh ${province}`;
    if (key.endsWith(ending)) key = key.slice(0, -ending.length);
  }
  return key.replace(/\s+tỉnh$/u, "").trim();
}

type UnitKind =
  | "xã"
  | "phường"
  | "thị trấn"
  | "đặc khu"
  | "huyện"
  | "quận"
  | "thị xã"
  | "thành phố"
  | "sở"
  | "ban"
  | "khác";

const KINDS: [UnitKind, RegExp][] = (
  ["thị xã", "thị trấn", "xã", "phường", "đặc khu", "huyện", "quận", "thành phố", "sở", "ban"] as const
).map((kind) => [kind, new RegExp(`^${kind}${SPACE}`, "u")]);

/** The kind of unit a key names, from its first words; "khác" for agencies named otherwise. */
export function unitKind(key: string): UnitKind {
  return KINDS.find(([, pattern]) => pattern.test(key))?.[0] ?? "khác";
}

const codeKey = (code: string | undefined) => (code ? code.trim().toUpperCase() : "");

/** Every province that a " - tỉnh X" ending names on either side, and the ones given. */
function knownProvinces(lists: MatchCandidate[][], options: MatchOptions): string[] {
  const found = new Set(
    (options.provinces ?? []).map((p) => modernTones(cleanText(p).toLocaleLowerCase("vi"))),
  );
  for (const list of lists) {
    for (const item of list) {
      const province = provinceOf(item.name);
      if (province) found.add(province);
    }
  }
  return [...found];
}

function groupBy(keys: string[], skip: Set<number>): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    if (key === "" || skip.has(i)) return;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return groups;
}

export function matchUnits(
  left: MatchCandidate[],
  right: MatchCandidate[],
  options: MatchOptions = {},
): MatchResult {
  const provinces = knownProvinces([left, right], options);
  const leftKeys = left.map((u) => unitKey(u.name, provinces));
  const rightKeys = right.map((u) => unitKey(u.name, provinces));
  const pairs: MatchPair[] = [];
  const ambiguous: MatchResult["ambiguous"] = [];
  const kindConflicts: MatchResult["kindConflicts"] = [];
  const doneLeft = new Set<number>();
  const doneRight = new Set<number>();
  const compatible = (l: number, r: number) => {
    const a = unitKind(leftKeys[l]);
    const b = unitKind(rightKeys[r]);
    return a === b || a === "khác" || b === "khác";
  };

  // By code, where both sides have one; a code shared by several units on one side is ambiguous.
  const leftCodes = groupBy(
    left.map((u) => codeKey(u.code)),
    doneLeft,
  );
  const rightCodes = groupBy(
    right.map((u) => codeKey(u.code)),
    doneRight,
  );
  for (const [code, ls] of leftCodes) {
    const rs = rightCodes.get(code);
    if (!rs) continue;
    ls.forEach((i) => doneLeft.add(i));
    rs.forEach((i) => doneRight.add(i));
    if (ls.length > 1 || rs.length > 1) ambiguous.push({ key: code, left: ls, right: rs });
    else if (!compatible(ls[0], rs[0])) kindConflicts.push({ left: ls[0], right: rs[0] });
    else pairs.push({ left: ls[0], right: rs[0], by: "code" });
  }
  // A unit whose code the other side lacks, while the other side has codes, is still matched by name:
  // a tracking table seldom keeps the portal's codes.
  const byNameLeft = groupBy(leftKeys, doneLeft);
  const byNameRight = groupBy(rightKeys, doneRight);
  for (const [key, ls] of byNameLeft) {
    const rs = byNameRight.get(key);
    if (!rs) {
      if (ls.length > 1) ambiguous.push({ key, left: ls, right: [] });
      ls.forEach((i) => doneLeft.add(i));
      continue;
    }
    ls.forEach((i) => doneLeft.add(i));
    rs.forEach((i) => doneRight.add(i));
    const bothCoded = codeKey(left[ls[0]].code) !== "" && codeKey(right[rs[0]].code) !== "";
    if (ls.length > 1 || rs.length > 1) ambiguous.push({ key, left: ls, right: rs });
    else if (bothCoded)
      continue; // different codes: the names agree but the units do not
    else pairs.push({ left: ls[0], right: rs[0], by: "name" });
  }
  for (const [key, rs] of byNameRight) {
    if (rs.length > 1 && !byNameLeft.has(key)) ambiguous.push({ key, left: [], right: rs });
  }

  const paired = (side: "left" | "right") => new Set(pairs.map((p) => p[side]));
  const inAmbiguity = (side: "left" | "right") => new Set(ambiguous.flatMap((a) => a[side]));
  const inConflict = (side: "left" | "right") => new Set(kindConflicts.map((c) => c[side]));
  const rest = (count: number, side: "left" | "right") => {
    const taken = new Set([...paired(side), ...inAmbiguity(side), ...inConflict(side)]);
    return [...Array(count).keys()].filter((i) => !taken.has(i));
  };
  pairs.sort((a, b) => a.left - b.left);
  return {
    pairs,
    unmatchedLeft: rest(left.length, "left"),
    unmatchedRight: rest(right.length, "right"),
    ambiguous,
    kindConflicts,
  };
}
