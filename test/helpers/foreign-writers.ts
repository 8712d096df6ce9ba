/**
 * Workbooks written by other programs than ExcelJS, as staff really produce them: openpyxl (Python; it
 * never calculates formulas) and LibreOffice (`soffice --headless --convert-to`). Both must be
 * installed (.ci/run installs them); a missing one fails the test rather than skipping it.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { sofficeConvert } from "./office-tools";

let python: string | undefined;

/** The first Python on this machine that has openpyxl (a pyenv shim may come first in PATH). */
function pythonWithOpenpyxl(): string {
  if (python) return python;
  for (const candidate of ["python3", "/usr/bin/python3", "python"]) {
    try {
      execFileSync(candidate, ["-c", "import openpyxl"], { stdio: "ignore" });
      python = candidate;
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error("openpyxl is needed for this test: apt-get install python3-openpyxl");
}

/**
 * Runs a Python script with `openpyxl` imported, `Workbook`, `wb = Workbook()`, `ws = wb.active` ready,
 * then saves `wb` to `dir/name`. Returns the file's path.
 */
export async function writeWithOpenpyxl(dir: string, name: string, body: string): Promise<string> {
  const file = path.join(dir, name);
  const script = [
    "import sys, openpyxl",
    "from openpyxl import Workbook",
    "from openpyxl.comments import Comment",
    "from openpyxl.chart import BarChart, Reference",
    "from openpyxl.worksheet.table import Table",
    "wb = Workbook()",
    "ws = wb.active",
    body,
    "wb.save(sys.argv[1])",
  ].join("\n");
  execFileSync(pythonWithOpenpyxl(), ["-c", script, file], { stdio: ["ignore", "ignore", "pipe"] });
  return file;
}

/**
 * Converts files with LibreOffice to `format` ("xlsx", "ods") in one run (it starts slowly); returns the
 * new files' paths, in order.
 */
export async function convertWithLibreOffice(
  files: string[],
  format: string,
  dir: string,
): Promise<string[]> {
  return sofficeConvert(files, format, path.join(dir, `lo-${format}`));
}
