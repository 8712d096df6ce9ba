/**
 * What the page and its workbook worker (workbook-worker.ts) say to each other: requests by number, and
 * answers that carry a result, the saved file's bytes, or an error as plain data.
 */
import { UnusableInputError, UserFacingError } from "../core/problems";
import { emptySheetPlan } from "../core/plan/types";
import type { Criterion } from "../core/criteria";
import type { RunOptions, RunResult } from "../core/run";
import type { Settings } from "../core/settings";
import type { WorkbookFormat } from "../xlsx/workbook-format";

/** What the page asks; each request carries a number that its answers repeat. */
export type WorkbookAsk =
  | { op: "open"; name: string; bytes: Uint8Array }
  | { op: "analyse"; options: RunOptions }
  | { op: "score"; options: RunOptions }
  | { op: "writeCriteria"; criteria: Criterion[]; settings: Settings };

export type WorkbookRequest = WorkbookAsk & { id: number };

/** The file as it stands after a change, and the sheets the user may pick from in it. */
export interface SavedFile {
  bytes: Uint8Array;
  sheetNames: string[];
}

export interface ErrorData {
  message: string;
  name: string;
  userFacing: boolean;
}

export type WorkbookAnswer =
  | { id: number; kind: "opened"; format: WorkbookFormat; sheetNames: string[] }
  | { id: number; kind: "result"; result: RunResult }
  /** The score's run is the last analysis's, which the page already holds: nothing more to send. */
  | { id: number; kind: "analysisResult" }
  /** The last answer to a change: its bytes are saved. */
  | ({ id: number; kind: "saved" } & SavedFile)
  | { id: number; kind: "failed"; error: ErrorData };

export function errorData(error: unknown): ErrorData {
  return {
    message: error instanceof Error ? error.message : String(error),
    name: error instanceof Error ? error.name : "Error",
    userFacing: error instanceof UserFacingError,
  };
}

/** The worker's error as the page's own: the pane words a user-facing one as it is. */
export function errorOf(data: ErrorData): Error {
  if (data.name === "UnusableInputError") return new UnusableInputError(data.message);
  const error = data.userFacing ? new UserFacingError(data.message) : new Error(data.message);
  error.name = data.name;
  return error;
}

/**
 * The result without the cells it planned to write: the page only asks which sheets a run writes, and
 * the cells of 20,000 units are a third of what would cross to it.
 */
export function slimResult(result: RunResult): RunResult {
  const { styles, sheets } = result.plan;
  return { ...result, plan: { styles, sheets: sheets.map((s) => emptySheetPlan(s.name, s.mode)) } };
}
