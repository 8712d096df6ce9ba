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

/**
 * The origins office.js reaches by itself, read from the copy of the library in @microsoft/office-js (the
 * CDN's files): the MicrosoftAjax script office.js loads, the default collector of its telemetry library
 * (telemetry/oteljs_agave.js, a script from its own CDN folder), and the telemetry proxy frame of
 * Excel on Windows. Microsoft publishes no list (OfficeDev/office-js#1005).
 */
function officeJsNeeds(): { script: string[]; connect: string[]; frame: string[] } {
  const dist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
  const read = (file: string) => readFileSync(path.join(dist, file), "utf8");
  const origin = (pattern: RegExp, code: string) => {
    const url = pattern.exec(code)?.[1];
    expect(url).toBeDefined();
    return new URL(url as string).origin;
  };
  const office = read("office.js");
  expect(office).toContain("telemetry/oteljs_agave.js");
  // office.js builds the MicrosoftAjax URL from the page's protocol: "https:" + "//host/…/MicrosoftAjax.js".
  const ajax = /"\/\/([a-z0-9.-]+)\/[^"]*\/MicrosoftAjax\.js"/.exec(office)?.[1];
  expect(ajax).toBeDefined();
  return {
    script: [`https://${ajax}`],
    connect: [origin(/collectorUri:"(https:\/\/[^"]+)"/, read("telemetry/oteljs_agave.js"))],
    frame: [origin(/telemetryEndPoint="(https:\/\/[^"]+)"/, read("excel-win32-16.00.js"))],
  };
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

  it("lets the page connect nowhere but itself and office.js's telemetry, found in office.js itself", () => {
    const needs = officeJsNeeds();
    expect(csp.get("connect-src")).toEqual(["'self'", ...needs.connect]);
    expect(csp.get("frame-src")).toEqual(needs.frame);
    expect(csp.get("script-src")).toEqual(expect.arrayContaining(needs.script));
    for (const [, values] of csp) {
      for (const value of values) expect(value).not.toMatch(/^\*|^https?:\/\/\*|'unsafe-eval'/);
    }
  });

  it("loads office.js from the CDN it allows, and no other remote script", () => {
    const sources = [...page.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(["boot.js", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
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

const dist = path.join(root, "dist");
const built = existsSync(path.join(dist, "taskpane.html")) ? describe : describe.skip;

built("the built bundles", () => {
  it("keep the policy and use no eval or Function constructor", () => {
    expect(policy(readFileSync(path.join(dist, "taskpane.html"), "utf8")).get("script-src")).toContain(
      "'self'",
    );
    expect(policy(readFileSync(path.join(dist, "index.html"), "utf8")).get("script-src")).toEqual(["'self'"]);
    // None at all since the web app reads files with the package adapter rather than ExcelJS's browser
    // build, whose setImmediate polyfill held the one `new Function` the bundles had.
    const bundles = readdirSync(dist).filter((f) => f.endsWith(".js"));
    expect(bundles.length).toBeGreaterThan(3);
    for (const file of bundles) {
      const code = readFileSync(path.join(dist, file), "utf8");
      expect([file, /\beval\(|new Function\(/.test(code)]).toEqual([file, false]);
    }
  });
});
