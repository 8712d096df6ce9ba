/** Picks the sheet and the header of the unit table, or says in Vietnamese why there is none. */
import { cellText, columnLetter, type SheetGrid } from "../grid";
import { LEGACY_ADVICE, looksLegacyEncoded } from "../legacy-encoding";
import { sheetLabel } from "./sheet-state";
import { UnusableInputError } from "../problems";
import { cleanText, foldKey } from "../text";
import { lastFilledRow, severalTablesError, tableYear } from "./several-tables";
import {
  detectTable,
  findHeader,
  HEADER_SCAN_ROWS,
  type ColumnMapping,
  type KnownHeader,
  type TableLayout,
} from "./table";

export interface PickOptions {
  sheet?: string;
  mapping?: ColumnMapping;
  ownedColumns?: Record<string, number[]>;
  ownSheets?: string[];
  /** The assessment year, when known: picks among several 766 columns the one whose header names it. */
  year?: number;
  /** Per sheet, the header rows an earlier run read (its record): read again as they were. */
  knownHeaders?: Record<string, KnownHeader>;
}

type Found = { grid: SheetGrid; layout: TableLayout & { score: number } };

const NEEDS =
  "cần một dòng tiêu đề có cột tên đơn vị (“Tên đơn vị”, “Tên cơ quan, đơn vị”…) và cột điểm Bộ chỉ số 766 hoặc tỷ lệ tiếp nhận tại Bộ phận Một cửa";

/** A header further down than the rows scanned: the user can name its row. */
function headerBelowHint(grids: SheetGrid[]): string {
  for (const grid of grids) {
    if (grid.values.length <= HEADER_SCAN_ROWS) continue;
    const below = findHeader(grid, undefined, grid.values.length);
    if (below && below.top >= HEADER_SCAN_ROWS) {
      const row = below.top + 1;
      return ` Trang “${grid.name}” có vẻ có dòng tiêu đề ở dòng ${row}, dưới ${HEADER_SCAN_ROWS} dòng đầu được dò tìm: hãy chỉ rõ dòng tiêu đề (dòng lệnh: --sheet "${grid.name}" --header-row ${row}; ngăn tác vụ: chọn trang và dòng tiêu đề).`;
    }
  }
  return "";
}

/** Columns named without their header row: the header may be anywhere, so the user must name its row. */
function headerRowHint(options: PickOptions): string {
  return options.mapping && options.mapping.headerRow === undefined
    ? " Khi chỉ định cột (--map), hãy chỉ rõ cả dòng tiêu đề (dòng lệnh: --header-row SỐ_DÒNG; ngăn tác vụ: chọn dòng tiêu đề)."
    : "";
}

function noTable(grids: SheetGrid[], options: PickOptions): UnusableInputError {
  if (grids.length === 0) return new UnusableInputError("Tệp không có trang tính nào.");
  const legacy = grids.some((g) =>
    g.values.slice(0, HEADER_SCAN_ROWS).some((line) => line.some((v) => looksLegacyEncoded(cellText(v)))),
  );
  return new UnusableInputError(
    `Không tìm thấy bảng đơn vị trong tệp: ${NEEDS}.` +
      (legacy ? ` Chữ trong tệp ${LEGACY_ADVICE}` : "") +
      headerBelowHint(grids) +
      headerRowHint(options),
  );
}

/** Two 766 columns and no assessment year in either header: refuse, naming both. */
function refuseAmbiguous766(found: Found): void {
  const choices = found.layout.columns.score766Choices;
  if (!choices) return;
  const named = choices.map((col) => `cột ${columnLetter(col)} “${found.layout.headers[col]}”`).join(" và ");
  throw new UnusableInputError(
    `Bảng đơn vị ở trang “${found.grid.name}” (dòng ${found.layout.headerTop + 1}) có ${choices.length} cột điểm Bộ chỉ số 766: ${named}, và không cột nào ghi riêng năm đánh giá. Hãy chỉ rõ cột cần dùng (dòng lệnh: --map diem766=${columnLetter(choices[choices.length - 1])}; ngăn tác vụ: chọn cột), hoặc ghi năm vào tiêu đề cột.`,
  );
}

function namedSheet(grids: SheetGrid[], options: PickOptions, owned: (s: string) => Set<number>): Found {
  const wanted = cleanText(options.sheet ?? "");
  const grid = grids.find((g) => g.name === wanted) ?? grids.find((g) => foldKey(g.name) === foldKey(wanted));
  if (!grid) {
    const names = grids.map(sheetLabel).join(", ");
    throw new UnusableInputError(`Không có trang “${wanted}” trong tệp. Các trang hiện có: ${names}.`);
  }
  const layout = detectTable(
    grid,
    options.mapping,
    owned(grid.name),
    options.year,
    options.knownHeaders?.[grid.name],
  );
  if (!layout) {
    throw new UnusableInputError(
      `Trang “${grid.name}” không có bảng đơn vị: không tìm thấy dòng tiêu đề có cột tên đơn vị cùng cột điểm Bộ chỉ số 766 hoặc tỷ lệ tiếp nhận tại Bộ phận Một cửa.` +
        headerBelowHint([grid]) +
        headerRowHint(options),
    );
  }
  return { grid, layout };
}

export function pickTable(grids: SheetGrid[], options: PickOptions): Found {
  const owned = (sheet: string) => new Set(options.ownedColumns?.[sheet] ?? []);
  let picked: Found;
  if (options.sheet !== undefined) picked = namedSheet(grids, options, owned);
  else {
    const own = new Set((options.ownSheets ?? []).map(foldKey));
    const found = grids
      .filter((g) => !own.has(foldKey(g.name)))
      .map((grid) => ({
        grid,
        layout: detectTable(
          grid,
          options.mapping,
          owned(grid.name),
          options.year,
          options.knownHeaders?.[grid.name],
        ),
      }))
      .filter((f): f is Found => f.layout !== undefined);
    if (found.length === 0) throw noTable(grids, options);
    // Several sheets with a table: never the best-looking one silently.
    if (found.length > 1) {
      throw severalTablesError(
        found.map(({ grid, layout }) => ({
          sheet: grid.name,
          headerTop: layout.headerTop,
          lastRow: lastFilledRow(grid, layout.headerBottom),
          year: tableYear(grid, 0, layout.headerTop, layout.headerBottom),
        })),
      );
    }
    picked = found[0];
  }
  refuseAmbiguous766(picked);
  return picked;
}
