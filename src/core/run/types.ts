/** What a scoring run takes (RunOptions) and gives (RunResult); the steps in this folder share them. */
import type { Criterion } from "../criteria";
import type { Comparison, PreviousYear } from "../compare/types";
import type { LetterModel } from "../letter";
import type { OutputMode } from "../plan/formulas";
import type { WritePlan } from "../plan/types";
import type { PresetId } from "../presets";
import type { Problem } from "../problems";
import type { ColumnMapping } from "../reader/table";
import type { Unit, UnitTable } from "../reader/units";
import type { UnitScore } from "../scoring";
import type { Settings } from "../settings";
import type { Preference, SourceMatchReport } from "../sources/join";
import type { SourceProvenance } from "../sources/provenance";
import type { SourceSettings } from "../sources/read-source";
import type { Source } from "../sources/types";
import type { YearSource } from "../year";

export interface RunOptions {
  sheet?: string;
  /** Columns picked by the user; without it, the mapping kept in the workbook by an earlier run applies. */
  mapping?: ColumnMapping;
  /** Add the "Tiêu chí" sheet with the criteria in force when the workbook has none (default true). */
  writeCriteriaSheet?: boolean;
  /**
   * "values" (default): the output columns hold plain values, which a recipient without the add-in sees
   * as they are. "formulas": =KSTTHC.DIEM(…), =SUM(…), =KSTTHC.XEPLOAI(…) and =KSTTHC.DEXUAT(…) over the
   * "Tiêu chí" sheet, which recalculate with the add-in (and show #NAME? without it).
   */
  output?: OutputMode;
  /** Source files already read (readSource): their figures feed the criteria of the matching units. */
  sources?: Source[];
  /** Which figure wins when the table and a source disagree (default: the source's). */
  prefer?: Preference;
  /**
   * The workbook's file name ("theo-doi-2024.xlsx"): named in messages when the workbook is itself a
   * portal export, and the year is looked for in it last.
   */
  fileName?: string;
  /** Period and as-of date of figures whose file does not say them. */
  sourceSettings?: Omit<SourceSettings, "sheet">;
  /**
   * The assessment year the user gave (`--year`, the pane's field). It wins over the year found in the
   * workbook; facts of the "Tiêu chí" sheet that belong to another year are then left out. The year
   * used (given or found) also picks, of several 766 columns, the one whose header names it.
   */
  year?: number;
  /** The criteria and letter settings to use when the workbook has no "Tiêu chí" sheet (`--preset`). */
  preset?: PresetId;
  /** Last year's workbook, already read (readPreviousYear): its figures go beside this year's. */
  previous?: PreviousYear;
}

export interface RunResult {
  /** The unit table (the first one, when the units stand on several sheets). */
  table: UnitTable;
  /** Every sheet of units scored as one set: a portal export's "Sở Ban" and "Xã Phường". */
  parts: UnitTable[];
  criteria: Criterion[];
  settings: Settings;
  criteriaSource: "sheet" | "default";
  /** The preset the criteria and settings came from when the workbook has no "Tiêu chí" sheet. */
  preset?: PresetId;
  /** The assessment year, or null when nothing told it (the letter then prints "…"). */
  year: number | null;
  yearSource: YearSource;
  /** Where the year was read ("trang “Theo dõi 2024”, dòng 2"), for the summary. */
  yearWhere?: string;
  scores: UnitScore[];
  letter: LetterModel;
  /** Whether an error touches an input of a criterion: the list is then a draft (CLI exit 3). */
  completeness: Completeness;
  /** Every problem: the criteria sheet's first, then the sources', then the unit tables' by row. */
  problems: Problem[];
  plan: WritePlan;
  /** The sheet the plan lays the letter out on ("Tổng hợp", or "Tổng hợp (2)" beside a user's sheet). */
  summarySheet: string;
  /** Files the figures came from (the workbook itself when it is a portal export). */
  sources: SourceProvenance[];
  /** How the tracking table's units met each source's. */
  matches: SourceMatchReport[];
  /** Where each unit's figures came from, when sources were joined. */
  origins: Map<Unit, string>;
  /** This year beside last year, when a previous year's workbook was given. */
  comparison?: Comparison;
}

export interface Completeness {
  /** No error touches an input of a criterion. */
  complete: boolean;
  /** The units whose figures an error touches, in the order of the table. */
  unsure: string[];
  /** The errors to fix before the letter is sent. */
  errors: Problem[];
}
