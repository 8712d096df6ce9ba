/**
 * Excel's limits on every sheet a plan writes, checked once for every face: a row at most 409 points high,
 * a cell at most 32,767 characters. A row asked taller is set at 409 and a longer text is cut, each said
 * at its place, so that no adapter hands Excel a value it refuses or silently clips.
 */
import { formatNumberVi } from "../numbers";
import { cellProblem, type Problem } from "../problems";
import type { WritePlan } from "./types";

/** Excel's specifications and limits: row height 409 points; characters in a cell 32,767. */
export const MAX_ROW_HEIGHT = 409;
export const MAX_CELL_CHARS = 32767;

export function fitExcelLimits(plan: WritePlan): Problem[] {
  const problems: Problem[] = [];
  for (const sheet of plan.sheets) {
    if (sheet.hidden) continue;
    for (const height of sheet.rowHeights) {
      if (height.height <= MAX_ROW_HEIGHT) continue;
      problems.push(
        cellProblem(
          sheet.name,
          height.row,
          undefined,
          "warning",
          `chữ cần một dòng cao ${formatNumberVi(height.height)} điểm nhưng Excel chỉ cho một dòng cao tối đa ${MAX_ROW_HEIGHT} điểm; dòng được đặt cao ${MAX_ROW_HEIGHT} điểm, phần chữ không vừa bị che (bấm vào ô để đọc đủ, hoặc rút ngắn chữ).`,
        ),
      );
      height.height = MAX_ROW_HEIGHT;
    }
    // Every cell of every block, in plain loops: the unit table's output alone is 20,000 rows.
    for (const block of sheet.blocks) {
      for (let r = 0; r < block.values.length; r++) {
        const line = block.values[r];
        for (let c = 0; c < line.length; c++) {
          const value = line[c];
          if (typeof value !== "string" || value.length <= MAX_CELL_CHARS) continue;
          problems.push(
            cellProblem(
              sheet.name,
              block.top + r,
              block.left + c,
              "warning",
              `chữ dài ${formatNumberVi(value.length)} ký tự, quá ${formatNumberVi(MAX_CELL_CHARS)} ký tự một ô của Excel; chỉ ghi ${formatNumberVi(MAX_CELL_CHARS)} ký tự đầu.`,
            ),
          );
          line[c] = value.slice(0, MAX_CELL_CHARS);
        }
      }
    }
  }
  return problems;
}
