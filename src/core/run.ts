/** One scoring run over a workbook's grids: read, score, draft the letter and plan the writes. */
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766, type Criterion } from "./criteria";
import { readCriteriaSheet } from "./criteria-sheet/read";
import { CRITERIA_SHEET } from "./criteria-sheet/schema";
import { writtenCriteriaLayout } from "./criteria-sheet/write";
import type { SheetGrid } from "./grid";
import { groupOfUnit } from "./groups";
import { buildLetter, missingFactsSentence, type LetterModel } from "./letter";
import {
  findMetaGrid,
  freeSheetName,
  META_SHEET,
  metaSheetTakenBy,
  ownedSheetNames,
  ownedColumns,
  ownershipRows,
  ownershipOf,
  readOwnership,
  type Ownership,
} from "./ownership";
import { planComparison } from "./compare/plan-comparison";
import type { Comparison, PreviousYear } from "./compare/types";
import { awardThreshold } from "./distribution";
import { rankWithinGroups } from "./emulation";
import { planCriteriaSheet } from "./plan/criteria-sheet-plan";
import { planResultsView } from "./plan/chart-plan";
import { formulaTables, type OutputMode } from "./plan/formulas";
import { planDataSheet } from "./plan/output-columns";
import { STYLES } from "./plan/styles";
import { planSummarySheet, SUMMARY_SHEET } from "./plan/summary-sheet";
import { emptySheetPlan, type SheetPlan, type WritePlan } from "./plan/types";
import { presetById, presetForYear, presetSettings, type PresetId } from "./presets";
import { sheetProblem, UnusableInputError, type Problem } from "./problems";
import type { ColumnMapping } from "./reader/table";
import { formatMapping, parseMapping } from "./reader/mapping";
import type { Level } from "./reader/columns";
import { readUnitTable, type ReadOptions, type Unit, type UnitTable } from "./reader/units";
import { scoreUnits, type UnitScore } from "./scoring";
import { withoutFacts, type Settings } from "./settings";
import { joinSources, SOURCE_HEADERS, type Preference, type SourceMatchReport } from "./sources/join";
import { isPortalExport } from "./sources/portal-766";
import { portalUnitTables } from "./sources/portal-table";
import { periodProblems, provenanceOf, sourceCitation, type SourceProvenance } from "./sources/provenance";
import type { SourceSettings } from "./sources/read-source";
import type { Source } from "./sources/types";
import { foldKey } from "./text";
import { findFileNameYear, findWorkbookYear, type YearSource } from "./year";

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

const byName = (grids: SheetGrid[], name: string) => grids.find((g) => foldKey(g.name) === foldKey(name));

function metaSheetPlan(ownership: Ownership): SheetPlan {
  const plan = emptySheetPlan(META_SHEET, "create");
  plan.hidden = true;
  plan.blocks.push({ top: 0, left: 0, values: ownershipRows(ownership), style: "hiddenMeta" });
  return plan;
}

/** The unit tables: a portal export's sheets of units, or the one table the reader finds. */
function readParts(
  grids: SheetGrid[],
  options: RunOptions,
  read: ReadOptions,
): { parts: UnitTable[]; own?: Source } {
  const own = new Set((read.ownSheets ?? []).map(foldKey));
  const candidates = grids.filter((g) => !own.has(foldKey(g.name)));
  const chosen =
    read.sheet === undefined
      ? candidates
      : candidates.filter((g) => foldKey(g.name) === foldKey(read.sheet as string));
  if (!read.mapping && chosen.length > 0 && isPortalExport(chosen)) {
    const portal = portalUnitTables(
      candidates,
      options.fileName ?? "tệp đang tính điểm",
      { ...options.sourceSettings, sheet: read.sheet },
      read.customInputs ?? [],
    );
    return { parts: portal.parts, own: portal.source };
  }
  return { parts: [readUnitTable(grids, read)] };
}

function refuseMetaNameTaken(grids: SheetGrid[]): void {
  const taken = metaSheetTakenBy(grids);
  if (taken === undefined) return;
  throw new UnusableInputError(
    `Tệp có trang “${taken}” trùng tên với trang ẩn “${META_SHEET}” mà công cụ dùng để ghi nhớ kết quả (Excel không phân biệt chữ hoa, chữ thường trong tên trang). Hãy đổi tên trang “${taken}” rồi chạy lại. Chưa có gì được ghi.`,
  );
}

interface YearChoice {
  year: number | null;
  source: YearSource;
  where?: string;
  fromHeader?: boolean;
}

