/**
 * A portal 766 export scored on its own (`kstthc score EXPORT.xlsx`): each sheet of units becomes a part
 * of one unit set, with the tool's output columns beside its own table.
 */
import type { SheetGrid } from "../grid";
import { UnusableInputError } from "../problems";
import type { TableLayout } from "../reader/table";
import type { UnitTable } from "../reader/units";
import { foldKey } from "../text";
import { findPortalHeader, GROUPS_766, type PortalColumns } from "./portal-766";
import { readSource, type SourceSettings } from "./read-source";
import type { Source } from "./types";

/** The export's own columns, so that the tool's output from an earlier run is never taken for one. */
const KNOWN = [
  "id",
  "ten",
  "ten_coquan",
  "ma_coquan",
  "loai_coquan",
  "capdonviid",
  "id_coquan",
  "tong_score",
  "row_stt",
];

function layoutOf(grid: SheetGrid, columns: PortalColumns): TableLayout {
  const headers = (grid.values[columns.headerRow] ?? []).map((v) =>
    typeof v === "string" ? v : v === null ? "" : String(v),
  );
  const known = new Set([...KNOWN, ...Object.keys(GROUPS_766).map((g) => g.toLowerCase())]);
  let lastColumn = 0;
  headers.forEach((h, col) => {
    if (known.has(foldKey(h).replace(/\s+/g, "_"))) lastColumn = col;
  });
  return {
    sheet: grid.name,
    headerTop: columns.headerRow,
    headerBottom: columns.headerRow,
    columns: {
      name: (columns.tenCoQuan ?? columns.ten) as number,
      stt: columns.rowStt,
      score766: columns.total,
      rates: [],
      counts: [],
      others: headers
        .map((header, col) => ({ col, header }))
        .filter(
          (o) => o.header !== "" && o.col !== columns.total && o.col !== (columns.tenCoQuan ?? columns.ten),
        ),
    },
    lastColumn,
    headers: headers.slice(0, lastColumn + 1),
  };
}

interface PortalParts {
  source: Source;
  parts: UnitTable[];
}

/**
 * Reads the export's unit sheets as parts of one table. Criteria that read a column of their own may
 * name a 766 group ("CKMB", "MDSH"…).
 */
export function portalUnitTables(
  grids: SheetGrid[],
  file: string,
  settings: SourceSettings,
  customInputs: string[],
): PortalParts {
  const source = readSource(grids, file, settings);
  const parts: UnitTable[] = [];
  for (const read of source.sheets.filter((s) => s.read)) {
    const grid = grids.find((g) => g.name === read.sheet) as SheetGrid;
    const columns = findPortalHeader(grid) as PortalColumns;
    const layout = layoutOf(grid, columns);
    const records = source.records.filter((r) => r.sheet === grid.name);
    const customColumns: Record<string, number> = {};
    for (const input of customInputs) {
      const group = Object.keys(columns.groups).find((g) => foldKey(g) === foldKey(input));
      if (group === undefined) {
        throw new UnusableInputError(
          `Tiêu chí cần cột “${input}” nhưng tệp xuất từ Cổng (trang “${grid.name}”) chỉ có các cột điểm ${Object.keys(columns.groups).join(", ")} và TONG_SCORE.`,
        );
      }
      customColumns[input] = columns.groups[group];
    }
    const units = records.map((r) => ({
      row: r.row,
      stt: "",
      name: r.name,
      group: r.group ?? "",
      score766: r.score766 ?? null,
      rates: [],
      custom: Object.fromEntries(
        Object.keys(customColumns).map((input) => {
          const group = Object.keys(columns.groups).find((g) => foldKey(g) === foldKey(input)) as string;
          return [input, r.groups766?.[group] ?? null];
        }),
      ),
    }));
    parts.push({
      layout,
      units,
      skipped: [],
      firstRow: units.length ? units[0].row : layout.headerBottom,
      lastRow: units.length ? units[units.length - 1].row : layout.headerBottom,
      customColumns,
      problems: source.problems.filter((p) => p.sheet === grid.name).map(({ file: _file, ...p }) => p),
    });
  }
  return { source, parts };
}
