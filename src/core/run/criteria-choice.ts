/**
 * Step "read" (criteria): the criteria and settings of a run, from the workbook's "Tiêu chí" sheet, else
 * the preset asked for, else the preset of the year; and the year they belong to, with warnings when the
 * sheet and the run disagree on it.
 */
import type { Criterion } from "../criteria";
import { readCriteriaSheet } from "../criteria-sheet/read";
import { CRITERIA_SHEET } from "../criteria-sheet/schema";
import type { SheetGrid } from "../grid";
import { ownedSheetNames, type Ownership } from "../ownership";
import { presetById, presetForYear, presetSettings, type PresetId } from "../presets";
import { sheetProblem, UnusableInputError, type Problem } from "../problems";
import { withoutFacts, type Settings } from "../settings";
import { foldKey } from "../text";
import { findWorkbookYear, type YearSource } from "../year";
import type { RunOptions } from "./types";
import { chooseYear, type YearChoice } from "./year-choice";

export interface CriteriaChoice {
  /** The workbook's "Tiêu chí" sheet, when it has one. */
  criteriaGrid?: SheetGrid;
  /** What that sheet says (its layout is needed by formulas over it). */
  fromSheet?: ReturnType<typeof readCriteriaSheet>;
  criteria: Criterion[];
  settings: Settings;
  year: number | null;
  yearSource: YearSource;
  /** The year as found before a preset could bring its own. */
  found: YearChoice;
  /** The preset used when the workbook has no "Tiêu chí" sheet. */
  preset?: PresetId;
  /** The sheet's own problems, then the warnings about its year and the preset. */
  problems: Problem[];
}

export function chooseCriteria(
  grids: SheetGrid[],
  options: RunOptions,
  ownership: Ownership | undefined,
): CriteriaChoice {
  const criteriaGrid = grids.find((g) => foldKey(g.name) === foldKey(CRITERIA_SHEET));
  const fromSheet = criteriaGrid ? readCriteriaSheet(criteriaGrid) : undefined;
  const problems: Problem[] = [...(fromSheet?.problems ?? [])];
  const chosen = options.preset === undefined ? undefined : presetById(options.preset);
  if (options.preset !== undefined && !chosen) {
    throw new UnusableInputError(`Không có mẫu tiêu chí “${options.preset}”.`);
  }
  const sheetYear = fromSheet?.settings.letter.year ?? null;
  const found = chooseYear(grids, options, sheetYear, ownedSheetNames(ownership));
  let year = found.year;
  let yearSource = found.source;
  let criteria: Criterion[];
  let settings: Settings;
  if (fromSheet && criteriaGrid) {
    criteria = fromSheet.criteria;
    settings = fromSheet.settings;
    if (sheetYear !== null && year !== sheetYear) {
      // The sheet's decisions and dates are those of its own year: never another year's letter.
      settings = { ...settings, letter: withoutFacts(settings.letter) };
      problems.push(
        sheetProblem(
          criteriaGrid.name,
          "warning",
          `năm thi đua ghi ${sheetYear} nhưng lần chạy này dùng năm ${year}; số và ngày các văn bản của năm ${sheetYear} không được đưa vào công văn.`,
        ),
      );
    }
    const named = yearSource === "sheet" ? findWorkbookYear(grids, ownedSheetNames(ownership)) : undefined;
    if (named && named.year !== sheetYear) {
      // A sheet written for another year (or by an older version, with the 2023 defaults).
      problems.push(
        sheetProblem(
          criteriaGrid.name,
          "warning",
          `năm thi đua ghi ${sheetYear} nhưng bảng đơn vị ghi năm ${named.year} (${named.where}); hãy sửa mục “Năm thi đua” và các văn bản ở phần CÀI ĐẶT, hoặc chạy với năm ${named.year}.`,
        ),
      );
    }
    if (chosen) {
      problems.push(
        sheetProblem(
          criteriaGrid.name,
          "info",
          `sổ tính đã có trang này nên mẫu “${chosen.label}” không được dùng; xóa trang để dùng mẫu.`,
        ),
      );
    }
    settings.letter = { ...settings.letter, year };
  } else if (chosen) {
    criteria = chosen.criteria();
    settings = presetSettings(chosen, year);
    const fitting = year === null ? undefined : presetForYear(year);
    if (fitting && fitting.id !== chosen.id) {
      // The user's choice stands, but never unsaid: a 2023 preset on a 2025 table speaks of districts.
      problems.push(
        sheetProblem(
          CRITERIA_SHEET,
          "warning",
          `mẫu “${chosen.label}” được chọn (--preset) nhưng năm thi đua là ${year}${found.where ? ` (${found.where})` : ""}, năm của mẫu “${fitting.label}”; hãy kiểm tra lại mẫu tiêu chí (dòng lệnh: --preset ${fitting.id}).`,
        ),
      );
    }
    if (year === null && settings.letter.year !== null) {
      year = settings.letter.year;
      yearSource = "preset";
    }
  } else {
    // The defaults carry no year's facts: blank, they print "…" and raise one warning.
    const preset = presetForYear(year);
    criteria = preset.criteria();
    settings = preset.settings();
    settings.letter = { ...withoutFacts(settings.letter), year };
  }
  return {
    criteriaGrid,
    fromSheet,
    criteria,
    settings,
    year,
    yearSource,
    found,
    preset: fromSheet ? undefined : (chosen ?? presetForYear(found.year)).id,
    problems,
  };
}
