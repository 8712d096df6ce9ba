/** The page's security promises, checked on the source page and, once built, on dist/. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..");
const page = readFileSync(path.join(root, "src", "taskpane", "taskpane.html"), "utf8");
const webPage = readFileSync(path.join(root, "src", "taskpane", "webapp.html"), "utf8");

function policy(html: string): Map<string, string[]> {
  // The built page is minified: the attribute may lose its quotes.
  const content = /http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)?.[1];
  expect(content).toBeDefined();
  return new Map(
    content!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe("Content-Security-Policy of the task pane", () => {
  const csp = policy(page);

  it("allows scripts only from the add-in and Microsoft's office.js CDN, never eval or inline", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual([
      "'self'",
      "https://appsforoffice.microsoft.com",
      "https://ajax.aspnetcdn.com",
    ]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("lets the page connect nowhere but itself", () => {
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    for (const [, values] of csp) {
      for (const value of values) expect(value).not.toMatch(/^\*|^https?:\/\/\*|'unsafe-eval'/);
    }
  });

  it("loads office.js from the CDN it allows, and no other remote script", () => {
    const sources = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  });
});

describe("Content-Security-Policy of the web app's page (index.html)", () => {
  const csp = policy(webPage);

  it("allows scripts from its own server only, and connects nowhere else", () => {
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    // The scored workbook and the letter are saved through blob: URLs, which navigation allows.
    for (const [, values] of csp)
      for (const value of values) expect(value).not.toMatch(/^\*|^https?:|'unsafe-eval'/);
    expect([...webPage.matchAll(/<script/g)]).toEqual([]);
  });
});

/**
 * The one `new Function` of the bundles: the setImmediate polyfill inside ExcelJS's browser build (and
 * inside JSZip, which the file adapter loads to repair files ExcelJS trips on), for a
 * callback given as a string of code. ExcelJS passes functions only, and the pages' policy would refuse
 * the string anyway (no 'unsafe-eval'); the web app's browser test fails on any policy violation.
 */
const EXCELJS_SET_IMMEDIATE =
  /setImmediate=function\((\w+)\)\{"function"!=typeof \1&&\(\1=new Function\(""\+\1\)\)/g;

const dist = path.join(root, "dist");
const built = existsSync(path.join(dist, "taskpane.html")) ? describe : describe.skip;

built("the built bundles", () => {
  it("keep the policy and use no eval or Function constructor", () => {
    expect(policy(readFileSync(path.join(dist, "taskpane.html"), "utf8")).get("script-src")).toContain(
      "'self'",
    );
    expect(policy(readFileSync(path.join(dist, "index.html"), "utf8")).get("script-src")).toEqual(["'self'"]);
    let polyfills = 0;
    for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
      const code = readFileSync(path.join(dist, file), "utf8");
      const known = code.match(EXCELJS_SET_IMMEDIATE)?.length ?? 0;
      polyfills += known;
      const rest = code.replace(EXCELJS_SET_IMMEDIATE, "");
      expect([file, /\beval\(|new Function\(/.test(rest)]).toEqual([file, false]);
    }
    // ExcelJS's copy, and JSZip's in the chunk that repairs files ExcelJS cannot load (zip-repair.js).
    expect(polyfills).toBe(2);
  });
});
