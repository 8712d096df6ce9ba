/**
 * This year's units beside last year's: paired by the staff's mapping sheet first (renamed and merged
 * units), then by code or name with the matcher of the sources (never across kinds, never a guess).
 * A merger keeps each old unit's figures apart: nothing is summed.
 */
import { roundTo } from "../numbers";
import { cellProblem, type Problem } from "../problems";
import type { UnitScore } from "../scoring";
import { matchUnits } from "../sources/unit-match";
import type {
  Comparison,
  MatchedBy,
  PreviousUnit,
  PreviousYear,
  UnitComparison,
  UnitMapEntry,
} from "./types";

interface Link {
  current: number;
  previous: number;
  by: MatchedBy;
}

interface Candidate {
  name: string;
  code?: string;
}

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(", ");

/** The one unit of `list` that `wanted` names, or why there is none. */
function findOne(wanted: Candidate, list: Candidate[]): number | { none: true } | { many: string[] } {
  const match = matchUnits([wanted], list);
  if (match.pairs.length === 1) return match.pairs[0].right;
  // Only the ambiguities of the name wanted: the list may share other names among its own units.
  const many = match.ambiguous.filter((a) => a.left.length > 0).flatMap((a) => a.right);
  return many.length > 0 ? { many: many.map((i) => list[i].name) } : { none: true };
}

const label = (name: string, code?: string) => (name ? `“${name}”` : "") + (code ? ` (mã ${code})` : "");

/** The mapping's pairs; a row naming no unit, or several, is a warning on that row and pairs nothing. */
function mappedLinks(
  entries: UnitMapEntry[],
  mapSheet: string,
  current: Candidate[],
  previous: Candidate[],
  previousFile: string,
): { links: Link[]; dissolved: Set<number>; problems: Problem[] } {
  const links: Link[] = [];
  const dissolved = new Set<number>();
  const problems: Problem[] = [];
  const warn = (row: number, col: number, detail: string) =>
    problems.push(cellProblem(mapSheet, row, col, "warning", `${detail}; dòng này không được dùng.`));
  for (const entry of entries) {
    const old = findOne({ name: entry.oldName, code: entry.oldCode }, previous);
    if (typeof old !== "number") {
      warn(
        entry.row,
        entry.oldCol,
        "many" in old
          ? `${label(entry.oldName, entry.oldCode)} khớp nhiều đơn vị của tệp năm trước “${previousFile}” (${quoted(old.many)})`
          : `không tìm thấy ${label(entry.oldName, entry.oldCode)} trong tệp năm trước “${previousFile}”`,
      );
      continue;
    }
    if (!entry.newName && !entry.newCode) {
      dissolved.add(old);
      continue;
    }
    const successor = findOne({ name: entry.newName, code: entry.newCode }, current);
    if (typeof successor !== "number") {
      warn(
        entry.row,
        entry.newCol,
        "many" in successor
          ? `${label(entry.newName, entry.newCode)} khớp nhiều đơn vị của bảng năm nay (${quoted(successor.many)})`
          : `không tìm thấy ${label(entry.newName, entry.newCode)} trong bảng đơn vị năm nay`,
      );
      continue;
    }
    if (links.some((l) => l.previous === old && l.current === successor)) continue;
    links.push({ current: successor, previous: old, by: "mapping" });
  }
  // One old unit given to several new ones: shown under each, and said.
  const byOld = new Map<number, number[]>();
  for (const l of links) byOld.set(l.previous, [...(byOld.get(l.previous) ?? []), l.current]);
  for (const [old, successors] of byOld) {
    if (successors.length < 2) continue;
    problems.push({
      sheet: mapSheet,
      level: "info",
      message: `Trang “${mapSheet}”: đơn vị năm trước “${previous[old].name}” được ghép cho ${successors.length} đơn vị năm nay (${quoted(successors.map((i) => current[i].name))}); điểm năm trước của nó được ghi cạnh từng đơn vị.`,
    });
  }
  return { links, dissolved, problems };
}

function figuresOf(score: UnitScore, from: PreviousUnit[]): Pick<UnitComparison, "previous" | "change"> {
  if (from.length === 0) return { previous: null, change: null };
  if (from.length > 1) {
    return { previous: { score766: null, total: null, eligible: null }, change: null };
  }
  const [old] = from;
  const now = score.unit.score766;
  return {
    previous: { score766: old.score766, total: old.total, eligible: old.eligible },
    change: {
      score766: now !== null && old.score766 !== null ? roundTo(now - old.score766, 2) : null,
      total: roundTo(score.total - old.total, 2),
    },
  };
}

