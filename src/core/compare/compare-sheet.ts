/**
 * The sheet "So sánh năm trước": every unit of this year beside its figures of last year, then last
 * year's units that are gone and the names that could not be paired. The tool owns the sheet and writes
 * it anew on every run; a run without a previous year leaves a line saying so, never stale figures.
 */
import { YES, NO } from "../plan/output-columns";
import { rowHeightFor } from "../plan/row-height";
import { emptySheetPlan, type Scalar, type SheetPlan } from "../plan/types";
import type { UnitScore } from "../scoring";
import type { Comparison, MatchedBy, PreviousUnit } from "./types";

export const COMPARE_SHEET = "So sánh năm trước";

const HEADERS = [
  "STT",
  "Tên cơ quan, đơn vị",
  "Khối",
  "Đơn vị năm trước",
  "Điểm 766 năm trước",
  "Điểm 766 năm nay",
  "Thay đổi điểm 766",
  "Tổng điểm năm trước",
  "Tổng điểm năm nay",
  "Thay đổi tổng điểm",
  "Đề xuất năm trước",
  "Đề xuất năm nay",
  "Ghép theo",
];
const WIDTHS = [6, 36, 20, 36, 11, 11, 10, 11, 11, 10, 10, 10, 18];
const COLUMN_STYLES = [
  "outCenter",
  "outText",
  "outText",
  "outText",
  "outNumber",
  "outNumber",
  "outNumber",
  "outNumber",
  "outNumber",
  "outNumber",
  "outCenter",
  "outCenter",
  "outText",
];
const LAST = HEADERS.length - 1;
/** The sheet's cells keep the workbook's default font, 11 points. */
const FONT = { size: 11 };
const TOTAL_WIDTH = WIDTHS.reduce((a, b) => a + b, 0);

const yesNo = (eligible: boolean | null | undefined) =>
  eligible === undefined || eligible === null ? null : eligible ? YES : NO;

export function matchedByText(by: MatchedBy, mapSheet: string): string {
  return by === "code" ? "mã đơn vị" : by === "name" ? "tên đơn vị" : `trang “${mapSheet}”`;
}

const where = (u: PreviousUnit) => `trang “${u.sheet}”, dòng ${u.row + 1}`;

/** A previous unit's figures in the "năm trước" columns, the others left empty. */
function previousRow(first: Scalar[], u: PreviousUnit, by: string | null): Scalar[] {
  return [...first, u.score766, null, null, u.total, null, null, yesNo(u.eligible), null, by];
}

function unitRows(scores: UnitScore[], comparison: Comparison): Scalar[][] {
  const rows: Scalar[][] = [];
  scores.forEach((score, i) => {
    const c = comparison.units[i];
    const now = [score.unit.score766, score.total, yesNo(score.eligible)] as const;
    const head = [i + 1, score.unit.name, score.unit.group];
    if (c.from.length <= 1) {
      const [first] = c.from;
      rows.push([
        ...head,
        first ? first.unit.name : "Đơn vị mới (không có trong tệp năm trước)",
        c.previous?.score766 ?? null,
        now[0],
        c.change?.score766 ?? null,
        c.previous?.total ?? null,
        now[1],
        c.change?.total ?? null,
        yesNo(c.previous?.eligible),
        now[2],
        first ? matchedByText(first.by, comparison.mapSheet) : null,
      ]);
      return;
    }
    rows.push([
      ...head,
      `Sáp nhập từ ${c.from.length} đơn vị (điểm từng đơn vị cũ ở các dòng dưới, không cộng gộp)`,
      null,
      now[0],
      null,
      null,
      now[1],
      null,
      null,
      now[2],
      null,
    ]);
    for (const f of c.from) {
      rows.push(
        previousRow([null, null, null, f.unit.name], f.unit, matchedByText(f.by, comparison.mapSheet)),
      );
    }
  });
  return rows;
}

/** The comparison laid out, or (without one) the line that says this run compared nothing. */
export function planCompareSheet(
  name: string,
  scores: UnitScore[],
  comparison: Comparison | undefined,
): SheetPlan {
  const plan = emptySheetPlan(name, "create");
  plan.columnWidths = WIDTHS.map((width, col) => ({ col, width }));
  plan.blocks.push({ top: 0, left: 0, values: [["SO SÁNH VỚI NĂM TRƯỚC"]], style: "sheetTitle" });
  const line = (row: number, text: string) => {
    plan.blocks.push({ top: row, left: 0, values: [[text]], style: "plainText" });
    plan.merges.push({ top: row, left: 0, bottom: row, right: LAST });
    // Excel does not fit the height of merged cells.
    plan.rowHeights.push({ row, height: rowHeightFor([{ text, width: TOTAL_WIDTH }], FONT) });
  };
  if (!comparison) {
    line(
      1,
      "Lần tính điểm gần nhất không so sánh với năm trước: hãy chọn tệp năm trước (--compare, hoặc mục “So sánh với năm trước” của ngăn tác vụ) rồi tính điểm lại.",
    );
    return plan;
  }
  const { previous } = comparison;
  const year = previous.year === null ? "" : ` (năm ${previous.year})`;
  line(1, `Năm trước: tệp “${previous.file}”${year}, ${previous.howText}.`);
  line(
    2,
    `Ghép theo mã hoặc tên đơn vị, không ghép khác loại, không đoán. Đơn vị đổi tên hoặc sáp nhập: ghi ở trang “${comparison.mapSheet}” rồi tính điểm lại.`,
  );
  let row = 4;
  const headerHeight = rowHeightFor(
    HEADERS.map((text, i) => ({ text, width: WIDTHS[i] })),
    FONT,
  );
  plan.rowHeights.push({ row, height: headerHeight });
  plan.blocks.push({ top: row++, left: 0, values: [HEADERS], style: "plainHeader" });
  const rows = unitRows(scores, comparison);
  if (rows.length > 0) plan.blocks.push({ top: row, left: 0, values: rows, columnStyles: COLUMN_STYLES });
  row += rows.length + 1;

  const section = (title: string, lines: Scalar[][]) => {
    if (lines.length === 0) return;
    line(row++, title);
    plan.blocks.push({ top: row, left: 0, values: lines, columnStyles: COLUMN_STYLES });
    row += lines.length + 1;
  };
  section(
    `ĐƠN VỊ NĂM TRƯỚC KHÔNG CÒN TRONG BẢNG NĂM NAY (${comparison.vanished.length})`,
    comparison.vanished.map((u, i) => previousRow([i + 1, u.name, u.group, where(u)], u, null)),
  );
  section(
    `KHÔNG GHÉP ĐƯỢC VÌ TRÙNG TÊN HOẶC MÃ (${comparison.ambiguous.length})`,
    comparison.ambiguous.map((a, i) => [
      i + 1,
      a.current.join("; ") || null,
      null,
      a.previous.join("; ") || null,
      ...Array<Scalar>(8).fill(null),
      a.key,
    ]),
  );
  plan.pageSetup = {
    paper: "A4",
    orientation: "landscape",
    margins: { top: 15, bottom: 15, left: 15, right: 15, header: 8, footer: 8 },
    fitToWidth: true,
    printArea: { top: 0, left: 0, bottom: row - 2, right: LAST },
    pageBreaksBefore: [],
  };
  return plan;
}
