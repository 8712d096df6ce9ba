/** Sizes of the built add-in bundles (run `npm run build` first; none are reported without dist/). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Metric } from "./metric";

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
