/**
 * The add-in build. The production webpack build takes seconds, too slow for the unit suite: the dist/
 * checks run only when dist/ exists (after `webpack --mode production`). The config itself is checked
 * always, without building. With Debian's chromium installed, the built page is also loaded in a headless
 * browser with a stand-in office.js, to see the three bundles start and register what the manifest names.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, CONTENT_TYPES, launchChromium, OFFICE_JS } from "./browser/chromium";

const ROOT = join(__dirname, "..");
const { DEV_ID, DEVELOPMENT_NOTICE, DevelopmentManifestNotice, manifestVersion, PRODUCTION_ID } =
  jest.requireActual<typeof import("../build/manifest")>("../build/manifest");
const { FILE: ENGLISH_FILE, englishMetadata } =
  jest.requireActual<typeof import("../build/functions-en")>("../build/functions-en");
type DevelopmentManifestNotice = InstanceType<typeof DevelopmentManifestNotice>;
const DIST = join(ROOT, "dist");

// Certificates are for `webpack serve` only; the stand-in records whether anything asked for them.
const mockGetHttpsServerOptions = jest.fn(async () => ({ key: "KEY", cert: "CERT", ca: "CA" }));
jest.mock("office-addin-dev-certs", () => ({ getHttpsServerOptions: mockGetHttpsServerOptions }));

interface CopyPattern {
  from: string;
  to: string;
  transform?: (content: Buffer, file: string) => Buffer | string;
}
interface Config {
  entry: Record<string, string>;
  devtool: string | false;
  devServer?: unknown;
  plugins: { patterns?: CopyPattern[] }[];
}
type MakeConfig = (env: Record<string, unknown>, argv: { mode: string }) => Promise<Config>;
// Through jest's registry, so that the config's own require of office-addin-dev-certs gets the stand-in.
const makeConfig = jest.requireActual<MakeConfig>(join(ROOT, "webpack.config.js"));

async function productionConfig(addinUrl?: string): Promise<Config> {
  const saved = process.env.ADDIN_URL;
  if (addinUrl === undefined) delete process.env.ADDIN_URL;
  else process.env.ADDIN_URL = addinUrl;
  try {
    return await makeConfig({}, { mode: "production" });
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}

function manifestAfterCopy(config: Config): string {
  const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === "manifest.xml");
  if (!pattern) throw new Error("manifest.xml is not copied");
  const source = readFileSync(join(ROOT, "manifest.xml"));
  return (pattern.transform ? pattern.transform(source, join(ROOT, "manifest.xml")) : source).toString();
}

const idOf = (xml: string) => /<Id>([^<]*)<\/Id>/.exec(xml)?.[1];

/** The warnings the plugin adds to a compilation, through a stand-in for webpack's hooks. */
function warningsOf(plugin: DevelopmentManifestNotice): string[] {
  const warnings: Error[] = [];
  const compilation = {
    warnings,
    hooks: { afterProcessAssets: { tap: (_: string, fn: () => void) => fn() } },
  };
  plugin.apply({
    webpack: { WebpackError: Error },
    hooks: { thisCompilation: { tap: (_: string, fn: (c: typeof compilation) => void) => fn(compilation) } },
  });
  return warnings.map((w) => w.message);
}

const urlsOf = (xml: string) =>
  [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);

