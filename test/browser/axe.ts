/**
 * axe-core (Deque's accessibility rules, WCAG 2.1 A and AA and best practices) run inside a page of the
 * browser tests. The script is evaluated through the browser's debugging protocol, so the page's
 * Content-Security-Policy, which the tests check, stays as it is.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

interface AxeRun {
  /** "rule: selector, selector", one per rule broken. */
  violations: string[];
  /** The ids of the rules that found something to check and passed. */
  passes: string[];
}

/** axe over the whole page, or over the elements `selector` finds. */
export async function axeRun(page: Page, selector?: string): Promise<AxeRun> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async (include) => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[]; passes: { id: string }[] };
    const axe = (window as unknown as { axe: { run(context: unknown): Promise<Result> } }).axe;
    const { violations, passes } = await axe.run(include ? { include: [[include]] } : document);
    return {
      violations: violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      passes: passes.map((p) => p.id),
    };
  }, selector);
}

/** The violations in the page as it stands: "rule: selector, selector", one per rule broken. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations, passes } = await axeRun(page);
  // A run that checked nothing (a page not yet drawn) would pass whatever the page is.
  if (passes.length < 10) return [`axe checked only ${passes.length} rules`];
  return violations;
}
