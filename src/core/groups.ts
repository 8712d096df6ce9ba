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
  const kind = groupKindOf(group);
  const key = foldKey(group);
  const byText = wanted.some((entry) => {
    const wantedKind = groupKindOf(entry);
    if (kind && wantedKind) return kind === wantedKind;
    return key.includes(foldKey(entry));
  });
  if (byText || kind !== undefined || name === "") return byText;
  const nameKind = groupKindOfName(name);
  return nameKind !== undefined && wanted.some((entry) => groupKindOf(entry) === nameKind);
}
