/**
 * Builds the sample workbooks from their fixture tables, laid out as staff lay theirs out: title rows,
 * a two-row header with a merged group cell, a numbering row, group sections, rates as percentages
 * and a total row with formulas. The 2023 sample carries its "Tiêu chí" sheet with the preset of 2023
 * (the seed letter's facts); the 2025 one has none, and no group column: its sections tell the groups.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { criteriaWritePlan } from "../src/core/plan/criteria-sheet-plan";
import { AN_GIANG_2023 } from "../src/core/presets/an-giang-2023";
import type { Preset } from "../src/core/presets/types";
import { applyPlan } from "../test/exceljs/apply";

export interface SampleSpec {
  csv: string;
  file: string;
  sheet: string;
  title: string;
  subtitle: string;
  scoreHeader: string;
  /** The headers of the two one-stop rate columns. */
  levels: [string, string];
  sections: { roman: string; title: string; group: string }[];
  /** Without it, the sheet has no group column. */
  groupColumn: boolean;
  /** The preset written as the "Tiêu chí" sheet, if any. */
  preset?: Preset;
}

export const SAMPLE_2023: SampleSpec = {
  csv: "an-giang-2023-don-vi.csv",
  file: "theo-doi-thi-dua-kstthc-2023.xlsx",
  sheet: "Theo dõi 2023",
  title: "BẢNG THEO DÕI KẾT QUẢ THI ĐUA CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2023",
  subtitle: "(Theo Kế hoạch ban hành kèm Quyết định số 568/QĐ-UBND ngày 27/4/2023)",
  scoreHeader: "Điểm Bộ chỉ số 766 năm 2023 (QĐ 21/QĐ-UBND)",
  levels: ["Cấp tỉnh", "Cấp huyện"],
  sections: [
    { roman: "I", title: "SỞ, BAN, NGÀNH", group: "Sở, ban, ngành" },
    { roman: "II", title: "UBND CẤP HUYỆN", group: "UBND cấp huyện" },
    { roman: "III", title: "CƠ QUAN NGÀNH DỌC", group: "Cơ quan ngành dọc" },
  ],
  groupColumn: true,
  preset: AN_GIANG_2023,
};

export const SAMPLE_2025: SampleSpec = {
  csv: "an-giang-2025-don-vi.csv",
  file: "theo-doi-thi-dua-kstthc-2025.xlsx",
  sheet: "Theo dõi",
  title: "BẢNG THEO DÕI KẾT QUẢ THI ĐUA CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2025",
  subtitle: "(Chính quyền địa phương hai cấp; tên đơn vị và số liệu minh họa)",
  scoreHeader: "Điểm Bộ chỉ số 766 năm 2025",
  levels: ["Cấp tỉnh", "Cấp xã"],
  sections: [
    { roman: "I", title: "SỞ, BAN, NGÀNH", group: "Sở, ban, ngành" },
    { roman: "II", title: "UBND XÃ, PHƯỜNG, ĐẶC KHU", group: "UBND xã, phường, đặc khu" },
    { roman: "III", title: "CƠ QUAN TRUNG ƯƠNG ĐÓNG TRÊN ĐỊA BÀN", group: "Cơ quan ngành dọc" },
  ],
  groupColumn: false,
};

/** Kept for the tests written before there were two samples. */
export const SAMPLE_SHEET = SAMPLE_2023.sheet;

interface FixtureRow {
  stt: number;
  name: string;
  group: string;
  score: number | null;
  province: number | null;
  district: number | null;
  note: string;
}

const num = (text: string): number | null => (text.trim() === "" ? null : Number(text));

export function parseFixture(csv: string): FixtureRow[] {
  const records: string[][] = parse(csv.normalize("NFC"), { skip_empty_lines: true });
  return records.slice(1).map((r) => ({
    stt: Number(r[0]),
    name: r[1],
    group: r[2],
    score: num(r[3]),
    province: num(r[4]),
    district: num(r[5]),
    note: r[6] ?? "",
  }));
}

