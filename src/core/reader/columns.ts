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

const has = (key: string, ...words: string[]) => words.some((w) => key.includes(w));

/** Classifies one header text (for two-row headers, the group text and the sub-header together). */
export function classifyHeader(text: string): ColumnRole {
  const key = foldKey(text);
  if (key === "") return { kind: "other" };
  if (/^(stt|tt|so tt|so thu tu)$/.test(key)) return { kind: "stt" };

  // The one-stop desk under its names: Bộ phận Một cửa (BPMC), "theo CCMC, MCLT" (Biểu II.07b), and
  // since 1 July 2025 the Trung tâm Phục vụ hành chính công (NĐ 118/2025/NĐ-CP).
  const oneStop = has(
    key,
    "mot cua",
    "bpmc",
    "bo phan tiep nhan",
    "ccmc",
    "phuc vu hanh chinh cong",
    "pvhcc",
  );
  if (has(key, "ty le") && (oneStop || has(key, "tiep nhan"))) return { kind: "rate", level: levelOf(key) };
  if (has(key, "tthc", "thu tuc") && !has(key, "ty le")) {
    // "Tại BPMC cấp tỉnh" under "TTHC được thực hiện theo CCMC, MCLT": received at that level's desk.
    const atDesk =
      has(key, "tiep nhan") || (/\btai (bpmc|bo phan|trung tam)\b/.test(key) && levelOf(key) !== "chung");
    if (atDesk && oneStop) return { kind: "countReceived", level: levelOf(key) };
    if (/\b(tong so|so)\b/.test(key)) return { kind: "countTotal", level: levelOf(key) };
  }
  if (has(key, "766", "tong score", "tong_score") && !has(key, "xep loai", "xep hang")) {
    return { kind: "score766", strong: true };
  }
  if (/^(diem danh gia|diem chi so|diem bo chi so)\b/.test(key)) return { kind: "score766", strong: true };
  if (/^(tong diem|tong)$/.test(key)) return { kind: "score766", strong: false };

  if (/^(khoi|nhom|loai|phan loai|loai hinh)( (don vi|co quan))?$/.test(key) || /^khoi\b/.test(key)) {
    return { kind: "group" };
  }
  if (
    (/^ten\b/.test(key) && has(key, "don vi", "co quan")) ||
    /^(don vi|co quan|co quan don vi|don vi co quan)$/.test(key)
  ) {
    return { kind: "name" };
  }
  return { kind: "other" };
}
