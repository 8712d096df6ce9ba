/**
 * The part of the file port that reads and writes .xlsx packages, in a chunk of its own (xlsx.js) that the
 * page fetches when the first file is opened. The workbook goes through the CLI's own functions, so that
 * a file scored here holds the parts `kstthc score` writes, byte for byte; only their compression differs
 * (fflate at level 3, PAGE_CODEC, where the CLI has zlib).
 */
import type { Criterion } from "../core/criteria";
import { META_SHEET, ownedSheetNames, readOwnership } from "../core/ownership";
import { criteriaWritePlan } from "../core/plan/criteria-sheet-plan";
import { runScoring, type RunOptions, type RunResult } from "../core/run";
import type { Settings } from "../core/settings";
import { foldKey } from "../core/text";
import { PAGE_CODEC } from "./package/codec";
import { packageGrids, scorePackage, withPackageNotes } from "./package/score";
import { WorkbookPackage } from "./package/workbook-package";
import type { WorkbookFormat } from "./workbook-format";

/**
 * One .xlsx file in memory: its bytes, which are what the user downloads, and their parse, which the
 * analyses read. Every change starts from a fresh parse of the bytes and ends by saving new bytes: the
 * second "Tính điểm" then sees what the CLI would see in the downloaded file, and a change that fails
 * halfway leaves the file as it was.
 */
export class WorkbookFile {
  /** Changes one at a time: two interleaved would each start from the same bytes and lose the other. */
  private queue: Promise<unknown> = Promise.resolve();
  /** The last analysis, which a score of the same bytes with the same options takes as its own. */
  private analysed?: { bytes: Uint8Array; key: string; result: RunResult };

  private constructor(
    readonly name: string,
    private current: Uint8Array,
    private workbook: WorkbookPackage,
  ) {}

  /** Throws the UnusableInputError of WorkbookPackage.open (not .xlsx, corrupt, password-protected). */
  static async open(bytes: Uint8Array, name: string): Promise<WorkbookFile> {
    return new WorkbookFile(name, bytes, WorkbookPackage.open(bytes, name, PAGE_CODEC));
  }

  get bytes(): Uint8Array {
    return this.current;
  }

  /** .xlsx or .xlsm: the download keeps it, with its MIME type. */
  get format(): WorkbookFormat {
    return this.workbook.format;
  }

  /** The visible sheets that may hold the unit table: not the criteria or summary sheets the tool wrote. */
  sheetNames(): string[] {
    const meta = this.workbook.worksheets.find((s) => s.name === META_SHEET);
    const own = new Set(ownedSheetNames(readOwnership(meta && this.workbook.grid(meta.name))).map(foldKey));
    return this.workbook.worksheets
      .filter((s) => s.state === "visible" && !own.has(foldKey(s.name)))
      .map((s) => s.name);
  }

  /** The file's name goes with the options: the year is looked for in it last, as the CLI does. */
  analyse(options: RunOptions): RunResult {
    const named = { fileName: this.name, ...options };
    const result = withPackageNotes(
      this.workbook,
      runScoring(packageGrids(this.workbook, named), named),
      this.name,
    );
    this.analysed = { bytes: this.current, key: optionsKey(named), result };
    return result;
  }

  /**
   * As `kstthc score`: the criteria sheet is added when the workbook has none. `onScored` hears the result
   * before the file is compressed and saved, so that a page can show it meanwhile, and whether it is the
   * last analysis's run; the promise settles once the new bytes are there.
   */
  score(
    options: RunOptions,
    onScored?: (result: RunResult, fromAnalysis: boolean) => void,
  ): Promise<RunResult> {
    return this.change((workbook) => {
      const named = { fileName: this.name, ...options };
      const analysed = this.analysisOf(named);
      // What scorePackage does, less the reading and scoring the analysis has done.
      if (analysed) workbook.apply(analysed.plan);
      const result = analysed ?? scorePackage(workbook, named);
      onScored?.(result, analysed !== undefined);
      return result;
    });
  }

  /**
   * The analysis of these very bytes with these options, as `scorePackage` would make it again: the same
   * reading and scoring of the same file (the output mode aside, which the analysis leaves at values).
   * At 20,000 units that is most of a score's time.
   */
  private analysisOf(options: RunOptions): RunResult | undefined {
    const last = this.analysed;
    if (!last || last.bytes !== this.current || last.key !== optionsKey(options)) return undefined;
    return { ...last.result };
  }

  writeCriteria(criteria: Criterion[], settings: Settings): Promise<void> {
    return this.change((workbook) => workbook.apply(criteriaWritePlan(criteria, settings)));
  }

  private change<T>(edit: (workbook: WorkbookPackage) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const workbook = WorkbookPackage.open(this.current, this.name, PAGE_CODEC);
      const out = edit(workbook);
      const bytes = workbook.save();
      [this.current, this.workbook] = [bytes, WorkbookPackage.open(bytes, this.name, PAGE_CODEC)];
      return out;
    });
    // A failed change must not block the next one.
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The options as text, keys sorted, values mode spelled out: equal keys, equal runs. */
function optionsKey(options: RunOptions): string {
  const entries = Object.entries({ ...options, output: options.output ?? "values" })
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
