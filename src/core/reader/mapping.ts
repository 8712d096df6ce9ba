/**
 * A column mapping as text, "ten=B,diem766=D,tinh=E,huyen=F,dong=5": what the CLI's --map takes and
 * what the workbook keeps so that the add-in and the CLI read the table the same way next time.
 */
import { columnIndex, columnLetter } from "../grid";
import type { Level } from "./columns";
import type { ColumnMapping } from "./table";

type Setter = (mapping: ColumnMapping, col: number) => void;

const RATE_KEYS: Record<string, Level> = { tinh: "tinh", huyen: "huyen", xa: "xa", tyle: "chung" };

const COLUMN_KEYS: Record<string, Setter> = {
  ten: (m, c) => (m.name = c),
  khoi: (m, c) => (m.group = c),
  stt: (m, c) => (m.stt = c),
  diem766: (m, c) => (m.score766 = c),
  ...Object.fromEntries(
    Object.entries(RATE_KEYS).map(([key, level]): [string, Setter] => [
      key,
      (m, c) => (m.rates = { ...m.rates, [level]: c }),
    ]),
  ),
};

/** Parses the text; a string result is the Vietnamese message of what is wrong. */
export function parseMapping(text: string): ColumnMapping | string {
  const mapping: ColumnMapping = {};
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split("=").map((s) => s.trim());
    const name = key?.toLowerCase();
    if (name === "dong") {
      const row = Number(value);
      if (!Number.isInteger(row) || row < 1) return `“${part}”: dòng tiêu đề phải là một số dòng.`;
      mapping.headerRow = row - 1;
      continue;
    }
    const col = value ? columnIndex(value) : undefined;
    const set = COLUMN_KEYS[name];
    if (!set || col === undefined) {
      return `không hiểu “${part}”: dùng dạng ten=B,diem766=D (ten, khoi, stt, diem766, tinh, huyen, xa, tyle, dong).`;
    }
    set(mapping, col);
  }
  return mapping;
}

export function formatMapping(mapping: ColumnMapping): string {
  const parts: string[] = [];
  const add = (key: string, col: number | undefined) =>
    col !== undefined && parts.push(`${key}=${columnLetter(col)}`);
  add("ten", mapping.name);
  add("khoi", mapping.group);
  add("stt", mapping.stt);
  add("diem766", mapping.score766);
  for (const [key, level] of Object.entries(RATE_KEYS)) add(key, mapping.rates?.[level]);
  if (mapping.headerRow !== undefined) parts.push(`dong=${mapping.headerRow + 1}`);
  return parts.join(",");
}
