/** The workbook port over Excel: every operation is the Excel adapter's (src/excel); this file only wires them. */
import { describeRunStatus } from "../core/run-status";
import { formulasUnavailable } from "../excel/api-support";
import { analyseWorkbook, getSelection, selectCell, writeCriteria } from "../excel/pane-actions";
import { paneVisibility } from "../excel/pane-visibility";
import { onRunStatus } from "../excel/run-status-channel";
import { showLetterSheet } from "../excel/letter-sheet";
import { scoreActiveWorkbook } from "../excel/score-action";
import { downloadLetter } from "./download";
import { readSourceInPage } from "./file-port";
import { deliverLetter, letterDeliveryFor, showLetter } from "./letter-delivery";
import { type ScoredElsewhere, type WorkbookPort } from "./port";

/** The ribbon's "Tính điểm" runs in the same page and publishes its outcome for the pane. */
function onScoredElsewhere(listener: (run: ScoredElsewhere) => void): () => void {
  return onRunStatus((status) => {
    if (!status || status.state === "running") return;
    listener({
      summary: `Nút “Tính điểm” trên thanh công cụ: ${describeRunStatus(status)}`,
      failed: status.state === "failed",
    });
  });
}

/** `platform`: Office.context.platform ("PC", "Mac", "OfficeOnline"…), which decides how the letter is given. */
export function createExcelPort(platform: string | undefined): WorkbookPort {
  const letterDelivery = letterDeliveryFor(platform);
  return {
    analyse: analyseWorkbook,
    score: async (options, onProgress) => (await scoreActiveWorkbook({ ...options, onProgress })).result,
    selectCell,
    getSelection,
    writeCriteria,
    formulasUnavailable: formulasUnavailable(),
    // A source file is a file, not a workbook open in Excel: ExcelJS reads it in the pane.
    readSource: readSourceInPage,
    downloadLetter: (result) =>
      deliverLetter(result, letterDelivery, { download: downloadLetter, showSheet: showLetterSheet }),
    showLetterSheet: (result) => showLetter(result, showLetterSheet),
    letterDelivery,
    onScoredElsewhere,
    visibility: paneVisibility,
  };
}
