/**
 * The page's workbook file takes its last analysis as a score's reading and scoring when nothing changed
 * in between (same bytes, same options): the file it saves is then the file a fresh score writes, and a
 * score with other options, or of changed bytes, reads and scores afresh.
 */
import { readFileSync } from "node:fs";
import { defaultCriteria } from "../../src/core/criteria";
import type { RunOptions } from "../../src/core/run";
import { defaultSettings } from "../../src/core/settings";
import { PAGE_CODEC } from "../../src/xlsx/package/codec";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { WorkbookFile } from "../../src/xlsx/workbook-file";
import { SAMPLE } from "../helpers/workbooks";

const NAME = "theo-doi-thi-dua-kstthc-2023.xlsx";
const sample = () => new Uint8Array(readFileSync(SAMPLE));

/** What a score of these bytes writes, read and scored from nothing. */
function fresh(bytes: Uint8Array, options: RunOptions = {}): Buffer {
  const pkg = WorkbookPackage.open(bytes, NAME, PAGE_CODEC);
  scorePackage(pkg, { fileName: NAME, ...options });
  return Buffer.from(pkg.save());
}

const proposed = (result: { scores: { eligible: boolean; unit: { name: string } }[] }) =>
  result.scores.filter((s) => s.eligible).map((s) => s.unit.name);

describe("the page's workbook file", () => {
  it("scores right after an analysis with the same options: the analysis's run, the fresh score's file", async () => {
    const file = await WorkbookFile.open(sample(), NAME);
    const analysis = file.analyse({ year: 2023 });
    let heard: unknown;
    const result = await file.score({ year: 2023, output: "values" }, (r) => (heard = r));
    expect(heard).toBe(result);
    expect(result.scores).toBe(analysis.scores);
    expect(Buffer.from(file.bytes).equals(fresh(sample(), { year: 2023 }))).toBe(true);
  });

  it("reads and scores afresh for other options: another year, the formulas mode", async () => {
    const file = await WorkbookFile.open(sample(), NAME);
    const analysis = file.analyse({ year: 2023 });
    const other = await file.score({ year: 2024 });
    expect(other.scores).not.toBe(analysis.scores);
    expect(other.year).toBe(2024);
    expect(Buffer.from(file.bytes).equals(fresh(sample(), { year: 2024 }))).toBe(true);

    const again = await WorkbookFile.open(sample(), NAME);
    again.analyse({});
    const formulas = await again.score({ output: "formulas" });
    expect(proposed(formulas)).toEqual(proposed(analysis));
    expect(Buffer.from(again.bytes).equals(fresh(sample(), { output: "formulas" }))).toBe(true);
  });

  it("reads and scores afresh once the bytes changed since the analysis", async () => {
    const file = await WorkbookFile.open(sample(), NAME);
    const analysis = file.analyse({});
    await file.writeCriteria(defaultCriteria(), defaultSettings());
    const changed = file.bytes;
    const result = await file.score({});
    expect(result.scores).not.toBe(analysis.scores);
    expect(Buffer.from(file.bytes).equals(fresh(changed))).toBe(true);
  });
});
