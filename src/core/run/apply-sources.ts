/**
 * Step "apply sources": the figures of source files joined into each unit table (in memory only), and
 * what the run says about the files the figures came from.
 */
import type { SheetGrid } from "../grid";
import { UnusableInputError, type Problem } from "../problems";
import type { UnitTable } from "../reader/units";
import { joinSources } from "../sources/join";
import { periodProblems, provenanceOf, type SourceProvenance } from "../sources/provenance";
import type { Source } from "../sources/types";
import type { RunOptions } from "./types";

export interface JoinedPart {
  /** The table with the figures used (the sources' where they win). */
  table: UnitTable;
  dataGrid: SheetGrid;
  joined?: ReturnType<typeof joinSources>;
}

export interface AppliedSources {
  parts: JoinedPart[];
  /** The workbook itself (a portal export) first, then the source files. */
  provenance: SourceProvenance[];
  /** The sources' own problems and those about their periods. */
  problems: Problem[];
}

export function applySources(
  grids: SheetGrid[],
  parts: UnitTable[],
  own: Source | undefined,
  options: Pick<RunOptions, "sources" | "prefer" | "output">,
): AppliedSources {
  const sources = options.sources ?? [];
  if (sources.length > 0 && options.output === "formulas") {
    throw new UnusableInputError(
      "Chưa ghi được công thức khi có tệp nguồn: công thức chỉ đọc ô của bảng theo dõi, không đọc số liệu của tệp nguồn. Hãy chọn ghi giá trị.",
    );
  }
  const joinedParts = parts.map((part) => {
    const dataGrid = grids.find((g) => g.name === part.layout.sheet) as SheetGrid;
    const joined = sources.length > 0 ? joinSources(part, dataGrid, sources, options.prefer) : undefined;
    return { table: joined ? { ...part, units: joined.units } : part, dataGrid, joined };
  });
  return {
    parts: joinedParts,
    provenance: [...(own ? [own] : []), ...sources].map(provenanceOf),
    problems: [
      ...(own ? periodProblems([own]) : []),
      ...sources.flatMap((s) => [...s.problems, ...periodProblems([s])]),
    ],
  };
}
