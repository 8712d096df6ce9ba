/**
 * The lint rules that keep each room of src/ to its imports (eslint.config.mjs, docs/architecture.md)
 * catch a forbidden import at any depth, static or dynamic, and an Office.js global outside the Excel
 * adapter, and let the allowed ones through.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

interface Case {
  file: string;
  code: string;
}

/** Lints each snippet as if it stood at `file`, with the project's config, in one ESLint process. */
function restrictedMessages(cases: Case[]): string[][] {
  const script = `
    import { ESLint } from "eslint";
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const c of cases) {
      const [result] = await eslint.lintText(c.code, { filePath: c.file });
      out.push(result.messages
        .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax" || m.ruleId === "no-restricted-globals" || m.ruleId === "no-restricted-properties")
        .map((m) => m.ruleId + ": " + m.message));
    }
    console.log(JSON.stringify(out));
  `;
  const stdout = execFileSync(
    process.execPath,
    ["--input-type=module", "-e", script, JSON.stringify(cases)],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  return JSON.parse(stdout) as string[][];
}

const forbidden: Case[] = [
  {
    file: "src/core/plan/deep.ts",
    code: 'import { readGrids } from "../../excel/read";\nexport const x = readGrids;',
  },
  {
    file: "src/core/plan/deep.ts",
    code: 'import { scorePackage } from "../../xlsx/package/score";\nexport const x = scorePackage;',
  },
  { file: "src/core/reader/deep/deeper.ts", code: 'export const x = import("../../../taskpane/port");' },
  {
    file: "src/core/letter-extra.ts",
    code: 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;',
  },
  { file: "src/core/letter-extra.ts", code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;' },
  { file: "src/core/letter-extra.ts", code: "export const x = () => document.title;" },
  {
    file: "src/functions/deep.ts",
    code: 'import { readGrids } from "../excel/read";\nexport const x = readGrids;',
  },
  {
    file: "src/taskpane/sections/Deep.tsx",
    code: 'import { main } from "../../cli/main";\nexport const x = main;',
  },
  {
    file: "src/taskpane/sections/Deep.tsx",
    code: 'import { tinhDiem } from "../../commands/commands";\nexport const x = tinhDiem;',
  },
  { file: "src/taskpane/Deep.tsx", code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;' },
  // The pane never touches office.js itself: Office.js calls live in src/excel.
  { file: "src/taskpane/sections/Deep.tsx", code: "export const x = () => Office.context.platform;" },
  { file: "src/taskpane/Deep.ts", code: "export const x = () => Excel.run(async () => undefined);" },
  { file: "src/taskpane/Deep.ts", code: "export const x = () => window.Office.onReady();" },
  {
    file: "src/xlsx/deep.ts",
    code: 'import { applyPlan } from "../excel/apply";\nexport const x = applyPlan;',
  },
  { file: "src/excel/deep.ts", code: 'export const x = import("../xlsx/package/score");' },
  { file: "src/xlsx/deep.ts", code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;' },
  { file: "src/cli/deep.ts", code: 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;' },
  { file: "src/docx/deep.ts", code: 'import { main } from "../cli/main";\nexport const x = main;' },
];

const allowed: Case[] = [
  { file: "src/core/plan/deep.ts", code: 'import { cellAt } from "../grid";\nexport const x = cellAt;' },
  {
    file: "src/excel/deep.ts",
    code: 'import { runScoring } from "../core/run";\nexport const x = runScoring;',
  },
  { file: "src/taskpane/Deep.tsx", code: 'export const x = import("../xlsx/workbook-file");' },
  {
    file: "src/taskpane/Deep.tsx",
    code: 'import { officeStart } from "../excel/office-host";\nexport const x = officeStart;',
  },
  { file: "src/excel/deep.ts", code: "export const x = () => Office.context.platform;" },
  {
    file: "src/commands/deep.ts",
    code: 'import { applyPlan } from "../excel/apply";\nexport const x = applyPlan;',
  },
  {
    file: "src/cli/deep.ts",
    code: 'import { scorePackage } from "../xlsx/package/score";\nexport const x = scorePackage;',
  },
];

test("every forbidden import is caught, at any depth, and the allowed ones pass", () => {
  const results = restrictedMessages([...forbidden, ...allowed]);
  forbidden.forEach((c, i) => {
    expect({ ...c, messages: results[i] }).toEqual({
      ...c,
      messages: [expect.stringContaining("restricted")],
    });
  });
  allowed.forEach((c, i) => {
    expect({ ...c, messages: results[forbidden.length + i] }).toEqual({ ...c, messages: [] });
  });
});
