/// <reference types="office-js" />
/**
 * "Tính điểm" in Excel: reads the open workbook, scores it with the core and writes the result, all in
 * one Excel.run. The task pane can also call the steps apart (read, show a preview, then write).
 */
import type { OutputMode } from "../core/plan/formulas";
import type { PresetId } from "../core/presets";
import type { ColumnMapping } from "../core/reader/table";
import { runScoring, type RunOptions, type RunResult } from "../core/run";
import { applyPlan } from "./apply";
import { readWorkbook } from "./read";

export interface ScoreOptions {
  sheet?: string;
  mapping?: ColumnMapping;
  /** Plain values (default) or formulas in the output columns. */
  output?: OutputMode;
  /** Source files joined into the table, and which figure wins when they differ. */
  sources?: RunOptions["sources"];
  prefer?: RunOptions["prefer"];
  /** The assessment year and preset chosen in the pane. */
  year?: number;
  preset?: PresetId;
  /** Last year's workbook, read, to set beside this year. */
  previous?: RunOptions["previous"];
  /** Write requests done out of the total, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

interface ScoreOutcome {
  units: number;
  /** Names of the units proposed for an award. */
  proposed: string[];
  /** Number of problems found in the data (errors, warnings and notes). */
  problems: number;
  result: RunResult;
}

/** "theo-doi-2024.xlsx" of the open workbook's address, where the host tells it (not for a new book). */
export function documentFileName(): string | undefined {
  const url = typeof Office === "undefined" ? undefined : Office.context?.document?.url;
  if (!url) return undefined;
  const name = url.split(/[\\/]/).pop() ?? "";
  try {
    return decodeURIComponent(name.split("?")[0]);
  } catch {
    return name;
  }
}

/** Scores the workbook open in Excel in place, as `kstthc score` does for a file. */
export async function scoreActiveWorkbook(options: ScoreOptions = {}): Promise<ScoreOutcome> {
  if (typeof Excel === "undefined") {
    throw new Error("Chức năng tính điểm chỉ chạy trong Excel: không thấy Excel JavaScript API (office.js).");
  }
  return Excel.run(async (context) => {
    const { grids, facts } = await readWorkbook(context, { sheet: options.sheet, mapping: options.mapping });
    const result = runScoring(grids, {
      sheet: options.sheet,
      mapping: options.mapping,
      output: options.output,
      sources: options.sources,
      prefer: options.prefer,
      year: options.year,
      preset: options.preset,
      previous: options.previous,
      fileName: documentFileName(),
    });
    await applyPlan(context, result.plan, options.onProgress, { facts });
    return {
      units: result.scores.length,
      proposed: result.scores.filter((s) => s.eligible).map((s) => s.unit.name),
      problems: result.problems.length,
      result,
    };
  });
}
