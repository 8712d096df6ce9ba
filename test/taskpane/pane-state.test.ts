/**
 * The pane's reducer: state in, action, state out (as OfficeDev/script-lab tests its reducers). The
 * results are the real core's, on a small grid.
 */
import type { SheetGrid } from "../../src/core/grid";
import { UnusableInputError } from "../../src/core/problems";
import { runScoring, type RunResult } from "../../src/core/run";
import { readSource } from "../../src/core/sources/read-source";
import { WriteBlockedError } from "../../src/excel/errors";
import { draftOf } from "../../src/taskpane/criteria-draft";
import {
  criteriaSourceOf,
  initialPaneState,
  isDraftDirty,
  isReading,
  messageOf,
  paneReducer,
  type PaneAction,
  type PaneState,
} from "../../src/taskpane/pane-state";

const grid: SheetGrid = {
  name: "Đơn vị",
  values: [
    ["STT", "Tên đơn vị", "Khối", "Điểm 766"],
    [1, "Sở Tư pháp", "Sở, ban, ngành", 84.37],
    [2, "Sở Y tế", "Sở, ban, ngành", 75],
  ],
};
const result: RunResult = runScoring([grid], {});
const otherResult: RunResult = runScoring([{ ...grid, values: grid.values.slice(0, 2) }], {});

const run = (actions: PaneAction[], from: PaneState = initialPaneState) => actions.reduce(paneReducer, from);

test("an analysis answer shows the result and starts a draft from its criteria", () => {
  const state = run([
    { type: "analysisStarted", id: 1 },
    { type: "analysisAnswered", id: 1, result, resetDraft: false },
  ]);
  expect(state.analysis).toEqual({ state: "ready", result });
  expect(state.drafting?.draft).toEqual(draftOf(result.criteria, result.settings));
  expect(isReading(state)).toBe(false);
});

test("while an analysis is awaited the pane is reading, and a table already shown stays", () => {
  const shown = run([
    { type: "analysisStarted", id: 1 },
    { type: "analysisAnswered", id: 1, result, resetDraft: false },
  ]);
  const again = paneReducer(shown, { type: "analysisStarted", id: 2 });
  expect(isReading(again)).toBe(true);
  expect(again.analysis).toBe(shown.analysis);
  expect(isReading(paneReducer(initialPaneState, { type: "analysisStarted", id: 1 }))).toBe(true);
});

test("the answer of an older analysis arriving after a newer one was asked for is dropped", () => {
  const state = run([
    { type: "analysisStarted", id: 1 },
    { type: "analysisStarted", id: 2 },
    { type: "analysisAnswered", id: 1, result: otherResult, resetDraft: false },
    { type: "analysisFailed", id: 1, message: "cũ" },
  ]);
  expect(state.analysis).toEqual({ state: "loading" });
  expect(isReading(state)).toBe(true);
  const answered = paneReducer(state, { type: "analysisAnswered", id: 2, result, resetDraft: false });
  expect(answered.analysis).toEqual({ state: "ready", result });
});

test("a scoring run drops every analysis in flight, clears the notice and the located cell", () => {
  const state = run([
    { type: "noticeShown", notice: { section: "table", intent: "error", text: "x" } },
    { type: "located", place: { sheet: "Đơn vị", address: "B2" } },
    { type: "analysisStarted", id: 3 },
    { type: "runStarted" },
    { type: "analysisAnswered", id: 3, result: otherResult, resetDraft: false },
  ]);
  expect(state.run).toEqual({ state: "running" });
  expect(state.notice).toBeUndefined();
  expect(state.located).toBeUndefined();
  expect(state.analysis).toEqual({ state: "loading" });
  expect(isReading(state)).toBe(false);
});

test("progress, then the run's result, which is also the analysis shown", () => {
  const state = run([{ type: "runStarted" }, { type: "runProgressed", done: 2, total: 5 }]);
  expect(state.run).toEqual({ state: "running", progress: { done: 2, total: 5 } });
  const done = paneReducer(state, { type: "runAnswered", result });
  expect(done.run).toEqual({ state: "done", result, stale: false });
  expect(done.analysis).toEqual({ state: "ready", result });
  expect(paneReducer(state, { type: "runFailed", message: "hỏng" }).run).toEqual({
    state: "failed",
    message: "hỏng",
  });
});

test("choosing other columns, writing criteria or a ribbon run make the last result stale", () => {
  const done = run([{ type: "runStarted" }, { type: "runAnswered", result }]);
  for (const action of [
    { type: "optionsChosen", options: { sheet: "Khác" } },
    { type: "assessmentChosen", assessment: { year: 2025 } },
    { type: "criteriaWritten" },
    { type: "scoredElsewhere", summary: "Đã tính", failed: false },
  ] as PaneAction[]) {
    const after = paneReducer(done, action);
    expect(after.run).toEqual({ state: "done", result, stale: true });
  }
  expect(paneReducer(done, { type: "optionsChosen", options: { sheet: "Khác" } }).options).toEqual({
    sheet: "Khác",
  });
  // The year and preset are kept apart from the sheet and columns: choosing a sheet keeps them.
  const chosen = paneReducer(done, {
    type: "assessmentChosen",
    assessment: { year: 2025, preset: "tu-nam-2025" },
  });
  expect(paneReducer(chosen, { type: "optionsChosen", options: { sheet: "Khác" } }).assessment).toEqual({
    year: 2025,
    preset: "tu-nam-2025",
  });
  // Nothing to make stale before a run.
  expect(paneReducer(initialPaneState, { type: "criteriaWritten" }).run).toEqual({ state: "idle" });
});

