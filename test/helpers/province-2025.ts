/**
 * A tracking table at the scale of the merged An Giang of 2025 (117 units, 110 of them above 80), built
 * from the 2025 example's CSV: its 13 sở, ban, ngành and 11 commune-level units, and 93 more
 * commune-level units made up here. Like a portal export it holds no vertical-sector unit and no one-stop
 * figure.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SheetSpec } from "./workbooks";

export const CSV_2025 = path.join(__dirname, "..", "..", "examples", "an-giang-2025-don-vi.csv");
export const PROVINCE_SHEET = "Theo dõi 2025";

/** The CSV's rows, split at commas outside quotes. */
function csvRows(): string[][] {
  return readFileSync(CSV_2025, "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]).slice(0, -1));
}

export interface ProvinceUnit {
  name: string;
  group: string;
  score: number;
}

/**
 * 13 sở, ban, ngành (the first 10 above 80) and 104 commune-level units (all but 4 above 80): 117 units,
 * 110 above 80. Scores above 80 are spread from 80,25 to 99,25 so that no two neighbours are equal.
 */
export function provinceUnits(): ProvinceUnit[] {
  const rows = csvRows().slice(1);
  const departments = rows.filter((r) => r[2] === "Sở, ban, ngành");
  const communes = rows.filter((r) => r[2] === "UBND xã, phường, đặc khu");
  const above = (i: number) => 80.25 + (i % 20) + (i % 4) * 0.25;
  const units: ProvinceUnit[] = departments.map((r, i) => ({
    name: r[1],
    group: r[2],
    score: i < 10 ? above(i) : Number(r[3]),
  }));
  // The CSV's four lowest communes stay below 80.
  const low = new Set([
    "UBND xã Tri Tôn",
    "UBND đặc khu Thổ Châu",
    "UBND đặc khu Kiên Hải",
    "UBND xã Phú Tân",
  ]);
  communes.forEach((r, i) =>
    units.push({ name: r[1], group: r[2], score: low.has(r[1]) ? Number(r[3]) : above(i + 3) }),
  );
  for (let i = 1; units.length < 117; i++) {
    units.push({
      name: `UBND ${i % 3 === 0 ? "phường" : "xã"} Thử nghiệm ${String(i).padStart(3, "0")}`,
      group: "UBND xã, phường, đặc khu",
      score: above(i + 7),
    });
  }
  return units;
}

/** The table as a sheet: a title naming the year, then the CSV's header and one row per unit. */
export function provinceSheet(units = provinceUnits()): SheetSpec {
  const header = csvRows()[0];
  return {
    name: PROVINCE_SHEET,
    rows: [
      ["BẢNG THEO DÕI THI ĐUA KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2025"],
      [],
      header,
      ...units.map((u, i) => [i + 1, u.name, u.group, u.score, null, null, null]),
    ],
  };
}
