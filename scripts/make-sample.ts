/** Writes the sample workbooks of examples/ from their fixture tables (the .csv files beside them). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSampleWorkbook, SAMPLE_2023, SAMPLE_2025 } from "./sample";
import { buildProvinceWorkbook, PROVINCE_SAMPLE_FILE } from "./sample-province";

const root = path.resolve(__dirname, "..");

async function main(): Promise<void> {
  for (const spec of [SAMPLE_2023, SAMPLE_2025]) {
    const csv = readFileSync(path.join(root, "examples", spec.csv), "utf8");
    const target = path.join(root, "examples", spec.file);
    await buildSampleWorkbook(csv, spec).xlsx.writeFile(target);
    console.log(`Đã ghi ${path.relative(root, target)}`);
  }
  // A province's own table (issue 26): its criteria and figures are written in the script itself.
  const target = path.join(root, "examples", PROVINCE_SAMPLE_FILE);
  await buildProvinceWorkbook().xlsx.writeFile(target);
  console.log(`Đã ghi ${path.relative(root, target)}`);
}

void main();