test("a ribbon run is told in the score section, as an error when it failed", () => {
  expect(
    paneReducer(initialPaneState, { type: "scoredElsewhere", summary: "Hỏng", failed: true }).notice,
  ).toEqual({ section: "score", intent: "error", text: "Hỏng" });
});

test("edits survive a new analysis; a save resets the draft to what was saved", () => {
  const shown = run([
    { type: "analysisStarted", id: 1 },
    { type: "analysisAnswered", id: 1, result, resetDraft: false },
  ]);
  const base = shown.drafting!.draft;
  const edited = {
    ...base,
    settings: { ...base.settings, letter: { ...base.settings.letter, number: "99" } },
  };
  const dirty = paneReducer(shown, { type: "draftEdited", draft: edited });
  expect(isDraftDirty(dirty)).toBe(true);
  const reread = run(
    [
      { type: "analysisStarted", id: 2 },
      { type: "analysisAnswered", id: 2, result: otherResult, resetDraft: false },
    ],
    dirty,
  );
  expect(reread.drafting?.draft).toBe(edited);
  const saved = run(
    [
      { type: "analysisStarted", id: 3 },
      { type: "analysisAnswered", id: 3, result: otherResult, resetDraft: true },
    ],
    dirty,
  );
  expect(saved.drafting?.draft).toEqual(draftOf(otherResult.criteria, otherResult.settings));
  expect(isDraftDirty(saved)).toBe(false);
  // No draft yet: an edit has nothing to change.
  expect(paneReducer(initialPaneState, { type: "draftEdited", draft: edited })).toBe(initialPaneState);
});

test("saving: busy, then a notice in the section where the user saved", () => {
  const busy = paneReducer(
    { ...initialPaneState, notice: { section: "table", intent: "info", text: "cũ" } },
    { type: "saveStarted" },
  );
  expect(busy.saving).toBe(true);
  expect(busy.notice).toBeUndefined();
  const notice = { section: "letter", intent: "success", text: "Đã lưu" } as const;
  expect(paneReducer(busy, { type: "saveEnded", notice })).toMatchObject({ saving: false, notice });
});

test("the output mode is the user's choice", () => {
  expect(paneReducer(initialPaneState, { type: "outputChosen", output: "formulas" }).output).toBe("formulas");
  expect(initialPaneState.output).toBe("values");
});

test("errors meant for the user are shown as they are; others are introduced as workbook errors", () => {
  expect(messageOf(new UnusableInputError("Tệp không đọc được."))).toBe("Tệp không đọc được.");
  expect(messageOf(new WriteBlockedError(["Trang bị khóa."]))).toMatch(
    /^Chưa ghi gì vào sổ tính vì: Trang bị khóa\./,
  );
  expect(messageOf(new Error("ItemNotFound"))).toBe("Có lỗi khi làm việc với sổ tính: ItemNotFound");
  // A look-alike by name is not a user-facing error.
  const impostor = new Error("x");
  impostor.name = "UnusableInputError";
  expect(messageOf(impostor)).toBe("Có lỗi khi làm việc với sổ tính: x");
});

test("source files being read, then put in force: the last run's result is stale and the notice says what was refused", () => {
  const source = readSource(
    [
      {
        name: "Sở Ban",
        values: [
          ["STT", "Tên đơn vị", "Điểm 766"],
          [1, "Sở Tư pháp", 90],
        ],
      },
    ],
    "nguon.xlsx",
  );
  const reading = run([
    { type: "runAnswered", result },
    { type: "sourcesReading", names: ["nguon.xlsx"] },
  ]);
  expect(reading.sources).toEqual({ files: [], prefer: "source", reading: ["nguon.xlsx"] });
  expect(reading.run).toEqual({ state: "done", result, stale: false });
  const notice = { section: "sources" as const, intent: "error" as const, text: "Tệp “khac.xlsx”: …" };
  const state = paneReducer(reading, { type: "sourcesChanged", files: [source], prefer: "table", notice });
  expect(state.sources).toEqual({ files: [source], prefer: "table", reading: [] });
  expect(state.run).toEqual({ state: "done", result, stale: true });
  expect(state.notice).toEqual(notice);
});

test("after a run that wrote the “Tiêu chí” sheet, the criteria come from the workbook", () => {
  expect(result.criteriaSource).toBe("default");
  const analysed = run([
    { type: "analysisStarted", id: 1 },
    { type: "analysisAnswered", id: 1, result, resetDraft: false },
  ]);
  expect(criteriaSourceOf(analysed)).toBe("default");
  const scored = run([{ type: "runStarted" }, { type: "runAnswered", result }], analysed);
  expect(result.plan.sheets.map((s) => s.name)).toContain("Tiêu chí");
  expect(criteriaSourceOf(scored)).toBe("sheet");
  // Another workbook read afterwards says where its own criteria come from.
  const other = run(
    [
      { type: "analysisStarted", id: 2 },
      { type: "analysisAnswered", id: 2, result: otherResult, resetDraft: true },
    ],
    scored,
  );
  expect(criteriaSourceOf(other)).toBe("default");
  expect(criteriaSourceOf(initialPaneState)).toBeUndefined();
});
