/** What a source file (the portal's 766 export, a II.07b report, another table) gives the tracking table. */
import { cellProblem, type Problem, type ProblemLevel } from "../problems";
import type { LevelValue } from "../reader/units";

export type SourceKind = "portal766" | "ii07b" | "table";

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  portal766: "Điểm Bộ chỉ số 766 xuất từ Cổng Dịch vụ công quốc gia",
  ii07b: "Biểu số II.07b/VPCP/KSTT",
  table: "Bảng số liệu đơn vị",
};

export type PeriodKind = "năm" | "quý" | "tháng";

export interface Period {
  kind: PeriodKind;
  /** As the file or the setting says it: "Điểm năm", "Quý III năm 2025". */
  label: string;
}

/** One unit's figures in a source. */
export interface SourceRecord {
  sheet: string;
  /** 0-based row. */
  row: number;
  /** The name without the " - tỉnh …" suffix. */
  name: string;
  /** The name as the file writes it. */
  rawName: string;
  code?: string;
  group?: string;
  /** Undefined: the source has no 766 column; null: it lists the unit without a score (not 0). */
  score766?: number | null;
  /** The six 766 groups (CKMB, TDGQ…), where the source gives them. */
  groups766?: Record<string, number | null>;
  /** One-stop rate per level; a level without procedures is left out. */
  rates?: LevelValue[];
}

export interface SourceSheet {
  sheet: string;
  read: boolean;
  /** Why a sheet was read or left aside, in Vietnamese. */
  note: string;
}

export interface Source {
  file: string;
  kind: SourceKind;
  records: SourceRecord[];
  sheets: SourceSheet[];
  period?: Period;
  /** "31/12/2025": the date the figures stand at, from the file or the setting. */
  asOf?: string;
  /** The province code the units' codes start with ("H01"). */
  provinceCode?: string;
  /** The province named by the " - tỉnh …" suffixes ("An Giang"). */
  provinceName?: string;
  problems: Problem[];
}

/** Where a problem in a source lies: the file first, then sheet, row and column. */
export function sourceProblem(
  file: string,
  sheet: string,
  row: number,
  col: number | undefined,
  level: ProblemLevel,
  detail: string,
): Problem {
  const problem = cellProblem(sheet, row, col, level, detail);
  return { ...problem, file, message: `Tệp “${file}”, ${lowerFirst(problem.message)}` };
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
