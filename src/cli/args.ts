/** Command-line arguments of `kstthc`, parsed with Node's own parser. */
import path from "node:path";
import { parseArgs } from "node:util";
import { columnIndex } from "../core/grid";
import { PRESETS, presetById, type PresetId } from "../core/presets";
import type { ColumnMapping } from "../core/reader/table";
import type { Preference } from "../core/sources/join";
import type { Period } from "../core/sources/types";

const PREFERENCES: Record<string, Preference> = { nguon: "source", bang: "table" };
const PERIODS: Record<string, Period> = {
  nam: { kind: "năm", label: "" },
  quy: { kind: "quý", label: "" },
  thang: { kind: "tháng", label: "" },
};

/** "năm", "Nam", "nam" → "nam". */
const plain = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .toLowerCase()
    .trim();

export const USAGE = `Cách dùng:
  kstthc score TỆP.xlsx [-o TỆP_KẾT_QUẢ.xlsx] [--docx CÔNG_VĂN.docx] [--sheet TÊN_TRANG] [--json]
                [--map ten=B,khoi=C,diem766=D,tinh=E,huyen=F] [--header-row SỐ] [--no-criteria-sheet]
                [--formulas] [--source TỆP_NGUỒN.xlsx …] [--prefer nguon|bang]
                [--period nam|quy|thang] [--as-of NGÀY/THÁNG/NĂM] [--year NĂM] [--preset MẪU]
                [--compare TỆP_NĂM_TRƯỚC.xlsx]
  kstthc letter TỆP.xlsx [--docx CÔNG_VĂN.docx] [--sheet TÊN_TRANG] [--json]
                [--map …] [--header-row SỐ] [--year NĂM] [--preset MẪU]
  kstthc ho-so TỆP.xlsx [-o THƯ_MỤC] [--sheet …] [--json] [--map …] [--header-row SỐ]
                [--source …] [--prefer …] [--period …] [--as-of …] [--year NĂM] [--preset MẪU]
                [--compare …]

  score               Tính điểm bảng đơn vị, ghi tệp kết quả và dự thảo công văn.
  letter              Tính điểm rồi chỉ ghi công văn Word (.docx), không ghi tệp Excel
                      (mặc định: cong-van-de-xuat-khen-thuong-<năm>.docx cạnh tệp gốc).
  ho-so               Tính điểm rồi ghi bộ hồ sơ khen thưởng (Word): công văn kèm danh sách, danh
                      sách tập thể đề nghị khen thưởng, tờ trình; in danh mục hồ sơ còn thiếu.
  -o, --output        Tệp kết quả (mặc định: <tên tệp>-da-tinh-diem.xlsx cạnh tệp gốc; sổ tính có
                      macro giữ đuôi .xlsm và macro của nó); với ho-so: thư mục ghi hồ sơ (mặc định:
                      thư mục của tệp gốc).
  --docx              Ghi công văn đề xuất khen thưởng (Word, kèm phụ lục bảng điểm) ra tệp này.
  --sheet             Trang chứa bảng đơn vị (mặc định: tự tìm).
  --json              In một báo cáo JSON thay cho bản tóm tắt.
  --map               Chỉ định cột: ten, khoi, stt, diem766, tinh, huyen, xa, tyle (tỷ lệ chung).
  --header-row        Dòng tiêu đề của bảng (số dòng như Excel hiển thị).
  --no-criteria-sheet Không thêm trang “Tiêu chí” khi tệp chưa có.
  --formulas          Ghi công thức =KSTTHC.DIEM(…) thay cho giá trị (cần add-in để tính lại).
  --source            Tệp số liệu nhận được (điểm 766 xuất từ Cổng DVC, Biểu II.07b…), ghép vào
                      bảng theo dõi theo mã hoặc tên đơn vị; dùng nhiều lần cho nhiều tệp.
  --prefer            Khi bảng theo dõi và tệp nguồn khác nhau: nguon (mặc định) dùng số liệu của
                      tệp nguồn, bang giữ số liệu của bảng. Cả hai đều được ghi ra cột “Nguồn số liệu”.
  --period            Kỳ của số liệu khi tệp không ghi rõ: nam, quy hoặc thang.
  --as-of             Ngày chốt số liệu khi tệp không ghi rõ, ví dụ 31/12/2025.
  --year              Năm thi đua (mặc định: trang “Tiêu chí”, rồi tiêu đề/tên trang, rồi tên tệp).
  --preset            Mẫu tiêu chí khi tệp chưa có trang “Tiêu chí”: ${PRESETS.map((p) => `${p.id} (${p.label})`).join(", ")}.
  --compare           So sánh với năm trước: tệp đã tính điểm của năm trước (hoặc bảng đơn vị bất kỳ
                      của năm đó); đơn vị ghép theo mã hoặc tên, đổi tên và sáp nhập ghi ở trang
                      “Đổi tên, sáp nhập”; kết quả ở trang “So sánh năm trước”.
  -h, --help          Hướng dẫn này.

Mã thoát:
  0  Đã ghi kết quả (kể cả khi có cảnh báo).
  1  Tệp không dùng được; không ghi gì.
  2  Sai cú pháp lệnh.
  3  Đã ghi, nhưng có lỗi ở số liệu cần để tính điểm: danh sách và công văn là dự thảo, cần sửa lỗi
     rồi chạy lại trước khi gửi.`;

