/** A source file (the portal's 766 export, a II.07b report…) read from its bytes into the core's Source. */
import { readSource, type SourceSettings } from "../core/sources/read-source";
import type { Source } from "../core/sources/types";
import { workbookToGrids } from "./read";
import { loadWorkbook } from "./workbook";

/** Throws UnusableInputError, naming the file, sheet and row, when the file cannot be used. */
export async function readSourceFile(
  name: string,
  bytes: Uint8Array,
  settings: SourceSettings = {},
): Promise<Source> {
  return readSource(workbookToGrids(await loadWorkbook(bytes, name)), name, settings);
}
