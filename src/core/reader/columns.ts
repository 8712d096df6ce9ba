/** What a header cell means, recognised from its words whatever the case, accents or spacing. */
import { foldKey } from "../text";

export type Level = "tinh" | "huyen" | "xa" | "chung";

export const LEVEL_LABELS: Record<Level, string> = {
  tinh: "cấp tỉnh",
  huyen: "cấp huyện",
  xa: "cấp xã",
  chung: "",
};

export type ColumnRole =
  | { kind: "stt" }
  | { kind: "name" }
  | { kind: "group" }
  | { kind: "score766"; strong: boolean }
  | { kind: "rate"; level: Level }
  | { kind: "countTotal"; level: Level }
  | { kind: "countReceived"; level: Level }
  | { kind: "other" };

function levelOf(key: string): Level {
  if (/\bcap tinh\b|\btinh\b$/.test(key)) return "tinh";
  if (/\bcap huyen\b|\bhuyen\b$/.test(key)) return "huyen";
  if (/\bcap xa\b|\bxa\b$/.test(key)) return "xa";
  return "chung";
}

/** Whether the key holds one of the words (a list of constants: this runs on every row's name). */
function has(key: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (key.includes(words[i])) return true;
  return false;
}

/** The one-stop desk under its names: Bộ phận Một cửa (BPMC), "theo CCMC, MCLT" (Biểu II.07b), and
 * since 1 July 2025 the Trung tâm Phục vụ hành chính công (NĐ 118/2025/NĐ-CP). */
const ONE_STOP = ["mot cua", "bpmc", "bo phan tiep nhan", "ccmc", "phuc vu hanh chinh cong", "pvhcc"];
const RATE = ["ty le"];
const RECEIVED = ["tiep nhan"];
const PROCEDURES = ["tthc", "thu tuc"];
const INDEX_766 = ["766", "tong score", "tong_score"];
const RANKING = ["xep loai", "xep hang"];
const UNIT = ["don vi", "co quan"];

/** The patterns of classifyKey, made once: it runs on every row's name (a second table's header). */
const STT_KEY = /^(stt|tt|so tt|so thu tu)$/;
const SCORE_WORDS = /^(diem danh gia|diem chi so|diem bo chi so)\b/;
const TOTAL_WORDS = /^(tong diem|tong)$/;
const GROUP_HEADER = /^(khoi|nhom|loai|phan loai|loai hinh)( (don vi|co quan))?$/;
const GROUP_START = /^khoi\b/;
const NAME_START = /^ten\b/;
const NAME_WORDS = /^(don vi|co quan|co quan don vi|don vi co quan)$/;

/** Roles without a level, one object each: headers are classified row after row. */
const OTHER: ColumnRole = { kind: "other" };
const STT: ColumnRole = { kind: "stt" };
const NAME: ColumnRole = { kind: "name" };
const GROUP: ColumnRole = { kind: "group" };
const SCORE_766: ColumnRole = { kind: "score766", strong: true };
const TOTAL_SCORE: ColumnRole = { kind: "score766", strong: false };

/** Classifies one header text (for two-row headers, the group text and the sub-header together). */
export function classifyHeader(text: string): ColumnRole {
  return classifyKey(foldKey(text));
}

/** classifyHeader of a text already folded (foldKey). */
export function classifyKey(key: string): ColumnRole {
  if (key === "") return OTHER;
  if (STT_KEY.test(key)) return STT;

  const oneStop = has(key, ONE_STOP);
  if (has(key, RATE) && (oneStop || has(key, RECEIVED))) return { kind: "rate", level: levelOf(key) };
  if (has(key, PROCEDURES) && !has(key, RATE)) {
    // "Tại BPMC cấp tỉnh" under "TTHC được thực hiện theo CCMC, MCLT": received at that level's desk.
    const atDesk =
      has(key, RECEIVED) || (/\btai (bpmc|bo phan|trung tam)\b/.test(key) && levelOf(key) !== "chung");
    if (atDesk && oneStop) return { kind: "countReceived", level: levelOf(key) };
    if (/\b(tong so|so)\b/.test(key)) return { kind: "countTotal", level: levelOf(key) };
  }
  if (has(key, INDEX_766) && !has(key, RANKING)) return SCORE_766;
  if (SCORE_WORDS.test(key)) return SCORE_766;
  if (TOTAL_WORDS.test(key)) return TOTAL_SCORE;

  if (GROUP_HEADER.test(key) || GROUP_START.test(key)) {
    return GROUP;
  }
  if ((NAME_START.test(key) && has(key, UNIT)) || NAME_WORDS.test(key)) {
    return NAME;
  }
  return OTHER;
}
