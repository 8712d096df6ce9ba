/**
 * What kind of unit a group or a name stands for: sở/ban/ngành, UBND cấp huyện, UBND cấp xã (xã,
 * phường, đặc khu) or a vertical-sector body. The group column or the section title wins; the unit's
 * name is a fallback. Criteria limited to groups match by kind, so "Khối sở, ban, ngành" and
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
  return kindBy(GROUP_PATTERNS, group);
}

/** The kind a unit's name tells, for a unit without a group. */
export function groupKindOfName(name: string): GroupKind | undefined {
  return kindBy(NAME_PATTERNS, name);
}

/** The group of a unit: the group it was given, else the label its name tells, else "". */
export function groupOfUnit(group: string, name: string): string {
  if (group !== "") return group;
  const kind = groupKindOfName(name);
  return kind ? GROUP_LABELS[kind] : "";
}

/**
 * Whether a unit's group is one of `wanted` (the "Áp dụng cho khối" of a criterion): by kind when both
 * are known kinds, else by the folded text ("ngành dọc" within "Cơ quan ngành dọc").
 */
export function groupMatches(wanted: string[], group: string): boolean {
  const kind = groupKindOf(group);
  const key = foldKey(group);
  return wanted.some((entry) => {
    const wantedKind = groupKindOf(entry);
    if (kind && wantedKind) return kind === wantedKind;
    return key.includes(foldKey(entry));
  });
}
