/**
 * The workbook port of the web app (the page opened outside Office): an .xlsx file the user opened,
 * read and written in the page as the CLI does (src/xlsx/package), in a worker of the page where it can
 * (page-book.ts). Nothing is sent anywhere: the file comes in through a file input or a drop, and goes
 * out as a Blob download.
 */
import { downloadBytes, downloadDossier, downloadLetter, scoredFileName } from "./download";
import { bookInPage, bookInWorker, WorkerUnavailable, type PageBook } from "./page-book";
import type { FileAccess, WorkbookPort } from "./port";

/** The performance mark set when a scored file's bytes are ready in the page. */
export const SCORED_BYTES_MARK = "kstthc-scored-bytes";

/** A file opened in the page; `close` lets it go when another takes its place. */
export type FilePort = WorkbookPort & { file: FileAccess; close(): void };

/** Source files are read by the file adapter too, in the same chunk as the workbook file. */
export async function readSourceInPage(name: string, bytes: Uint8Array) {
  const { readSourceFile } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/source-file");
  return readSourceFile(name, bytes);
}

/** The worker when the page carries its code and may start it, else the page's own thread. */
async function openBook(name: string, bytes: Uint8Array): Promise<PageBook> {
  // The worker's code is in the file adapter's chunk: the pane inside Excel never loads it.
  const { WORKBOOK_WORKER_SOURCE } = await import(/* webpackChunkName: "xlsx" */ "./workbook-worker-source");
  if (WORKBOOK_WORKER_SOURCE && typeof Worker !== "undefined") {
    try {
      return await bookInWorker(WORKBOOK_WORKER_SOURCE, name, bytes);
    } catch (error) {
      if (!(error instanceof WorkerUnavailable)) throw error;
    }
  }
  // The file adapter comes in its own chunk, fetched here: the pane inside Excel never loads it.
  const { WorkbookFile } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/workbook-file");
  return bookInPage(await WorkbookFile.open(bytes, name));
}

/** Throws the UnusableInputError of WorkbookPackage.open when the bytes are not a workbook it can read. */
export async function openFilePort(name: string, bytes: Uint8Array): Promise<FilePort> {
  const book = await openBook(name, bytes);
  return {
    analyse: (options) => book.analyse(options),
    // One step, read-score-write: there is no progress worth counting (the bar moves on its own).
    score: async (options) => {
      const result = await book.score(options);
      // When the scored file exists: what `npm run bench -- --only web` times (jsdom has no marks).
      book.saved().then(
        () => performance.mark?.(SCORED_BYTES_MARK),
        () => undefined,
      );
      return result;
    },
    writeCriteria: (criteria, settings) => book.writeCriteria(criteria, settings),
    readSource: readSourceInPage,
    downloadLetter,
    downloadDossier,
    close: () => book.close(),
    file: {
      name,
      sheetNames: () => book.sheetNames(),
      // An .xlsm stays one: its VBA project is copied as it is, and Excel wants the name to say so.
      download: () => {
        const save = (bytes: Uint8Array) =>
          downloadBytes(bytes, scoredFileName(name, book.format.extension), book.format.mime);
        const now = book.savedNow();
        // The bytes of the last change may still be on their way from the worker.
        if (now) save(now);
        else void book.saved().then(save);
      },
    },
  };
}
