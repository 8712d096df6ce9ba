/**
 * What kind of unit a group or a name stands for: sở/ban/ngành, UBND cấp huyện, UBND cấp xã (xã,
 * phường, đặc khu) or a vertical-sector body. The group column or the section title wins; the unit's
 * name is a fallback, also when the group text names no known kind. Criteria limited to groups match by kind, so "Khối sở, ban, ngành" and
 * "SỞ, BAN, NGÀNH" are the same group, and "nghành dọc" (a common misspelling) is "ngành dọc".
 */
import { foldKey } from "./text";

type GroupKind = "so-ban-nganh" | "huyen" | "xa" | "nganh-doc";

/** The label a unit gets when only its name tells its group. */
const GROUP_LABELS: Record<GroupKind, string> = {
  "so-ban-nganh": "Sở, ban, ngành",
  huyen: "UBND cấp huyện",
  xa: "UBND cấp xã",
  "nganh-doc": "Cơ quan ngành dọc",
};

const UBND = String.raw`(?:ubnd|uy ban nhan dan)`;

/** Group column texts and section titles, in order: the first that matches decides. */
const GROUP_PATTERNS: [GroupKind, RegExp][] = [
  ["nganh-doc", /\bng?h?anh doc\b|\bco quan trung uong\b|\bhe thong doc\b/],
  ["xa", /\bcap xa\b|\b(xa|phuong|dac khu|thi tran)( \w+)? (phuong|dac khu|thi tran)\b/],
  ["xa", new RegExp(String.raw`^(khoi )?${UBND} (cac )?(xa|phuong|dac khu)\b`)],
  ["huyen", /\bcap huyen\b|\bhuyen thi xa\b|\bquan huyen\b/],
  ["huyen", new RegExp(String.raw`^(khoi )?${UBND} (cac )?(huyen|thi xa|thanh pho|quan)\b`)],
  ["so-ban-nganh", /\bso ban nganh\b|\bso nganh\b|\bco quan chuyen mon\b|^(khoi )?(cac )?so\b/],
  // Short forms that plainly name a kind: "Huyện", "Xã", "Phường", "UBND H.", "Khối các huyện", "Ban ngành".
  ["xa", new RegExp(String.raw`^(khoi )?(cac )?(${UBND} )?(cac )?(xa|phuong|thi tran|dac khu|x|p)$`)],
  ["huyen", new RegExp(String.raw`^(khoi )?(cac )?(${UBND} )?(cac )?(huyen|quan|thi xa|h|q|tx|tp)$`)],
  ["so-ban-nganh", /^(khoi )?(cac )?ban nganh\b/],
];

/** Unit names, when no group is given: "UBND xã Mỹ Hòa Hưng", "Thuế tỉnh An Giang", "Sở Tư pháp". */
const NAME_PATTERNS: [GroupKind, RegExp][] = [
  ["xa", new RegExp(String.raw`^${UBND} (xa|phuong|dac khu|thi tran)\b`)],
  ["huyen", new RegExp(String.raw`^${UBND} (huyen|thi xa|thanh pho|quan)\b`)],
  [
    "nganh-doc",
    /^(cuc |chi cuc )?(thue|hai quan|thong ke|thi hanh an dan su)\b|^(bao hiem xa hoi|kho bac|cong an|ngan hang nha nuoc)\b/,
  ],
  ["so-ban-nganh", /^(so|ban|thanh tra|van phong (ubnd|uy ban|hdnd|doan))\b/],
  // Vertical-sector bodies regrouped by region in 2025: "Chi cục Hải quan khu vực XX", "… khu vực …".
  ["nganh-doc", /\bkhu vuc\b/],
];

function kindBy(patterns: [GroupKind, RegExp][], text: string): GroupKind | undefined {
  const key = foldKey(text);
  if (key === "") return undefined;
  return patterns.find(([, pattern]) => pattern.test(key))?.[0];
}

