/**
 * The bench's own unit tables, in the sample's layout at any size: a title, a two-row header with a merged
 * group cell, 766 scores for two thirds of the units and one-stop rates at two levels for the rest
 * ("Cơ quan ngành dọc", one in seven of them at 96,5% for the province).
 */
import ExcelJS from "exceljs";

export const SHEET = "Theo dõi";
export const TITLE = "BẢNG THEO DÕI KẾT QUẢ THI ĐUA";
/** 0-based rows of the two header rows; units follow. */
export const HEADER_ROW = 2;
export const FIRST_UNIT_ROW = 4;
export const HEADER = [
  "STT",
  "Tên cơ quan, đơn vị",
  "Khối",
  "Điểm 766",
  "Tỷ lệ tiếp nhận tại Bộ phận Một cửa (%)",
];
export const SUBHEADER = [null, null, null, null, "Cấp tỉnh", "Cấp huyện"];
/** The rate header spans both level columns (E3:F3). */
export const RATE_MERGE = { top: 2, bottom: 2, left: 4, right: 5 };

export const VERTICAL = "Cơ quan ngành dọc";
const GROUPS = ["Sở, ban, ngành", "UBND cấp huyện", VERTICAL];

export type UnitCell = string | number | null;

/** Unit i (from 1): STT, name, group, 766 score, province rate, district rate. */
export function unitRow(i: number): UnitCell[] {
  const group = GROUPS[i % 3];
  const vertical = group === VERTICAL;
  return [
    i,
    `Đơn vị số ${i}`,
    group,
    vertical ? null : 60 + ((i * 37) % 4000) / 100,
    vertical ? (i % 7 === 0 ? 96.5 : 100) : null,
    vertical ? 100 : null,
  ];
}

export function generatedWorkbook(units: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET);
  sheet.getCell("A1").value = TITLE;
  sheet.getRow(HEADER_ROW + 1).values = HEADER;
  const { top, left, bottom, right } = RATE_MERGE;
  sheet.mergeCells(top + 1, left + 1, bottom + 1, right + 1);
  sheet.getRow(HEADER_ROW + 2).values = SUBHEADER;
  for (let i = 1; i <= units; i++) sheet.getRow(FIRST_UNIT_ROW + i).values = unitRow(i);
  return workbook;
}

export async function generatedBytes(units: number): Promise<Uint8Array> {
  return new Uint8Array((await generatedWorkbook(units).xlsx.writeBuffer()) as ArrayBuffer);
}
