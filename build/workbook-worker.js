/**
 * The workbook worker of the web page (src/taskpane/workbook-worker.ts: read, score and save the opened
 * file off the page's thread) bundled by esbuild into one classic script, as text. Both page builds put
 * it in the page as the constant KSTTHC_WORKBOOK_WORKER (src/taskpane/workbook-worker-source.ts), which
 * the page starts from a blob: URL: webpack.config.js for dist/index.html, scripts/single-file.ts for
 * dist/kstthc.html.
 */
const path = require("node:path");
const { buildSync } = require("esbuild");

const ENTRY = path.join(__dirname, "..", "src", "taskpane", "workbook-worker.ts");

function bundleWorkbookWorker({ minify = true } = {}) {
  const out = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify,
    define: { "process.env.NODE_ENV": minify ? '"production"' : '"development"' },
    // The libraries' licence notices travel with the code, at its end.
    legalComments: "eof",
    charset: "ascii",
    logLevel: "warning",
  });
  return out.outputFiles[0].text;
}

/**
 * The constant's value for a bundler's define: a string literal whose "<" are written \u003c, the same
 * text to JavaScript and no "<script" or "<!--" for an HTML parser when the page is one file.
 */
function workbookWorkerDefine(options) {
  return JSON.stringify(bundleWorkbookWorker(options)).replace(/</g, "\\u003c");
}

module.exports = { bundleWorkbookWorker, workbookWorkerDefine };
