/** Shared by the custom-function tests: criteria tables shaped the way Excel passes a range. */
import { defaultCriteria, type Criterion } from "../../src/core/criteria";
import { criteriaSheetRows } from "../../src/core/criteria-sheet/write";
import { defaultSettings, type Settings } from "../../src/core/settings";

/**
 * The "Tiêu chí" sheet as a rectangular range. `empty` is what the host sends for an empty cell:
 * "" (Excel on the web) or 0 (Excel on Windows and Mac).
 */
export function criteriaRange(
  edit: (criteria: Criterion[], settings: Settings) => void = () => undefined,
  empty: "" | 0 = "",
): unknown[][] {
  const criteria = defaultCriteria();
  const settings = defaultSettings();
  edit(criteria, settings);
  const rows = criteriaSheetRows(criteria, settings);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? empty));
}

export function criterion(criteria: Criterion[], code: string): Criterion {
  const found = criteria.find((c) => c.code === code);
  if (!found) throw new Error(`no criterion ${code}`);
  return found;
}
