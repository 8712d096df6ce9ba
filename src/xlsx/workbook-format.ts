/**
 * Which workbook file a package is, from its main part's content type (ECMA-376 Part 2, [Content_Types].xml):
 * an .xlsx, or an .xlsm whose workbook is "macroEnabled" and which may hold a VBA project. Excel opens a
 * file only when its name's extension agrees with that content type, so the tool's output keeps it.
 */
export interface WorkbookFormat {
  extension: ".xlsx" | ".xlsm";
  /** The MIME type of a download. */
  mime: string;
}

export const XLSX_FORMAT: WorkbookFormat = {
  extension: ".xlsx",
  mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The MIME type Excel registers for .xlsm (learn.microsoft.com, "Office file MIME types"). */
export const XLSM_FORMAT: WorkbookFormat = {
  extension: ".xlsm",
  mime: "application/vnd.ms-excel.sheet.macroEnabled.12",
};

/** The main part's content type of an .xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml". */
const MACRO_ENABLED = /macroEnabled\.main\+xml/i;

/** The format of a package from the content type of its workbook part ("xl/workbook.xml"). */
export function workbookFormatOf(contentTypes: string, workbookPart: string): WorkbookFormat {
  const escaped = workbookPart.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const override = new RegExp(`<Override\\b[^>]*PartName="/${escaped}"[^>]*>`, "i").exec(contentTypes);
  return override && MACRO_ENABLED.test(override[0]) ? XLSM_FORMAT : XLSX_FORMAT;
}

/**
 * Why a file of this format cannot be written under `target`, or undefined when it can: Excel refuses an
 * .xlsx holding a VBA project and the macro-enabled content type, and an .xlsm without them.
 */
export function formatMismatch(format: WorkbookFormat, input: string, target: string): string | undefined {
  const extension = /\.[^./\\]*$/.exec(target)?.[0].toLowerCase();
  if (extension === undefined || !/^\.xl/.test(extension) || extension === format.extension) return undefined;
  const kind =
    format === XLSM_FORMAT
      ? `là sổ tính có macro (.xlsm): tệp kết quả giữ macro nên phải có đuôi .xlsm, Excel không mở tệp “${extension}” có macro`
      : `là sổ tính không có macro (.xlsx): tệp kết quả phải có đuôi .xlsx, Excel không mở tệp “${extension}” như vậy`;
  return `Tệp “${input}” ${kind}. Hãy đặt tên tệp kết quả có đuôi ${format.extension} (hoặc bỏ -o để dùng tên mặc định). Chưa có gì được ghi.`;
}