/** The kind of a group column's text or a section title; undefined when it names no known kind. */
export function groupKindOf(group: string): GroupKind | undefined {
  // A table repeats a handful of group texts over thousands of rows: each is folded and tested once. The
  // answer depends on the text alone, so the memo holds for every run; it is emptied before it grows.
  let kind = KINDS_OF_GROUPS.get(group);
  if (kind === undefined) {
    kind = kindBy(GROUP_PATTERNS, group) ?? null;
    if (KINDS_OF_GROUPS.size >= MAX_REMEMBERED_GROUPS) KINDS_OF_GROUPS.clear();
    KINDS_OF_GROUPS.set(group, kind);
  }
  return kind ?? undefined;
}

const KINDS_OF_GROUPS = new Map<string, GroupKind | null>();
const MAX_REMEMBERED_GROUPS = 1000;

/** The kind a unit's name tells, for a unit without a group. */
export function groupKindOfName(name: string): GroupKind | undefined {
  return kindBy(NAME_PATTERNS, name);
}

/** Abbreviations that stay in capitals when a heading in capitals is written as a sentence. */
const ACRONYMS = new Set(["UBND", "HĐND", "TTHC", "MTTQ", "TW", "KCN", "KKT"]);

/** "CÁC ĐƠN VỊ KHÁC" → "Các đơn vị khác"; a text not all in capitals is kept as written. */
function sentenceCase(text: string): string {
  if (text !== text.toLocaleUpperCase("vi") || text === text.toLocaleLowerCase("vi")) return text;
  const words = text.split(" ").map((w) => (ACRONYMS.has(w) ? w : w.toLocaleLowerCase("vi")));
  const first = words[0] ?? "";
  if (!ACRONYMS.has(first)) words[0] = first.charAt(0).toLocaleUpperCase("vi") + first.slice(1);
  return words.join(" ");
}

/**
 * The group of a unit as the letter, its lists, the distribution and the summaries name it: the label of
 * its kind when the group (or, without one, the name) tells a known kind, so that "UBND XÃ, PHƯỜNG, ĐẶC
 * KHU" and "Khối xã" are both "UBND cấp xã"; another heading in capitals as a sentence; else as written.
 */
export function groupOfUnit(group: string, name: string): string {
  const kind = group !== "" ? groupKindOf(group) : groupKindOfName(name);
  if (kind) return GROUP_LABELS[kind];
  return sentenceCase(group);
}

/** "sở, ban, ngành", "UBND cấp xã": a group's label inside a sentence ("gồm 10 sở, ban, ngành"). */
export function groupInSentence(group: string): string {
  const first = group.split(" ")[0] ?? "";
  return ACRONYMS.has(first) ? group : group.charAt(0).toLocaleLowerCase("vi") + group.slice(1);
}

/** The label of the kind a unit's name tells ("UBND cấp huyện"), or undefined. */
export function kindLabelOfName(name: string): string | undefined {
  const kind = groupKindOfName(name);
  return kind ? GROUP_LABELS[kind] : undefined;
}

/**
 * Whether a unit's group is one of `wanted` (the "Áp dụng cho khối" of a criterion): by kind when both
 * are known kinds, else by the folded text ("ngành dọc" within "Cơ quan ngành dọc"), else, when the
 * group text names no known kind ("Khối A", "Nhóm 2"), by the kind the unit's name tells.
 */
export function groupMatches(wanted: string[], group: string, name = ""): boolean {
  return groupDecides(wanted, group) ?? nameMatches(wanted, name);
}

/**
 * What the group text alone says of `wanted`: true or false, or undefined when the text matches no entry
 * and names no known kind, so that the unit's name decides (nameMatches). The same for every unit of the
 * group: a run works it out once per group.
 */
export function groupDecides(wanted: string[], group: string): boolean | undefined {
  const kind = groupKindOf(group);
  let key: string | undefined;
  const byText = wanted.some((entry) => {
    const wantedKind = groupKindOf(entry);
    if (kind && wantedKind) return kind === wantedKind;
    key ??= foldKey(group);
    return key.includes(foldKey(entry));
  });
  return byText || kind !== undefined ? byText : undefined;
}

/** Whether the kind a unit's name tells is one of `wanted`'s kinds (for a group that names none). */
export function nameMatches(wanted: string[], name: string): boolean {
  if (name === "") return false;
  const nameKind = groupKindOfName(name);
  return nameKind !== undefined && wanted.some((entry) => groupKindOf(entry) === nameKind);
}
