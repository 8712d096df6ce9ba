/** Reads a source file's grids into unit records, with its provenance; refuses what cannot be trusted. */
import { cellText, type SheetGrid } from "../grid";
import { UnusableInputError, type Problem } from "../problems";
import { findColumnByHeader } from "../reader/table";
import { readUnitTable } from "../reader/units";
import { cleanText, foldKey } from "../text";
import { periodAndDate, titleLines } from "./period";
import { isPortalExport, provinceCodeOf, readPortalSheet } from "./portal-766";
import type { Period, Source, SourceKind, SourceRecord, SourceSheet } from "./types";
import { displayName, provinceOf, unitKey } from "./unit-match";

export interface SourceSettings {
  /** The period of figures whose file does not say it. */
  period?: Period;
  /** The as-of date of figures whose file does not say it ("31/12/2025"). */
  asOf?: string;
  /** Read this sheet only (a portal export alone, with `--sheet`). */
  sheet?: string;
}

const MAX_LISTED = 5;

function refuse(file: string, lines: string[], advice: string): never {
  const shown = lines.slice(0, MAX_LISTED).map((l) => `\n  - ${l}`);
  const more = lines.length > MAX_LISTED ? `\n  … và ${lines.length - MAX_LISTED} dòng khác.` : "";
  throw new UnusableInputError(`Tệp “${file}”: ${advice}${shown.join("")}${more}\nChưa có gì được ghi.`);
}

const at = (r: SourceRecord) => `trang “${r.sheet}”, dòng ${r.row + 1}`;

function readPortal(grids: SheetGrid[], file: string, settings: SourceSettings) {
  const wanted = settings.sheet === undefined ? undefined : foldKey(settings.sheet);
  const reads = grids
    .filter((g) => wanted === undefined || foldKey(g.name) === wanted)
    .map((g) => readPortalSheet(g, file));
  const used = reads.filter((r) => r.sheet.read);
  const kinds = new Set(used.map((r) => r.period?.kind).filter(Boolean));
  if (kinds.size > 1) {
    refuse(
      file,
      used.map((r) => `trang “${r.sheet.sheet}”: ${r.period ? `kỳ ${r.period.kind}` : "không rõ kỳ"}`),
      "tệp có điểm của nhiều kỳ khác nhau; hãy chọn một trang (--sheet) hoặc để lại trong tệp chỉ trang của kỳ cần dùng:",
    );
  }
  return {
    kind: "portal766" as SourceKind,
    records: used.flatMap((r) => r.records),
    sheets: [
      ...reads.map((r) => r.sheet),
      ...(wanted === undefined ? [] : grids.filter((g) => foldKey(g.name) !== wanted).map(notChosen)),
    ],
    period: used.map((r) => r.period).find(Boolean),
    asOf: used.map((r) => r.asOf).find(Boolean),
    problems: reads.flatMap((r) => r.problems),
  };
}

const notChosen = (g: SheetGrid): SourceSheet => ({ sheet: g.name, read: false, note: "không được chọn." });

/** Any other table the reader knows (II.07b, a tracking table of another office). */
function readTable(grids: SheetGrid[], file: string, settings: SourceSettings) {
  let table;
  try {
    table = readUnitTable(grids, { sheet: settings.sheet, firstTable: true });
  } catch (error) {
    if (error instanceof UnusableInputError) throw new UnusableInputError(`Tệp “${file}”: ${error.message}`);
    throw error;
  }
  const { layout } = table;
  const grid = grids.find((g) => g.name === layout.sheet) as SheetGrid;
  const titles = titleLines(grid, layout.headerTop);
  const kind: SourceKind = titles.some((t) => /II\s*\.?\s*07\s*b/i.test(t)) ? "ii07b" : "table";
  const codeHeader = layout.headers.find((h) =>
    /^ma (don vi|co quan|dvhc)\b|^ma coquan$|^ma$/.test(foldKey(h)),
  );
  const codeCol = codeHeader === undefined ? undefined : findColumnByHeader(layout, codeHeader);
  const hasRates = layout.columns.rates.length > 0 || layout.columns.counts.length > 0;
  const records: SourceRecord[] = table.units.map((unit) => {
    const code = codeCol === undefined ? "" : cleanText(cellText(grid.values[unit.row]?.[codeCol] ?? null));
    return {
      sheet: layout.sheet,
      row: unit.row,
      name: displayName(unit.name),
      rawName: unit.name,
      code: code || undefined,
      group: unit.group || undefined,
      score766: layout.columns.score766 === undefined ? undefined : unit.score766,
      rates: hasRates ? unit.rates.filter((r) => r.value !== null) : undefined,
    };
  });
  const { period, asOf } = periodAndDate(grid, layout.headerTop);
  const problems: Problem[] = table.problems.map((p) => ({
    ...p,
    file,
    message: `Tệp “${file}”, ${p.message.charAt(0).toLocaleLowerCase("vi")}${p.message.slice(1)}`,
  }));
  const sheets: SourceSheet[] = grids.map((g) =>
    g.name === layout.sheet
      ? {
          sheet: g.name,
          read: true,
          note: `${records.length} đơn vị (tiêu đề ở dòng ${layout.headerTop + 1}).`,
        }
      : { sheet: g.name, read: false, note: "không phải bảng đơn vị được dùng: bỏ qua." },
  );
  return { kind, records, sheets, period, asOf, problems };
}

