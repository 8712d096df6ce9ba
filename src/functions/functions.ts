/// <reference types="custom-functions-runtime" />
/**
 * Excel's face of the custom functions =KSTTHC.DIEM, =KSTTHC.XEPLOAI and =KSTTHC.DEXUAT. The logic
 * lives in pure modules; this file only turns their ArgumentError into CustomFunctions.Error (#VALUE!
 * with a Vietnamese message). custom-functions-metadata-plugin reads the JSDoc below into
 * functions.json and appends the CustomFunctions.associate calls when webpack bundles this file.
 *
 * Parameters typed unknown[][] accept a cell or a range (a single value arrives as a 1×1 matrix);
 * optional ones arrive as null. Results are matrices: a range in gives a spill out.
 */
import { dexuat } from "./dexuat";
import { diem } from "./diem";
import { ArgumentError, type Outcome } from "./errors";
import { xeploai } from "./xeploai";

// Outside Office (the page opened in a plain browser, as the web app) there is no CustomFunctions, and
// the associate calls appended below would throw as the page loads. There is nothing to register there.
if (typeof CustomFunctions === "undefined") {
  Object.assign(globalThis, { CustomFunctions: { associate: () => undefined } });
}

function excelError(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof ArgumentError) return excelError(error.message);
  // A bug of ours: still a readable #VALUE! rather than a bare one.
  const detail = error instanceof Error ? error.message : String(error);
  return excelError(`Lỗi không mong đợi khi tính: ${detail}`);
}

/**
 * Runs a pure function. A thrown error fails the whole formula; an error in one cell of a spill stays
 * in that cell. A 1×1 result that is an error is thrown, the documented way for its message to show.
 */
function run<T>(compute: () => Outcome<T>[][]): (T | CustomFunctions.Error)[][] {
  let result: Outcome<T>[][];
  try {
    result = compute();
  } catch (error) {
    throw toExcelError(error);
  }
  if (result.length === 1 && result[0].length === 1 && result[0][0] instanceof ArgumentError) {
    throw toExcelError(result[0][0]);
  }
  // In place: a spill of 100,000 cells is not copied a second time for its few errors.
  const out = result as (T | ArgumentError | CustomFunctions.Error)[][];
  for (const row of out) {
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      if (cell instanceof ArgumentError) row[i] = toExcelError(cell);
    }
  }
  return out as (T | CustomFunctions.Error)[][];
}

/**
 * Điểm của một tiêu chí thi đua cho một giá trị, hoặc cho từng ô của một vùng (kết quả tràn theo vùng).
 * @customfunction DIEM
 * @param tieu_chi Mã tiêu chí, ví dụ "III" (điểm Bộ chỉ số 766) hoặc "IV.9" (tỷ lệ tiếp nhận tại Bộ phận Một cửa).
 * @param gia_tri Số liệu của tiêu chí, một ô hoặc một vùng: điểm 766 từ 0 đến 100; tỷ lệ một cửa là ô định dạng % (số từ 0 đến 1), số từ 0 đến 100 hoặc chữ như "96,5%". Ô trống được 0 điểm.
 * @param [tieu_chi_bang] Không bắt buộc: vùng bảng tiêu chí như trang "Tiêu chí" (ví dụ 'Tiêu chí'!A1:L60). Bỏ trống để dùng tiêu chí mặc định.
 * @returns Điểm của tiêu chí, cùng kích thước với gia_tri.
 */
export function DIEM(tieu_chi: string, gia_tri: unknown[][], tieu_chi_bang?: unknown[][]): unknown[][] {
  return run(() => diem(tieu_chi, gia_tri, tieu_chi_bang));
}

/**
 * Xếp loại theo điểm Bộ chỉ số 766 (Xuất sắc, Tốt, Khá, Trung bình, Yếu); hoặc xếp loại thi đua của tổng điểm theo các dòng "Xếp loại thi đua" của bảng tiêu chí khi có diem_cac_tieu_chi.
 * @customfunction XEPLOAI
 * @param diem_766 Điểm Bộ chỉ số 766 (0–100), một ô hoặc một vùng; hoặc tổng điểm thi đua (một cột) khi có diem_cac_tieu_chi. Ô trống hoặc bằng 0 cho kết quả trống.
 * @param [tieu_chi_bang] Không bắt buộc: vùng trang "Tiêu chí" có phần cài đặt mức xếp loại (ví dụ 'Tiêu chí'!A1:L60). Bỏ trống để dùng mức mặc định 90, 80, 70, 50.
 * @param [diem_cac_tieu_chi] Không bắt buộc: điểm các tiêu chí của đơn vị, mỗi dòng một đơn vị, mỗi cột một tiêu chí theo thứ tự bảng tiêu chí; ô trống là tiêu chí không áp dụng. Có đối số này thì kết quả là xếp loại thi đua.
 * @returns Xếp loại, cùng kích thước với diem_766.
 */
export function XEPLOAI(
  diem_766: unknown[][],
  tieu_chi_bang?: unknown[][],
  diem_cac_tieu_chi?: unknown[][],
): unknown[][] {
  return run(() => xeploai(diem_766, tieu_chi_bang, diem_cac_tieu_chi));
}

/**
 * "Có" nếu đơn vị được đề xuất khen thưởng theo điểm các tiêu chí, "Không" nếu không; mỗi dòng một đơn vị.
 * @customfunction DEXUAT
 * @param diem_cac_tieu_chi Điểm các tiêu chí của đơn vị, mỗi dòng một đơn vị, mỗi cột một tiêu chí theo thứ tự bảng tiêu chí (mặc định: III, IV.9).
 * @param [tieu_chi_bang] Không bắt buộc: vùng trang "Tiêu chí" với điều kiện đề xuất (ví dụ 'Tiêu chí'!A1:L60). Bỏ trống để dùng điều kiện mặc định: đạt đủ điểm ít nhất một tiêu chí.
 * @returns "Có" hoặc "Không" cho từng dòng.
 */
export function DEXUAT(diem_cac_tieu_chi: unknown[][], tieu_chi_bang?: unknown[][]): unknown[][] {
  return run(() => dexuat(diem_cac_tieu_chi, tieu_chi_bang));
}
