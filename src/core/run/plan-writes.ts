/**
 * Step "plan": the cells a run writes: the output columns beside each unit table, the "Tiêu chí" sheet
 * when the workbook has none, the comparison with last year, the summary with the letter, and the hidden
 * record that lets the next run replace exactly these.
 */
import type { Criterion } from "../criteria";
import type { readCriteriaSheet } from "../criteria-sheet/read";
import { CRITERIA_SHEET } from "../criteria-sheet/schema";
import { writtenCriteriaLayout } from "../criteria-sheet/write";
import { planComparison } from "../compare/plan-comparison";
import type { Comparison } from "../compare/types";
import { awardThreshold } from "../distribution";
import type { SheetGrid } from "../grid";
import type { LetterModel } from "../letter";
import { freeSheetName, META_SHEET, ownershipOf, ownershipRows, type Ownership } from "../ownership";
import { planResultsView } from "../plan/chart-plan";
import { planCriteriaSheet } from "../plan/criteria-sheet-plan";
import { fitExcelLimits } from "../plan/excel-limits";
import { formulaTables } from "../plan/formulas";
import { planDataSheet } from "../plan/output-columns";
import { STYLES } from "../plan/styles";
import { planSummarySheet, SUMMARY_SHEET } from "../plan/summary-sheet";
import { emptySheetPlan, type SheetPlan, type WritePlan } from "../plan/types";
import type { Problem } from "../problems";
import { formatMapping } from "../reader/mapping";
import type { ColumnMapping } from "../reader/table";
import type { UnitScore } from "../scoring";
import type { Settings } from "../settings";
import { SOURCE_HEADERS } from "../sources/join";
import type { SourceProvenance } from "../sources/provenance";
import type { ScoredPart } from "./score-parts";
import type { RunOptions } from "./types";

export interface PlanInputs {
  ownership: Ownership | undefined;
  criteria: Criterion[];
  settings: Settings;
  year: number | null;
  /** The workbook's "Tiêu chí" sheet and what it says, when it has one. */
  criteriaGrid?: SheetGrid;
  fromSheet?: ReturnType<typeof readCriteriaSheet>;
  mapping?: ColumnMapping;
  parts: ScoredPart[];
  scores: UnitScore[];
  letter: LetterModel;
  provenance: SourceProvenance[];
  /** The sources joined and the preference used, kept in the record for a re-run without the files. */
  kept?: Pick<Ownership, "sources" | "prefer">;
}

export interface PlannedWrites {
  plan: WritePlan;
  summarySheet: string;
  /** The tables' problems part by part, then those of writing their output columns. */
  partProblems: Problem[];
  comparisonProblems: Problem[];
  /** Rows capped at 409 points and texts cut at 32,767 characters, each at its place. */
  limitProblems: Problem[];
  comparison?: Comparison;
}

/** Whether the run adds a "Tiêu chí" sheet: the workbook has none and the caller did not say no. */
export function writesCriteriaSheet(criteriaGrid: SheetGrid | undefined, options: RunOptions): boolean {
  return !criteriaGrid && options.writeCriteriaSheet !== false;
}

function metaSheetPlan(ownership: Ownership): SheetPlan {
  const plan = emptySheetPlan(META_SHEET, "create");
  plan.hidden = true;
  plan.blocks.push({ top: 0, left: 0, values: ownershipRows(ownership), style: "hiddenMeta" });
  return plan;
}

export function planWrites(grids: SheetGrid[], options: RunOptions, inputs: PlanInputs): PlannedWrites {
  const { ownership, criteria, settings, criteriaGrid, parts, scores } = inputs;
  const summary = freeSheetName(grids, SUMMARY_SHEET, ownership?.summarySheet);
  const writeCriteria = writesCriteriaSheet(criteriaGrid, options);
  // The formulas refer to the "Tiêu chí" sheet the workbook has, or the one this run writes.
  const tables = criteriaGrid
    ? formulaTables(criteriaGrid.name, inputs.fromSheet?.layout)
    : writeCriteria
      ? formulaTables(CRITERIA_SHEET, writtenCriteriaLayout(criteria, settings))
      : {};

  const sheets: SheetPlan[] = [];
  const partProblems: Problem[] = [];
  const written = parts.map(({ table, dataGrid, joined, scored, problems }) => {
    const data = planDataSheet(
      dataGrid,
      table,
      scored.units,
      criteria,
      ownershipOf(ownership, table.layout.sheet),
      {
        output: options.output ?? "values",
        settings,
        tables,
        extra: joined ? { headers: SOURCE_HEADERS, rows: joined.columns } : undefined,
      },
    );
    sheets.push(data.plan);
    partProblems.push(...problems, ...data.problems);
    return {
      dataSheet: table.layout.sheet,
      outputRange: data.outputRange,
      headerRows: { top: table.layout.headerTop, bottom: table.layout.headerBottom },
      highlightRange: scored.units.length > 0 ? data.highlightRange : undefined,
      highlightFormula: scored.units.length > 0 ? data.highlightFormula : undefined,
    };
  });
  if (writeCriteria) sheets.push(planCriteriaSheet(criteria, settings));
  const compared = planComparison(
    grids,
    ownership,
    scores,
    parts.map((p) => p.table),
    options.previous,
    inputs.year,
  );
  if (compared.mapSheet) sheets.push(compared.mapSheet);
  const summaryPlan = planSummarySheet(summary, inputs.letter, scores, inputs.provenance);
  planResultsView(summaryPlan, scores, awardThreshold(criteria, settings.rating));
  sheets.push(summaryPlan);
  sheets.push(...compared.sheets);
  const mapping = inputs.mapping && formatMapping(inputs.mapping) ? formatMapping(inputs.mapping) : undefined;
  sheets.push(
    metaSheetPlan({
      ...written[0],
      summarySheet: summary,
      compareSheet: compared.compareSheet,
      mapping,
      more: written.length > 1 ? written.slice(1) : undefined,
      ...(inputs.kept?.sources?.length ? inputs.kept : {}),
    }),
  );
  const plan: WritePlan = { styles: STYLES, sheets };
  // Last, over every sheet planned: no face ever hands Excel a row or a cell beyond its limits.
  const limits = fitExcelLimits(plan);
  return {
    plan,
    summarySheet: summary,
    partProblems,
    comparisonProblems: compared.problems,
    limitProblems: limits,
    ...(compared.comparison ? { comparison: compared.comparison } : {}),
  };
}
