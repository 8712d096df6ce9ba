/**
 * Problems of one kind, told apart from their messages: the same sentence about another unit, row or
 * figure ("“Sở Tài chính” chưa có số liệu cho tiêu chí III, tính 0 điểm." and the same of "“Sở Y tế”")
 * is one kind. The pane and the CLI's summary list a level's problems kind by kind, each kind with its
 * count; the differences between a source file and the table come first.
 */
import type { Problem } from "./problems";

export interface ProblemKind {
  /** The sentence with its names and numbers taken out, shortened to its first clause. */
  label: string;
  problems: Problem[];
}

/** "Trang “X”, dòng 12, cột D: …", "Tệp “a.xlsx”: …" and "Tệp “a.xlsx”, trang “X”, dòng 4: …" → "…". */
function withoutPlace(message: string): string {
  return message
    .replace(/^Tệp “[^”]*”: /, "")
    .replace(/^Tệp “[^”]*”, trang “[^”]*”(, dòng \d+)?(, cột [A-Z]+)?: /, "")
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
  // "“Sở Tư pháp”: điểm 766 … khác tệp …": the name in front says which unit, not what is wrong.
  const clause = template.replace(/^“…”:\s*/, "").split(/[;:](?:\s|$)|\.(?:\s|$)/)[0];
  const text = clause.replace(/^“…”\s*/, "").trim();
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** A figure of the table that a source file contradicts: what the user must look at first. */
const isDifference = (template: string) => / khác tệp | khác nhau giữa /.test(template);

/**
 * The kinds of `problems`, the differences between sources and the table first, then in the order each
 * first appears; each with its problems in their order.
 */
export function problemKinds(problems: Problem[]): ProblemKind[] {
  const kinds = new Map<string, ProblemKind>();
  for (const problem of problems) {
    const template = templateOf(problem.message);
    const kind = kinds.get(template) ?? { label: labelOf(template), problems: [] };
    kind.problems.push(problem);
    kinds.set(template, kind);
  }
  const all = [...kinds.entries()];
  return [...all.filter(([t]) => isDifference(t)), ...all.filter(([t]) => !isDifference(t))].map(
    ([, k]) => k,
  );
}