export interface ScoreCommand {
  command: "score";
  input: string;
  output?: string;
  sheet?: string;
  json: boolean;
  mapping?: ColumnMapping;
  writeCriteriaSheet: boolean;
  /** Formulas that recalculate with the add-in (--formulas) instead of plain values. */
  writeFormulas: boolean;
  /** Also write the letter as a Word document here. */
  docx?: string;
  /** Source files whose figures are joined into the table. */
  sources: string[];
  /** Undefined when not given: a re-run keeps the preference its record names. */
  prefer?: Preference;
  period?: Period;
  asOf?: string;
  year?: number;
  preset?: PresetId;
  /** Last year's workbook, set beside this year (--compare). */
  compare?: string;
}

/** `kstthc letter`: scores in memory and writes only the letter. */
export interface LetterCommand {
  command: "letter";
  input: string;
  /** Without it, cong-van-de-xuat-khen-thuong-<year>.docx beside the input. */
  docx?: string;
  year?: number;
  preset?: PresetId;
  sheet?: string;
  json: boolean;
  mapping?: ColumnMapping;
}

/** `kstthc ho-so`: scores as `score` does (same options) and writes the award dossier's .docx files. */
export interface DossierCommand extends Omit<ScoreCommand, "command" | "output" | "docx"> {
  command: "ho-so";
  /** The folder the documents go to (-o); without it, the input's folder. */
  folder?: string;
}

type Parsed =
  ScoreCommand | LetterCommand | DossierCommand | { command: "help" } | { command: "error"; message: string };

const samePath = (a: string, b: string) => path.resolve(a) === path.resolve(b);

const MAP_KEYS: Record<string, (m: ColumnMapping, col: number) => void> = {
  ten: (m, c) => (m.name = c),
  khoi: (m, c) => (m.group = c),
  stt: (m, c) => (m.stt = c),
  diem766: (m, c) => (m.score766 = c),
  tinh: (m, c) => (m.rates = { ...m.rates, tinh: c }),
  huyen: (m, c) => (m.rates = { ...m.rates, huyen: c }),
  xa: (m, c) => (m.rates = { ...m.rates, xa: c }),
  tyle: (m, c) => (m.rates = { ...m.rates, chung: c }),
};

function parseMapping(
  text: string | undefined,
  headerRow: string | undefined,
): ColumnMapping | string | undefined {
  if (text === undefined && headerRow === undefined) return undefined;
  const mapping: ColumnMapping = {};
  for (const part of (text ?? "").split(",").filter(Boolean)) {
    const [key, letters] = part.split("=").map((s) => s.trim());
    const col = letters ? columnIndex(letters) : undefined;
    const set = MAP_KEYS[key?.toLowerCase()];
    if (!set || col === undefined) return `--map không hiểu “${part}”: dùng dạng ten=B,diem766=D.`;
    set(mapping, col);
  }
  if (headerRow !== undefined) {
    const row = Number(headerRow);
    if (!Number.isInteger(row) || row < 1) return `--header-row cần một số dòng, không phải “${headerRow}”.`;
    mapping.headerRow = row - 1;
  }
  return mapping;
}

