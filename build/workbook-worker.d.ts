// Types of build/workbook-worker.js (CommonJS, required by webpack.config.js) for scripts and tests.
export function bundleWorkbookWorker(options?: { minify?: boolean }): string;
export function workbookWorkerDefine(options?: { minify?: boolean }): string;
