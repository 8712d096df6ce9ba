/** Loading and saving .xlsx bytes with ExcelJS, with the Vietnamese message a user sees when it fails. */
import ExcelJS from "exceljs";
import { UnusableInputError } from "../core/problems";
import { runScoring, type RunOptions, type RunResult } from "../core/run";
import { applyPlan } from "./apply";
import { workbookToGrids } from "./read";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UnusableInputError(
      `Tệp “${fileName}” là tệp Excel cũ (.xls) hoặc tệp được đặt mật khẩu mở: hãy mở bằng Excel, gỡ mật khẩu nếu có, rồi lưu lại dạng .xlsx.`,
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new UnusableInputError(`Tệp “${fileName}” không phải tệp Excel .xlsx.`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // The library's own reason is English and technical; the user needs to know what to do.
    throw new UnusableInputError(
      `Không đọc được tệp “${fileName}”: tệp bị hỏng hoặc không phải tệp .xlsx. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.`,
    );
  }
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Excel refuses writes into a protected sheet; ExcelJS would not, so the file adapter refuses too,
 * before anything is written, as the add-in does.
 */
function refuseProtectedSheets(workbook: ExcelJS.Workbook, result: RunResult): void {
  const names = result.plan.sheets
    .map((plan) => workbook.getWorksheet(plan.name))
    .filter((sheet): sheet is ExcelJS.Worksheet => {
      const protection = (sheet as unknown as { sheetProtection?: { sheet?: boolean } } | undefined)
        ?.sheetProtection;
      return Boolean(protection?.sheet);
    })
    .map((sheet) => `“${sheet.name}”`);
  if (names.length > 0) {
    throw new UnusableInputError(
      `Trang ${names.join(", ")} đang được bảo vệ (Protect Sheet) nên không ghi được kết quả: hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi chạy lại. Chưa có gì được ghi.`,
    );
  }
}

/** Scores a workbook in place: reads its grids, runs the core and applies the plan. */
export function scoreWorkbook(workbook: ExcelJS.Workbook, options: RunOptions = {}): RunResult {
  const result = runScoring(workbookToGrids(workbook), options);
  refuseProtectedSheets(workbook, result);
  applyPlan(workbook, result.plan);
  return result;
}
