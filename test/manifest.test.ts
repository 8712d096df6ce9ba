/**
 * @jest-environment jsdom
 *
 * Offline checks of manifest.xml (office-addin-manifest validate needs the network). jsdom's DOMParser
 * is the XML parser: no XML package is a direct dependency.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..");
const XSI = "http://www.w3.org/2001/XMLSchema-instance";
const text = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(text, "application/xml");

const all = (local: string, within: Document | Element = doc): Element[] =>
  Array.from(within.getElementsByTagNameNS("*", local));
const one = (local: string, within: Document | Element = doc): Element => {
  const found = all(local, within);
  if (found.length !== 1) throw new Error(`expected one <${local}>, found ${found.length}`);
  return found[0];
};
/** An element of the base manifest (a direct child of OfficeApp). */
const base = (local: string): Element => {
  const found = Array.from(doc.documentElement.children).filter((e) => e.localName === local);
  if (found.length !== 1) throw new Error(`expected one base <${local}>, found ${found.length}`);
  return found[0];
};
const xsiType = (element: Element) => element.getAttributeNS(XSI, "type");
const childElements = (element: Element) => Array.from(element.children);
const extensionPoint = (type: string) => {
  const found = all("ExtensionPoint").filter((e) => xsiType(e) === type);
  expect(found).toHaveLength(1);
  return found[0];
};

/** Resources by id, with the kind of table that defines them. */
type Kind = "Image" | "Url" | "ShortString" | "LongString";
const resources = new Map<string, { kind: Kind; element: Element }>();
for (const [table, kind] of [
  ["Images", "Image"],
  ["Urls", "Url"],
  ["ShortStrings", "ShortString"],
  ["LongStrings", "LongString"],
] as const) {
  for (const element of childElements(one(table))) {
    const id = element.getAttribute("id") ?? "";
    if (resources.has(id)) throw new Error(`resource id defined twice: ${id}`);
    resources.set(id, { kind, element });
  }
}
const resource = (id: string | null) => {
  const found = resources.get(id ?? "");
  if (!found) throw new Error(`undefined resid ${id}`);
  return found;
};
const stringOf = (id: string | null) => resource(id).element.getAttribute("DefaultValue");

/** Every URL the manifest holds. */
const urls = [
  ...all("Url").map((e) => e.getAttribute("DefaultValue")),
  ...all("Image")
    .filter((e) => e.parentElement?.localName === "Images")
    .map((e) => e.getAttribute("DefaultValue")),
  ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((name) =>
    base(name).getAttribute("DefaultValue"),
  ),
  ...all("SourceLocation")
    .map((e) => e.getAttribute("DefaultValue"))
    .filter((v) => v !== null),
] as string[];

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The file in assets/ that a manifest URL serves. */
function assetFile(url: string | null): string {
  const match = /^https:\/\/localhost:3000\/assets\/([\w.-]+\.png)$/.exec(url ?? "");
  if (!match) throw new Error(`not an asset URL: ${url}`);
  return join(ROOT, "assets", match[1]);
}

