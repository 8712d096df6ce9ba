/// <reference types="office-js" />
/**
 * Ribbon commands. "Tính điểm" (ExecuteFunction tinhDiem in manifest.xml) scores the open workbook
 * without opening the task pane; its outcome goes to the run-status channel for the pane to show.
 */
import { scoreActiveWorkbook } from "../excel/score-action";
import { publishRunStatus } from "../excel/run-status-channel";

type ScoreAction = typeof scoreActiveWorkbook;

/** The handler, built over its effects so that it can run without Office. */
export function makeTinhDiem(
  score: ScoreAction,
  showTaskpane: () => Promise<void>,
): (event: Office.AddinCommands.Event) => Promise<void> {
  let running = false;
  return async (event) => {
    // Excel keeps the button busy until completed(); a click that still gets through changes nothing.
    if (running) {
      event.completed();
      return;
    }
    running = true;
    try {
      publishRunStatus({ state: "running", at: Date.now() });
      const { units, proposed, problems } = await score();
      publishRunStatus({ state: "done", at: Date.now(), units, proposed, problems });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      publishRunStatus({ state: "failed", at: Date.now(), message });
      // Nothing in the sheet says why it failed: open the pane, which shows the last run.
      await Promise.resolve()
        .then(showTaskpane)
        .catch(() => undefined);
    } finally {
      running = false;
      event.completed();
    }
  };
}

export const tinhDiem = makeTinhDiem(scoreActiveWorkbook, () => Office.addin.showAsTaskpane());

// Guarded so that importing this module outside Office (tests, tools) does nothing.
if (typeof Office !== "undefined") {
  Office.onReady(() => Office.actions.associate("tinhDiem", tinhDiem));
}
