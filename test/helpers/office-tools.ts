/**
 * The programs that write and open real workbooks in tests: LibreOffice (soffice) and Python's openpyxl.
 * CI installs both (.ci/run); a test that needs one is skipped, saying why, only when it is absent.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";

function works(command: string, args: string[]): boolean {
  const run = spawnSync(command, args, { stdio: "ignore", timeout: 60_000 });
  return run.status === 0;
}

/**
 * A python3 that has openpyxl (and PIL): the first `python3` on the path, else the system's own, which
 * is where the Debian packages python3-openpyxl and python3-pil install them when a version manager
 * puts another python3 first.
 */
export function openpyxlPython(): string | undefined {
  const check = ["-c", "import openpyxl, PIL"];
  return ["python3", "/usr/bin/python3"].find((python) => works(python, check));
}

export function hasSoffice(): boolean {
  return works("soffice", ["--version"]);
}

/**
 * Converts files with LibreOffice in one run (starting soffice is the slow part), with a profile of
 * its own so that it never waits on another soffice. Returns the converted files' paths.
 */
export async function sofficeConvert(files: string[], format: string, outDir: string): Promise<string[]> {
  await fs.mkdir(outDir, { recursive: true });
  const profile = path.join(outDir, ".profile");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      format,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "ignore", timeout: 240_000 },
  );
  const extension = format.split(":")[0];
  return files.map((file) => path.join(outDir, `${path.parse(file).name}.${extension}`));
}

export async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
