import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

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
    files: ["**/*.cjs", "webpack.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The core and the Word exporter must stay free of Office, the DOM and Node so that every face can share them.
    files: ["src/core/**/*.ts", "src/docx/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["node:*", "fs", "path", "exceljs", "react", "../xlsx/*", "../cli/*", "../excel/*"] },
      ],
      "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "process", "Buffer"],
    },
  },
);
