/**
 * Input workbooks for the package adapter's tests, written by the three programs users' files come from:
 * ExcelJS (as Excel lays parts out: an Excel table, a picture, notes, a data validation, defined names),
 * openpyxl (charts, a chart sheet, a picture, comments, a data validation, defined names, an Excel table,
 * workbook protection of the windows, an unrelated log sheet), and LibreOffice (a PivotTable with its
 * cache, an external link; and the openpyxl file saved again by LibreOffice).
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { saveWorkbook } from "../exceljs/workbook";

export const DATA_SHEET = "Đơn vị 2024";
const GROUPS = ["Sở, ban, ngành", "UBND cấp huyện", "UBND cấp xã"];
const HEADERS = [
  "STT",
  "Tên cơ quan, đơn vị",
  "Khối",
  "Điểm Bộ chỉ số 766",
  "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa cấp tỉnh (%)",
];
const score = (i: number) => (i === 1 ? 95.5 : 60 + ((i * 37) % 400) / 10);
const rate = (i: number) => Math.round((0.9 + (i % 11) / 100) * 10000) / 10000;

/** A 1×1 red PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==",
  "base64",
);

/** The unit table as an Excel table (ListObject), which the output columns join, with a picture and notes. */
export async function exceljsWorkbook(units: number, logRows: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(DATA_SHEET);
  sheet.getCell("A1").value = "BẢNG THEO DÕI THI ĐUA KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2024";
  sheet.addTable({
    name: "BangDonVi",
    ref: "A3",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: HEADERS.map((name) => ({ name, filterButton: true })),
    rows: Array.from({ length: units }, (_, k) => {
      const i = k + 1;
      return [i, `Đơn vị số ${i}`, GROUPS[i % 3], score(i), rate(i)];
    }),
  });
  for (let row = 4; row < 4 + units; row++) sheet.getCell(row, 5).numFmt = "0.0%";
  sheet.getCell("B4").note = "Đơn vị đầu bảng";
  for (let row = 4; row < 4 + units; row++) {
    sheet.getCell(row, 3).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${GROUPS.join(",")}"`],
    };
  }
  const image = workbook.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
  sheet.addImage(image, { tl: { col: 1, row: units + 5 }, ext: { width: 40, height: 20 } });
  workbook.definedNames.add(`'${DATA_SHEET}'!$D$4:$D$${3 + units}`, "DiemBoChiSo");
  const log = workbook.addWorksheet("Nhật ký");
  log.addRow(["Thời điểm", "Người dùng", "Thao tác", "Số bản ghi"]);
  for (let i = 0; i < logRows; i++) log.addRow([`2024-01-${(i % 28) + 1}`, `user${i % 17}`, "Cập nhật", i]);
  return saveWorkbook(workbook);
}

/** Runs test/fixtures/package/openpyxl_workbook.py. */
export function openpyxlWorkbook(python: string, file: string, logRows: number): void {
  const script = path.join(__dirname, "..", "fixtures", "package", "openpyxl_workbook.py");
  execFileSync(python, [script, file, String(logRows)], { stdio: "ignore", timeout: 120_000 });
}

const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/**
 * A flat OpenDocument spreadsheet that LibreOffice turns into an .xlsx with a PivotTable (its cache
 * definition and records) over the unit table, and a formula with an external link.
 */
export async function libreOfficeSource(file: string, units: number): Promise<void> {
  const text = (t: string) =>
    `<table:table-cell office:value-type="string"><text:p>${xmlText(t)}</text:p></table:table-cell>`;
  const float = (v: number) =>
    `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  const percent = (v: number) =>
    `<table:table-cell table:style-name="pct" office:value-type="percentage" office:value="${v}"><text:p>${(v * 100).toFixed(1)}%</text:p></table:table-cell>`;
  const row = (cells: string[]) => `<table:table-row>${cells.join("")}</table:table-row>`;
  const rows = [
    row([text("BẢNG THEO DÕI THI ĐUA NĂM 2024")]),
    row(["<table:table-cell/>"]),
    row(HEADERS.map(text)),
    ...Array.from({ length: units }, (_, k) => {
      const i = k + 1;
      return row([float(i), text(`Đơn vị số ${i}`), text(GROUPS[i % 3]), float(score(i)), percent(rate(i))]);
    }),
  ];
  const last = 3 + units;
  const doc = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:percentage-style style:name="N11"><number:number number:decimal-places="1" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>
<style:style style:name="pct" style:family="table-cell" style:data-style-name="N11"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="${DATA_SHEET}">${rows.join("")}</table:table>
<table:table table:name="Theo khối">${row(["<table:table-cell/>"])}</table:table>
<table:table table:name="Liên kết">${row([
    text("Số liệu tỉnh bạn"),
    `<table:table-cell table:formula="of:=['file:///tmp/nguon-ngoai.ods'#$Sheet1.A1]" office:value-type="float" office:value="42"><text:p>42</text:p></table:table-cell>`,
  ])}</table:table>
<table:data-pilot-tables>
<table:data-pilot-table table:name="TongTheoKhoi" table:target-range-address="'Theo khối'.A1:'Theo khối'.B6" table:buttons="'Theo khối'.A1">
<table:source-cell-range table:cell-range-address="'${DATA_SHEET}'.A3:'${DATA_SHEET}'.E${last}"/>
<table:data-pilot-field table:source-field-name="Khối" table:orientation="row"/>
<table:data-pilot-field table:source-field-name="Điểm Bộ chỉ số 766" table:orientation="data" table:function="sum"/>
</table:data-pilot-table>
</table:data-pilot-tables>
</office:spreadsheet></office:body></office:document>`;
  await fs.writeFile(file, doc);
}