/**
 * Pairs this year's scored units (with their codes, where the table has them) with last year's.
 * `entries` are the mapping sheet's rows.
 */
export function compareYears(
  scores: UnitScore[],
  codes: (string | undefined)[],
  previous: PreviousYear,
  entries: UnitMapEntry[],
  mapSheet: string,
  /** Where this year's unit `index` is named (sheet, 0-based row and column), for the messages. */
  placeOf: (index: number) => { sheet: string; row: number; column: number } | undefined = () => undefined,
): Comparison {
  const current: Candidate[] = scores.map((s, i) => ({ name: s.unit.name, code: codes[i] }));
  const old: Candidate[] = previous.units.map((u) => ({ name: u.name, code: u.code }));
  const mapped = mappedLinks(entries, mapSheet, current, old, previous.file);
  const links = [...mapped.links];

  // The rest of last year's units meet every unit of this year: an old unit merged into one that kept
  // its name ("xã A" + "xã B" → "xã A") pairs by name beside the mapping's rows.
  const taken = new Set([...links.map((l) => l.previous), ...mapped.dissolved]);
  const rest = old.map((_, i) => i).filter((i) => !taken.has(i));
  const auto = matchUnits(
    current,
    rest.map((i) => old[i]),
  );
  for (const pair of auto.pairs) links.push({ current: pair.left, previous: rest[pair.right], by: pair.by });
  // Each ambiguity with the units it involves: this year's by index, last year's by index in `old`.
  const conflicts = [
    ...auto.ambiguous.map((a) => ({ key: a.key, left: a.left, right: a.right.map((i) => rest[i]) })),
    ...auto.kindConflicts.map((c) => ({
      key: old[rest[c.right]].code ?? "",
      left: [c.left],
      right: [rest[c.right]],
    })),
  ];
  const ambiguous = conflicts.map((c) => ({
    key: c.key,
    current: c.left.map((i) => current[i].name),
    previous: c.right.map((i) => old[i].name),
  }));
  const problems: Problem[] = [...mapped.problems];
  conflicts.forEach((c, n) => {
    const a = ambiguous[n];
    const detail = `không ghép được ${quoted([...a.current, ...a.previous])} với tệp năm trước “${previous.file}” vì trùng tên hoặc mã (“${a.key}”); hãy ghi rõ ở trang “${mapSheet}”.`;
    problems.push(ambiguityAt(c.left, c.right, detail));
  });

  /** The warning at the first of this year's units named, or else at last year's row in its file. */
  function ambiguityAt(left: number[], right: number[], detail: string): Problem {
    const here = left.map(placeOf).find((p) => p !== undefined);
    if (here) return cellProblem(here.sheet, here.row, here.column, "warning", detail);
    const there = previous.units[right[0]];
    if (there) {
      return {
        file: previous.file,
        sheet: there.sheet,
        row: there.row + 1,
        level: "warning",
        message: `Tệp năm trước “${previous.file}”, trang “${there.sheet}”, dòng ${there.row + 1}: ${detail}`,
      };
    }
    return { sheet: mapSheet, level: "warning", message: `Trang “${mapSheet}”: ${detail}` };
  }

  const linked = new Set(links.map((l) => l.previous));
  const inAmbiguity = new Set([
    ...auto.ambiguous.flatMap((a) => a.right.map((i) => rest[i])),
    ...auto.kindConflicts.map((c) => rest[c.right]),
  ]);
  const units: UnitComparison[] = scores.map((score, i) => {
    const from = links
      .filter((l) => l.current === i)
      .sort((a, b) => a.previous - b.previous)
      .map((l) => ({ unit: previous.units[l.previous], by: l.by }));
    return {
      from,
      ...figuresOf(
        score,
        from.map((f) => f.unit),
      ),
    };
  });
  const currentInAmbiguity = new Set([
    ...auto.ambiguous.flatMap((a) => a.left),
    ...auto.kindConflicts.map((c) => c.left),
  ]);
  return {
    previous: { file: previous.file, how: previous.how, howText: previous.howText, year: previous.year },
    units,
    newUnits: units.flatMap((u, i) => (u.from.length === 0 && !currentInAmbiguity.has(i) ? [i] : [])),
    vanished: previous.units.filter((_, i) => !linked.has(i) && !inAmbiguity.has(i)),
    ambiguous,
    mapSheet,
    mapped: mapped.links.length,
    problems,
  };
}
