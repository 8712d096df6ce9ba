/** Last year beside this year: the previous year's figures per unit and how they met this year's units. */
import type { Problem } from "../problems";

/** One unit of the previous year's workbook with the figures it ended the year with. */
export interface PreviousUnit {
  sheet: string;
  /** 0-based row in that workbook. */
  row: number;
  name: string;
  code?: string;
  group: string;
  score766: number | null;
  total: number;
  eligible: boolean;
}

/**
 * "output": a workbook the tool scored, whose output columns give the total and the proposal as they
 * were written that year; "rescored": any unit table, scored now with its own "Tiêu chí" sheet or a preset.
 */
export type PreviousHow = "output" | "rescored";

export interface PreviousYear {
  file: string;
  how: PreviousHow;
  /** In Vietnamese, where the figures come from ("các cột kết quả của công cụ trong tệp", "chấm lại theo …"). */
  howText: string;
  year: number | null;
  units: PreviousUnit[];
  /** Notes on reading that file: cells taken from the rescoring, errors of its table. */
  problems: Problem[];
}

/** Why a unit of this year was paired with one of last year. */
export type MatchedBy = "code" | "name" | "mapping";

/** One unit of this year beside last year. */
export interface UnitComparison {
  /** Last year's units it continues: none (a new unit), one, or several (a merger). */
  from: { unit: PreviousUnit; by: MatchedBy }[];
  /**
   * Last year's figures: those of the one unit it continues, null for a new unit. A merger's figures are
   * never summed: score766, total and eligible are null and `from` lists each old unit's.
   */
  previous: { score766: number | null; total: number | null; eligible: boolean | null } | null;
  /** This year's figure minus last year's, where both are numbers (2 decimals). */
  change: { score766: number | null; total: number | null } | null;
}

/** A row of the mapping sheet: an old unit (name or code) and its successor (none: dissolved). */
export interface UnitMapEntry {
  /** 0-based row on the mapping sheet. */
  row: number;
  oldName: string;
  oldCode?: string;
  newName: string;
  newCode?: string;
  /** 0-based columns of the old and the new unit's names, for messages naming the cell. */
  oldCol: number;
  newCol: number;
}

export interface Comparison {
  previous: Pick<PreviousYear, "file" | "how" | "howText" | "year">;
  /** Aligned with the run's scores. */
  units: UnitComparison[];
  /** Indexes (into the run's scores) of this year's units that continue none of last year's. */
  newUnits: number[];
  /** Last year's units that no unit of this year continues. */
  vanished: PreviousUnit[];
  /** Names or codes shared by several units: never paired, listed. */
  ambiguous: { key: string; current: string[]; previous: string[] }[];
  /** The sheet the mapping is read from (and written to when absent), and how many of its rows paired. */
  mapSheet: string;
  mapped: number;
  problems: Problem[];
}