/** Node's English parse errors, said in Vietnamese with the option they name. */
function usageMessage(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'([^']+)'/.exec(message)?.[1] ?? "";
  const name =
    option
      .split(/[ ,]/)
      .filter((part) => part.startsWith("-"))
      .at(-1) ?? option;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return `Tùy chọn “${name}” không có. Xem “kstthc --help”.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return /does not take an argument/.test(message)
      ? `Tùy chọn “${name}” không nhận giá trị.`
      : `Tùy chọn “${name}” cần một giá trị.`;
  }
  return `Dòng lệnh không hợp lệ: ${message}`;
}

export function parseCommandLine(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        output: { type: "string", short: "o" },
        docx: { type: "string" },
        sheet: { type: "string" },
        json: { type: "boolean", default: false },
        map: { type: "string" },
        "header-row": { type: "string" },
        "no-criteria-sheet": { type: "boolean", default: false },
        formulas: { type: "boolean", default: false },
        source: { type: "string", multiple: true },
        prefer: { type: "string" },
        period: { type: "string" },
        "as-of": { type: "string" },
        year: { type: "string" },
        preset: { type: "string" },
        compare: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return { command: "error", message: usageMessage(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: "help" };
  const [command, input, ...rest] = positionals;
  if (command !== "score" && command !== "letter" && command !== "ho-so") {
    return { command: "error", message: command ? `Lệnh “${command}” không có.` : "Thiếu lệnh." };
  }
  if (!input) return { command: "error", message: "Thiếu tệp .xlsx cần tính điểm." };
  if (rest.length > 0) return { command: "error", message: `Thừa tham số: ${rest.join(" ")}.` };
  const mapping = parseMapping(values.map, values["header-row"]);
  if (typeof mapping === "string") return { command: "error", message: mapping };
  const { docx } = values;
  if (docx !== undefined && docx.trim() === "")
    return { command: "error", message: "--docx cần tên tệp .docx." };
  if (docx !== undefined && samePath(docx, input)) {
    return { command: "error", message: "Tệp công văn (--docx) không được trùng với tệp .xlsx nguồn." };
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    return { command: "error", message: `--year cần một năm như 2025, không phải “${values.year}”.` };
  }
  const preset = values.preset === undefined ? undefined : presetById(values.preset)?.id;
  if (values.preset !== undefined && preset === undefined) {
    const known = PRESETS.map((p) => p.id).join(", ");
    return { command: "error", message: `--preset “${values.preset}” không có; chọn một trong: ${known}.` };
  }
  if (command === "letter") {
    if (values.output !== undefined || values["no-criteria-sheet"] || values.formulas || values.compare) {
      return {
        command: "error",
        message:
          "Lệnh letter không ghi tệp Excel: -o, --no-criteria-sheet, --compare và --formulas chỉ dùng với lệnh score.",
      };
    }
    return {
      command: "letter",
      input,
      docx,
      sheet: values.sheet,
      json: values.json ?? false,
      mapping,
      year,
      preset,
    };
  }
  if (command === "ho-so" && (docx !== undefined || values["no-criteria-sheet"] || values.formulas)) {
    return {
      command: "error",
      message:
        "Lệnh ho-so chỉ ghi các văn bản Word vào một thư mục (-o THƯ_MỤC): --docx, --no-criteria-sheet và --formulas chỉ dùng với lệnh score.",
    };
  }
  if (command === "ho-so" && values.output !== undefined && values.output.trim() === "") {
    return { command: "error", message: "-o cần tên thư mục để ghi hồ sơ." };
  }
  const sources = values.source ?? [];
  if (sources.some((s) => samePath(s, input))) {
    return { command: "error", message: "Tệp nguồn (--source) không được trùng với tệp đang tính điểm." };
  }
  if (values.output !== undefined && sources.some((s) => samePath(s, values.output as string))) {
    return { command: "error", message: "Tệp kết quả (-o) không được trùng với tệp nguồn (--source)." };
  }
  if (sources.length > 0 && values.formulas) {
    return {
      command: "error",
      message:
        "--formulas chưa dùng được cùng --source: công thức chỉ đọc ô của bảng theo dõi, không đọc số liệu của tệp nguồn. Hãy bỏ --formulas.",
    };
  }
  const { compare } = values;
  if (compare !== undefined && compare.trim() === "") {
    return { command: "error", message: "--compare cần tên tệp .xlsx của năm trước." };
  }
  if (compare !== undefined && samePath(compare, input)) {
    return {
      command: "error",
      message: "Tệp năm trước (--compare) không được trùng với tệp đang tính điểm.",
    };
  }
  if (compare !== undefined && values.output !== undefined && samePath(compare, values.output)) {
    return { command: "error", message: "Tệp kết quả (-o) không được trùng với tệp năm trước (--compare)." };
  }
  const prefer = values.prefer === undefined ? undefined : PREFERENCES[plain(values.prefer)];
  if (values.prefer !== undefined && !prefer)
    return { command: "error", message: `--prefer nhận nguon hoặc bang, không phải “${values.prefer}”.` };
  const period = values.period === undefined ? undefined : PERIODS[plain(values.period)];
  if (values.period !== undefined && !period) {
    return { command: "error", message: `--period nhận nam, quy hoặc thang, không phải “${values.period}”.` };
  }
  const asOf = values["as-of"];
  if (asOf !== undefined && !/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(asOf.trim())) {
    return { command: "error", message: `--as-of cần ngày dạng 31/12/2025, không phải “${asOf}”.` };
  }
  if (docx !== undefined && values.output !== undefined && samePath(docx, values.output)) {
    return { command: "error", message: "Tệp công văn (--docx) không được trùng với tệp kết quả (-o)." };
  }
  const common = {
    input,
    sheet: values.sheet,
    json: values.json ?? false,
    mapping,
    writeCriteriaSheet: !values["no-criteria-sheet"],
    writeFormulas: values.formulas ?? false,
    sources,
    prefer,
    period: period && { ...period, label: `--period ${values.period}` },
    asOf: asOf?.trim(),
    year,
    preset,
    compare,
  };
  if (command === "ho-so") return { command: "ho-so", ...common, folder: values.output };
  return { command: "score", ...common, output: values.output, docx };
}