/** Units of another province, or two provinces in one file: refused, naming the rows. */
function checkProvince(file: string, records: SourceRecord[]): { code?: string; name?: string } {
  const byCode = new Map<string, SourceRecord[]>();
  for (const r of records) {
    const code = provinceCodeOf(r.code);
    if (code) byCode.set(code, [...(byCode.get(code) ?? []), r]);
  }
  const codes = [...byCode.entries()].sort((a, b) => b[1].length - a[1].length);
  if (codes.length > 1) {
    const [main] = codes[0];
    refuse(
      file,
      codes
        .slice(1)
        .flatMap(([code, rs]) => rs.map((r) => `${at(r)}: “${r.rawName}” mã ${r.code} (tỉnh mã ${code})`)),
      `có đơn vị của tỉnh khác: phần lớn đơn vị mang mã tỉnh ${main}, nhưng`,
    );
  }
  const byName = new Map<string, SourceRecord[]>();
  for (const r of records) {
    const province = provinceOf(r.rawName);
    if (province) byName.set(province, [...(byName.get(province) ?? []), r]);
  }
  const names = [...byName.entries()].sort((a, b) => b[1].length - a[1].length);
  if (names.length > 1) {
    refuse(
      file,
      names.slice(1).flatMap(([, rs]) => rs.map((r) => `${at(r)}: “${r.rawName}”`)),
      `có đơn vị của tỉnh khác: phần lớn đơn vị thuộc tỉnh ${titleCase(names[0][0])}, nhưng`,
    );
  }
  const nameOf = names[0]?.[1][0]
    ? /[-–—]\s*(?:tỉnh|thành phố|tp\.?)\s+(.+)$/iu.exec(names[0][1][0].rawName)
    : null;
  return { code: codes[0]?.[0], name: nameOf ? cleanText(nameOf[1]) : undefined };
}

const titleCase = (text: string) =>
  text.replace(/(^|\s)(\p{L})/gu, (_, s: string, l: string) => s + l.toUpperCase());

/** One unit twice (same code, or same name once spelling is folded): refused, naming both rows. */
function checkDuplicates(file: string, records: SourceRecord[], provinces: string[]): void {
  const seen = new Map<string, SourceRecord>();
  const lines: string[] = [];
  for (const r of records) {
    const key = r.code ? `code:${r.code.toUpperCase()}` : `name:${unitKey(r.rawName, provinces)}`;
    const first = seen.get(key);
    if (first) lines.push(`${at(r)}: “${r.rawName}” trùng với ${at(first)} (“${first.rawName}”)`);
    else seen.set(key, r);
  }
  if (lines.length > 0) {
    refuse(file, lines, "một đơn vị xuất hiện hai lần, không biết dùng số liệu nào:");
  }
}

/** Reads one source file. Throws UnusableInputError (naming file, sheet and row) when it cannot be used. */
export function readSource(grids: SheetGrid[], file: string, settings: SourceSettings = {}): Source {
  const read = isPortalExport(grids) ? readPortal(grids, file, settings) : readTable(grids, file, settings);
  if (read.records.length === 0) {
    refuse(
      file,
      read.sheets.map((s) => `trang “${s.sheet}”: ${s.note}`),
      "không có bảng đơn vị nào nhận ra được:",
    );
  }
  const province = checkProvince(file, read.records);
  const provinces = province.name ? [province.name.toLocaleLowerCase("vi")] : [];
  checkDuplicates(file, read.records, provinces);
  return {
    file,
    kind: read.kind,
    records: read.records,
    sheets: read.sheets,
    period: read.period ?? settings.period,
    asOf: read.asOf ?? settings.asOf,
    provinceCode: province.code,
    provinceName: province.name,
    problems: read.problems,
  };
}
