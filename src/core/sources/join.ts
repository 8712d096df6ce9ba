/**
 * Source figures joined into the tracking table. The user's cells are never changed: the figures used
 * replace the unit's figures in memory for scoring, and go to the tool's output columns with their
 * origin. When the table already has a different figure, both are shown and `prefer` decides.
 */
import { cellAt, cellText, type SheetGrid } from "../grid";
import { formatNumberVi } from "../numbers";
import { cellProblem, type Problem } from "../problems";
import { LEVEL_LABELS, type Level } from "../reader/columns";
import { findColumnByHeader, type TableLayout } from "../reader/table";
import type { LevelValue, Unit, UnitTable } from "../reader/units";
import { cleanText, foldKey } from "../text";
import { SOURCE_KIND_LABELS, sourceProblem, type Source, type SourceRecord } from "./types";
import { matchUnits, type MatchResult } from "./unit-match";

/** "source" (default): a figure from a source file wins over the table's; "table": the table's wins. */
export type Preference = "source" | "table";

const PREFERENCE_LABELS: Record<Preference, string> = {
  source: "dùng số liệu của tệp nguồn",
  table: "giữ số liệu của bảng theo dõi",
};

export const SOURCE_HEADERS = ["Điểm 766 dùng để tính", "Tỷ lệ một cửa dùng để tính", "Nguồn số liệu"];

export interface SourceMatchReport {
  file: string;
  matched: number;
  /** Units of the tracking table that this source does not have. */
  unmatchedTable: { row: number; name: string }[];
  /** Units of the source that the tracking table does not have. */
  unmatchedSource: { sheet: string; row: number; name: string }[];
  /** Names or codes shared by more than one unit: never paired. */
  ambiguous: { key: string; table: string[]; source: string[] }[];
}

interface JoinResult {
  /** The table's units with the figures used. */
  units: Unit[];
  /** Values of SOURCE_HEADERS per 0-based unit row. */
  columns: Map<number, (string | number | null)[]>;
  matches: SourceMatchReport[];
  problems: Problem[];
  /** Per source (in the order given), the records paired with a unit of the table. */
  paired: SourceRecord[][];
}

const EPSILON = 0.005;
const same = (a: number, b: number) => Math.abs(a - b) < EPSILON;

/** The table's column of unit codes ("Mã đơn vị", "MA_COQUAN"), if it has one. */
export function codeColumn(layout: TableLayout): number | undefined {
  const header = layout.headers.find((h) => /^ma (don vi|co quan|dvhc)\b|^ma coquan$|^ma$/.test(foldKey(h)));
  return header === undefined ? undefined : findColumnByHeader(layout, header);
}

const where = (source: Source, r: SourceRecord) => `“${source.file}” (trang “${r.sheet}”, dòng ${r.row + 1})`;
const percent = (v: number) => `${formatNumberVi(v)}%`;
const ratesText = (rates: LevelValue[]) =>
  rates
    .filter((r): r is { level: Level; value: number } => r.value !== null)
    .map((r) => `${LEVEL_LABELS[r.level] || "chung"} ${percent(r.value)}`)
    .join("; ");

interface Found {
  source: Source;
  record: SourceRecord;
}

