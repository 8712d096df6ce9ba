/**
 * Step "read": the record an earlier run kept in the hidden sheet, with its columns found where the user
 * moved them; or a refusal when its name is taken.
 */
import type { SheetGrid } from "../grid";
import { findMetaGrid, META_SHEET, metaSheetTakenBy, readOwnership, type Ownership } from "../ownership";
import { UnusableInputError } from "../problems";
import { relocateOutput } from "./moved-output";

export function readRecord(grids: SheetGrid[]): Ownership | undefined {
  const taken = metaSheetTakenBy(grids);
  if (taken !== undefined) {
    throw new UnusableInputError(
      `Tệp có trang “${taken}” trùng tên với trang ẩn “${META_SHEET}” mà công cụ dùng để ghi nhớ kết quả (Excel không phân biệt chữ hoa, chữ thường trong tên trang). Hãy đổi tên trang “${taken}” rồi chạy lại. Chưa có gì được ghi.`,
    );
  }
  return relocateOutput(grids, readOwnership(findMetaGrid(grids)));
}
