/** The comparison within a run: read the mapping sheet, pair the units, plan the sheets it writes. */
import type { SheetGrid } from "../grid";
import { freeSheetName, type Ownership } from "../ownership";
import type { SheetPlan } from "../plan/types";
import type { Problem } from "../problems";
import type { UnitTable } from "../reader/units";
import type { UnitScore } from "../scoring";
import { foldKey } from "../text";
import { unitCodes } from "./codes";
import { compareYears } from "./compare";
import { COMPARE_SHEET, planCompareSheet } from "./compare-sheet";
import type { Comparison, PreviousYear } from "./types";
import { planUnitMapSheet, readUnitMap, UNIT_MAP_SHEET } from "./unit-map-sheet";

interface ComparisonPlan {
  comparison?: Comparison;
  /**
   * The mapping sheet, when the workbook has none: planned before the summary, so that the sheets the
   * tool writes anew on every run (summary, comparison, record) stay together after it in both adapters.
   */
  mapSheet?: SheetPlan;
  /** The comparison sheet (or its line saying this run compared nothing). */
  sheets: SheetPlan[];
  /** The comparison sheet this run writes, for the ownership record. */
  compareSheet?: string;
  problems: Problem[];
}

export function planComparison(
  grids: SheetGrid[],
  ownership: Ownership | undefined,
  scores: UnitScore[],
  parts: UnitTable[],
  previous: PreviousYear | undefined,
  year: number | null,
): ComparisonPlan {
  const written = ownership?.compareSheet;
  if (!previous) {
    // An earlier comparison is not left standing beside this run's other figures.
    const stale = written && grids.some((g) => foldKey(g.name) === foldKey(written));
    return stale
      ? { sheets: [planCompareSheet(written, scores, undefined)], compareSheet: written, problems: [] }
      : { sheets: [], problems: [] };
  }
  const mapGrid = grids.find((g) => foldKey(g.name) === foldKey(UNIT_MAP_SHEET));
  const map = mapGrid ? readUnitMap(mapGrid) : { entries: [], problems: [] };
  const codes = unitCodes(parts, grids);
  // Each unit's name cell, so that a warning about it says where it is.
  const nameCells = new Map(
    parts.flatMap((part) =>
      part.units.map(
        (unit) => [unit, { sheet: part.layout.sheet, column: part.layout.columns.name }] as const,
      ),
    ),
  );
  const comparison = compareYears(
    scores,
    scores.map((s) => codes.get(s.unit)),
    previous,
    map.entries,
    mapGrid?.name ?? UNIT_MAP_SHEET,
    (i) => {
      const unit = scores[i]?.unit;
      const cell = unit && nameCells.get(unit);
      return cell && { ...cell, row: unit.row };
    },
  );
  const problems = [...previous.problems, ...map.problems, ...comparison.problems];
  if (previous.year !== null && year !== null && previous.year >= year) {
    problems.unshift({
      file: previous.file,
      sheet: COMPARE_SHEET,
      level: "warning",
      message: `Tệp năm trước “${previous.file}” là của năm ${previous.year}, không trước năm thi đua ${year}: hãy kiểm tra đã chọn đúng tệp.`,
    });
  }
  const name = freeSheetName(grids, COMPARE_SHEET, written);
  return {
    comparison: { ...comparison, problems },
    // The mapping sheet is written once; from then on it is the user's.
    mapSheet: mapGrid ? undefined : planUnitMapSheet(comparison.vanished),
    sheets: [planCompareSheet(name, scores, comparison)],
    compareSheet: name,
    problems,
  };
}
