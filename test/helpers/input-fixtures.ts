/**
 * openpyxl scripts of the input fixtures of issue #23 (group texts, legacy encodings, messages), shared
 * by the CLI, the add-in (fake Excel) and the web page tests so that each face reads the same workbook.
 */

/** Units whose group text is a short form or names no kind; scores above 80 earn III where it applies. */
export const GROUP_TEXTS_SCRIPT = [
  `ws.title = "Đơn vị"`,
  `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa"])`,
  `ws.append([1, "Sở Ngoại vụ", "Sở", 85.5, None])`,
  `ws.append([2, "UBND huyện An Phú", "Huyện", 80.01, None])`,
  `ws.append([3, "UBND xã Mỹ Hòa Hưng", "Xã", 90, None])`,
  `ws.append([4, "UBND huyện Phú Tân", "UBND H.", 82, None])`,
  `ws.append([5, "Sở Tư pháp", "Sở/ngành", 81, None])`,
  `ws.append([6, "UBND huyện Tri Tôn", "Khối A", 84, None])`,
  `ws.append([7, "Trung tâm Phục vụ hành chính công", "Nhóm 2", 88, None])`,
  `ws.append([8, "Bảo hiểm xã hội tỉnh", "Ngành dọc", 86, 100])`,
].join("\n");

/** The units of GROUP_TEXTS_SCRIPT proposed: every unit above 80 whose group or name tells a kind III applies to. */
export const GROUP_TEXTS_PROPOSED = [
  "Sở Ngoại vụ",
  "UBND huyện An Phú",
  "UBND xã Mỹ Hòa Hưng",
  "UBND huyện Phú Tân",
  "Sở Tư pháp",
  "UBND huyện Tri Tôn",
  "Bảo hiểm xã hội tỉnh",
];

/** Units of the legacy-encoding fixtures: name, group, 766 score, one-stop rate (item 2). */
const LEGACY_UNITS: [string, string, number | null, number | null][] = [
  ["Sở Ngoại vụ", "Sở, ban, ngành", 85.5, null],
  ["Sở Tư pháp", "Sở, ban, ngành", 75, null],
  ["UBND huyện An Phú", "UBND cấp huyện", 82.3, null],
  ["UBND huyện Phú Tân", "UBND cấp huyện", 81, null],
  ["Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", null, 100],
  ["Công an tỉnh", "Cơ quan ngành dọc", null, 96.5],
];

/** The units proposed when the legacy names and groups are read right. */
export const LEGACY_PROPOSED = [
  "Sở Ngoại vụ",
  "UBND huyện An Phú",
  "UBND huyện Phú Tân",
  "Bảo hiểm xã hội tỉnh",
];

const py = (value: string | number | null) =>
  value === null ? "None" : typeof value === "number" ? String(value) : JSON.stringify(value);

/**
 * An openpyxl script of the legacy fixture: headers in Unicode, each unit's name and group passed
 * through `encode` (toTcvn3, toVni), or through `encodeRow(row, text)` to mix encodings.
 */
export function legacyScript(encode: (text: string, row: number) => string): string {
  return [
    `ws.title = "Đơn vị"`,
    `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa"])`,
    ...LEGACY_UNITS.map(
      ([name, group, score, rate], i) =>
        `ws.append([${i + 1}, ${py(encode(name, i))}, ${py(encode(group, i))}, ${py(score)}, ${py(rate)}])`,
    ),
  ].join("\n");
}

const UNIT_HEADER = `["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766", "Tỷ lệ TTHC tiếp nhận tại Bộ phận Một cửa"]`;
const UNIT_ROWS = [
  `[1, "Sở Ngoại vụ", "Sở, ban, ngành", 85.5, None]`,
  `[2, "Sở Tư pháp", "Sở, ban, ngành", 75, None]`,
  `[3, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", None, 100]`,
];
/** The units of the message fixtures (item 9) proposed. */
export const MESSAGE_PROPOSED = ["Sở Ngoại vụ", "Bảo hiểm xã hội tỉnh"];

/** A plain unit table on the active sheet "Đơn vị". */
export const PLAIN_TABLE_SCRIPT = [
  `ws.title = "Đơn vị"`,
  `ws.append(${UNIT_HEADER})`,
  ...UNIT_ROWS.map((r) => `ws.append(${r})`),
].join("\n");

/** The unit table on a very hidden sheet "Số liệu", behind a visible sheet of notes. */
export const VERY_HIDDEN_SCRIPT = [
  `ws.title = "Ghi chú"`,
  `ws["A1"] = "Số liệu ở trang riêng"`,
  `data = wb.create_sheet("Số liệu")`,
  `data.append(${UNIT_HEADER})`,
  ...UNIT_ROWS.map((r) => `data.append(${r})`),
  `data.sheet_state = "veryHidden"`,
].join("\n");

/**
 * The unit table as an Excel table (ListObject) with its totals row: "Total" in the first column and
 * SUBTOTAL formulas under the figures (totalsRowCount="1", as Excel writes it when Total Row is ticked).
 */
export const TOTALS_ROW_SCRIPT = [
  PLAIN_TABLE_SCRIPT,
  `ws.append(["Total", None, None, "=SUBTOTAL(101,D2:D4)", "=SUBTOTAL(101,E2:E4)"])`,
  `t = Table(displayName="BangDonVi", ref="A1:E5")`,
  `t.totalsRowCount = 1`,
  `ws.add_table(t)`,
].join("\n");