describe("manifest.xml", () => {
  it("is well-formed XML, a task pane add-in for Excel", () => {
    expect(all("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
    expect(doc.documentElement.namespaceURI).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(xsiType(doc.documentElement)).toBe("TaskPaneApp");
    expect(all("Host").filter((h) => h.getAttribute("Name") === "Workbook")).toHaveLength(1);
    expect(base("Permissions").textContent).toBe("ReadWriteDocument");
  });

  it("has a GUID id, version 1.0.0.0, a provider and Vietnamese display strings with English overrides", () => {
    expect(base("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(base("Version").textContent).toBe("1.0.0.0");
    expect(base("ProviderName").textContent?.trim()).not.toBe("");
    expect(base("DefaultLocale").textContent).toBe("vi-VN");
    for (const name of ["DisplayName", "Description"]) {
      const element = base(name);
      expect(element.getAttribute("DefaultValue")).toMatch(
        /[ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửựỳỷỹ]/i,
      );
      const overrides = all("Override", element);
      expect(overrides.map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
      expect(overrides[0].getAttribute("Value")?.trim()).not.toBe("");
    }
  });

  it("keeps every text in NFC", () => {
    expect(text).toBe(text.normalize("NFC"));
  });

  it("requires SharedRuntime 1.1 alone: a CustomFunctionsRuntime requirement would hide the pane and ribbon too", () => {
    const sets = new Map(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect([...sets]).toEqual([["SharedRuntime", "1.1"]]);
  });

  it("points SupportUrl at the static help page, which the build copies, not at the pane", () => {
    const support = String(base("SupportUrl").getAttribute("DefaultValue"));
    expect(support).toBe("https://localhost:3000/help.html");
    expect(support).not.toBe(stringOf("Taskpane.Url"));
    const help = readFileSync(join(ROOT, "src", "taskpane", "help.html"), "utf8");
    expect(help).not.toMatch(/<script/i);
    expect(help).toContain("Nơi chạy được");
  });

  it("uses VersionOverrides 1.0, the only version a TaskPaneApp knows", () => {
    const overrides = one("VersionOverrides");
    expect(overrides.namespaceURI).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(xsiType(overrides)).toBe("VersionOverridesV1_0");
  });

  it("runs the pane, the functions and the commands in one long-lived shared runtime", () => {
    const host = all("Host").find((h) => xsiType(h) === "Workbook") as Element;
    expect(childElements(host)[0].localName).toBe("Runtimes");
    const runtime = one("Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const shared = runtime.getAttribute("resid");
    expect(resource(shared).kind).toBe("Url");

    const functions = extensionPoint("CustomFunctions");
    expect(one("SourceLocation", one("Page", functions)).getAttribute("resid")).toBe(shared);
    expect(one("FunctionFile").getAttribute("resid")).toBe(shared);
    const showPane = all("Action").filter((a) => xsiType(a) === "ShowTaskpane");
    expect(showPane).toHaveLength(1);
    expect(one("SourceLocation", showPane[0]).getAttribute("resid")).toBe(shared);
    expect(stringOf(shared)).toBe("https://localhost:3000/taskpane.html");
    // One task pane in a shared runtime: no action of its Host names one ("Configure your Office Add-in
    // to use a shared runtime", Good practice: avoid multiple task panes).
    expect(all("Action", host).flatMap((a) => all("TaskpaneId", a))).toEqual([]);
    expect(text.replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(/<TaskpaneId/i);
  });

  it("gives Excel in English its own functions metadata, Vietnamese staying the default", () => {
    const url = all("Url").find((u) => u.getAttribute("id") === "Functions.Metadata.Url") as Element;
    expect(url.getAttribute("DefaultValue")).toBe("https://localhost:3000/functions.json");
    expect(all("Override", url).map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])).toEqual([
      ["en-US", "https://localhost:3000/functions-en-US.json"],
    ]);
  });

  it("declares the custom functions in the namespace KSTTHC", () => {
    const functions = extensionPoint("CustomFunctions");
    for (const name of ["Script", "Page", "Metadata"]) {
      expect(resource(one("SourceLocation", one(name, functions)).getAttribute("resid")).kind).toBe("Url");
    }
    expect(stringOf(one("SourceLocation", one("Metadata", functions)).getAttribute("resid"))).toMatch(
      /\/functions\.json$/,
    );
    const namespace = resource(one("Namespace", functions).getAttribute("resid"));
    expect(namespace.kind).toBe("ShortString");
    expect(namespace.element.getAttribute("DefaultValue")).toBe("KSTTHC");
    // A translated namespace would rename every formula in other languages.
    expect(all("Override", namespace.element)).toHaveLength(0);
  });

  it("puts the two buttons in a group of the Home tab", () => {
    const tab = one("OfficeTab", extensionPoint("PrimaryCommandSurface"));
    expect(tab.getAttribute("id")).toBe("TabHome");
    const controls = all("Control", tab);
    expect(controls.map((c) => stringOf(one("Label", c).getAttribute("resid")))).toEqual([
      "Tính điểm",
      "Ngăn KSTTHC",
    ]);
    const [score, pane] = controls.map(
      (c) => childElements(c).find((e) => e.localName === "Action") as Element,
    );
    expect(xsiType(score)).toBe("ExecuteFunction");
    expect(one("FunctionName", score).textContent).toBe("tinhDiem");
    expect(xsiType(pane)).toBe("ShowTaskpane");
  });

  it("runs an ExecuteFunction that commands.ts associates", () => {
    const source = readFileSync(join(ROOT, "src", "commands", "commands.ts"), "utf8");
    for (const action of all("FunctionName")) {
      expect(source).toContain(`Office.actions.associate("${action.textContent}"`);
    }
  });

  it("defines every resid it references, with the right kind, in at most 32 characters", () => {
    const expected: Record<string, Kind> = {
      Image: "Image",
      SourceLocation: "Url",
      FunctionFile: "Url",
      Runtime: "Url",
      Label: "ShortString",
      Title: "ShortString",
      Namespace: "ShortString",
      Description: "LongString",
    };
    const referencing = all("*").filter((e) => e.hasAttribute("resid"));
    expect(referencing.length).toBeGreaterThan(10);
    for (const element of referencing) {
      const id = element.getAttribute("resid");
      expect(id?.length).toBeLessThanOrEqual(32);
      expect(resource(id).kind).toBe(expected[element.localName]);
    }
    for (const id of resources.keys()) expect(id.length).toBeLessThanOrEqual(32);
    // Every resource is used, so none is left behind by an edit.
    const used = new Set(referencing.map((e) => e.getAttribute("resid")));
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  it("gives every button label and tooltip an English override", () => {
    for (const [id, { kind, element }] of resources) {
      if (kind !== "ShortString" && kind !== "LongString") continue;
      if (id === one("Namespace").getAttribute("resid")) continue;
      expect(all("Override", element).map((o) => o.getAttribute("Locale"))).toEqual(["en-US"]);
    }
  });

  it("serves everything over https from one origin", () => {
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://localhost:3000"]));
    expect(all("AppDomain")).toHaveLength(0);
  });

  it("points at icons that exist in assets/ with the size each use asks for", () => {
    const uses: { url: string | null; size: number }[] = [
      { url: base("IconUrl").getAttribute("DefaultValue"), size: 32 },
      { url: base("HighResolutionIconUrl").getAttribute("DefaultValue"), size: 64 },
      ...all("Image")
        .filter((e) => e.hasAttribute("size"))
        .map((e) => ({ url: stringOf(e.getAttribute("resid")), size: Number(e.getAttribute("size")) })),
    ];
    expect(new Set(uses.map((u) => u.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of uses) {
      const file = assetFile(url);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});
