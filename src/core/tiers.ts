/**
 * The tiers of a "Bậc" criterion as a clerk types them in the "Ngưỡng" cell: `≥ 90: 30; > 80: 20; ≥ 70: 10`
 * (a comparison, a number, a colon, the points; ";" between tiers), read and written back alike.
 */
import { compare, OPERATOR_SYMBOLS, parseOperator, type Operator, type Tier } from "./criteria";
import { parseNumberText, roundTo } from "./numbers";

export type { Tier };

type ParsedTiers = { ok: true; tiers: Tier[] } | { ok: false; detail: string };

/** The comparison at the start of a tier: a symbol ("≥", ">=", "=>") or the words of the plans ("từ", "trên"). */
const OPERATOR_START = /^(>=|=>|<=|=<|==|≥|≤|>|<|=|từ|tu|trên|tren|dưới|duoi)/iu;
const OPERATOR_WORDS: Record<string, Operator> = {
  từ: ">=",
  tu: ">=",
  trên: ">",
  tren: ">",
  dưới: "<",
  duoi: "<",
};

const EXAMPLE = "“≥ 90: 30; > 80: 20; ≥ 70: 10”";

/** One tier "≥ 90: 30"; `n` is its place (1-based) for the message. */
function parseTier(text: string, n: number): Tier | string {
  const where = `bậc ${n} (“${text}”)`;
  const start = OPERATOR_START.exec(text);
  if (!start) return `${where} không bắt đầu bằng phép so sánh ≥, >, =, ≤ hoặc <`;
  const symbol = start[1].toLocaleLowerCase("vi");
  const operator = OPERATOR_WORDS[symbol] ?? parseOperator(symbol);
  if (!operator) return `${where} có phép so sánh không đọc được`;
  const rest = text.slice(start[0].length);
  const colon = rest.indexOf(":");
  if (colon < 0) return `${where} thiếu dấu hai chấm giữa mức và số điểm`;
  const bound = parseNumberText(rest.slice(0, colon));
  if (!bound.ok) return `${where} có mức “${rest.slice(0, colon).trim()}” không phải là số`;
  const points = parseNumberText(rest.slice(colon + 1));
  if (!points.ok) return `${where} có số điểm “${rest.slice(colon + 1).trim()}” không phải là số`;
  if (points.value < 0) return `${where} có số điểm âm`;
  return { operator, bound: bound.value, points: points.value };
}

/** Reads the tiers of a cell; a detail in Vietnamese (to finish a sentence) when it cannot. */
export function parseTiers(raw: string): ParsedTiers {
  const parts = raw
    .normalize("NFC")
    .split(/[;\n]/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, detail: `chưa ghi các bậc, ví dụ ${EXAMPLE}` };
  const tiers: Tier[] = [];
  for (const [i, part] of parts.entries()) {
    const tier = parseTier(part, i + 1);
    if (typeof tier === "string") return { ok: false, detail: `${tier}; ghi các bậc như ${EXAMPLE}` };
    tiers.push(tier);
  }
  return { ok: true, tiers };
}

/** The tiers as the tool writes them back: `≥ 90: 30; > 80: 20`, decimal commas. */
export function formatTiers(tiers: readonly Tier[]): string {
  // Decimal comma, no thousands dot: "1.000" would read back as 1, a lone separator being decimal.
  const n = (value: number) => String(roundTo(value, 6)).replace(".", ",");
  return tiers.map((t) => `${OPERATOR_SYMBOLS[t.operator]} ${n(t.bound)}: ${n(t.points)}`).join("; ");
}

/** The first tier every figure passes (compared at two decimals, as figures are shown), 0-based; -1: none. */
export function tierIndexOf(tiers: readonly Tier[], figures: readonly number[]): number {
  const shown = figures.map((f) => roundTo(f, 2));
  return tiers.findIndex((t) => shown.every((f) => compare(f, t.operator, t.bound)));
}

/** The tiers whose points exceed the maximum, with their place (1-based). */
export function tiersOverMaximum(tiers: readonly Tier[], maximum: number): { n: number; tier: Tier }[] {
  return tiers.flatMap((tier, i) => (tier.points > maximum ? [{ n: i + 1, tier }] : []));
}
