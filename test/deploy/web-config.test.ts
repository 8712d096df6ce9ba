/**
 * @jest-environment jsdom
 *
 * deploy/web.config, the IIS twin of deploy/nginx.conf. IIS cannot run here, so this reads the file as
 * IIS's configuration schema does and checks that it asks for what nginx.test.ts checks on a live nginx.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const xml = readFileSync(join(__dirname, "..", "..", "deploy", "web.config"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (selector: string, within: ParentNode = doc) => Array.from(within.querySelectorAll(selector));

describe("deploy/web.config", () => {
  it("is well-formed XML with one configuration", () => {
    expect(all("parsererror")).toEqual([]);
    expect(doc.documentElement.localName).toBe("configuration");
  });

  it("maps the MIME types of dist/, removing IIS's own first so that it does not fail on a duplicate", () => {
    const staticContent = all("configuration > system\\.webServer > staticContent")[0];
    const maps = Object.fromEntries(
      all("mimeMap", staticContent).map((m) => [m.getAttribute("fileExtension"), m.getAttribute("mimeType")]),
    );
    expect(maps).toEqual({
      ".json": "application/json; charset=utf-8",
      ".js": "application/javascript; charset=utf-8",
      ".html": "text/html; charset=utf-8",
      ".xml": "text/xml; charset=utf-8",
      ".png": "image/png",
    });
    const removed = all("remove", staticContent).map((r) => r.getAttribute("fileExtension"));
    expect(removed).toEqual(Object.keys(maps));
  });

  it("asks browsers to check again every file, but hashed chunks, which it keeps for a year", () => {
    expect(all("staticContent > clientCache")[0].getAttribute("cacheControlMode")).toBe("DisableCache");
    const rule = all("outboundRules > rule")[0];
    expect(all("match", rule)[0].getAttribute("serverVariable")).toBe("RESPONSE_Cache_Control");
    const pattern = new RegExp(all("conditions > add", rule)[0].getAttribute("pattern") ?? "");
    expect(pattern.test("/kstthc/xlsx.1a2b3c4d.js")).toBe(true);
    expect(pattern.test("/kstthc/taskpane.js")).toBe(false);
    expect(all("action", rule)[0].getAttribute("value")).toBe("public, max-age=31536000, immutable");
  });

  it("opens only the functions' metadata to other origins (Excel on the web fetches it cross-origin)", () => {
    const opened = all("configuration > location").filter((location) =>
      all("customHeaders > add", location).some(
        (h) => h.getAttribute("name") === "Access-Control-Allow-Origin" && h.getAttribute("value") === "*",
      ),
    );
    expect(opened.map((l) => l.getAttribute("path"))).toEqual(["functions.json", "functions-en-US.json"]);
    const siteWide = all("configuration > system\\.webServer > httpProtocol customHeaders > add");
    expect(siteWide.map((h) => h.getAttribute("name"))).toEqual(["X-Content-Type-Options"]);
  });
});
