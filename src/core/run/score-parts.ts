/** Step "score": every unit of every table scored against the criteria, as one set. */
import type { Criterion } from "../criteria";
import { ranksWithinGroups } from "../emulation";
import type { Problem } from "../problems";
import type { Unit } from "../reader/units";
import { scoreUnits, type UnitScore } from "../scoring";
import type { Settings } from "../settings";
import type { SourceMatchReport } from "../sources/join";
import type { JoinedPart } from "./apply-sources";

export interface ScoredPart extends JoinedPart {
  scored: ReturnType<typeof scoreUnits>;
  /** The table's, the join's and the scoring's problems, by row. */
  problems: Problem[];
}

export interface ScoredParts {
  parts: ScoredPart[];
  scores: UnitScore[];
  matches: SourceMatchReport[];
  /** Where each unit's figures came from, when sources were joined. */
  origins: Map<Unit, string>;
}

export function scoreParts(parts: JoinedPart[], criteria: Criterion[], settings: Settings): ScoredParts {
  const scores: UnitScore[] = [];
  const matches: SourceMatchReport[] = [];
  const origins = new Map<Unit, string>();
  const scored = parts.map((part): ScoredPart => {
    const { table, joined } = part;
    const result = scoreUnits(table, criteria, settings);
    scores.push(...result.units);
    if (joined) {
      matches.push(...joined.matches);
      for (const unit of joined.units) origins.set(unit, String(joined.columns.get(unit.row)?.[2] ?? ""));
    }
    const problems = [...table.problems, ...(joined?.problems ?? []), ...result.problems].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0),
    );
    return { ...part, scored: result, problems };
  });
  // Groups span the parts (a portal export's sheets): ranked once every part is scored; kept on the
  // scores (the output column, the appendix) when the settings ask for it.
  if (settings.emulation.rankInGroup) {
    for (const [score, rank] of ranksWithinGroups(scores)) score.rankInGroup = rank;
  }
  return { parts: scored, scores, matches, origins };
}
