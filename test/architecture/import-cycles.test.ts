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

/**
 * Relative imports of a file that remain at run time, resolved to files. Type-only imports (`import
 * type`, or braces of `type` names only) are erased by the compiler and load nothing: a circle of types
 * alone (the run steps' RunOptions and results) decides no evaluation order.
 */
export function importsOf(file: string, text: string): string[] {
  const statements = [...text.matchAll(/(?:^|\n)\s*(import|export)\b([^;]*?)\bfrom\s+["'](\.[^"']+)["']/g)];
  const specs = statements.filter(([, , clause]) => !isTypeOnly(clause)).map((m) => m[3]);
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

/** `type { A }`, `{ type A, type B }`: a clause that names types only. */
function isTypeOnly(clause: string): boolean {
  const trimmed = clause.trim();
  if (/^type\b/.test(trimmed)) return true;
  const braces = /^\{([^}]*)\}$/.exec(trimmed);
  if (!braces) return false;
  const names = braces[1]
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  return names.length > 0 && names.every((n) => /^type\s/.test(n));
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

  it("reads static and re-exporting imports, and leaves out those of types only", () => {
    const file = path.join(SRC, "excel", "facts.ts");
    const text = [
      `import { parseAddress } from "./address";`,
      `import { readHighlightRules, type HighlightScope } from "./highlight-rules";`,
      `import type { CustomFormatFacts } from "./custom-format-facts";`,
      `import { type CellRange } from "../core/grid";`,
      `export { LAST_ROW } from "./hidden-rows";`,
    ].join("\n");
    expect(importsOf(file, text).map((f) => path.relative(SRC, f))).toEqual([
      path.join("excel", "address.ts"),
      path.join("excel", "highlight-rules.ts"),
      path.join("excel", "hidden-rows.ts"),
    ]);
  });

  it("has no circle", () => {
    const graph = new Map(sourceFiles(SRC).map((f) => [f, importsOf(f, readFileSync(f, "utf8"))]));
    const cycles = importCycles(graph).map((c) => c.map((f) => path.relative(SRC, f)).join(" → "));
    expect(cycles).toEqual([]);
  });
});
