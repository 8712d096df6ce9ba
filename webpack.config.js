/**
 * Builds the Excel add-in into dist/: one page (taskpane.html) that loads office.js from Microsoft's CDN
 * and the three bundles of the shared runtime (taskpane, functions, commands), functions.json for the
 * custom functions, the icons and the manifest. Outside Office the same page is a web app that scores a
 * file opened in it; index.html is that web app alone (no office.js), for any static server. Every URL
 * in the pages and between the bundles is relative, so dist/ works from any folder of any host.
 *
 *   webpack --mode production              dist/ for https://localhost:3000 (no network, no certificates);
 *                                          the manifest is for development only, and the build says so
 *   ADDIN_URL=https://host/kstthc/ webpack --mode production
 *                                          dist/manifest.xml for that static host: its own Id, the
 *                                          version of package.json (build/manifest.js)
 *   webpack serve --mode development       https://localhost:3000 with office-addin-dev-certs certificates
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { DevelopmentManifestNotice, developmentManifest, productionManifest } = require("./build/manifest");
const { version } = require("./package.json");
const { FILE: ENGLISH_METADATA, englishMetadata } = require("./build/functions-en");
const { workbookWorkerDefine } = require("./build/workbook-worker");

const DEV_PORT = 3000;
const FUNCTIONS_METADATA = "functions.json";

/**
 * Metadata that custom-functions-metadata-plugin cannot write: `allowErrorForDataTypeAny` is a top-level
 * property of functions.json, "only for manually created JSON metadata" (learn.microsoft.com, "Errors as
 * custom function inputs" and custom-functions-json "Metadata reference"). With it, a parameter typed
 * `any` (our unknown[][] ranges) receives an error cell as a value, and args.ts turns it into a #VALUE!
 * of that one cell with a message; without it Excel does not call the function at all when one input
 * cell is #N/A, and the whole spill shows the error.
 */
function withErrorInputs(json) {
  const metadata = JSON.parse(json);
  return JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 2);
}

/**
 * Rewrites functions.json after the metadata plugin has generated it, in the same compilation, and writes
 * its English twin.
 */
class FunctionsMetadataOptionsPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("FunctionsMetadataOptionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadataOptionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(FUNCTIONS_METADATA);
          if (!asset) return;
          const json = withErrorInputs(asset.source.source().toString());
          compilation.updateAsset(FUNCTIONS_METADATA, new sources.RawSource(json));
          // The English beside it, for an English Excel (build/functions-en.js, manifest.xml's bt:Override).
          compilation.emitAsset(ENGLISH_METADATA, new sources.RawSource(englishMetadata(json)));
        },
      );
    });
  }
}

/** ADDIN_URL as an https origin-and-path ending in "/", or undefined when unset. */
function addinUrl() {
  const raw = (process.env.ADDIN_URL || "").trim();
  if (!raw) return undefined;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL "${raw}" is not a URL.`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must use https (Office requires it): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not carry a query or a fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

const makeConfig = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const publicUrl = production ? addinUrl() : undefined;

  const config = {
    mode: production ? "production" : "development",
    // Source maps only for development: the production dist/ is what gets copied to a server.
    devtool: production ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      // A classic script of its own, written by hand into taskpane.html before office.js.
      boot: "./src/taskpane/boot.ts",
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js and functions.json.
      filename: "[name].js",
      // Chunks loaded on demand carry a hash of their content: a host may keep them for a year
      // (deploy/nginx.conf), and a new version never meets an old chunk in a browser's cache.
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `tsc --noEmit`'s job; the bundle only needs the JavaScript.
              transpileOnly: true,
              // tsconfig.json is set up for checking (noEmit) and for jest; webpack needs ES modules out.
              compilerOptions: { module: "ES2020", noEmit: false, sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: FUNCTIONS_METADATA,
        input: "./src/functions/functions.ts",
      }),
      new FunctionsMetadataOptionsPlugin(),
      // The web app's workbook worker as text, in the chunk of the file adapter that alone reads it
      // (src/taskpane/workbook-worker-source.ts); built once per webpack start, `webpack serve` included.
      new DefinePlugin({ KSTTHC_WORKBOOK_WORKER: workbookWorkerDefine({ minify: production }) }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // All three bundles on the one page of the shared runtime, the ribbon's small one first: its
        // action is associated before the pane's bundle is even parsed (src/commands/commands.ts).
        chunks: ["commands", "functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/taskpane/webapp.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The manifest's SupportUrl: a static page, not the pane.
          { from: "src/taskpane/help.html", to: "help.html" },
          // Beside the pages, so that browsers find an icon instead of asking for a missing favicon.ico.
          { from: "assets/icon-32.png", to: "favicon.png" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            // build/manifest.js: the production manifest for ADDIN_URL, else the development one, marked.
            transform: (content) =>
              publicUrl
                ? productionManifest(content.toString("utf8"), { url: publicUrl, version })
                : developmentManifest(content.toString("utf8")),
          },
        ],
      }),
      ...(production && !publicUrl ? [new DevelopmentManifestNotice()] : []),
    ],
    performance: {
      // The pane will carry React and Fluent UI; warn only well above that.
      maxAssetSize: 2_000_000,
      maxEntrypointSize: 2_000_000,
    },
  };

  if (serving) {
    // Loaded only for `webpack serve`: it may create and trust a local certificate authority.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_PORT,
      hot: false,
      static: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
    };
  }
  return config;
};
module.exports = makeConfig;
module.exports.withErrorInputs = withErrorInputs;
