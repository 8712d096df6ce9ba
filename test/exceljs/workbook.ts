/**
 * Loading and saving .xlsx bytes with ExcelJS, for the tests and the bench (the tool itself reads and writes
 * packages with src/xlsx/package; ExcelJS is a dev dependency).
 */
import ExcelJS from "exceljs";
import { UnusableInputError, type Problem } from "../../src/core/problems";
import { runScoring, type RunOptions, type RunResult } from "../../src/core/run";
import { applyPlan } from "./apply";
import { CFB_SENTENCES, cfbKind } from "../../src/xlsx/cfb-kind";
import { NOT_XLSX, NOT_ZIP, plainKind } from "../../src/xlsx/package-kind";
import { openZip, packageKind, repairForExcelJs, zipPartNames } from "./package-parts";
import { workbookToGrids } from "./read";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Workbooks loaded from a repaired copy without their drawings: the result file will lack them. */
const droppedDrawings = new WeakMap<ExcelJS.Workbook, number>();

/** A note for the user when the result file will not have the input's charts or pictures. */
function loadNotes(workbook: ExcelJS.Workbook): Problem[] {
  const dropped = droppedDrawings.get(workbook);
  if (!dropped) return [];
  const sheet = workbook.worksheets[0]?.name ?? "";
  return [
    {
      sheet,
      level: "warning",
      message: `Tệp có ${dropped} biểu đồ hoặc hình vẽ mà công cụ không chép được sang tệp kết quả; bảng số liệu và ghi chú được giữ nguyên. Biểu đồ vẫn còn trong tệp gốc.`,
    },
  ];
}

async function loadExcelJs(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new UnusableInputError(`Tệp “${fileName}” ${CFB_SENTENCES[cfbKind(bytes)]}`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new UnusableInputError(`Tệp “${fileName}” ${NOT_ZIP[plainKind(bytes)]}`);
  }
  const corrupt = new UnusableInputError(
    `Không đọc được tệp “${fileName}”: tệp bị hỏng hoặc không phải tệp .xlsx. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.`,
  );
  const names = zipPartNames(bytes);
  const kind = names && packageKind(names);
  if (kind && kind !== "xlsx") throw new UnusableInputError(`Tệp “${fileName}” ${NOT_XLSX[kind]}`);
  try {
    return await loadExcelJs(bytes);
  } catch {
    // Valid files from openpyxl and LibreOffice that ExcelJS trips on: repair what it needs, once.
    const zip = await openZip(bytes);
    if (!zip) throw corrupt;
    const repaired = await repairForExcelJs(zip).catch(() => undefined);
    if (repaired) {
      try {
        const workbook = await loadExcelJs(repaired.bytes);
        if (repaired.droppedDrawings > 0) droppedDrawings.set(workbook, repaired.droppedDrawings);
        return workbook;
      } catch {
        // Still unreadable: corrupt as far as the tool can tell.
      }
    }
    // The library's own reason is English and technical; the user needs to know what to do.
    throw corrupt;
  }
}

/**
 * LibreOffice writes tables without a table style; ExcelJS reads them but fails writing them back.
 * An empty style (no name, no stripes) writes the table as it was.
 */
function giveTablesAStyle(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    const tables = (sheet as unknown as { tables?: Record<string, { table?: { style?: unknown } }> }).tables;
    for (const { table } of Object.values(tables ?? {})) {
      if (table && !table.style) {
        table.style = {
          showFirstColumn: false,
          showLastColumn: false,
          showRowStripes: false,
          showColumnStripes: false,
        };
      }
    }
  }
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  giveTablesAStyle(workbook);
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
  result.problems.push(...loadNotes(workbook));
  refuseProtectedSheets(workbook, result);
  applyPlan(workbook, result.plan);
  return result;
}
