/**
 * Benchmarks of the add-in's faces: the Excel adapter on the recording stand-in of test/excel (Excel
 * itself cannot run here), DIEM over a large range, and the sizes of the built bundles.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { DIEM } from "../src/functions/functions";
import { fakeFromWorkbook, scoreInFake } from "../test/excel/fixtures";
import { generatedWorkbook } from "./workbooks";
import type { Metric } from "./run";

export async function excelAdapter(units: number): Promise<Metric[]> {
  const fake = fakeFromWorkbook(generatedWorkbook(units));
  const { syncs } = await scoreInFake(fake);
  const largest = Math.max(...syncs.map((s) => s.requestBytes));
  return [
    { name: `excel.syncs.${units}`, value: syncs.length, unit: "syncs" },
    { name: `excel.largest_request.${units}`, value: largest, unit: "bytes" },
  ];
}

export function customFunctions(cells: number): Metric[] {
  const column = Array.from({ length: cells }, (_, i) => [60 + ((i * 37) % 4000) / 100]);
  const start = process.hrtime.bigint();
  const result = DIEM("III", column);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.length !== cells) throw new Error("DIEM did not spill one result per cell");
  return [{ name: `functions.diem.${cells}`, value: Math.round(cells / seconds), unit: "values/s" }];
}

export function bundleSizes(): Metric[] {
  const dist = path.join(__dirname, "..", "dist");
  if (!existsSync(dist)) return [];
  return readdirSync(dist)
    .filter((f) => f.endsWith(".js") || f === "taskpane.html" || f === "functions.json")
    .sort()
    .flatMap((file) => {
      const bytes = readFileSync(path.join(dist, file));
      return [
        { name: `bundle.${file}.raw`, value: bytes.length, unit: "bytes" },
        { name: `bundle.${file}.gzip`, value: gzipSync(bytes).length, unit: "bytes" },
      ];
    });
}
