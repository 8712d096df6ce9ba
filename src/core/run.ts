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
  metaSheetTakenBy,
  ownedSheetNames,
  ownedColumns,
  ownershipRows,
  ownershipOf,
  readOwnership,
  type Ownership,
} from "./ownership";
import { planCriteriaSheet } from "./plan/criteria-sheet-plan";
import { formulaTables, type OutputMode } from "./plan/formulas";
import { planDataSheet } from "./plan/output-columns";
import { STYLES } from "./plan/styles";
import { planSummarySheet, SUMMARY_SHEET } from "./plan/summary-sheet";
import { emptySheetPlan, type SheetPlan, type WritePlan } from "./plan/types";
import { UnusableInputError, type Problem } from "./problems";
import type { ColumnMapping } from "./reader/table";
import { formatMapping, parseMapping } from "./reader/mapping";
import { readUnitTable, type ReadOptions, type Unit, type UnitTable } from "./reader/units";
import { scoreUnits, type UnitScore } from "./scoring";
import { defaultSettings, type Settings } from "./settings";
import { joinSources, SOURCE_HEADERS, type Preference, type SourceMatchReport } from "./sources/join";
import { isPortalExport } from "./sources/portal-766";
import { portalUnitTables } from "./sources/portal-table";
import { periodProblems, provenanceOf, sourceCitation, type SourceProvenance } from "./sources/provenance";
import type { SourceSettings } from "./sources/read-source";
import type { Source } from "./sources/types";
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
  /** Source files already read (readSource): their figures feed the criteria of the matching units. */
  sources?: Source[];
  /** Which figure wins when the table and a source disagree (default: the source's). */
  prefer?: Preference;
  /** The workbook's file name, for messages when the workbook is itself a portal export. */
  fileName?: string;
  /** Period and as-of date of figures whose file does not say them. */
  sourceSettings?: Omit<SourceSettings, "sheet">;
  /** The assessment year: of several 766 columns, the one whose header names it is read. */
  year?: number;
}

export interface RunResult {
  /** The unit table (the first one, when the units stand on several sheets). */
  table: UnitTable;
  /** Every sheet of units scored as one set: a portal export's "Sở Ban" and "Xã Phường". */
  parts: UnitTable[];
  criteria: Criterion[];
  settings: Settings;
  criteriaSource: "sheet" | "default";
  scores: UnitScore[];
  letter: LetterModel;
  /** Every problem: the criteria sheet's first, then the sources', then the unit tables' by row. */
  problems: Problem[];
  plan: WritePlan;
  /** Files the figures came from (the workbook itself when it is a portal export). */
  sources: SourceProvenance[];
  /** How the tracking table's units met each source's. */
  matches: SourceMatchReport[];
  /** Where each unit's figures came from, when sources were joined. */
  origins: Map<Unit, string>;
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

export function runScoring(grids: SheetGrid[], options: RunOptions = {}): RunResult {
  refuseMetaNameTaken(grids);
  const ownership = readOwnership(findMetaGrid(grids));
  const criteriaGrid = byName(grids, CRITERIA_SHEET);
  const fromSheet = criteriaGrid ? readCriteriaSheet(criteriaGrid) : undefined;
  const criteria = fromSheet?.criteria ?? defaultCriteria();
  const settings = fromSheet?.settings ?? defaultSettings();
  const summary = summaryName(grids, ownership);

  const kept = ownership?.mapping ? parseMapping(ownership.mapping) : undefined;
  const mapping = options.mapping ?? (typeof kept === "object" ? kept : undefined);
  const { parts, own } = readParts(grids, options, {
    sheet: options.sheet ?? (mapping && ownership ? ownership.dataSheet : undefined),
    mapping,
    year: options.year,
    customInputs: criteria
      .map((c) => c.input)
      .filter((input) => input !== INPUT_SCORE_766 && input !== INPUT_ONE_STOP_RATE),
    ownedColumns: ownedColumns(ownership),
    ownSheets: ownedSheetNames(ownership),
  });
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

  const citation: Record<string, string> =
    provenance.length > 0 ? { nguon_so_lieu: sourceCitation(provenance) } : {};
  const letter = buildLetter(scores, criteria, settings.letter, citation);

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
  sheets.push(planSummarySheet(summary, letter, scores, provenance));
  sheets.push(
    metaSheetPlan({
      ...written[0],
      summarySheet: summary,
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
    scores,
    letter,
    problems: [...(fromSheet?.problems ?? []), ...sourceProblems, ...partProblems],
    plan: { styles: STYLES, sheets },
    sources: provenance,
    matches,
    origins,
  };
}
