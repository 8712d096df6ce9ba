/**
 * The manifest Office is given, made from manifest.xml (the development one, on https://localhost:3000)
 * by the build. With a host (ADDIN_URL) it becomes the production manifest: every URL on that host, an
 * <Id> of its own, so that an office can keep the development add-in and the deployed one apart (Office
 * tells add-ins apart by Id), and a <Version> that follows package.json: "whenever you make a change to
 * the manifest ... you must raise the version number of the manifest" (learn.microsoft.com, "Update and maintain
 * your Office Add-in", Update your add-in). Without a host the manifest stays the development one, marked.
 */

/** Where manifest.xml points: `webpack serve` and office-addin-debugging. */
const DEV_URL = "https://localhost:3000/";
/** The development add-in's Id (manifest.xml). */
const DEV_ID = "c834fdcb-3f8e-455b-b7b9-8aec63ff7aa5";
/** The deployed add-in's Id: fixed, so that every build for a host updates the same add-in. */
const PRODUCTION_ID = "4d0b09d2-650b-49e3-9efd-dd7e2140e80c";

const DEVELOPMENT_NOTICE =
  "dist/manifest.xml trỏ tới https://localhost:3000: chỉ dùng để phát triển trên máy này. " +
  "Để triển khai cho người dùng: ADDIN_URL=https://<máy chủ>/<thư mục>/ npm run build (xem docs/trien-khai.md).";

/** "1.2.3" → "1.2.3.0": the manifest's Version has four parts of at most five digits each (XSD). */
function manifestVersion(packageVersion) {
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(packageVersion);
  if (!match) {
    throw new Error(
      `package.json's version "${packageVersion}" must be three numbers (1.2.3) to make the manifest's <Version>.`,
    );
  }
  return `${match[1]}.${match[2]}.${match[3]}.0`;
}

/** Replaces the one element `name`'s text, failing when manifest.xml no longer has it. */
function replaceElement(xml, name, text) {
  const pattern = new RegExp(`<${name}>[^<]*</${name}>`);
  if (!pattern.test(xml)) throw new Error(`manifest.xml has no <${name}>.`);
  return xml.replace(pattern, `<${name}>${text}</${name}>`);
}

/** Every http(s) URL written in an attribute of the manifest. */
function urlsOf(xml) {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
}

/** The production manifest for the add-in served from `url` (an https URL ending in "/"). */
function productionManifest(xml, { url, version }) {
  if (!xml.includes(`<Id>${DEV_ID}</Id>`)) throw new Error(`manifest.xml's <Id> is not ${DEV_ID}.`);
  const elsewhere = urlsOf(xml).filter((u) => !u.startsWith(DEV_URL));
  if (elsewhere.length > 0) throw new Error(`manifest.xml has URLs off ${DEV_URL}: ${elsewhere.join(", ")}`);
  // The sources' comments are for developers and speak of localhost: the admin centre gets none of them.
  let out = xml
    .replace(/<!--[\s\S]*?-->\s*/g, "")
    .split(DEV_URL)
    .join(url);
  out = replaceElement(out, "Id", PRODUCTION_ID);
  out = replaceElement(out, "Version", manifestVersion(version));
  return out.replace(
    /(<\?xml[^>]*\?>\n)/,
    `$1<!-- Built for ${url} (version ${manifestVersion(version)}); manifest.xml in the sources is the development one. -->\n`,
  );
}

/** The development manifest as the build copies it: unchanged but for a comment saying what it is. */
function developmentManifest(xml) {
  return xml.replace(/(<\?xml[^>]*\?>\n)/, `$1<!-- DEVELOPMENT ONLY: ${DEVELOPMENT_NOTICE} -->\n`);
}

/** Says in webpack's output, as a warning, that the manifest built is for development only. */
class DevelopmentManifestNotice {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DevelopmentManifestNotice", (compilation) => {
      compilation.hooks.afterProcessAssets.tap("DevelopmentManifestNotice", () => {
        compilation.warnings.push(new compiler.webpack.WebpackError(DEVELOPMENT_NOTICE));
      });
    });
  }
}

module.exports = {
  DEV_URL,
  DEV_ID,
  PRODUCTION_ID,
  DEVELOPMENT_NOTICE,
  manifestVersion,
  productionManifest,
  developmentManifest,
  DevelopmentManifestNotice,
};
