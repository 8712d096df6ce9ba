/// <reference types="office-js" />
/** The workbook port over Office.js: every operation is one Excel.run, through the adapter in src/excel. */
import { describeRunStatus, lastRunStatus, RUN_STATUS_EVENT, type RunStatus } from "../commands/run-status";
import type { Criterion } from "../core/criteria";
import { runScoring } from "../core/run";
import type { Settings } from "../core/settings";
import { parseAddress, rangeAddress } from "../excel/address";
import { applyPlan, readWorkbook, scoreActiveWorkbook } from "../excel/score-action";
import { criteriaWritePlan } from "../core/plan/criteria-sheet-plan";
import { downloadLetter } from "./download";
import {
  PaneError,
  type AnalyseOptions,
  type ScoredElsewhere,
  type Selection,
  type WorkbookPort,
} from "./port";

async function analyse(options: AnalyseOptions) {
  return Excel.run(async (context) => {
    const { grids } = await readWorkbook(context, { sheet: options.sheet });
    return runScoring(grids, options);
  });
}

async function selectCell(sheet: string, address?: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    if (address) worksheet.getRange(address).select();
    await context.sync();
  });
}

async function getSelection(): Promise<Selection> {
  return Excel.run(async (context) => {
    const range = context.workbook.getSelectedRange().load("address");
    await context.sync();
    const parsed = parseAddress(range.address);
    if (!parsed?.sheet)
      throw new PaneError(`Không đọc được vùng đang chọn (${range.address}): hãy chọn một vùng liền.`);
    return { sheet: parsed.sheet, address: rangeAddress(parsed.range) };
  });
}

async function writeCriteria(criteria: Criterion[], settings: Settings): Promise<void> {
  await Excel.run(async (context) => {
    await applyPlan(context, criteriaWritePlan(criteria, settings));
  });
}

/** The ribbon's "Tính điểm" runs in the same page and publishes its outcome as a DOM event. */
function onScoredElsewhere(listener: (run: ScoredElsewhere) => void): () => void {
  const tell = (status: RunStatus | undefined) => {
    if (!status || status.state === "running") return;
    listener({
      summary: `Nút “Tính điểm” trên thanh công cụ: ${describeRunStatus(status)}`,
      failed: status.state === "failed",
    });
  };
  // A run that failed opens the pane to say why: it may have ended before the pane was listening.
  tell(lastRunStatus());
  const handle = (event: Event) => tell((event as CustomEvent<RunStatus>).detail);
  window.addEventListener(RUN_STATUS_EVENT, handle);
  return () => window.removeEventListener(RUN_STATUS_EVENT, handle);
}

export function createExcelPort(): WorkbookPort {
  return {
    analyse,
    score: async (options, onProgress) => (await scoreActiveWorkbook({ ...options, onProgress })).result,
    selectCell,
    getSelection,
    writeCriteria,
    downloadLetter,
    onScoredElsewhere,
  };
}
