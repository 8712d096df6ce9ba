/** A source file (the portal's 766 export, a II.07b report…) read from its bytes into the core's Source. */
import { readSource, type SourceSettings } from "../core/sources/read-source";
import type { Source } from "../core/sources/types";
import { WorkbookPackage } from "./package/workbook-package";

/** Throws UnusableInputError, naming the file, sheet and row, when the file cannot be used. */
export async function readSourceFile(
  name: string,
  bytes: Uint8Array,
  settings: SourceSettings = {},
): Promise<Source> {
  const workbook = WorkbookPackage.open(bytes, name);
  return readSource(
    workbook.worksheets.map((sheet) => workbook.grid(sheet.name)),
    name,
    settings,
  );
}
