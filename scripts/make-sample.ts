/** Writes examples/theo-doi-thi-dua-kstthc-2023.xlsx from examples/an-giang-2023-don-vi.csv. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSampleWorkbook } from "./sample";

const root = path.resolve(__dirname, "..");
const csv = readFileSync(path.join(root, "examples", "an-giang-2023-don-vi.csv"), "utf8");
const target = path.join(root, "examples", "theo-doi-thi-dua-kstthc-2023.xlsx");
buildSampleWorkbook(csv)
  .xlsx.writeFile(target)
  .then(() => console.log(`Đã ghi ${path.relative(root, target)}`));