describe("webpack.config.js (no build)", () => {
  it("has the three entries of the shared runtime; no dev server nor certificates outside `webpack serve`", async () => {
    const config = await productionConfig();
    expect(Object.keys(config.entry).sort()).toEqual(["boot", "commands", "functions", "taskpane"]);
    expect(config.devServer).toBeUndefined();
    expect(mockGetHttpsServerOptions).not.toHaveBeenCalled();
  });

  it("serves https on port 3000 with the dev certificates under `webpack serve`", async () => {
    const config = await makeConfig({ WEBPACK_SERVE: true }, { mode: "development" });
    expect(config.devServer).toMatchObject({
      port: 3000,
      server: { type: "https", options: { key: "KEY", cert: "CERT", ca: "CA" } },
    });
    expect(mockGetHttpsServerOptions).toHaveBeenCalledTimes(1);
  });

  it("copies the development manifest without ADDIN_URL, marked as such, and says so in the build's output", async () => {
    const config = await productionConfig();
    const xml = manifestAfterCopy(config);
    const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(xml).toMatch(/^<\?xml[^>]*\?>\n<!-- DEVELOPMENT ONLY: .*docs\/trien-khai\.md/);
    expect(xml.replace(/<!-- DEVELOPMENT ONLY:[^\n]*-->\n/, "")).toBe(source);
    expect(idOf(xml)).toBe(DEV_ID);
    // The notice is a webpack warning, printed at the end of `npm run build`.
    const notices = config.plugins.filter((p) => p instanceof DevelopmentManifestNotice);
    expect(notices).toHaveLength(1);
    expect(warningsOf(notices[0] as DevelopmentManifestNotice)).toEqual([DEVELOPMENT_NOTICE]);
    const withHost = await productionConfig("https://intranet.example.vn/kstthc");
    expect(withHost.plugins.some((p) => p instanceof DevelopmentManifestNotice)).toBe(false);
  });

  it("with ADDIN_URL, writes a manifest with every URL on that host, an Id of its own and package.json's version", async () => {
    const xml = manifestAfterCopy(await productionConfig("https://intranet.example.vn/kstthc"));
    const urls = urlsOf(xml);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url.startsWith("https://intranet.example.vn/kstthc/")).toBe(true);
    expect(xml).toContain('DefaultValue="https://intranet.example.vn/kstthc/taskpane.html"');
    expect(idOf(xml)).toBe(PRODUCTION_ID);
    expect(xml).not.toContain("localhost");
    expect(PRODUCTION_ID).not.toBe(DEV_ID);
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(/<Version>([^<]*)<\/Version>/.exec(xml)?.[1]).toBe(`${version}.0`);
  });

  it("turns package.json's version into the manifest's four parts, refusing what Office cannot read", () => {
    expect(manifestVersion("1.2.3")).toBe("1.2.3.0");
    expect(manifestVersion("0.10.0")).toBe("0.10.0.0");
    expect(() => manifestVersion("1.2.3-beta.1")).toThrow(/three numbers/);
    expect(() => manifestVersion("123456.0.0")).toThrow(/three numbers/);
  });

  it("adds allowErrorForDataTypeAny at the top of the generated functions.json and keeps the rest", () => {
    const { withErrorInputs } = jest.requireActual<{ withErrorInputs: (json: string) => string }>(
      join(ROOT, "webpack.config.js"),
    );
    const generated = { allowCustomDataForDataTypeAny: true, functions: [{ id: "DIEM", name: "DIEM" }] };
    expect(JSON.parse(withErrorInputs(JSON.stringify(generated)))).toEqual({
      allowErrorForDataTypeAny: true,
      ...generated,
    });
  });

  it("writes English metadata beside the Vietnamese: same ids and names, every description and parameter in English", () => {
    const generated = {
      functions: [
        {
          id: "DIEM",
          name: "DIEM",
          description: "Điểm của một tiêu chí",
          parameters: [
            { name: "tieu_chi", description: "Mã tiêu chí", type: "string" },
            { name: "gia_tri", description: "Số liệu", type: "any", dimensionality: "matrix" },
          ],
        },
      ],
    };
    const english = JSON.parse(englishMetadata(JSON.stringify(generated))) as typeof generated;
    expect(ENGLISH_FILE).toBe("functions-en-US.json");
    expect(english.functions[0]).toMatchObject({ id: "DIEM", name: "DIEM" });
    expect(english.functions[0].description).toMatch(/^Points of an emulation criterion/);
    expect(english.functions[0].parameters).toEqual([
      { name: "criterion", description: expect.stringMatching(/^Criterion code/), type: "string" },
      {
        name: "value",
        description: expect.stringMatching(/^The criterion's figure/),
        type: "any",
        dimensionality: "matrix",
      },
    ]);
    // A function or a parameter without English stops the build rather than ship Vietnamese.
    const unknown = { functions: [{ id: "MOI", name: "MOI", description: "Hàm mới", parameters: [] }] };
    expect(() => englishMetadata(JSON.stringify(unknown))).toThrow(/no English for the custom function MOI/);
  });

  it("makes source maps for development only", async () => {
    expect((await productionConfig()).devtool).toBe(false);
  });

  it("refuses an ADDIN_URL that Office cannot load", async () => {
    await expect(productionConfig("http://intranet.example.vn/")).rejects.toThrow(/https/);
    await expect(productionConfig("not a url")).rejects.toThrow(/not a URL/);
  });
});

