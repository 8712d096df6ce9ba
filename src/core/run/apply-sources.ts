/**
 * Step "apply sources": the figures of source files joined into each unit table (in memory only), and
 * what the run says about the files the figures came from. Without files, the sources an earlier run
 * joined (kept in its record) are joined again: a re-run gives the same list and the same cells.
 */
import type { SheetGrid } from "../grid";
import { META_SHEET, type KeptSource, type Ownership } from "../ownership";
import { sheetProblem, UnusableInputError, type Problem } from "../problems";
import type { UnitTable } from "../reader/units";
import { joinSources, type Preference } from "../sources/join";
import { periodProblems, provenanceOf, type SourceProvenance } from "../sources/provenance";
import type { Source, SourceRecord } from "../sources/types";
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
  /** The source files and the records paired with units, for the record; with the preference used. */
  kept: KeptSource[];
  prefer?: Preference;
}

/** What a record keeps of a paired record: enough to pair it again and to say where it came from. */
function keptRecord(r: SourceRecord): SourceRecord {
  return {
    sheet: r.sheet,
    row: r.row,
    name: r.name,
    rawName: r.rawName,
    code: r.code,
    group: r.group,
    score766: r.score766,
    rates: r.rates,
  };
}

/** A kept source as the join reads a source: its paired records, its period and date. */
function sourceOfKept(kept: KeptSource): Source {
  const p = kept.provenance;
  return {
    file: p.file,
    kind: p.kind,
    records: kept.records,
    sheets: p.sheetsRead.map((sheet) => ({ sheet, read: true, note: "" })),
    period: p.period && {
      kind: p.period.kind as NonNullable<Source["period"]>["kind"],
      label: p.period.label,
    },
    asOf: p.asOf,
    provinceCode: p.provinceCode,
    provinceName: p.provinceName,
    problems: [],
  };
}

const byPlace = (a: SourceRecord, b: SourceRecord) =>
  a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1;

export function applySources(
  grids: SheetGrid[],
  parts: UnitTable[],
  own: Source | undefined,
  options: Pick<RunOptions, "sources" | "prefer" | "output">,
  ownership?: Ownership,
): AppliedSources {
  const given = options.sources ?? [];
  const reused = given.length === 0 ? (ownership?.sources ?? []) : [];
  const sources = given.length > 0 ? given : reused.map(sourceOfKept);
  if (sources.length > 0 && options.output === "formulas") {
    throw new UnusableInputError(
      "Chưa ghi được công thức khi có tệp nguồn: công thức chỉ đọc ô của bảng theo dõi, không đọc số liệu của tệp nguồn. Hãy chọn ghi giá trị." +
        (reused.length > 0
          ? ` Số liệu nguồn ở đây là của lần chạy trước (ghi trong trang ẩn “${META_SHEET}”); muốn bỏ chúng, hãy xóa trang ẩn này rồi chạy lại.`
          : ""),
    );
  }
  const prefer = sources.length > 0 ? (options.prefer ?? ownership?.prefer ?? "source") : undefined;
  const joinedParts = parts.map((part) => {
    const dataGrid = grids.find((g) => g.name === part.layout.sheet) as SheetGrid;
    const joined = sources.length > 0 ? joinSources(part, dataGrid, sources, prefer) : undefined;
    return { table: joined ? { ...part, units: joined.units } : part, dataGrid, joined };
  });
  const provenance = [
    ...(own ? [provenanceOf(own)] : []),
    ...(reused.length > 0 ? reused.map((k) => k.provenance) : sources.map(provenanceOf)),
  ];
  const kept = sources.map((source, i) => ({
    provenance: reused[i]?.provenance ?? provenanceOf(source),
    records: joinedParts
      .flatMap((p) => p.joined?.paired[i] ?? [])
      .map(keptRecord)
      .sort(byPlace),
  }));
  const notes: Problem[] =
    reused.length > 0 && parts[0]
      ? [
          sheetProblem(
            parts[0].layout.sheet,
            "info",
            `lần chạy này không có tệp nguồn nên dùng lại số liệu của ${reused.length} tệp nguồn đã ghép ở lần chạy trước (${reused.map((k) => `“${k.provenance.file}”`).join(", ")}), ghi trong trang ẩn “${META_SHEET}”; muốn tính chỉ với số liệu của bảng, hãy xóa trang ẩn này rồi chạy lại.`,
          ),
        ]
      : [];
  return {
    parts: joinedParts,
    provenance,
    problems: [
      ...notes,
      ...(own ? periodProblems([own]) : []),
      ...sources.flatMap((s) => [...s.problems, ...periodProblems([s])]),
    ],
    kept,
    prefer,
  };
}
