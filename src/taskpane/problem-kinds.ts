/**
 * Problems of one kind, told apart from their messages: the same sentence about another unit, row or
 * figure ("“Sở Tài chính” chưa có số liệu cho tiêu chí III, tính 0 điểm." and the same of "“Sở Y tế”")
 * is one kind. The pane lists a level's problems kind by kind, each kind with its count.
 */
import type { Problem } from "../core/problems";

export interface ProblemKind {
  /** The sentence with its names and numbers taken out, shortened to its first clause. */
  label: string;
  problems: Problem[];
}

/** "Trang “X”, dòng 12, cột D: …" and "Tệp “a.xlsx”: …" → "…". */
function withoutPlace(message: string): string {
  return message
    .replace(/^Tệp “[^”]*”: /, "")
    .replace(/^Trang “[^”]*”(, dòng \d+)?(, cột [A-Z]+)?: /, "")
    .replace(/^Dòng \d+(, cột [A-Z]+)?: /, "");
}

function templateOf(message: string): string {
  return withoutPlace(message)
    .replace(/“[^”]*”/g, "“…”")
    .replace(/\d+(?:[.,]\d+)*/g, "…");
}

/** The first clause, without a leading quoted name: what the kind says in a few words. */
function labelOf(template: string): string {
  const clause = template.split(/[;:](?:\s|$)|\.(?:\s|$)/)[0];
  const text = clause.replace(/^“…”\s*/, "").trim();
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** The kinds of `problems`, in the order each first appears, each with its problems in their order. */
export function problemKinds(problems: Problem[]): ProblemKind[] {
  const kinds = new Map<string, ProblemKind>();
  for (const problem of problems) {
    const template = templateOf(problem.message);
    const kind = kinds.get(template) ?? { label: labelOf(template), problems: [] };
    kind.problems.push(problem);
    kinds.set(template, kind);
  }
  return [...kinds.values()];
}
