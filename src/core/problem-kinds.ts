/**
 * Problems of one kind, told apart from their messages: the same sentence about another unit, row or
 * figure ("“Sở Tài chính” chưa có số liệu cho tiêu chí III, tính 0 điểm." and the same of "“Sở Y tế”")
 * is one kind. The pane and the CLI's summary list a level's problems kind by kind, each kind with its
 * count; the differences between a source file and the table come first.
 */
import type { Problem } from "./problems";

export interface ProblemKind {
  /** The sentence with the names and numbers its problems do not share taken out, to its first clause. */
  label: string;
  problems: Problem[];
}

/** "Trang “X”, dòng 12, cột D: …", "Tệp “a.xlsx”: …" and "Tệp “a.xlsx”, trang “X”, dòng 3: …" → "…". */
function withoutPlace(message: string): string {
  return message
    .replace(/^Tệp “[^”]*”(?:: |, )/, "")
    .replace(/^[Tt]rang “[^”]*”(, dòng \d+)?(, cột [A-Z]+)?: /, "")
    .replace(/^Dòng \d+(, cột [A-Z]+)?: /, "");
}

/** Names in quotes and numbers: what differs between two problems of one kind. */
const VARYING = /“[^”]*”|\d+(?:[.,]\d+)*/g;

function templateOf(message: string): string {
  return withoutPlace(message).replace(VARYING, (token) => (token.startsWith("“") ? "“…”" : "…"));
}

/**
 * The kind's sentence with "…" only where its problems differ: "Biểu số II.07b/VPCP/KSTT" keeps its
 * number when every problem of the kind has it, a unit's name gives way to "…" when they name several.
 */
function commonText(problems: Problem[]): string {
  const texts = problems.map((p) => withoutPlace(p.message));
  const tokens = texts.map((text) => text.match(VARYING) ?? []);
  let i = 0;
  return texts[0].replace(VARYING, (token) => {
    const index = i++;
    const same = tokens.every((list) => list[index] === token);
    return same ? token : token.startsWith("“") ? "“…”" : "…";
  });
}

/** The first clause, without a leading quoted name: what the kind says in a few words. */
function labelOf(text: string): string {
  // "“Sở Tư pháp”: điểm 766 … khác tệp …": the name in front says which unit, not what is wrong.
  const clause = text.replace(/^“[^”]*”:\s*/, "").split(/[;:](?:\s|$)|\.(?:\s|$)/)[0];
  const trimmed = clause.replace(/^“[^”]*”\s*/, "").trim();
  return trimmed.charAt(0).toLocaleUpperCase("vi") + trimmed.slice(1);
}

/** A figure of the table that a source file contradicts: what the user must look at first. */
const isDifference = (template: string) => / khác tệp | khác nhau giữa /.test(template);

/**
 * The kinds of `problems`, the differences between sources and the table first, then in the order each
 * first appears; each with its problems in their order.
 */
export function problemKinds(problems: Problem[]): ProblemKind[] {
  const kinds = new Map<string, Problem[]>();
  for (const problem of problems) {
    const template = templateOf(problem.message);
    const members = kinds.get(template);
    if (members) members.push(problem);
    else kinds.set(template, [problem]);
  }
  const all = [...kinds.entries()];
  return [...all.filter(([t]) => isDifference(t)), ...all.filter(([t]) => !isDifference(t))].map(
    ([, members]) => ({ label: labelOf(commonText(members)), problems: members }),
  );
}
