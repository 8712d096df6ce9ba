/**
 * The pane's state and every way it changes, as pure functions: state in, action, state out. The hook
 * (use-pane.ts) runs the port and dispatches what happened; nothing here touches a workbook.
 */
import { CRITERIA_SHEET } from "../core/criteria-sheet/schema";
import type { OutputMode } from "../core/plan/formulas";
import type { Problem } from "../core/problems";
import { UserFacingError } from "../core/problems";
import type { RunResult } from "../core/run";
import type { Preference } from "../core/sources/join";
import type { Source } from "../core/sources/types";
import { draftOf, isDirty, type Draft } from "./criteria-draft";
import type { AnalyseOptions, AssessmentOptions } from "./port";

export type AnalysisState =
  { state: "loading" } | { state: "ready"; result: RunResult } | { state: "failed"; message: string };

export type RunState =
  | { state: "idle" }
  /** `progress` is undefined while the workbook is read and scored, before the writing starts. */
  | { state: "running"; progress?: { done: number; total: number } }
  /** `stale`: the columns or the criteria changed since, so the workbook no longer shows this result. */
  | { state: "done"; result: RunResult; stale: boolean }
  | { state: "failed"; message: string };

export type SectionId = "table" | "sources" | "criteria" | "score" | "letter";

/** The source files the user opened, joined into the table at each analysis and run. */
export interface SourcesState {
  files: Source[];
  prefer: Preference;
  /** Names of files being read. */
  reading: string[];
}

/** A sentence shown in the section where the user acted (saved, or could not do what was asked). */
export interface Notice {
  section: SectionId;
  intent: "success" | "error" | "info";
  text: string;
}

/** A place the user asked to see where there is no grid to select it in (a file in the page). */
export interface Located {
  sheet: string;
  address?: string;
  /** The problem whose link was followed, highlighted in the list. */
  problem?: Problem;
}

interface DraftState {
  draft: Draft;
  /** The criteria and settings in force that the draft started from. */
  base: Pick<RunResult, "criteria" | "settings">;
}

export interface PaneState {
  /** Where the unit table is and how its columns are read, as last chosen. */
  options: AnalyseOptions;
  /** The year and preset the user chose: they go with every analysis and run, whatever the sheet. */
  assessment: AssessmentOptions;
  /** Values by default: a recipient without the add-in sees the numbers (see ShareSection). */
  output: OutputMode;
  analysis: AnalysisState;
  /** The analysis whose answer is awaited; answers of any other (older) one are dropped. */
  awaited?: number;
  run: RunState;
  drafting?: DraftState;
  saving: boolean;
  notice?: Notice;
  located?: Located;
  sources: SourcesState;
}

export const initialPaneState: PaneState = {
  options: {},
  assessment: {},
  output: "values",
  analysis: { state: "loading" },
  run: { state: "idle" },
  saving: false,
  sources: { files: [], prefer: "source", reading: [] },
};

export type PaneAction =
  | { type: "optionsChosen"; options: AnalyseOptions }
  | { type: "assessmentChosen"; assessment: AssessmentOptions }
  | { type: "outputChosen"; output: OutputMode }
  | { type: "analysisStarted"; id: number }
  | { type: "analysisAnswered"; id: number; result: RunResult; resetDraft: boolean }
  | { type: "analysisFailed"; id: number; message: string }
  | { type: "runStarted" }
  | { type: "runProgressed"; done: number; total: number }
  | { type: "runAnswered"; result: RunResult }
  | { type: "runFailed"; message: string }
  | { type: "draftEdited"; draft: Draft }
  | { type: "saveStarted" }
  | { type: "criteriaWritten" }
  | { type: "saveEnded"; notice: Notice }
  | { type: "noticeShown"; notice: Notice | undefined }
  | { type: "located"; place: Located }
  | { type: "scoredElsewhere"; summary: string; failed: boolean }
  | { type: "sourcesReading"; names: string[] }
  | { type: "sourcesChanged"; files: Source[]; prefer: Preference; notice?: Notice };

/** The workbook no longer shows the last run's result: the columns, criteria or sheet changed since. */
function staled(run: RunState): RunState {
  return run.state === "done" ? { ...run, stale: true } : run;
}

