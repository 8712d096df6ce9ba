/// <reference types="office-js" />
/**
 * Ribbon commands. "Tính điểm" (ExecuteFunction tinhDiem in manifest.xml) scores the open workbook
 * without opening the task pane; its outcome goes to the run-status channel for the pane to show.
 *
 * This bundle is the first of the shared runtime's page and stays small: the action is associated as
 * soon as it runs, at the top level as Microsoft's example does ("Create add-in commands", Step 5), not
 * in Office.onReady behind the pane's bundle, so that a first click finds its handler (a first click that
 * does nothing: OfficeDev/office-js#5176). The scoring code is fetched on the first click.
 */
import type { scoreActiveWorkbook } from "../excel/score-action";
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

/** The scoring action, loaded on first use: the core and the Excel adapter stay out of this bundle. */
const scoreLazily: ScoreAction = async (options) => {
  const { scoreActiveWorkbook } = await import(/* webpackChunkName: "score" */ "../excel/score-action");
  return scoreActiveWorkbook(options);
};

export const tinhDiem = makeTinhDiem(scoreLazily, () => Office.addin.showAsTaskpane());

// Guarded so that importing this module outside Office (tests, tools) does nothing.
if (typeof Office !== "undefined" && Office.actions) {
  Office.actions.associate("tinhDiem", tinhDiem);
}