const built = existsSync(DIST) ? describe : describe.skip;

built("dist/ (after `webpack --mode production`)", () => {
  const read = (file: string) => readFileSync(join(DIST, file), "utf8");

  it("has one page that loads boot.js, then office.js from the CDN, before the three bundles", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "boot.js",
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "commands.js",
      "functions.js",
      "taskpane.js",
    ]);
    for (const bundle of scripts.filter((s) => !s.startsWith("https:")))
      expect(existsSync(join(DIST, bundle))).toBe(true);
    // boot.js and office.js run as the page is parsed, in that order; the bundles after (defer).
    const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    expect(tags.map((t) => /\sdefer/.test(t))).toEqual([false, false, true, true, true]);
  });

  it("associates the ribbon's action from a small first bundle, the scoring code fetched on the first click", () => {
    const commands = read("commands.js");
    // OfficeDev/office-js#5176: a first click may do nothing while the page is busy with a big bundle.
    expect(Buffer.byteLength(commands)).toBeLessThan(20_000);
    expect(commands).toContain('associate("tinhDiem"');
    // No core in it: the criteria sheet's name and the letter's wording live in the scoring chunk.
    expect(commands).not.toContain("Tiêu chí");
    const chunks = readdirSync(DIST).filter((f) => /^score\.[0-9a-f]{8}\.js$/.test(f));
    expect(chunks).toHaveLength(1);
    expect(read(chunks[0])).toContain("Tiêu chí");
  });

  it("has the web app's page (index.html) with the task pane's bundle alone, and relative URLs only", () => {
    const html = read("index.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual(["taskpane.js"]);
    // Relative, so that dist/ works from any folder of any host (`npx serve dist`, an intranet path).
    for (const page of ["index.html", "taskpane.html"]) {
      const urls = [...read(page).matchAll(/\s(?:src|href)="?([^"\s>]+)/g)].map((m) => m[1]);
      for (const url of urls.filter((u) => !u.startsWith("https://appsforoffice.microsoft.com/")))
        expect([page, url]).toEqual([page, expect.stringMatching(/^[a-z0-9][\w.-]*$/i)]);
    }
  });

  it("ships no source maps and has a favicon the pages point to", () => {
    expect(readdirSync(DIST).filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const bundle of readdirSync(DIST).filter((f) => f.endsWith(".js"))) {
      expect([bundle, read(bundle).includes("sourceMappingURL")]).toEqual([bundle, false]);
    }
    expect(existsSync(join(DIST, "favicon.png"))).toBe(true);
    for (const page of ["index.html", "taskpane.html"]) {
      expect(read(page)).toMatch(/<link rel="?icon"? type="?image\/png"? href="?favicon.png"?/);
    }
  });

  it("keeps the file adapter out of the task pane's bundle, in a chunk fetched only when a file is opened", () => {
    const marker = "xl/worksheets/sheet";
    const bundles = readdirSync(DIST).filter((f) => f.endsWith(".js"));
    // Named with a hash of its content, which deploy/nginx.conf lets browsers keep for a year.
    const chunks = bundles.filter((f) => read(f).includes(marker));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/^xlsx\.[0-9a-f]{8}\.js$/);
    // Fetched by name, relative to the script that loaded the runtime (publicPath "auto").
    expect(read("taskpane.js")).toContain('"xlsx"');
    // The package adapter needs no ExcelJS: none of it is built.
    expect(existsSync(join(DIST, "exceljs.js"))).toBe(false);
    expect(bundles.filter((f) => read(f).includes("ExcelJS"))).toEqual([]);
  });

  it("lets error cells reach the functions: allowErrorForDataTypeAny on, every range parameter typed any", () => {
    // Top-level, per the custom-functions JSON "Metadata reference"; it applies to parameters typed any.
    const metadata = JSON.parse(read("functions.json")) as {
      allowErrorForDataTypeAny?: boolean;
      functions: { id: string; parameters: { name: string; type?: string; dimensionality?: string }[] }[];
    };
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    const ranges = metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.dimensionality === "matrix").map((p) => [f.id, p.name, p.type ?? "any"]),
    );
    // DIEM's and DEXUAT's two, XEPLOAI's three (the points per criterion, issue 26).
    expect(ranges).toHaveLength(7);
    for (const [id, name, type] of ranges) expect([id, name, type]).toEqual([id, name, "any"]);
  });

  it("has functions-en-US.json, the manifest's English override, with the same functions in English", () => {
    type Metadata = {
      functions: {
        id: string;
        name: string;
        description: string;
        parameters: { name: string; description: string }[];
      }[];
    };
    const vietnamese = JSON.parse(read("functions.json")) as Metadata;
    const english = JSON.parse(read("functions-en-US.json")) as Metadata;
    expect(english.functions.map((f) => [f.id, f.name, f.parameters.length])).toEqual(
      vietnamese.functions.map((f) => [f.id, f.name, f.parameters.length]),
    );
    for (const fn of english.functions) {
      const theirs = vietnamese.functions.find((f) => f.id === fn.id)!;
      expect(fn.description).not.toBe(theirs.description);
      for (const [i, p] of fn.parameters.entries())
        expect(p.description).not.toBe(theirs.parameters[i].description);
    }
    expect(read("manifest.xml")).toMatch(
      /<bt:Override Locale="en-US" Value="[^"]*\/functions-en-US\.json"\/>/,
    );
  });

  it("has functions.json with DIEM, XEPLOAI and DEXUAT (ids without the namespace)", () => {
    const metadata = JSON.parse(read("functions.json")) as {
      functions: { id: string; name: string; parameters: { name: string; optional?: boolean }[] }[];
    };
    expect(metadata.functions.map((f) => f.id)).toEqual(["DIEM", "XEPLOAI", "DEXUAT"]);
    expect(metadata.functions.map((f) => f.name)).toEqual(["DIEM", "XEPLOAI", "DEXUAT"]);
    const diem = metadata.functions[0];
    expect(diem.parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["tieu_chi", false],
      ["gia_tri", false],
      ["tieu_chi_bang", true],
    ]);
    // XEPLOAI's third argument (issue 26): the points per criterion, for the emulation rating.
    expect(metadata.functions[1].parameters.map((p) => [p.name, p.optional ?? false])).toEqual([
      ["diem_766", false],
      ["tieu_chi_bang", true],
      ["diem_cac_tieu_chi", true],
    ]);
    const bundle = read("functions.js");
    for (const id of ["DIEM", "XEPLOAI", "DEXUAT"])
      expect(bundle).toContain(`CustomFunctions.associate("${id}"`);
  });

  it("has a manifest whose URLs are https on one origin and name files that dist/ holds", () => {
    const xml = read("manifest.xml");
    const urls = urlsOf(xml);
    const page = urls.find((u) => u.endsWith("/taskpane.html")) as string;
    const base = page.slice(0, -"taskpane.html".length);
    for (const url of urls) {
      expect(url.startsWith(base)).toBe(true);
      expect(url.startsWith("https://")).toBe(true);
      expect(existsSync(join(DIST, url.slice(base.length)))).toBe(true);
    }
  });
});