/** A new result in view; the draft follows it unless the user has edits of their own not yet saved. */
function showing(state: PaneState, result: RunResult, resetDraft: boolean): PaneState {
  const current = state.drafting;
  const keep = current && !resetDraft && isDirty(current.draft, current.base.criteria, current.base.settings);
  return {
    ...state,
    analysis: { state: "ready", result },
    drafting: keep
      ? current
      : {
          draft: draftOf(result.criteria, result.settings),
          base: { criteria: result.criteria, settings: result.settings },
        },
  };
}

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "optionsChosen":
      return { ...state, options: action.options, notice: undefined, run: staled(state.run) };
    case "assessmentChosen":
      // Another year or preset: another letter, and criteria that may differ from the workbook's.
      return { ...state, assessment: action.assessment, notice: undefined, run: staled(state.run) };
    case "outputChosen":
      return { ...state, output: action.output };
    case "analysisStarted":
      // A table already shown stays on screen while the workbook is read again.
      return {
        ...state,
        awaited: action.id,
        analysis: state.analysis.state === "ready" ? state.analysis : { state: "loading" },
      };
    case "analysisAnswered":
      if (action.id !== state.awaited) return state;
      return { ...showing(state, action.result, action.resetDraft), awaited: undefined };
    case "analysisFailed":
      if (action.id !== state.awaited) return state;
      return { ...state, awaited: undefined, analysis: { state: "failed", message: action.message } };
    case "runStarted":
      // A scoring run reads the workbook afresh: any analysis still on its way is out of date.
      return {
        ...state,
        notice: undefined,
        located: undefined,
        awaited: undefined,
        run: { state: "running" },
      };
    case "runProgressed":
      return { ...state, run: { state: "running", progress: { done: action.done, total: action.total } } };
    case "runAnswered":
      return {
        ...showing(state, action.result, false),
        run: { state: "done", result: action.result, stale: false },
      };
    case "runFailed":
      return { ...state, run: { state: "failed", message: action.message } };
    case "draftEdited":
      return state.drafting ? { ...state, drafting: { ...state.drafting, draft: action.draft } } : state;
    case "saveStarted":
      return { ...state, saving: true, notice: undefined };
    case "criteriaWritten":
      return { ...state, run: staled(state.run) };
    case "saveEnded":
      return { ...state, saving: false, notice: action.notice };
    case "noticeShown":
      return { ...state, notice: action.notice };
    case "located":
      return { ...state, located: action.place };
    case "sourcesReading":
      return { ...state, notice: undefined, sources: { ...state.sources, reading: action.names } };
    case "sourcesChanged":
      // Other figures: the workbook no longer shows the last run's result.
      return {
        ...state,
        notice: action.notice,
        run: staled(state.run),
        sources: { files: action.files, prefer: action.prefer, reading: [] },
      };
    case "scoredElsewhere":
      return {
        ...state,
        notice: { section: "score", intent: action.failed ? "error" : "info", text: action.summary },
        run: staled(state.run),
      };
  }
}

/** The workbook is being read: an analysis is awaited. */
export const isReading = (state: PaneState): boolean => state.awaited !== undefined;

/**
 * Where the criteria in view come from. A run on a workbook without "Tiêu chí" scored with the default
 * criteria and then wrote them there: from then on the workbook has its sheet, and the pane says so.
 */
export function criteriaSourceOf(state: PaneState): RunResult["criteriaSource"] | undefined {
  if (state.analysis.state !== "ready") return undefined;
  const shown = state.analysis.result;
  const run = state.run;
  const written =
    run.state === "done" &&
    run.result === shown &&
    shown.plan.sheets.some((sheet) => sheet.name === CRITERIA_SHEET);
  return written ? "sheet" : shown.criteriaSource;
}

/** The draft differs from the criteria and settings in force. */
export function isDraftDirty(state: PaneState): boolean {
  const d = state.drafting;
  return d ? isDirty(d.draft, d.base.criteria, d.base.settings) : false;
}

/** What to tell the user; anything else (Office.js, the browser) is introduced as a workbook error. */
export function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (error instanceof UserFacingError ? text : `Có lỗi khi làm việc với sổ tính: ${text}`).normalize(
    "NFC",
  );
}
