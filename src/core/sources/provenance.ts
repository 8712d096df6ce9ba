/** Where the figures came from, said on the summary sheet, in the report and, if asked, in the letter. */
import { sheetProblem, type Problem } from "../problems";
import { SOURCE_KIND_LABELS, type Source } from "./types";

export interface SourceProvenance {
  file: string;
  kind: Source["kind"];
  kindLabel: string;
  sheetsRead: string[];
  sheetsSkipped: { sheet: string; note: string }[];
  period?: { kind: string; label: string };
  asOf?: string;
  provinceCode?: string;
  provinceName?: string;
  units: number;
}

export function provenanceOf(source: Source): SourceProvenance {
  return {
    file: source.file,
    kind: source.kind,
    kindLabel: SOURCE_KIND_LABELS[source.kind],
    sheetsRead: source.sheets.filter((s) => s.read).map((s) => s.sheet),
    sheetsSkipped: source.sheets.filter((s) => !s.read).map(({ sheet, note }) => ({ sheet, note })),
    period: source.period,
    asOf: source.asOf,
    provinceCode: source.provinceCode,
    provinceName: source.provinceName,
    units: source.records.length,
  };
}

/** One line per source: "Tệp “x.xlsx”: Điểm Bộ chỉ số 766 …; trang “Sở Ban”, “Xã Phường”; kỳ năm; đến ngày …". */
export function describeSource(p: SourceProvenance): string {
  const sheets = p.sheetsRead.map((s) => `“${s}”`).join(", ");
  const parts = [
    `Tệp “${p.file}”: ${p.kindLabel}`,
    `trang ${sheets} (${p.units} đơn vị)`,
    p.period ? `kỳ ${p.period.kind}${p.period.label ? ` (“${p.period.label}”)` : ""}` : "không rõ kỳ số liệu",
    p.asOf ? `số liệu đến ngày ${p.asOf}` : "không rõ ngày chốt số liệu",
  ];
  if (p.provinceCode || p.provinceName) {
    parts.push(
      `tỉnh ${[p.provinceName, p.provinceCode && `mã ${p.provinceCode}`].filter(Boolean).join(", ")}`,
    );
  }
  return `${parts.join("; ")}.`;
}

/**
 * The award is annual: a 766 score of a month or a quarter is a warning, and so is a source that does not
 * say its period (the pane's "Kỳ số liệu" or the CLI's --period tells it).
 */
export function periodProblems(sources: Source[]): Problem[] {
  const problems: Problem[] = [];
  for (const source of sources) {
    const sheet = source.sheets.find((s) => s.read)?.sheet ?? "";
    const problem = (level: Problem["level"], detail: string) => ({
      ...sheetProblem(sheet, level, detail),
      file: source.file,
      message: `Tệp “${source.file}”, trang “${sheet}”: ${detail}`,
    });
    if (source.period && source.period.kind !== "năm") {
      problems.push(
        problem(
          "warning",
          `số liệu là của ${source.period.kind} (“${source.period.label}”), trong khi khen thưởng xét theo năm; hãy dùng số liệu cả năm.`,
        ),
      );
    } else if (!source.period) {
      // A warning, not a note: a month's figures taken for the year's would propose the wrong units.
      problems.push(
        problem(
          "warning",
          "tệp không ghi rõ kỳ số liệu (năm, quý hay tháng); khen thưởng cần số liệu cả năm: hãy kiểm tra rồi ghi rõ kỳ số liệu.",
        ),
      );
    }
  }
  return problems;
}

/** For the letter's {nguon_so_lieu}: "Điểm Bộ chỉ số 766 … (kỳ năm, số liệu đến ngày 31/12/2025)". */
export function sourceCitation(provenance: SourceProvenance[]): string {
  return provenance
    .map((p) => {
      const when = [p.period && `kỳ ${p.period.kind}`, p.asOf && `số liệu đến ngày ${p.asOf}`].filter(
        Boolean,
      );
      return `${p.kindLabel}${when.length ? ` (${when.join(", ")})` : ""}`;
    })
    .join("; ");
}
