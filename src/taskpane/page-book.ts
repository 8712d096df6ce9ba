/**
 * The opened workbook file as the page's file port uses it, worked in a Web Worker where the page carries
 * the worker's code (the single-file page), else on the page's own thread: the same WorkbookFile either
 * way. In the worker, a score's result reaches the page before the file is compressed and saved.
 */
import type { Criterion } from "../core/criteria";
import type { RunOptions, RunResult } from "../core/run";
import type { Settings } from "../core/settings";
import type { WorkbookFile } from "../xlsx/workbook-file";
import type { WorkbookFormat } from "../xlsx/workbook-format";
import {
  errorOf,
  type SavedFile,
  type WorkbookAnswer,
  type WorkbookAsk,
  type WorkbookRequest,
} from "./workbook-protocol";

export interface PageBook {
  readonly format: WorkbookFormat;
  /** The visible sheets that may hold the unit table, as of the last saved change. */
  sheetNames(): string[];
  analyse(options: RunOptions): Promise<RunResult>;
  /** Settles with the result, which may come before the scored file is saved (see `saved`). */
  score(options: RunOptions): Promise<RunResult>;
  writeCriteria(criteria: Criterion[], settings: Settings): Promise<void>;
  /** The file's bytes once every change asked for so far is saved. */
  saved(): Promise<Uint8Array>;
  /** Those bytes now, when no change is on its way. */
  savedNow(): Uint8Array | undefined;
  /** Lets the file go (another was opened): the worker ends, with what it held. */
  close(): void;
}

/** The file worked on the page's thread: each change is saved before its promise settles. */
export function bookInPage(file: WorkbookFile): PageBook {
  let last: Promise<unknown> = Promise.resolve();
  let changing = 0;
  const track = <T>(change: Promise<T>) => {
    changing++;
    // Attached first, so that it runs before whoever awaits the change.
    last = change.then(
      () => changing--,
      () => changing--,
    );
    return change;
  };
  return {
    format: file.format,
    sheetNames: () => file.sheetNames(),
    analyse: async (options) => file.analyse(options),
    score: (options) => track(file.score(options)),
    writeCriteria: (criteria, settings) => track(file.writeCriteria(criteria, settings)),
    saved: async () => {
      await last;
      return file.bytes;
    },
    savedNow: () => (changing === 0 ? file.bytes : undefined),
    close: () => undefined,
  };
}

/** The worker did not start (no Worker, or a policy that refuses it): the page works the file itself. */
export class WorkerUnavailable extends Error {}

interface Pending {
  result?: (result: RunResult) => void;
  opened?: (answer: Extract<WorkbookAnswer, { kind: "opened" }>) => void;
  saved?: (file: SavedFile) => void;
  failed: (error: Error) => void;
}

/** Opens the file in a worker made from `source`; rejects with WorkerUnavailable when none runs. */
export function bookInWorker(source: string, name: string, bytes: Uint8Array): Promise<PageBook> {
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  let worker: Worker;
  try {
    worker = new Worker(url);
  } catch (error) {
    URL.revokeObjectURL(url);
    return Promise.reject(new WorkerUnavailable(String(error)));
  }
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let started = false;
  const ask = (request: WorkbookAsk, handlers: Pending) => {
    const id = nextId++;
    pending.set(id, handlers);
    worker.postMessage({ ...request, id } satisfies WorkbookRequest);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = started ? new Error(event.message) : new WorkerUnavailable(event.message);
    for (const handlers of pending.values()) handlers.failed(error);
    pending.clear();
  };
  // The last analysis's result as the page got it: a score that is the same run is answered with it.
  let analysis: RunResult | undefined;
  worker.onmessage = ({ data }: MessageEvent<WorkbookAnswer>) => {
    if (!started) {
      started = true;
      URL.revokeObjectURL(url);
    }
    const handlers = pending.get(data.id);
    if (!handlers) return;
    if (data.kind === "result" || data.kind === "analysisResult") {
      const result = data.kind === "result" ? data.result : analysis && { ...analysis };
      if (result) handlers.result?.(result);
      else handlers.failed(new Error("The worker answered with an analysis the page never got."));
      if (!handlers.saved) pending.delete(data.id);
      return;
    }
    pending.delete(data.id);
    if (data.kind === "opened") handlers.opened?.(data);
    else if (data.kind === "saved") handlers.saved?.(data);
    else handlers.failed(errorOf(data.error));
  };

  let names: string[] = [];
  // The file as last saved; what a change that fails leaves (the worker's file stays as it was).
  let lastSaved = bytes;
  let current = Promise.resolve(bytes);
  let now: Uint8Array | undefined = bytes;
  /**
   * A change: its result (when it has one) and its saved file, in that order. A failure before the result
   * rejects the change; one after it (while compressing) can only leave the file as it was.
   */
  const change = <T>(request: WorkbookAsk, withResult: boolean): Promise<T> => {
    let settle!: { resolve: (value: T) => void; reject: (error: Error) => void };
    now = undefined;
    const answered = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
    current = new Promise<Uint8Array>((resolve) =>
      ask(request, {
        result: withResult ? (result) => settle.resolve(result as T) : undefined,
        saved: (file) => {
          names = file.sheetNames;
          now = lastSaved = file.bytes;
          if (!withResult) settle.resolve(undefined as T);
          resolve(file.bytes);
        },
        failed: (error) => {
          settle.reject(error);
          now = lastSaved;
          resolve(lastSaved);
        },
      }),
    );
    return answered;
  };

  return new Promise((resolve, reject) => {
    ask(
      { op: "open", name, bytes },
      {
        opened: (answer) => {
          names = answer.sheetNames;
          resolve({
            format: answer.format,
            sheetNames: () => names,
            analyse: (options) =>
              new Promise((done, failed) =>
                ask({ op: "analyse", options }, { result: (result) => done((analysis = result)), failed }),
              ),
            score: (options) => change<RunResult>({ op: "score", options }, true),
            writeCriteria: (criteria, settings) =>
              change<void>({ op: "writeCriteria", criteria, settings }, false),
            saved: () => current,
            savedNow: () => now,
            close: () => {
              worker.terminate();
              const closed = new Error("The file was closed.");
              for (const handlers of pending.values()) handlers.failed(closed);
              pending.clear();
            },
          });
        },
        failed: (error) => {
          worker.terminate();
          reject(error);
        },
      },
    );
  });
}
