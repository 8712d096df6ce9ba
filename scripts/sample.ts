/**
 * Builds the sample workbook from the fixture table, laid out as staff lay theirs out: title rows,
 * a two-row header with a merged group cell, a numbering row, group sections, rates as percentages
 * and a total row with formulas.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export const SAMPLE_SHEET = "Theo dõi 2023";

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

const SECTIONS: { roman: string; title: string; group: string }[] = [
  { roman: "I", title: "SỞ, BAN, NGÀNH", group: "Sở, ban, ngành" },
  { roman: "II", title: "UBND CẤP HUYỆN", group: "UBND cấp huyện" },
  { roman: "III", title: "CƠ QUAN NGÀNH DỌC", group: "Cơ quan ngành dọc" },
];

export function buildSampleWorkbook(csv: string): ExcelJS.Workbook {
  const rows = parseFixture(csv);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KSTTHC";
  workbook.created = new Date(Date.UTC(2024, 0, 15));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(SAMPLE_SHEET, {
    pageSetup: { paperSize: 9, orientation: "landscape" },
  });
  const thin: Partial<ExcelJS.Border> = { style: "thin" };
  const box = { top: thin, left: thin, bottom: thin, right: thin };

  sheet.getCell("A1").value = "VĂN PHÒNG UBND TỈNH AN GIANG";
  sheet.getCell("A1").font = { bold: true };
  sheet.mergeCells("A2:G2");
  sheet.getCell("A2").value = "BẢNG THEO DÕI KẾT QUẢ THI ĐUA CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2023";
  sheet.getCell("A2").font = { bold: true, size: 13 };
  sheet.getCell("A2").alignment = { horizontal: "center" };
  sheet.mergeCells("A3:G3");
  sheet.getCell("A3").value = "(Theo Kế hoạch ban hành kèm Quyết định số 568/QĐ-UBND ngày 27/4/2023)";
  sheet.getCell("A3").font = { italic: true };
  sheet.getCell("A3").alignment = { horizontal: "center" };

  const header: [string, string][] = [
    ["A5:A6", "STT"],
    ["B5:B6", "Tên cơ quan, đơn vị"],
    ["C5:C6", "Khối"],
    ["D5:D6", "Điểm Bộ chỉ số 766 năm 2023 (QĐ 21/QĐ-UBND)"],
    ["E5:F5", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa (%)"],
    ["G5:G6", "Ghi chú"],
  ];
  for (const [range, text] of header) {
    sheet.mergeCells(range);
    sheet.getCell(range.split(":")[0]).value = text;
  }
  sheet.getCell("E6").value = "Cấp tỉnh";
  sheet.getCell("F6").value = "Cấp huyện";
  ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"].forEach(
    (text, i) => (sheet.getCell(7, i + 1).value = text),
  );
  for (let row = 5; row <= 7; row++) {
    for (let col = 1; col <= 7; col++) {
      const cell = sheet.getCell(row, col);
      cell.font = { bold: row < 7, italic: row === 7 };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = box;
    }
  }

  let row = 8;
  const firstUnitRow = 9;
  for (const section of SECTIONS) {
    sheet.getCell(row, 1).value = section.roman;
    sheet.getCell(row, 2).value = section.title;
    sheet.getRow(row).font = { bold: true };
    row++;
    for (const unit of rows.filter((r) => r.group === section.group)) {
      const line = sheet.getRow(row);
      line.values = [
        unit.stt,
        unit.name,
        unit.group,
        unit.score,
        unit.province === null ? null : unit.province / 100,
        unit.district === null ? null : unit.district / 100,
        unit.note || null,
      ];
      line.getCell(4).numFmt = "0.00";
      line.getCell(5).numFmt = "0.0%";
      line.getCell(6).numFmt = "0.0%";
      row++;
    }
  }
  const lastUnitRow = row - 1;
  const scores = rows.map((r) => r.score).filter((s): s is number => s !== null);
  const average = Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100;
  sheet.getCell(row, 2).value = "Tổng cộng";
  sheet.getCell(row, 3).value = {
    formula: `COUNTA(C${firstUnitRow}:C${lastUnitRow})&" đơn vị"`,
    result: `${rows.length} đơn vị`,
  };
  sheet.getCell(row, 4).value = {
    formula: `ROUND(AVERAGE(D${firstUnitRow}:D${lastUnitRow}),2)`,
    result: average,
  };
  sheet.getRow(row).font = { bold: true };
  for (let r = 8; r <= row; r++) for (let c = 1; c <= 7; c++) sheet.getCell(r, c).border = box;

  sheet.getRow(5).height = 48;
  [6, 42, 20, 16, 12, 12, 20].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.views = [{ state: "frozen", ySplit: 7 }];
  return workbook;
}
