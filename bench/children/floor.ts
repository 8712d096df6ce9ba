/**
 * The fair floor of the CLI: `node floor.cjs INPUT PLAN OUTPUT` reads the input with ExcelJS, writes the
 * very cells the CLI writes (the CLI's write plan, computed beforehand and passed in V8 serialisation,
 * applied by the CLI's own adapter) and saves. What remains of the CLI's time above this is reading the
 * grids, scoring and planning.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { deserialize } from "node:v8";
import type { WritePlan } from "../../src/core/plan/types";
import { applyPlan } from "../../test/exceljs/apply";
import { loadWorkbook, saveWorkbook } from "../../test/exceljs/workbook";

async function floor(input: string, planFile: string, output: string): Promise<void> {
  const workbook = await loadWorkbook(readFileSync(input), input);
  applyPlan(workbook, deserialize(readFileSync(planFile)) as WritePlan);
  writeFileSync(output, await saveWorkbook(workbook));
}

const [input, plan, output] = process.argv.slice(2);
void floor(input, plan, output);
