/**
 * axe-core (Deque's accessibility rules, WCAG 2.1 A and AA and best practices) run inside a page of the
 * browser tests. The script is evaluated through the browser's debugging protocol, so the page's
 * Content-Security-Policy, which the tests check, stays as it is.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";

const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** The violations in the page as it stands: "rule: selector, selector", one per rule broken. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Result> } }).axe;
    const { violations, passes } = await axe.run(document);
    // A run that checked nothing (a page not yet drawn) would pass whatever the page is.
    if (passes.length < 10) return [`axe checked only ${passes.length} rules`];
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}
