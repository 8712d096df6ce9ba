/**
 * What the task pane may do to a workbook. The components receive a port as a prop and never touch
 * Office.js: Excel gives one implementation (excel-port.ts), a file opened in the page outside Office
 * another (file-port.ts), and tests a fake over the real core. What only one host can do is optional.
 */
import type { Criterion } from "../core/criteria";
import type { RunOptions, RunResult } from "../core/run";
import type { Settings } from "../core/settings";
import type { Source } from "../core/sources/types";
import type { LetterDelivery } from "./letter-delivery";

/**
 * The assessment year the user gave, the preset chosen for a workbook without a "Tiêu chí" sheet, and
 * the period of a portal export that does not say its own ("Kỳ số liệu").
 */
export type AssessmentOptions = Pick<RunOptions, "year" | "preset" | "sourceSettings">;

/**
 * Where the unit table is and how its columns are read (the mapping travels with the workbook), the
 * source files joined into it with the choice for figures that differ, the year and preset the user
 * chose, and last year's workbook to set beside this year.
 */
export type AnalyseOptions = Pick<RunOptions, "sheet" | "mapping" | "sources" | "prefer" | "previous"> &
  AssessmentOptions;

/** A scoring run's options: the analysis's, and whether the output holds values or formulas. */
export type ScoreRunOptions = AnalyseOptions & Pick<RunOptions, "output">;

/** `done` of `total` steps of writing; called as each request completes. */
export type ProgressListener = (done: number, total: number) => void;

/** The user's selected range: "E9:E43", "E:E" or "B5", on a sheet. */
export interface Selection {
  sheet: string;
  address: string;
}

/** How a run outside the pane went, in one Vietnamese sentence. */
export interface ScoredElsewhere {
  summary: string;
  failed: boolean;
}

export interface PaneVisibility {
  now(): boolean;
  watch(listener: (visible: boolean) => void): () => void;
}

export interface WorkbookPort {
  /** Reads the workbook and scores it without writing anything: the preview the pane shows. */
  analyse(options: AnalyseOptions): Promise<RunResult>;
  /** Reads, scores and writes the output columns, the highlight, the summary sheet and the mapping. */
  score(options: ScoreRunOptions, onProgress: ProgressListener): Promise<RunResult>;
  /**
   * Shows a place in the workbook: a cell or range, or the sheet alone when `address` is undefined.
   * Absent where there is no grid on screen (a file in the page): the pane shows the address instead.
   */
  selectCell?(sheet: string, address?: string): Promise<void>;
  /** The user's selection in the grid; absent where there is none (the pane then hides its buttons). */
  getSelection?(): Promise<Selection>;
  /**
   * Writes (or replaces) the "Tiêu chí" sheet. That sheet belongs to the user once it exists: the pane
   * calls this only on the user's explicit command.
   */
  writeCriteria(criteria: Criterion[], settings: Settings): Promise<void>;
  /**
   * Why the output cannot hold the add-in's formulas here (an Excel without custom functions), in a
   * whole Vietnamese sentence; undefined where it can. The pane then offers values only.
   */
  formulasUnavailable?: string;
  /**
   * Gives the user the letter of a result: saves it as a .docx, or (Excel on Mac, which cannot save a
   * file from the pane) shows the summary sheet that holds it, as `letterDelivery` says.
   */
  downloadLetter?(result: RunResult): Promise<void>;
  /**
   * Shows the summary sheet that holds the letter of a result, where Excel has it: the way to the letter
   * that needs no download, offered beside the download in case the pane's web view blocks it.
   */
  showLetterSheet?(result: RunResult): Promise<void>;
  /** What `downloadLetter` does here; "file" when absent. The button's words follow it. */
  letterDelivery?: LetterDelivery;
  /**
   * Calls `listener` when the workbook was scored outside the pane (the ribbon's "Tính điểm"), and at
   * once for such a run that ended before the pane listened; returns the function that stops listening.
   */
  onScoredElsewhere?(listener: (run: ScoredElsewhere) => void): () => void;
  /**
   * Reads a source file the user opened (the portal's 766 export, a II.07b report); throws the
   * UnusableInputError that names file, sheet and row when it cannot be used.
   */
  readSource(name: string, bytes: Uint8Array): Promise<Source>;
  /**
   * Whether the pane is on screen now, and a watch of the changes (returning the function that stops
   * it). Absent where the page is always on screen (the web app). In Excel the page also runs hidden
   * (the shared runtime of the functions and the ribbon): it reads the workbook only once shown.
   */
  visibility?: PaneVisibility;
  /** Present when the workbook is a file opened in the page rather than one open in Excel. */
  file?: FileAccess;
}

/** A workbook file held by the page: its name, its sheets, and the scored copy for the user to keep. */
export interface FileAccess {
  /** The name of the file as opened, "theo-doi-2023.xlsx". */
  readonly name: string;
  /** The visible sheets that may hold the unit table, in order: outside Excel the user picks from these. */
  sheetNames(): string[];
  /** Saves the workbook as it now stands (after "Tính điểm") as "<name>-da-tinh-diem.xlsx". */
  download(): void;
}
