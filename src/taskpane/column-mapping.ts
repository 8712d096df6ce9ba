/** The column pickers of "Bảng đơn vị": what the user may choose and how a choice becomes a ColumnMapping. */
import { columnIndex, columnLetter } from "../core/grid";
import type { Level } from "../core/reader/columns";
import type { ColumnMapping, TableLayout } from "../core/reader/table";

export type MappingField = "name" | "group" | "score766" | `rate:${Level}`;

export interface MappingFieldSpec {
  field: MappingField;
  label: string;
  /** Whether "(không có)" may be chosen. ColumnMapping can only drop a rate column, not the group or 766. */
  clearable: boolean;
}

export const MAPPING_FIELDS: MappingFieldSpec[] = [
  { field: "name", label: "Tên đơn vị", clearable: false },
  { field: "group", label: "Khối", clearable: false },
  { field: "score766", label: "Điểm Bộ chỉ số 766", clearable: false },
  { field: "rate:tinh", label: "Tỷ lệ một cửa cấp tỉnh", clearable: true },
  { field: "rate:huyen", label: "Tỷ lệ một cửa cấp huyện", clearable: true },
  { field: "rate:xa", label: "Tỷ lệ một cửa cấp xã", clearable: true },
  { field: "rate:chung", label: "Tỷ lệ một cửa (không chia cấp)", clearable: true },
];

const levelOf = (field: MappingField): Level | undefined =>
  field.startsWith("rate:") ? (field.slice(5) as Level) : undefined;

/** The column a field reads in the detected layout. */
export function columnOf(layout: TableLayout, field: MappingField): number | undefined {
  const level = levelOf(field);
  if (level) return layout.columns.rates.find((r) => r.level === level)?.col;
  if (field === "name") return layout.columns.name;
  if (field === "group") return layout.columns.group;
  return layout.columns.score766;
}

/**
 * The layout as a complete mapping, so that changing one column keeps the others as they are shown.
 * Rates are left out when the table has none (its rates come from count columns, which a mapping with
 * rates would drop).
 */
function mappingOf(layout: TableLayout): ColumnMapping {
  const { columns } = layout;
  const mapping: ColumnMapping = {
    headerRow: layout.headerTop,
    name: columns.name,
    group: columns.group,
    stt: columns.stt,
    score766: columns.score766,
  };
  if (columns.rates.length > 0) {
    mapping.rates = Object.fromEntries(columns.rates.map((r) => [r.level, r.col]));
  }
  return mapping;
}

/** The mapping of `layout` with `field` read from `col` (undefined: no column, for rates only). */
export function withColumn(layout: TableLayout, field: MappingField, col: number | undefined): ColumnMapping {
  const mapping = mappingOf(layout);
  const level = levelOf(field);
  if (level) {
    const rates = { ...mapping.rates };
    if (col === undefined) delete rates[level];
    else rates[level] = col;
    return { ...mapping, rates };
  }
  if (col === undefined) return mapping;
  if (field === "name") return { ...mapping, name: col };
  if (field === "group") return { ...mapping, group: col };
  return { ...mapping, score766: col };
}

interface ColumnChoice {
  col: number;
  /** "D · Điểm Bộ chỉ số 766 năm 2023". */
  text: string;
}

/** The user's table columns (the tool's own output columns lie beyond lastColumn) and any mapped column. */
export function columnChoices(layout: TableLayout): ColumnChoice[] {
  const cols = new Set<number>();
  for (let col = 0; col <= layout.lastColumn; col++) cols.add(col);
  for (const spec of MAPPING_FIELDS) {
    const col = columnOf(layout, spec.field);
    if (col !== undefined) cols.add(col);
  }
  return [...cols]
    .sort((a, b) => a - b)
    .map((col) => {
      const header = layout.headers[col] ?? "";
      return { col, text: header ? `${columnLetter(col)} · ${header}` : `Cột ${columnLetter(col)}` };
    });
}

/** The first column of an address such as "E9:E43", "$E$9", "E:E"; undefined for whole rows ("5:7"). */
export function columnOfAddress(address: string): number | undefined {
  const match = /^\$?([A-Za-z]{1,3})(?:\$?\d+)?(?::|$)/.exec(address.trim());
  return match ? columnIndex(match[1]) : undefined;
}
