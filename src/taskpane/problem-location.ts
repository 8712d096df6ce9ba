/** Where a problem points in the workbook, as an address the port can select. */
import type { Problem } from "../core/problems";

/** "D39" for a cell, "39:39" for a whole row, undefined for the sheet as a whole. */
export function problemAddress(problem: Problem): string | undefined {
  if (problem.row === undefined) return undefined;
  return problem.column ? `${problem.column}${problem.row}` : `${problem.row}:${problem.row}`;
}

/** "Trang “Theo dõi 2023”, ô D41" (or "…, dòng 39", or the sheet alone): a place, for where no grid shows it. */
export function placeText(sheet: string, address?: string): string {
  if (!address) return `Trang “${sheet}”`;
  const row = /^(\d+):\1$/.exec(address);
  return `Trang “${sheet}”, ${row ? `dòng ${row[1]}` : `ô ${address}`}`;
}
