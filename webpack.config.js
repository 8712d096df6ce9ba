/**
 * Builds the Excel add-in into dist/: one page (taskpane.html) that loads office.js from Microsoft's CDN
 * and the three bundles of the shared runtime (taskpane, functions, commands), functions.json for the
 * custom functions, the icons and the manifest. Outside Office the same page is a web app that scores a
 * file opened in it; index.html is that web app alone (no office.js), for any static server. Every URL
 * in the pages and between the bundles is relative, so dist/ works from any folder of any host.
 *
 *   webpack --mode production              dist/ for https://localhost:3000 (no network, no certificates)
 *   ADDIN_URL=https://host/kstthc/ webpack --mode production
 *                                          dist/manifest.xml points at that static host instead
 *   webpack serve --mode development       https://localhost:3000 with office-addin-dev-certs certificates
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/** ExcelJS's own browser build: the Node modules it needs are bundled into it, with no eval of ours. */
const EXCELJS_BROWSER = require.resolve("exceljs/dist/exceljs.min.js");
const DEV_PORT = 3000;

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

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const publicUrl = production ? addinUrl() : undefined;

  const config = {
    mode: production ? "production" : "development",
    // Source maps only for development: the production dist/ is what gets copied to a server.
    devtool: production ? false : "source-map",
    target: ["web", "es2020"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest points at functions.js and functions.json.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // Only the web app's chunk (src/taskpane/file-engine.ts) imports it, on the first file opened.
      alias: { exceljs$: EXCELJS_BROWSER },
    },
    module: {
      // A finished UMD bundle: parsing it would only find the require of its own module loader.
      noParse: (file) => file === EXCELJS_BROWSER,
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
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // All three bundles on the one page of the shared runtime.
        chunks: ["taskpane", "functions", "commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/taskpane/webapp.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Beside the pages, so that browsers find an icon instead of asking for a missing favicon.ico.
          { from: "assets/icon-32.png", to: "favicon.png" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              publicUrl ? content.toString("utf8").split(DEV_URL).join(publicUrl) : content,
          },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        // ExcelJS under a name of its own (exceljs.js) rather than a number: the web app fetches it beside
        // xlsx.js when the first file is opened, and a server's cache rules may want to name it.
        cacheGroups: {
          exceljs: {
            test: (module) => module.resource === EXCELJS_BROWSER,
            name: "exceljs",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
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
