/** The unit codes a table keeps ("Mã đơn vị", the portal's MA_COQUAN), for matching across years. */
import { cellAt, cellText, type SheetGrid } from "../grid";
import type { Unit, UnitTable } from "../reader/units";
import { codeColumn } from "../sources/join";
import { cleanText } from "../text";

/** Each unit's code, where its table has a code column and the cell is filled. */
export function unitCodes(parts: UnitTable[], grids: SheetGrid[]): Map<Unit, string> {
  const codes = new Map<Unit, string>();
  for (const part of parts) {
    const col = codeColumn(part.layout);
    const grid = grids.find((g) => g.name === part.layout.sheet);
    if (col === undefined || !grid) continue;
    for (const unit of part.units) {
      const code = cleanText(cellText(cellAt(grid, unit.row, col)));
      if (code) codes.set(unit, code);
    }
  }
  return codes;
}
