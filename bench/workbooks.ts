/** Generated unit workbooks for benchmarks: the sample's layout, at any size. */
import ExcelJS from "exceljs";

const GROUPS = ["Sở, ban, ngành", "UBND cấp huyện", "Cơ quan ngành dọc"];

/** A tracking table of `units` rows: title rows, a two-row header, 766 scores and one-stop rates. */
export function generatedWorkbook(units: number): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Theo dõi");
  sheet.getCell("A1").value = "BẢNG THEO DÕI KẾT QUẢ THI ĐUA";
  sheet.getRow(3).values = [
    "STT",
    "Tên cơ quan, đơn vị",
    "Khối",
    "Điểm 766",
    "Tỷ lệ tiếp nhận tại Bộ phận Một cửa (%)",
  ];
  sheet.mergeCells("E3:F3");
  sheet.getRow(4).values = [null, null, null, null, "Cấp tỉnh", "Cấp huyện"];
  for (let i = 1; i <= units; i++) {
    const group = GROUPS[i % 3];
    const vertical = group === "Cơ quan ngành dọc";
    sheet.getRow(4 + i).values = [
      i,
      `Đơn vị số ${i}`,
      group,
      vertical ? null : 60 + ((i * 37) % 4000) / 100,
      vertical ? (i % 7 === 0 ? 96.5 : 100) : null,
      vertical ? 100 : null,
    ];
  }
  return workbook;
}

export async function generatedBytes(units: number): Promise<Uint8Array> {
  return new Uint8Array((await generatedWorkbook(units).xlsx.writeBuffer()) as ArrayBuffer);
}