export function joinSources(
  table: UnitTable,
  grid: SheetGrid,
  sources: Source[],
  prefer: Preference = "source",
): JoinResult {
  const { layout } = table;
  const sheet = layout.sheet;
  const nameCol = layout.columns.name;
  const codeCol = codeColumn(layout);
  const candidates = table.units.map((u) => ({
    name: u.name,
    code: codeCol === undefined ? undefined : cleanText(cellText(cellAt(grid, u.row, codeCol))) || undefined,
  }));
  const problems: Problem[] = [];
  const matches: SourceMatchReport[] = [];
  const found766 = new Map<number, Found>();
  const foundRates = new Map<number, Found>();
  const paired: SourceRecord[][] = [];
  const atUnit = (i: number, level: Problem["level"], detail: string) =>
    cellProblem(sheet, table.units[i].row, nameCol, level, detail);

  for (const source of sources) {
    const result: MatchResult = matchUnits(candidates, source.records, {
      provinces: source.provinceName ? [source.provinceName] : [],
    });
    paired.push(result.pairs.map((p) => source.records[p.right]));
    for (const { left, right } of result.pairs) {
      const record = source.records[right];
      for (const [map, has] of [
        [found766, record.score766 !== undefined],
        [foundRates, record.rates !== undefined],
      ] as const) {
        if (!has) continue;
        const earlier = map.get(left);
        if (!earlier || earlier.record.score766 === null) map.set(left, { source, record });
        else if (map === found766 && differs766(earlier.record, record)) {
          problems.push(
            atUnit(
              left,
              "warning",
              `điểm 766 của “${table.units[left].name}” khác nhau giữa ${where(earlier.source, earlier.record)} và ${where(source, record)}; dùng tệp nêu trước.`,
            ),
          );
        }
      }
      if (record.score766 === null) {
        problems.push(
          sourceProblem(
            source.file,
            record.sheet,
            record.row,
            undefined,
            "warning",
            `“${record.rawName}” chưa có điểm 766 (ô trống hoặc “null”), không tính là 0; giữ số liệu của bảng theo dõi.`,
          ),
        );
      }
    }
    const label = SOURCE_KIND_LABELS[source.kind];
    if (result.unmatchedLeft.length > 0) {
      // One note per source: a 766 export never lists vertical-sector agencies, nor II.07b every sở.
      const names = result.unmatchedLeft.map(
        (i) => `“${table.units[i].name}” (dòng ${table.units[i].row + 1})`,
      );
      problems.push({
        sheet,
        level: "info",
        message: `Trang “${sheet}”: ${names.length} đơn vị không có trong tệp “${source.file}” (${label}), giữ số liệu của bảng: ${names.join(", ")}.`,
      });
    }
    for (const j of result.unmatchedRight) {
      const r = source.records[j];
      problems.push(
        sourceProblem(
          source.file,
          r.sheet,
          r.row,
          undefined,
          "warning",
          `đơn vị “${r.rawName}” không có trong bảng theo dõi (trang “${sheet}”), số liệu không được dùng.`,
        ),
      );
    }
    for (const a of result.ambiguous) {
      const names = [
        ...a.left.map((i) => `“${table.units[i].name}” (bảng theo dõi, dòng ${table.units[i].row + 1})`),
        ...a.right.map((j) => `“${source.records[j].rawName}” (${where(source, source.records[j])})`),
      ];
      problems.push({
        file: source.file,
        sheet,
        level: "warning",
        message: `Không ghép được vì có nhiều đơn vị cùng tên hoặc cùng mã: ${names.join(", ")}; không đoán, hãy sửa tên hoặc mã cho khác nhau.`,
      });
    }
    for (const c of result.kindConflicts) {
      const r = source.records[c.right];
      problems.push(
        atUnit(
          c.left,
          "warning",
          `“${table.units[c.left].name}” cùng mã với “${r.rawName}” ở ${where(source, r)} nhưng khác loại đơn vị, không ghép.`,
        ),
      );
    }
    matches.push({
      file: source.file,
      matched: result.pairs.length,
      unmatchedTable: result.unmatchedLeft.map((i) => ({
        row: table.units[i].row + 1,
        name: table.units[i].name,
      })),
      unmatchedSource: result.unmatchedRight.map((j) => ({
        sheet: source.records[j].sheet,
        row: source.records[j].row + 1,
        name: source.records[j].rawName,
      })),
      ambiguous: result.ambiguous.map((a) => ({
        key: a.key,
        table: a.left.map((i) => table.units[i].name),
        source: a.right.map((j) => source.records[j].rawName),
      })),
    });
  }

  const columns = new Map<number, (string | number | null)[]>();
  const units = table.units.map((unit, i) => {
    const origin: string[] = [];
    let score766 = unit.score766;
    const s = found766.get(i);
    if (s && s.record.score766 !== undefined) {
      const fromSource = s.record.score766;
      if (fromSource === null) {
        origin.push(`Điểm 766: ${where(s.source, s.record)} chưa có điểm, dùng bảng theo dõi`);
      } else if (unit.score766 !== null && !same(unit.score766, fromSource)) {
        score766 = prefer === "source" ? fromSource : unit.score766;
        origin.push(
          `Điểm 766: bảng theo dõi ghi ${formatNumberVi(unit.score766)}, ${where(s.source, s.record)} ghi ${formatNumberVi(fromSource)}; ${PREFERENCE_LABELS[prefer]}`,
        );
        problems.push(
          cellProblem(
            sheet,
            unit.row,
            layout.columns.score766 ?? nameCol,
            "warning",
            `“${unit.name}”: điểm 766 trong bảng (${formatNumberVi(unit.score766)}) khác tệp ${where(s.source, s.record)} (${formatNumberVi(fromSource)}); ${PREFERENCE_LABELS[prefer]} (đổi bằng --prefer).`,
          ),
        );
      } else {
        score766 = fromSource;
        origin.push(`Điểm 766 từ ${where(s.source, s.record)}`);
      }
    }
    let rates = unit.rates;
    const r = foundRates.get(i);
    if (r && r.record.rates) {
      const fromSource = r.record.rates;
      const own = unit.rates.filter((x) => x.value !== null);
      const conflict =
        own.length > 0 &&
        fromSource.length > 0 &&
        (own.length !== fromSource.length ||
          own.some((x) => {
            const other = fromSource.find((y) => y.level === x.level);
            return !other || other.value === null || !same(other.value, x.value as number);
          }));
      if (fromSource.length === 0) {
        origin.push(
          `Tỷ lệ một cửa: ${where(r.source, r.record)} không có thủ tục ở cấp nào, dùng bảng theo dõi`,
        );
      } else if (conflict) {
        rates = prefer === "source" ? fromSource : unit.rates;
        origin.push(
          `Tỷ lệ một cửa: bảng theo dõi ghi ${ratesText(own)}, ${where(r.source, r.record)} ghi ${ratesText(fromSource)}; ${PREFERENCE_LABELS[prefer]}`,
        );
        problems.push(
          atUnit(
            i,
            "warning",
            `“${unit.name}”: tỷ lệ một cửa trong bảng (${ratesText(own)}) khác tệp ${where(r.source, r.record)} (${ratesText(fromSource)}); ${PREFERENCE_LABELS[prefer]} (đổi bằng --prefer).`,
          ),
        );
      } else {
        rates = fromSource;
        origin.push(`Tỷ lệ một cửa từ ${where(r.source, r.record)}`);
      }
    }
    const fed = s !== undefined || r !== undefined;
    columns.set(unit.row, [
      score766,
      rates.some((x) => x.value !== null) ? ratesText(rates) : null,
      fed ? origin.join(". ") : "Không có trong tệp nguồn: dùng số liệu của bảng theo dõi",
    ]);
    return { ...unit, score766, rates };
  });
  return { units, columns, matches, problems, paired };
}

function differs766(a: SourceRecord, b: SourceRecord): boolean {
  if (a.score766 === undefined || b.score766 === undefined) return false;
  if (a.score766 === null || b.score766 === null) return a.score766 !== b.score766;
  return !same(a.score766, b.score766);
}
