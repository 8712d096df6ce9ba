/**
 * manifest.xml against the Office add-in manifest schemas, offline: libxml2's xmllint (the xmllint-wasm
 * package) with the XSDs of test/manifest-xsd (see its README for where they come from and what they
 * do not know). dist/manifest.xml, the file Office is given, is checked too after a build.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import { developmentManifest, productionManifest } from "../build/manifest";

const ROOT = join(__dirname, "..");
const XSD_DIR = join(__dirname, "manifest-xsd");
const MAIN = "OfficeAppManifestV1_1.xsd";

async function validate(xml: string) {
  const others = readdirSync(XSD_DIR).filter((f) => f.endsWith(".xsd") && f !== MAIN);
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: MAIN, contents: readFileSync(join(XSD_DIR, MAIN), "utf8") }],
    preload: others.map((f) => ({ fileName: f, contents: readFileSync(join(XSD_DIR, f), "utf8") })),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

describe("manifest.xml against the Office manifest XSDs", () => {
  it("is valid", async () => {
    expect(await validate(manifest)).toEqual({ valid: true, errors: [] });
  });

  it("is valid as a production build writes it (ADDIN_URL, its own Id, package.json's version)", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const production = productionManifest(manifest, { url: "https://intranet.example.vn/kstthc/", version });
    expect(production).not.toBe(manifest);
    expect(await validate(production)).toEqual({ valid: true, errors: [] });
    expect(await validate(developmentManifest(manifest))).toEqual({ valid: true, errors: [] });
  });

  it("(the check itself) rejects a manifest the schema forbids: no Id, an unknown permission", async () => {
    const broken = manifest
      .replace(/<Id>[^<]*<\/Id>/, "")
      .replace("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>Everything</Permissions>");
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toMatch(/Permissions|Id/);
  });

  (existsSync(join(ROOT, "dist", "manifest.xml")) ? it : it.skip)(
    "is valid as the build writes it (dist/manifest.xml)",
    async () => {
      expect(await validate(readFileSync(join(ROOT, "dist", "manifest.xml"), "utf8"))).toEqual({
        valid: true,
        errors: [],
      });
    },
  );
});
