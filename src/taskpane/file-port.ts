/**
 * The workbook port of the web app (the page opened outside Office): an .xlsx file the user opened,
 * read and written in the page as the CLI does (src/xlsx/package). Nothing is sent anywhere: the file comes in through a file
 * input or a drop, and goes out as a Blob download.
 */
import { downloadBytes, downloadDossier, downloadLetter, scoredFileName } from "./download";
import type { FileAccess, WorkbookPort } from "./port";

/** The performance mark set when a scored file's bytes are ready in the page. */
export const SCORED_BYTES_MARK = "kstthc-scored-bytes";

export type FilePort = WorkbookPort & { file: FileAccess };

/** Source files are read by the file adapter too, in the same chunk as the workbook file. */
export async function readSourceInPage(name: string, bytes: Uint8Array) {
  const { readSourceFile } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/source-file");
  return readSourceFile(name, bytes);
}

/** Throws the UnusableInputError of WorkbookPackage.open when the bytes are not a workbook it can read. */
export async function openFilePort(name: string, bytes: Uint8Array): Promise<FilePort> {
  // The file adapter comes in its own chunk, fetched here: the pane inside Excel never loads it.
  const { WorkbookFile } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/workbook-file");
  const book = await WorkbookFile.open(bytes, name);
  return {
    analyse: async (options) => book.analyse(options),
    // One step, read-score-write in memory: there is no progress worth counting.
    score: async (options) => {
      const result = await book.score(options);
      // When the scored file exists: what `npm run bench -- --only web` times (jsdom has no marks).
      performance.mark?.(SCORED_BYTES_MARK);
      return result;
    },
    writeCriteria: (criteria, settings) => book.writeCriteria(criteria, settings),
    readSource: readSourceInPage,
    downloadLetter,
    downloadDossier,
    file: {
      name,
      sheetNames: () => book.sheetNames(),
      // An .xlsm stays one: its VBA project is copied as it is, and Excel wants the name to say so.
      download: () =>
        downloadBytes(book.bytes, scoredFileName(name, book.format.extension), book.format.mime),
    },
  };
}
