/**
 * The SheetJS yardstick: `node sheetjs.cjs INPUT OUTPUT`, the hand-written scoring of
 * bench/sheetjs-scoring.ts with SheetJS's defaults. Prints what it decided, to be checked against the CLI.
 */
import { readFileSync } from "node:fs";
import * as XLSX from "xlsx";
import { scoreWithSheetJS } from "../sheetjs-scoring";

const [input, output] = process.argv.slice(2);
const workbook = XLSX.read(readFileSync(input));
const decided = scoreWithSheetJS(XLSX, workbook);
XLSX.writeFile(workbook, output);
process.stdout.write(JSON.stringify(decided));
