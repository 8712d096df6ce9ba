/**
 * The workbook worker's bundled code as text, defined by the page's builds (build/workbook-worker.js, for
 * webpack.config.js and scripts/single-file.ts); undefined in tests, where the file is worked on the
 * page's own thread.
 */
declare const KSTTHC_WORKBOOK_WORKER: string | undefined;

export const WORKBOOK_WORKER_SOURCE: string | undefined =
  typeof KSTTHC_WORKBOOK_WORKER === "string" ? KSTTHC_WORKBOOK_WORKER : undefined;
