/**
 * A unit table as staff really leave it, written with ExcelJS: a notes sheet before it, a merged title,
 * a two-row header with a merged group cell and decomposed (NFD) accents, section and total rows, blank
 * rows, scores as text with a comma, a formula with its cached result, an #N/A, percentages three ways,
 * rich text, a date, a hidden sheet, column widths and a number format of the user's own.
 */
import ExcelJS from "exceljs";
import { saveWorkbook } from "../exceljs/workbook";

export const MESSY_SHEET = "Số liệu 2024";
export const MESSY_FILE = "Bảng theo dõi (bản lỗi).xlsx";
/** The units the default criteria propose (above 80 points in the 766 index). */
export const MESSY_PROPOSED = ["Sở Tư pháp", "UBND huyện Chợ Mới"];

export function messyWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet("Ghi chú");
  notes.getCell("A1").value = "Số liệu lấy từ Cổng dịch vụ công ngày 05/01/2024";
  notes.getCell("A2").value = "Người tổng hợp: Phòng KSTTHC";

  const sheet = workbook.addWorksheet(MESSY_SHEET);
  sheet.getCell("A1").value = "BẢNG THEO DÕI THI ĐUA KSTTHC NĂM 2024";
  sheet.mergeCells("A1:G1");
  sheet.getCell("A1").font = { bold: true, size: 14 };
  sheet.getRow(3).values = [
    " STT ",
    "TÊN CƠ QUAN,  ĐƠN VỊ".normalize("NFD"),
    "Khối",
    "Điểm Bộ chỉ số 766",
    "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa",
    null,
    "Ghi chú",
  ];
  sheet.getRow(4).values = [null, null, null, null, "Cấp tỉnh", "Cấp huyện", null];
  for (const range of ["A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:F3", "G3:G4"]) sheet.mergeCells(range);
  const rows: ExcelJS.CellValue[][] = [
    [null, "I. SỞ, BAN, NGÀNH"],
    [1, "Sở Tư pháp", "Sở, ban, ngành", "81,25", { formula: "0.965", result: 0.965 }, null, null],
    [
      2,
      { richText: [{ text: "Sở " }, { text: "Y tế", font: { bold: true } }] },
      "Sở, ban, ngành",
      68.5,
      "96,5%",
    ],
    [],
    [3, "Công an tỉnh", "Sở, ban, ngành", { error: "#N/A" }, 1, null, new Date(Date.UTC(2024, 0, 5))],
    [null, "II. UBND CẤP HUYỆN"],
    [4, "UBND huyện Chợ Mới", "UBND cấp huyện", { formula: "ROUND(82.614,2)", result: 82.61 }, null, 0.9],
    [5, "UBND huyện Tri Tôn", "UBND cấp huyện", 77.4, null, 97.5, "Chưa đủ số liệu"],
    [null, "Tổng cộng", null, { formula: "AVERAGE(D6:D12)", result: 77.44 }],
  ];
  rows.forEach((line, i) => {
    const row = sheet.getRow(5 + i);
    line.forEach((value, c) => {
      if (value !== null && value !== undefined) row.getCell(c + 1).value = value;
    });
  });
  for (const address of ["E6", "E9", "F11"]) sheet.getCell(address).numFmt = "0.0%";
  sheet.getCell("D7").numFmt = '#,##0.00 "điểm"';
  sheet.getCell("G9").numFmt = "dd/mm/yyyy";
  [6, 34, 16, 12, 12, 12, 20].forEach((width, i) => (sheet.getColumn(i + 1).width = width));

  const hidden = workbook.addWorksheet("Tra cứu", { state: "hidden" });
  hidden.getCell("A1").value = "Danh mục đơn vị";
  return workbook;
}

export async function messyWorkbookBytes(): Promise<Uint8Array> {
  return saveWorkbook(messyWorkbook());
}
