/**
 * The workbook worker's bundled code as text, defined by the build that makes the page one file
 * (scripts/single-file.ts); undefined in other builds and in tests, where the file is worked on the page's
 * own thread.
 */
declare const KSTTHC_WORKBOOK_WORKER: string | undefined;

export const WORKBOOK_WORKER_SOURCE: string | undefined =
  typeof KSTTHC_WORKBOOK_WORKER === "string" ? KSTTHC_WORKBOOK_WORKER : undefined;
