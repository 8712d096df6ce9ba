/**
 * The rows of the pane's table of every unit: each scored unit with the sheet it stands on and the
 * problems found at its row, and the filters the clerk picks (proposed, not proposed, with a problem,
 * a name searched for without regard to case or diacritics).
 */
import type { Problem } from "../core/problems";
import type { Level } from "../core/reader/columns";
import type { RunResult } from "../core/run";
import type { UnitScore } from "../core/scoring";
import { foldKey } from "../core/text";

export interface UnitRow {
  score: UnitScore;
  sheet: string;
  /** The problems at the unit's row of its sheet (its cells, its blank or unreadable figures). */
  problems: Problem[];
  /** The unit's name folded for search. */
  key: string;
}

export type UnitFilter = "all" | "proposed" | "notProposed" | "problems";

export const FILTER_LABELS: Record<UnitFilter, string> = {
  all: "Tất cả",
  proposed: "Đề xuất",
  notProposed: "Không đề xuất",
  problems: "Có vấn đề",
};

const placeKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

export function unitRowsOf(result: RunResult): UnitRow[] {
  const sheetOf = new Map(
    result.parts.flatMap((part) => part.units.map((u) => [u, part.layout.sheet] as const)),
  );
  const atRow = new Map<string, Problem[]>();
  for (const problem of result.problems) {
    if (problem.file !== undefined || problem.row === undefined) continue;
    const key = placeKey(problem.sheet, problem.row);
    const list = atRow.get(key);
    if (list) list.push(problem);
    else atRow.set(key, [problem]);
  }
  return result.scores.map((score) => {
    const sheet = sheetOf.get(score.unit) ?? result.table.layout.sheet;
    // Problems count rows from 1, as Excel shows them; units from 0.
    const problems = atRow.get(placeKey(sheet, score.unit.row + 1)) ?? [];
    return { score, sheet, problems, key: foldKey(score.unit.name) };
  });
}

const PASSES: Record<UnitFilter, (row: UnitRow) => boolean> = {
  all: () => true,
  proposed: (row) => row.score.eligible,
  notProposed: (row) => !row.score.eligible,
  problems: (row) => row.problems.length > 0,
};

export function filterCounts(rows: UnitRow[]): Record<UnitFilter, number> {
  const counts = { all: 0, proposed: 0, notProposed: 0, problems: 0 };
  for (const row of rows) for (const filter of FILTERS) if (PASSES[filter](row)) counts[filter]++;
  return counts;
}

export const FILTERS = Object.keys(FILTER_LABELS) as UnitFilter[];

/** The rows the filter keeps whose name holds every word searched for ("an phu" finds "An Phú"). */
export function filterRows(rows: UnitRow[], filter: UnitFilter, query: string): UnitRow[] {
  const words = foldKey(query).split(" ").filter(Boolean);
  const passes = PASSES[filter];
  return rows.filter((row) => passes(row) && words.every((word) => row.key.includes(word)));
}

const LEVEL_ORDER: Level[] = ["tinh", "huyen", "xa", "chung"];

/** The levels of the one-stop rate that some unit has a figure for, in order. */
export function rateLevelsOf(rows: UnitRow[]): Level[] {
  const seen = new Set<Level>();
  for (const row of rows)
    for (const rate of row.score.unit.rates) if (rate.value !== null) seen.add(rate.level);
  return LEVEL_ORDER.filter((level) => seen.has(level));
}

/** The unit's one-stop rate at `level`, or null when it has none there. */
export function rateAt(row: UnitRow, level: Level): number | null {
  return row.score.unit.rates.find((rate) => rate.level === level)?.value ?? null;
}
