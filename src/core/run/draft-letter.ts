/** Step "letter": the award letter's model, and a warning when facts it needs are still blank. */
import type { Criterion } from "../criteria";
import { CRITERIA_SHEET } from "../criteria-sheet/schema";
import { buildLetter, missingFactsSentence, type LetterModel } from "../letter";
import { sheetProblem, type Problem } from "../problems";
import type { Level } from "../reader/columns";
import type { UnitTable } from "../reader/units";
import type { UnitScore } from "../scoring";
import { draftMark, type Completeness } from "./completeness";
import type { Settings } from "../settings";
import { sourceCitation, type SourceProvenance } from "../sources/provenance";

/** The levels of the one-stop figures the table has: the "các cấp (…)" of the IV.9 sentence. */
export function levelsOf(table: UnitTable): Level[] {
  const { rates, counts } = table.layout.columns;
  return [...rates.map((r) => r.level), ...counts.map((c) => c.level)];
}

export interface LetterDraft {
  letter: LetterModel;
  problems: Problem[];
}

export function draftLetter(
  scores: UnitScore[],
  criteria: Criterion[],
  settings: Settings,
  tables: UnitTable[],
  provenance: SourceProvenance[],
  /** The "Tiêu chí" sheet the workbook has (its name), and whether the run writes one. */
  criteriaSheet: { name?: string; written: boolean },
  completeness?: Completeness,
): LetterDraft {
  const citation: Record<string, string> =
    provenance.length > 0 ? { nguon_so_lieu: sourceCitation(provenance) } : {};
  const levels = [...new Set(tables.flatMap(levelsOf))];
  const letter = buildLetter(scores, criteria, settings.letter, { levels }, citation);
  // An unsure list is a draft, and its first line says so wherever the letter is read.
  if (completeness && !completeness.complete) letter.draftMark = draftMark(completeness.errors.length);
  const missing = missingFactsSentence(letter);
  if (!missing) return { letter, problems: [] };
  // The sheet by its name: "trang này" read as the page on screen in the pane and the web page.
  const sheet = criteriaSheet.name ?? CRITERIA_SHEET;
  const fill =
    criteriaSheet.name !== undefined || criteriaSheet.written
      ? `Hãy điền ở phần CÀI ĐẶT của trang “${sheet}” rồi chạy lại`
      : `Hãy thêm trang “${sheet}” (với phần CÀI ĐẶT) rồi điền và chạy lại`;
  return {
    letter,
    problems: [
      sheetProblem(
        criteriaSheet.name ?? CRITERIA_SHEET,
        "warning",
        `${missing} ${fill}; đến lúc đó công văn in “…” ở các chỗ này.`,
      ),
    ],
  };
}