const inBrowser = existsSync(DIST) && existsSync(CHROMIUM) ? describe : describe.skip;

/** Just enough of office.js for the bundles to start; records what they register. */
const OFFICE_STAND_IN = `
  window.__functions = {}; window.__actions = {}; window.__shown = 0;
  window.Office = {
    onReady(callback) {
      const info = Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
      if (callback) info.then(callback);
      return info;
    },
    actions: { associate(id, f) { window.__actions[id] = f; } },
    addin: { showAsTaskpane() { window.__shown++; return Promise.resolve(); } },
  };
  window.CustomFunctions = {
    associate(id, f) { window.__functions[id] = f; },
    Error: class { constructor(code, message) { this.code = code; this.message = message; } },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
`;

inBrowser("dist/ in a headless browser (stand-in office.js)", () => {
  let browser: BrowserContext;
  let page: Page;
  let closeChromium: (() => Promise<void>) | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ context: browser, close: closeChromium } = await launchChromium());
    page = await browser.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    // Nothing leaves the machine: the CDN answers with the stand-in, the dev origin with dist/.
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.href === OFFICE_JS) {
        return route.fulfill({ contentType: "text/javascript", body: OFFICE_STAND_IN });
      }
      const file = join(DIST, decodeURIComponent(url.pathname));
      if (url.origin === "https://localhost:3000" && file.startsWith(DIST) && existsSync(file)) {
        return route.fulfill({
          contentType: CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
          body: readFileSync(file),
        });
      }
      return route.abort();
    });
    // As Excel opens the page: with its host information (without it boot.js leaves for the web app).
    await page.goto("https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN$$$$0");
    await page.waitForFunction(() => "tinhDiem" in (window as unknown as { __actions: object }).__actions);
  });

  afterAll(async () => {
    await closeChromium?.();
  });

  it("starts the three bundles without errors and registers what the manifest names", async () => {
    expect(errors).toEqual([]);
    const registered = await page.evaluate(() => {
      const w = window as unknown as { __functions: object; __actions: object };
      return { functions: Object.keys(w.__functions), actions: Object.keys(w.__actions) };
    });
    expect(registered).toEqual({ functions: ["DIEM", "XEPLOAI", "DEXUAT"], actions: ["tinhDiem"] });
    await expect(page.textContent("#root")).resolves.toContain("Chưa tính điểm");
  });

  it("computes with the bundled functions and reports bad arguments as #VALUE!", async () => {
    const out = await page.evaluate(() => {
      type Fn = (...args: unknown[]) => unknown;
      const f = (window as unknown as { __functions: Record<string, Fn> }).__functions;
      let error: unknown;
      try {
        f.DIEM("X", [[1]], null);
      } catch (e) {
        error = { ...(e as object) };
      }
      return {
        diem: f.DIEM("III", [[84.37], ["80,00"]], null),
        rate: f.DIEM("IV.9", [[1], [0.965]], null),
        xeploai: f.XEPLOAI([[84.37]], null),
        dexuat: f.DEXUAT([[30, 0]], null),
        error,
      };
    });
    expect(out).toEqual({
      diem: [[30], [0]],
      rate: [[35], [0]],
      xeploai: [["Tốt"]],
      dexuat: [["Có"]],
      error: { code: "#VALUE!", message: "Không có tiêu chí mã “X”. Các mã hiện có: III, IV.9." },
    });
  });

  it("completes the ribbon command even when scoring fails, and the pane says why", async () => {
    // No Excel here, so scoring fails whatever src/excel holds.
    const completed = await page.evaluate(async () => {
      let done = 0;
      const w = window as unknown as { __actions: Record<string, (event: unknown) => Promise<void>> };
      await w.__actions.tinhDiem({ completed: () => done++ });
      return done;
    });
    expect(completed).toBe(1);
    await expect(page.evaluate(() => (window as unknown as { __shown: number }).__shown)).resolves.toBe(1);
    await expect(page.textContent("#root")).resolves.toContain("Không tính được điểm");
    expect(errors).toEqual([]);
  });
});