export function buildSampleWorkbook(csv: string, spec: SampleSpec = SAMPLE_2023): ExcelJS.Workbook {
  const rows = parseFixture(csv);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KSTTHC";
  workbook.created = new Date(Date.UTC(2024, 0, 15));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(spec.sheet, {
    pageSetup: { paperSize: 9, orientation: "landscape" },
  });
  const thin: Partial<ExcelJS.Border> = { style: "thin" };
  const box = { top: thin, left: thin, bottom: thin, right: thin };
  // Columns, 1-based: STT, name, [group], 766 score, two one-stop rates, note.
  const g = spec.groupColumn ? 1 : 0;
  const col = { stt: 1, name: 2, group: 3, score: 3 + g, first: 4 + g, second: 5 + g, note: 6 + g };
  const width = col.note;
  const letter = (c: number) => String.fromCharCode(64 + c);

  sheet.getCell("A1").value = "VĂN PHÒNG UBND TỈNH AN GIANG";
  sheet.getCell("A1").font = { bold: true };
  sheet.mergeCells(`A2:${letter(width)}2`);
  sheet.getCell("A2").value = spec.title;
  sheet.getCell("A2").font = { bold: true, size: 13 };
  sheet.getCell("A2").alignment = { horizontal: "center" };
  sheet.mergeCells(`A3:${letter(width)}3`);
  sheet.getCell("A3").value = spec.subtitle;
  sheet.getCell("A3").font = { italic: true };
  sheet.getCell("A3").alignment = { horizontal: "center" };

  const header: [string, string][] = [
    ["A5:A6", "STT"],
    ["B5:B6", "Tên cơ quan, đơn vị"],
    ...(spec.groupColumn ? [["C5:C6", "Khối"] as [string, string]] : []),
    [`${letter(col.score)}5:${letter(col.score)}6`, spec.scoreHeader],
    [`${letter(col.first)}5:${letter(col.second)}5`, "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa (%)"],
    [`${letter(col.note)}5:${letter(col.note)}6`, "Ghi chú"],
  ];
  for (const [range, text] of header) {
    sheet.mergeCells(range);
    sheet.getCell(range.split(":")[0]).value = text;
  }
  sheet.getCell(6, col.first).value = spec.levels[0];
  sheet.getCell(6, col.second).value = spec.levels[1];
  for (let c = 1; c <= width; c++) sheet.getCell(7, c).value = `(${c})`;
  for (let row = 5; row <= 7; row++) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(row, c);
      cell.font = { bold: row < 7, italic: row === 7 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = box;
    }
  }

  let row = 8;
  const firstUnitRow = 9;
  for (const section of spec.sections) {
    sheet.getCell(row, 1).value = section.roman;
    sheet.getCell(row, 2).value = section.title;
    sheet.getRow(row).font = { bold: true };
    row++;
    for (const unit of rows.filter((r) => r.group === section.group)) {
      const line = sheet.getRow(row);
      const rate = (value: number | null) => (value === null ? null : value / 100);
      line.getCell(col.stt).value = unit.stt;
      line.getCell(col.name).value = unit.name;
      if (spec.groupColumn) line.getCell(col.group).value = unit.group;
      line.getCell(col.score).value = unit.score;
      line.getCell(col.first).value = rate(unit.province);
      line.getCell(col.second).value = rate(unit.district);
      line.getCell(col.note).value = unit.note || null;
      line.getCell(col.score).numFmt = "0.00";
      line.getCell(col.first).numFmt = "0.0%";
      line.getCell(col.second).numFmt = "0.0%";
      row++;
    }
  }
  const lastUnitRow = row - 1;
  const scores = rows.map((r) => r.score).filter((s): s is number => s !== null);
  const average = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  sheet.getCell(row, 2).value = "Tổng cộng";
  if (spec.groupColumn) {
    sheet.getCell(row, col.group).value = {
      formula: `COUNTA(C${firstUnitRow}:C${lastUnitRow})&" đơn vị"`,
      result: `${rows.length} đơn vị`,
    };
  }
  const scoreLetter = letter(col.score);
  sheet.getCell(row, col.score).value = {
    formula: `ROUND(AVERAGE(${scoreLetter}${firstUnitRow}:${scoreLetter}${lastUnitRow}),2)`,
    result: average,
  };
  sheet.getRow(row).font = { bold: true };
  for (let r = 8; r <= row; r++) for (let c = 1; c <= width; c++) sheet.getCell(r, c).border = box;

  sheet.getRow(5).height = 48;
  const widths = [6, 42, ...(spec.groupColumn ? [20] : []), 16, 12, 12, 20];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: "frozen", ySplit: 7 }];
  // The preset's criteria and settings as the tool writes them: the letter of that year's facts.
  if (spec.preset) applyPlan(workbook, criteriaWritePlan(spec.preset.criteria(), spec.preset.settings()));
  return workbook;
}