/** The option, else the "Tiêu chí" sheet, else the workbook, else the file name; or nothing. */
function chooseYear(
  grids: SheetGrid[],
  options: RunOptions,
  sheetYear: number | null,
  ownSheets: string[],
): YearChoice {
  if (options.year !== undefined) return { year: options.year, source: "option" };
  if (sheetYear !== null) return { year: sheetYear, source: "sheet" };
  const found = findWorkbookYear(grids, ownSheets);
  if (found)
    return { year: found.year, source: "workbook", where: found.where, fromHeader: found.fromHeader };
  const named = findFileNameYear(options.fileName);
  if (named) return { year: named.year, source: "file-name", where: named.where };
  return { year: null, source: "none" };
}

/** The levels of the one-stop figures the table has: the "các cấp (…)" of the IV.9 sentence. */
function levelsOf(table: UnitTable): Level[] {
  const { rates, counts } = table.layout.columns;
  return [...rates.map((r) => r.level), ...counts.map((c) => c.level)];
}

export function runScoring(grids: SheetGrid[], options: RunOptions = {}): RunResult {
  refuseMetaNameTaken(grids);
  const ownership = readOwnership(findMetaGrid(grids));
  const criteriaGrid = byName(grids, CRITERIA_SHEET);
  const fromSheet = criteriaGrid ? readCriteriaSheet(criteriaGrid) : undefined;
  const setupProblems: Problem[] = [];
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
  if (fromSheet) {
    criteria = fromSheet.criteria;
    settings = fromSheet.settings;
    if (sheetYear !== null && year !== sheetYear) {
      // The sheet's decisions and dates are those of its own year: never another year's letter.
      settings = { ...settings, letter: withoutFacts(settings.letter) };
      setupProblems.push(
        sheetProblem(
          criteriaGrid!.name,
          "warning",
          `năm thi đua ghi ${sheetYear} nhưng lần chạy này dùng năm ${year}; số và ngày các văn bản của năm ${sheetYear} không được đưa vào công văn.`,
        ),
      );
    }
    const named = yearSource === "sheet" ? findWorkbookYear(grids, ownedSheetNames(ownership)) : undefined;
    if (named && named.year !== sheetYear) {
      // A sheet written for another year (or by an older version, with the 2023 defaults).
      setupProblems.push(
        sheetProblem(
          criteriaGrid!.name,
          "warning",
          `năm thi đua ghi ${sheetYear} nhưng bảng đơn vị ghi năm ${named.year} (${named.where}); hãy sửa mục “Năm thi đua” và các văn bản ở phần CÀI ĐẶT, hoặc chạy với năm ${named.year}.`,
        ),
      );
    }
    if (chosen) {
      setupProblems.push(
        sheetProblem(
          criteriaGrid!.name,
          "info",
          `sổ tính đã có trang này nên mẫu “${chosen.label}” không được dùng; xóa trang để dùng mẫu.`,
        ),
      );
    }
    settings.letter = { ...settings.letter, year };
  } else if (chosen) {
    criteria = chosen.criteria();
    settings = presetSettings(chosen, year);
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
  const presetUsed = fromSheet ? undefined : (chosen ?? presetForYear(found.year)).id;
  const summary = freeSheetName(grids, SUMMARY_SHEET, ownership?.summarySheet);

  const kept = ownership?.mapping ? parseMapping(ownership.mapping) : undefined;
  const mapping = options.mapping ?? (typeof kept === "object" ? kept : undefined);
  const read = readParts(grids, options, {
    sheet: options.sheet ?? (mapping && ownership ? ownership.dataSheet : undefined),
    mapping,
    // The year given or found picks, of several 766 columns, the one naming it; not a year read from
    // those very headers, which would silently take the latest column (the reader refuses instead).
    year: found.fromHeader ? undefined : (year ?? undefined),
    customInputs: criteria
      .map((c) => c.input)
      .filter((input) => input !== INPUT_SCORE_766 && input !== INPUT_ONE_STOP_RATE),
    ownedColumns: ownedColumns(ownership),
    ownSheets: ownedSheetNames(ownership),
  });
  // Units without a group column or section take the group their name tells ("UBND xã …").
  const parts: UnitTable[] = read.parts.map((part) => ({
    ...part,
    units: part.units.map((u) => ({ ...u, group: groupOfUnit(u.group, u.name) })),
  }));
  const own = read.own;
  const sources = options.sources ?? [];
  if (sources.length > 0 && options.output === "formulas") {
    throw new UnusableInputError(
      "Chưa ghi được công thức khi có tệp nguồn: công thức chỉ đọc ô của bảng theo dõi, không đọc số liệu của tệp nguồn. Hãy chọn ghi giá trị.",
    );
  }
  const provenance = [...(own ? [own] : []), ...sources].map(provenanceOf);

  const writeCriteria = !criteriaGrid && options.writeCriteriaSheet !== false;
  // The formulas refer to the "Tiêu chí" sheet the workbook has, or the one this run writes.
  const tables = criteriaGrid
    ? formulaTables(criteriaGrid.name, fromSheet?.layout)
    : writeCriteria
      ? formulaTables(CRITERIA_SHEET, writtenCriteriaLayout(criteria, settings))
      : {};

  const scores: UnitScore[] = [];
  const matches: SourceMatchReport[] = [];
  const origins = new Map<Unit, string>();
  const partProblems: Problem[] = [];
  const scoredParts = parts.map((part) => {
    const dataGrid = grids.find((g) => g.name === part.layout.sheet) as SheetGrid;
    const joined = sources.length > 0 ? joinSources(part, dataGrid, sources, options.prefer) : undefined;
    const table = joined ? { ...part, units: joined.units } : part;
    const scored = scoreUnits(table, criteria, settings);
    scores.push(...scored.units);
    if (joined) {
      matches.push(...joined.matches);
      for (const unit of joined.units) origins.set(unit, String(joined.columns.get(unit.row)?.[2] ?? ""));
    }
    const sorted = [...table.problems, ...(joined?.problems ?? []), ...scored.problems].sort(
      (a, b) => (a.row ?? 0) - (b.row ?? 0),
    );
    return { table, dataGrid, joined, scored, sorted };
  });

  // Groups span the parts (a portal export's sheets): ranked once every part is scored.
  rankWithinGroups(scores);
  const citation: Record<string, string> =
    provenance.length > 0 ? { nguon_so_lieu: sourceCitation(provenance) } : {};
  const levels = [...new Set(parts.flatMap(levelsOf))];
  const letter = buildLetter(scores, criteria, settings.letter, { levels }, citation);
  const missing = missingFactsSentence(letter);
  if (missing) {
    const fill =
      criteriaGrid || options.writeCriteriaSheet !== false
        ? "Hãy điền ở phần CÀI ĐẶT của trang này rồi chạy lại"
        : "Hãy thêm trang này (với phần CÀI ĐẶT) rồi điền và chạy lại";
    setupProblems.push(
      sheetProblem(
        criteriaGrid?.name ?? CRITERIA_SHEET,
        "warning",
        `${missing} ${fill}; đến lúc đó công văn in “…” ở các chỗ này.`,
      ),
    );
  }

  const sheets: SheetPlan[] = [];
  const written = scoredParts.map(({ table, dataGrid, joined, scored, sorted }) => {
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
    partProblems.push(...sorted, ...data.problems);
    return {
      dataSheet: table.layout.sheet,
      outputRange: data.outputRange,
      highlightRange: scored.units.length > 0 ? data.highlightRange : undefined,
      highlightFormula: scored.units.length > 0 ? data.highlightFormula : undefined,
    };
  });
  if (writeCriteria) sheets.push(planCriteriaSheet(criteria, settings));
  const compared = planComparison(
    grids,
    ownership,
    scores,
    scoredParts.map((p) => p.table),
    options.previous,
    year,
  );
  if (compared.mapSheet) sheets.push(compared.mapSheet);
  const summaryPlan = planSummarySheet(summary, letter, scores, provenance);
  planResultsView(summaryPlan, scores, awardThreshold(criteria, settings.rating));
  sheets.push(summaryPlan);
  sheets.push(...compared.sheets);
  sheets.push(
    metaSheetPlan({
      ...written[0],
      summarySheet: summary,
      compareSheet: compared.compareSheet,
      mapping: mapping && formatMapping(mapping) ? formatMapping(mapping) : undefined,
      more: written.length > 1 ? written.slice(1) : undefined,
    }),
  );
  const sourceProblems = [
    ...(own ? periodProblems([own]) : []),
    ...sources.flatMap((s) => [...s.problems, ...periodProblems([s])]),
  ];

  return {
    table: scoredParts[0].table,
    parts: scoredParts.map((p) => p.table),
    criteria,
    settings,
    criteriaSource: fromSheet ? "sheet" : "default",
    preset: presetUsed,
    year,
    yearSource,
    yearWhere: found.where,
    scores,
    letter,
    problems: [
      ...(fromSheet?.problems ?? []),
      ...setupProblems,
      ...sourceProblems,
      ...partProblems,
      ...compared.problems,
    ],
    plan: { styles: STYLES, sheets },
    summarySheet: summary,
    sources: provenance,
    matches,
    origins,
    ...(compared.comparison ? { comparison: compared.comparison } : {}),
  };
}
