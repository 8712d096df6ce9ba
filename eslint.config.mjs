import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/**
 * The rooms of src/ and what each may import (docs/architecture.md). A rule names a folder at any depth
 * ("../excel/read", "../../excel/read", "../../../xlsx/apply"), for static imports and import().
 */
const ROOMS = ["core", "excel", "xlsx", "docx", "taskpane", "commands", "functions", "cli"];
const roomPattern = (room) => `^(\\.{1,2}/)+(.*/)?${room}(/|$)`;

function boundary(files, forbiddenRooms, forbiddenPackages, why) {
  const message = `${why} (docs/architecture.md)`;
  return {
    files,
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: forbiddenPackages.filter((p) => !p.includes("*")).map((name) => ({ name, message })),
          patterns: [
            ...forbiddenRooms.map((room) => ({ regex: roomPattern(room), message })),
            ...(forbiddenPackages.some((p) => p.includes("*"))
              ? [{ group: forbiddenPackages.filter((p) => p.includes("*")), message }]
              : []),
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        ...forbiddenRooms.map((room) => ({
          selector: `ImportExpression[source.value=/${roomPattern(room).replaceAll("/", "\\/")}/]`,
          message,
        })),
      ],
    },
  };
}

const NODE = ["node:*", "fs", "path", "os", "child_process"];
/** The globals office.js puts on the page; only src/excel (and the ribbon and functions' hosts) use them. */
const OFFICE_GLOBALS = ["Office", "Excel", "OfficeRuntime", "CustomFunctions"];
const OFFICE_MESSAGE =
  "Office.js calls live in src/excel; the pane uses them through its port (docs/architecture.md)";
const others = (...allowed) => ROOMS.filter((r) => !allowed.includes(r));

export default tseslint.config(
  { ignores: ["node_modules/", "lib/", "dist/", "out/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // Build configuration and scripts in CommonJS.
    files: ["**/*.cjs", "webpack.config.js", "build/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  boundary(
    ["src/core/**/*.ts"],
    others("core"),
    [...NODE, "exceljs", "docx", "react", "react-dom", "@fluentui/*", "fflate", "jszip"],
    "src/core is pure TypeScript shared by every face: no adapter, face, Node, DOM or library of files",
  ),
  boundary(
    ["src/docx/**/*.ts"],
    others("core", "docx"),
    [...NODE, "exceljs", "react", "react-dom", "@fluentui/*"],
    "src/docx turns the core's letter into Word: it reads only the core",
  ),
  boundary(
    ["src/xlsx/**/*.ts"],
    others("core", "xlsx"),
    [...NODE, "exceljs", "jszip", "react", "react-dom", "@fluentui/*"],
    "src/xlsx is the file adapter: it reads only the core, and edits the package itself (ExcelJS is only for tests)",
  ),
  boundary(
    ["src/excel/**/*.ts"],
    others("core", "excel"),
    [...NODE, "exceljs", "react", "react-dom", "@fluentui/*"],
    "src/excel is the Office.js adapter: it reads only the core",
  ),
  boundary(
    ["src/functions/**/*.ts"],
    others("core", "functions"),
    [...NODE, "exceljs", "react", "react-dom", "@fluentui/*"],
    "custom functions compute from the core alone",
  ),
  boundary(
    ["src/commands/**/*.ts"],
    others("core", "excel", "commands"),
    [...NODE, "exceljs", "react", "react-dom", "@fluentui/*"],
    "the ribbon calls the Excel adapter and nothing else",
  ),
  boundary(
    ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    others("core", "excel", "xlsx", "docx", "taskpane"),
    [...NODE, "exceljs"],
    "the pane reaches workbooks through the adapters (src/excel, src/xlsx), never the CLI or the ribbon",
  ),
  boundary(
    ["src/cli/**/*.ts"],
    others("core", "xlsx", "docx", "cli"),
    ["exceljs", "jszip", "react", "react-dom", "@fluentui/*"],
    "the CLI works on files: the core and the file and Word adapters",
  ),
  {
    // The pane reaches Office through the Excel adapter's functions and its port: no Office.js global,
    // however it is reached (the window's property too).
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    rules: {
      "no-restricted-globals": [
        "error",
        ...OFFICE_GLOBALS.map((name) => ({ name, message: OFFICE_MESSAGE })),
      ],
      "no-restricted-properties": [
        "error",
        ...["window", "globalThis", "self"].flatMap((object) =>
          OFFICE_GLOBALS.map((property) => ({ object, property, message: OFFICE_MESSAGE })),
        ),
      ],
    },
  },
  {
    // What runs in every host must not lean on one host's globals.
    files: ["src/core/**/*.ts", "src/docx/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "process", "Buffer"],
    },
  },
);
