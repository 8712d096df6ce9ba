/** One scoring run over a workbook's grids: read, score, draft the letter and plan the writes. */
import { defaultCriteria, INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "./criteria";
import { readCriteriaSheet } from "./criteria-sheet/read";
import { CRITERIA_SHEET } from "./criteria-sheet/schema";
import { writtenCriteriaLayout } from "./criteria-sheet/write";
import type { SheetGrid } from "./grid";
import { buildLetter, type LetterModel } from "./letter";
import {
  findMetaGrid,
  META_SHEET,
  ownedSheetNames,
  ownedColumns,
  ownershipRows,
  readOwnership,
  type Ownership,
} from "./ownership";
import { planCriteriaSheet } from "./plan/criteria-sheet-plan";
import { formulaTables, type OutputMode } from "./plan/formulas";
import { planDataSheet } from "./plan/output-columns";
import { STYLES } from "./plan/styles";
import { planSummarySheet, SUMMARY_SHEET } from "./plan/summary-sheet";
import { emptySheetPlan, type SheetPlan, type WritePlan } from "./plan/types";
import type { Problem } from "./problems";
import type { ColumnMapping } from "./reader/table";
import { formatMapping, parseMapping } from "./reader/mapping";
import { readUnitTable, type UnitTable } from "./reader/units";
import { scoreUnits, type UnitScore } from "./scoring";
import { defaultSettings, type Settings } from "./settings";
import { foldKey } from "./text";

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
}

export interface RunResult {
  table: UnitTable;
  criteria: Criterion[];
  settings: Settings;
  criteriaSource: "sheet" | "default";
  scores: UnitScore[];
  letter: LetterModel;
  /** Every problem: the criteria sheet's first, then the unit table's by row. */
  problems: Problem[];
  plan: WritePlan;
}

const byName = (grids: SheetGrid[], name: string) => grids.find((g) => foldKey(g.name) === foldKey(name));

/** The first free sheet name among "Tổng hợp", "Tổng hợp (2)"…, unless the tool owns the sheet already. */
function summaryName(grids: SheetGrid[], ownership: Ownership | undefined): string {
  if (ownership?.summarySheet && byName(grids, ownership.summarySheet)) return ownership.summarySheet;
  for (let i = 1; ; i++) {
    const name = i === 1 ? SUMMARY_SHEET : `${SUMMARY_SHEET} (${i})`;
    if (!byName(grids, name)) return name;
  }
}

function metaSheetPlan(ownership: Ownership): SheetPlan {
  const plan = emptySheetPlan(META_SHEET, "create");
  plan.hidden = true;
  plan.blocks.push({ top: 0, left: 0, values: ownershipRows(ownership), style: "hiddenMeta" });
  return plan;
}

export function runScoring(grids: SheetGrid[], options: RunOptions = {}): RunResult {
  const ownership = readOwnership(findMetaGrid(grids));
  const criteriaGrid = byName(grids, CRITERIA_SHEET);
  const fromSheet = criteriaGrid ? readCriteriaSheet(criteriaGrid) : undefined;
  const criteria = fromSheet?.criteria ?? defaultCriteria();
  const settings = fromSheet?.settings ?? defaultSettings();
  const summary = summaryName(grids, ownership);

  const kept = ownership?.mapping ? parseMapping(ownership.mapping) : undefined;
  const mapping = options.mapping ?? (typeof kept === "object" ? kept : undefined);
  const table = readUnitTable(grids, {
    sheet: options.sheet ?? (mapping && ownership ? ownership.dataSheet : undefined),
    mapping,
    customInputs: criteria
      .map((c) => c.input)
      .filter((input) => input !== INPUT_SCORE_766 && input !== INPUT_ONE_STOP_RATE),
    ownedColumns: ownedColumns(ownership),
    ownSheets: ownedSheetNames(ownership),
  });
  const scored = scoreUnits(table, criteria, settings);
  const letter = buildLetter(scored.units, criteria, settings.letter);

  const dataGrid = grids.find((g) => g.name === table.layout.sheet) as SheetGrid;
  const writeCriteria = !criteriaGrid && options.writeCriteriaSheet !== false;
  // The formulas refer to the "Tiêu chí" sheet the workbook has, or the one this run writes.
  const tables = criteriaGrid
    ? formulaTables(criteriaGrid.name, fromSheet?.layout)
    : writeCriteria
      ? formulaTables(CRITERIA_SHEET, writtenCriteriaLayout(criteria, settings))
      : {};
  const data = planDataSheet(dataGrid, table, scored.units, criteria, ownership, {
    output: options.output ?? "values",
    settings,
    tables,
  });
  const sheets: SheetPlan[] = [data.plan];
  if (writeCriteria) sheets.push(planCriteriaSheet(criteria, settings));
  sheets.push(planSummarySheet(summary, letter, scored.units));
  sheets.push(
    metaSheetPlan({
      dataSheet: table.layout.sheet,
      outputRange: data.outputRange,
      highlightRange: scored.units.length > 0 ? data.highlightRange : undefined,
      highlightFormula: scored.units.length > 0 ? data.highlightFormula : undefined,
      summarySheet: summary,
      mapping: mapping && formatMapping(mapping) ? formatMapping(mapping) : undefined,
    }),
  );
  const tableProblems = [...table.problems, ...data.problems, ...scored.problems].sort(
    (a, b) => (a.row ?? 0) - (b.row ?? 0),
  );

  return {
    table,
    criteria,
    settings,
    criteriaSource: fromSheet ? "sheet" : "default",
    scores: scored.units,
    letter,
    problems: [...(fromSheet?.problems ?? []), ...tableProblems],
    plan: { styles: STYLES, sheets },
  };
}
