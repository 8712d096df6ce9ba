/**
 * What a user might write by hand with SheetJS to score the bench's table with the default criteria
 * (III: 766 score above 80 → 30; IV.9: every one-stop rate of a "ngành dọc" unit at 100% → 35; rating
 * bands 90/80/70/50; proposed on full points of one criterion): the same six output columns with the same
 * values and explanations as the CLI, no styles and no other sheet. Shared by the Node yardstick
 * (children/sheetjs.ts) and the browser one (web-sheetjs-page.ts), so that both do the same work.
 */
import type * as XLSXModule from "xlsx";

type Row = (string | number | null)[];

/** What the yardstick decided, to be checked against the tool. */
export interface Decided {
  units: number;
  eligible: number;
  total: number;
}

const vi = (n: number) => String(Math.round(n * 100) / 100).replace(".", ",");

function rating(score: number | null): string {
  if (score === null) return "";
  if (score >= 90) return "Xuất sắc";
  if (score >= 80) return "Tốt";
  if (score >= 70) return "Khá";
  if (score >= 50) return "Trung bình";
  return "Yếu";
}

function criterionIII(score: number | null): [number, string] {
  if (score === null) return [0, "chưa có số liệu → 0 điểm"];
  return score > 80 ? [30, `${vi(score)} > 80 → 30 điểm`] : [0, `${vi(score)} ≤ 80 → 0 điểm`];
}

function criterionIV9(group: string, province: number | null, district: number | null): [number, string] {
  if (!group.toLowerCase().includes("ngành dọc")) return [0, "không áp dụng"];
  const rates: [string, number][] = [];
  if (province !== null) rates.push(["cấp tỉnh", province]);
  if (district !== null) rates.push(["cấp huyện", district]);
  if (rates.length === 0) return [0, "chưa có số liệu → 0 điểm"];
  const failing = rates.filter(([, rate]) => rate < 100);
  if (failing.length === 0)
    return [35, `${rates.map(([l, r]) => `${l} ${vi(r)}% ≥ 100%`).join(", ")} → 35 điểm`];
  return [0, `${failing.map(([l, r]) => `${l} ${vi(r)}% < 100%`).join(", ")} → 0 điểm`];
}

/** Scores the first sheet of `workbook` in place (its columns G on, from row 3). */
export function scoreWithSheetJS(XLSX: typeof XLSXModule, workbook: XLSXModule.WorkBook): Decided {
  const sheet = workbook.Sheets[workbook.SheetNames[0]];
  const rows = XLSX.utils.sheet_to_json<Row>(sheet, { header: 1, blankrows: true, defval: null });
  const out: Row[] = [
    [
      "Điểm tiêu chí III",
      "Điểm tiêu chí IV.9",
      "Tổng điểm thi đua",
      "Xếp loại 766",
      "Đề xuất khen thưởng",
      "Cách tính điểm",
    ],
    [],
  ];
  let eligible = 0;
  let sum = 0;
  for (const [, name, group, score, province, district] of rows.slice(4)) {
    if (!name) break;
    const num = (v: unknown) => (typeof v === "number" ? v : null);
    const [iii, whyIII] = criterionIII(num(score));
    const [iv9, whyIV9] = criterionIV9(String(group ?? ""), num(province), num(district));
    const total = iii + iv9;
    const proposed = iii === 30 || iv9 === 35;
    if (proposed) eligible++;
    sum += total;
    out.push([
      iii,
      iv9,
      total,
      rating(num(score)),
      proposed ? "Có" : "Không",
      `III: ${whyIII}; IV.9: ${whyIV9}`,
    ]);
  }
  XLSX.utils.sheet_add_aoa(sheet, out, { origin: "G3" });
  return { units: out.length - 2, eligible, total: sum };
}
