/**
 * One scoring run over a workbook's grids, as a sequence of named steps (src/core/run/): read the
 * record and the criteria, pick the unit tables, recognise groups, apply sources, score, decide whether
 * the list is complete, draft the letter, plan the writes.
 */
import type { SheetGrid } from "./grid";
import { applySources } from "./run/apply-sources";
import { decideCompleteness } from "./run/completeness";
import { chooseCriteria } from "./run/criteria-choice";
import { draftLetter } from "./run/draft-letter";
import { pickTables } from "./run/pick-tables";
import { planWrites, writesCriteriaSheet } from "./run/plan-writes";
import { readRecord } from "./run/record";
import { recogniseGroups } from "./run/recognise-groups";
import { scoreParts } from "./run/score-parts";
import type { RunOptions, RunResult } from "./run/types";

export type { RunOptions, RunResult } from "./run/types";

export function runScoring(grids: SheetGrid[], options: RunOptions = {}): RunResult {
  const ownership = readRecord(grids);
  const choice = chooseCriteria(grids, options, ownership);
  const { criteria, settings, year } = choice;
  const picked = pickTables(grids, options, ownership, criteria, choice);
  const parts = recogniseGroups(picked.parts);
  const applied = applySources(grids, parts, picked.own, options, ownership);
  const scored = scoreParts(applied.parts, criteria, settings);
  const tables = scored.parts.map((p) => p.table);
  const completeness = decideCompleteness(scored.parts);
  const draft = draftLetter(
    scored.scores,
    criteria,
    settings,
    tables,
    applied.provenance,
    {
      name: choice.criteriaGrid?.name,
      written: writesCriteriaSheet(choice.criteriaGrid, options),
    },
    completeness,
  );
  const writes = planWrites(grids, options, {
    ...choice,
    ownership,
    mapping: picked.mapping,
    parts: scored.parts,
    scores: scored.scores,
    letter: draft.letter,
    provenance: applied.provenance,
    kept: { sources: applied.kept, prefer: applied.prefer },
  });

  return {
    table: tables[0],
    parts: tables,
    criteria,
    settings,
    criteriaSource: choice.fromSheet ? "sheet" : "default",
    preset: choice.preset,
    year,
    yearSource: choice.yearSource,
    yearWhere: choice.found.where,
    scores: scored.scores,
    letter: draft.letter,
    completeness,
    problems: [
      ...choice.problems,
      ...draft.problems,
      ...applied.problems,
      ...writes.partProblems,
      ...writes.comparisonProblems,
      ...writes.limitProblems,
    ],
    plan: writes.plan,
    summarySheet: writes.summarySheet,
    sources: applied.provenance,
    matches: scored.matches,
    origins: scored.origins,
    ...(writes.comparison ? { comparison: writes.comparison } : {}),
  };
}
