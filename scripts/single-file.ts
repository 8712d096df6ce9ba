/**
 * Writes dist/kstthc.html: the whole web page in one HTML file (the pane's script bundled by esbuild with
 * every lazy part inside, the workbook worker's code as text, the icon as a data: URL), so an office can copy it or send it by e-mail and open
 * it from disk. The Content-Security-Policy stays: the inline script is allowed by its SHA-256 hash, and
 * nothing may be fetched from anywhere (no 'self': a page opened from file:// has no origin to trust).
 *
 *   tsx scripts/single-file.ts            after `webpack --mode production` (`npm run build` runs both)
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { workbookWorkerDefine } from "../build/workbook-worker";

const ROOT = path.join(__dirname, "..");
export const SINGLE_FILE = path.join(ROOT, "dist", "kstthc.html");
const TEMPLATE = path.join(ROOT, "src", "taskpane", "webapp.html");
const ICON = path.join(ROOT, "assets", "icon-32.png");

/** The CSP source that allows exactly this inline text. */
export const hashSource = (text: string) =>
  `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * The policy of the single file. Fluent UI writes its styles through the CSSOM at run time (insertRule,
 * element.style), which CSP lets through once `'unsafe-inline'` is there; the file has no <style> of its own.
 */
export function singleFilePolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHash}`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    // The workbook worker (src/taskpane/workbook-worker.ts) runs from a blob: URL of the page's own text.
    "worker-src blob:",
    "font-src data:",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/** The pane's entry as one classic script, the worker's inside as text: no chunk to load beside it, no eval. */
async function bundleScript(withWorker: boolean): Promise<string> {
  const out = await build({
    entryPoints: [path.join(ROOT, "src", "taskpane", "index.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    jsx: "automatic",
    define: {
      "process.env.NODE_ENV": '"production"',
      KSTTHC_WORKBOOK_WORKER: withWorker ? workbookWorkerDefine() : "undefined",
    },
    // The libraries' licence notices travel with the copy, at the end of the script.
    legalComments: "eof",
    charset: "ascii",
    logLevel: "warning",
  });
  // An HTML parser ends the <script> element at the first "</script" in it (esbuild writes "<\/script"),
  // or skips that end after "<!--" and "<script" (the XML readers have "<!--", React's DOM "<script>").
  // Inside a string literal "\x3C" is the same "<" to JavaScript and none to HTML.
  const script = out.outputFiles[0].text.replace(/(["'`])<script/g, "$1\\x3Cscript");
  if (/<\/?script/i.test(script))
    throw new Error("The bundle holds '<script' or '</script' outside a string: it cannot be inlined as is.");
  return script;
}

/** The page's HTML around `script`, from the web page's own template. */
export function singleFileHtml(template: string, script: string, iconDataUrl: string): string {
  const policy = singleFilePolicy(hashSource(script));
  const replaced = template
    .replace(/<!--[\s\S]*?-->\s*/, "")
    // Replacers as functions: the script's own "$&" or "$1" must not be read as patterns.
    .replace(
      /(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/,
      (_, head: string) => `${head}${policy}"`,
    )
    .replace(/href="favicon\.png"/, () => `href="${iconDataUrl}"`)
    .replace("</body>", () => `<script>${script}</script>\n  </body>`);
  if (!replaced.includes(policy) || !replaced.includes(iconDataUrl))
    throw new Error(`${TEMPLATE} no longer has the CSP meta or the favicon link this script replaces.`);
  return replaced;
}

/** `worker: false` leaves the worker out (the bench's comparison): the page then works on its own thread. */
export async function writeSingleFile(file = SINGLE_FILE, { worker = true } = {}): Promise<string> {
  const script = await bundleScript(worker);
  const icon = `data:image/png;base64,${readFileSync(ICON).toString("base64")}`;
  const html = singleFileHtml(readFileSync(TEMPLATE, "utf8"), script, icon);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
  return file;
}

if (require.main === module) {
  writeSingleFile().then(
    (file) => console.log(`${path.relative(process.cwd(), file)}: ${readFileSync(file).length} bytes`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
