/**
 * No module of src/ imports itself back through others: a circle makes the order of evaluation decide
 * which binding is still undefined, and hides which module owns a piece.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SRC = path.join(__dirname, "..", "..", "src");
const EXTENSIONS = [".ts", ".tsx"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return EXTENSIONS.includes(path.extname(full)) && !full.endsWith(".d.ts") ? [full] : [];
  });
}

/** Relative imports of a file, resolved to files (type-only imports included: they still tie modules). */
export function importsOf(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["'](\.[^"']+)["']/g)].map(
    (m) => m[1],
  );
  return specs.flatMap((spec) => {
    const base = path.resolve(path.dirname(file), spec);
    const found = [
      base,
      ...EXTENSIONS.map((e) => base + e),
      ...EXTENSIONS.map((e) => path.join(base, "index" + e)),
    ];
    return found
      .filter((f) => {
        try {
          return statSync(f).isFile();
        } catch {
          return false;
        }
      })
      .slice(0, 1);
  });
}

/** Every circle of imports, each as the files around it. */
export function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe("imports of src/", () => {
  it("finds a circle when there is one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(importCycles(graph)).toEqual([["a", "b", "c"]]);
  });

  it("reads static, type-only and re-exporting imports", () => {
    const file = path.join(SRC, "excel", "facts.ts");
    const text = readFileSync(file, "utf8");
    expect(importsOf(file, text).map((f) => path.relative(SRC, f))).toEqual(
      expect.arrayContaining([path.join("excel", "address.ts"), path.join("excel", "highlight-rules.ts")]),
    );
  });

  it("has no circle", () => {
    const graph = new Map(sourceFiles(SRC).map((f) => [f, importsOf(f, readFileSync(f, "utf8"))]));
    const cycles = importCycles(graph).map((c) => c.map((f) => path.relative(SRC, f)).join(" → "));
    expect(cycles).toEqual([]);
  });
});
