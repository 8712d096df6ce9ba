/**
 * Builds the illustrative workbook of a province's own table (issue 26): eight criteria worth 100
 * points using tiers, a criterion that does not fit some units, ratings with floors (Nghệ An's 2025
 * draft), evidence and review columns and the rank within each group. Criteria, units and figures are
 * made up, modelled on the published rules of several provinces; they are not any province's figures.
 */
import ExcelJS from "exceljs";
import type { Criterion } from "../src/core/criteria";
import { INPUT_ONE_STOP_RATE, INPUT_SCORE_766 } from "../src/core/criteria";
import { criteriaWritePlan } from "../src/core/plan/criteria-sheet-plan";
import { defaultSettings, type Settings } from "../src/core/settings";
import { parseTiers, type Tier } from "../src/core/tiers";
import { applyPlan } from "../test/exceljs/apply";

export const PROVINCE_SAMPLE_FILE = "bang-tieu-chi-rieng-minh-hoa-2025.xlsx";
export const PROVINCE_SAMPLE_SHEET = "Theo dõi";

const tiers = (text: string): Tier[] => {
  const parsed = parseTiers(text);
  if (!parsed.ok) throw new Error(parsed.detail);
  return parsed.tiers;
};

const criterion = (
  c: Partial<Criterion> & Pick<Criterion, "code" | "title" | "points" | "kind" | "input">,
) => ({
  appliesTo: [],
  basis: "",
  sentenceEarned: "",
  sentenceNone: "",
  ...c,
});

/** Eight criteria, 100 points: each kind of issue 26 at least once. */
export function provinceCriteria(): Criterion[] {
  return [
    criterion({
      code: "I.1",
      title: "Ban hành kế hoạch, báo cáo công tác kiểm soát TTHC đầy đủ, đúng hạn",
      points: 10,
      kind: "manual",
      input: "Điểm kế hoạch, báo cáo",
      needsEvidence: true,
    }),
    criterion({
      code: "I.2",
      title: "Công khai đầy đủ TTHC thuộc thẩm quyền",
      points: 10,
      kind: "threshold",
      input: "Tỷ lệ TTHC công khai (%)",
      operator: ">=",
      threshold: 100,
    }),
    criterion({
      code: "II.1",
      title: "Kết quả Bộ chỉ số 766",
      points: 30,
      kind: "tiers",
      input: INPUT_SCORE_766,
      tiers: tiers("≥ 90: 30; > 80: 20; ≥ 70: 10"),
      appliesTo: ["Sở, ban, ngành", "UBND xã"],
      whenNotApplicable: "exclude",
      sentenceEarned:
        "- {don_vi} đạt điểm tại tiêu chí {ma} (Bộ chỉ số 766) theo bậc của bảng tiêu chí kèm theo {ke_hoach}.",
    }),
    criterion({
      code: "II.2",
      title: "Hồ sơ giải quyết đúng hạn",
      points: 10,
      kind: "proportional",
      input: "Tỷ lệ hồ sơ đúng hạn (%)",
      target: 100,
    }),
    criterion({
      code: "II.3",
      title: "Số hóa hồ sơ, kết quả giải quyết TTHC (đủ điểm từ 80%)",
      points: 10,
      kind: "tiers",
      input: "Tỷ lệ số hóa hồ sơ (%)",
      tiers: tiers("≥ 80: 10; ≥ 50: 5"),
    }),
    criterion({
      code: "III.1",
      title: "Tiếp nhận TTHC tại Trung tâm Phục vụ hành chính công đạt 100%",
      points: 15,
      kind: "threshold",
      input: INPUT_ONE_STOP_RATE,
      operator: ">=",
      threshold: 100,
      whenNotApplicable: "exclude",
    }),
    criterion({
      code: "III.2",
      title: "Thanh toán trực tuyến",
      points: 5,
      kind: "tiers",
      input: "Tỷ lệ thanh toán trực tuyến (%)",
      tiers: tiers("≥ 50: 5; ≥ 30: 3"),
      whenNotApplicable: "full",
    }),
    criterion({
      code: "IV",
      title: "Tuyên truyền, sáng kiến cải cách TTHC",
      points: 10,
      kind: "manual",
      input: "Điểm tuyên truyền, sáng kiến",
      needsEvidence: true,
    }),
  ];
}

/** The settings of the example: Nghệ An's three ratings, totals on 100, ranks within groups. */
export function provinceSettings(): Settings {
  const settings = defaultSettings();
  settings.emulation = {
    ratings: [
      { label: "Hoàn thành xuất sắc", minTotal: 90, minShare: 85 },
      { label: "Hoàn thành tốt", minTotal: 80, minShare: 80 },
      { label: "Hoàn thành", minTotal: 70, minShare: 70 },
    ],
    convertTo100: true,
    rankInGroup: true,
  };
  settings.award = { kind: "minTotal", minTotal: 90 };
  settings.letter = {
    ...settings.letter,
    year: 2025,
    planReference: "Kế hoạch số …/KH-UBND (minh họa)",
    resultsReference: "Quyết định số …/QĐ-UBND (minh họa)",
  };
  return settings;
}

type Cell = string | number | null;

/** The unit table's columns after STT, name and group. */
const COLUMNS = [
  "Điểm Bộ chỉ số 766 năm 2025",
  "Tỷ lệ TTHC tiếp nhận tại Trung tâm Phục vụ hành chính công (%)",
  "Tỷ lệ TTHC công khai (%)",
  "Tỷ lệ hồ sơ đúng hạn (%)",
  "Tỷ lệ số hóa hồ sơ (%)",
  "Tỷ lệ thanh toán trực tuyến (%)",
  "Điểm kế hoạch, báo cáo",
  "Tự chấm I.1",
  "Minh chứng I.1",
  "Giải trình I.1",
  "Điểm tuyên truyền, sáng kiến",
  "Tự chấm IV",
  "Thẩm định IV",
  "Minh chứng IV",
];

const GROUPS = [
  { roman: "I", title: "SỞ, BAN, NGÀNH", group: "Sở, ban, ngành" },
  { roman: "II", title: "UBND XÃ, PHƯỜNG, ĐẶC KHU", group: "UBND xã, phường, đặc khu" },
  { roman: "III", title: "CƠ QUAN NGÀNH DỌC", group: "Cơ quan ngành dọc" },
];

/** Made-up units and figures, in the order of COLUMNS. "không có TTHC": the unit has no procedures. */
const UNITS: [string, string, ...Cell[]][] = [
  // prettier-ignore
  ["Sở, ban, ngành", "Sở Tư pháp", 92.4, 100, 100, 98.5, 86, 62, 10, 10, "Báo cáo số 15/BC-STP", null, 10, 10, 9, "Quyết định số 102/QĐ-STP"],
  // prettier-ignore
  ["Sở, ban, ngành", "Sở Tài chính", 90.5, 100, 100, 96, 82, 55, 10, 10, "Công văn số 210/STC-VP", null, 8, 10, 8, "Kế hoạch số 33/KH-STC"],
  // prettier-ignore
  ["Sở, ban, ngành", "Sở Y tế", 84.37, 97.5, 100, 91.2, 74, 41, 9, 10, null, "Đã gửi bản giấy ngày 12/12/2025", 8, 8, null, "Báo cáo số 77/BC-SYT"],
  // prettier-ignore
  ["Sở, ban, ngành", "Sở Xây dựng", 78.6, 100, 95, 88, 65, 30, 10, 10, null, null, 7, 7, null, "Kế hoạch số 12/KH-SXD"],
  // prettier-ignore
  ["Sở, ban, ngành", "Thanh tra tỉnh", 91, "không có TTHC", 100, 100, 90, "không áp dụng", 10, 10, "Báo cáo số 05/BC-TTr", null, 9, 9, null, "Báo cáo số 06/BC-TTr"],
  // prettier-ignore
  ["UBND xã, phường, đặc khu", "UBND phường Long Xuyên", 93.2, 100, 100, 99, 92, 70, 10, 10, "Báo cáo số 40/BC-UBND", null, 10, 10, 10, "Quyết định số 15/QĐ-UBND"],
  // prettier-ignore
  ["UBND xã, phường, đặc khu", "UBND xã Châu Phú", 86.5, 100, 100, 95.5, 81, 48, 10, 10, "Báo cáo số 18/BC-UBND", null, 9, 9, null, "Kế hoạch số 20/KH-UBND"],
  // prettier-ignore
  ["UBND xã, phường, đặc khu", "UBND xã Tri Tôn", 72.8, 96, 90, 85, 52, 25, 8, 9, "Báo cáo số 09/BC-UBND", null, 6, 8, 6, null],
  // prettier-ignore
  ["UBND xã, phường, đặc khu", "UBND đặc khu Phú Quốc", 86.5, 100, 100, 95.5, 81, 48, 10, 10, "Báo cáo số 31/BC-UBND", null, 9, 9, null, "Kế hoạch số 44/KH-UBND"],
  // prettier-ignore
  ["Cơ quan ngành dọc", "Bảo hiểm xã hội tỉnh", null, 100, 100, 99.2, 88, 60, 10, 10, "Báo cáo số 120/BC-BHXH", null, 9, 9, null, "Kế hoạch số 8/KH-BHXH"],
  // prettier-ignore
  ["Cơ quan ngành dọc", "Thuế tỉnh", null, 98, 100, 97, 70, 80, 10, 10, "Báo cáo số 65/BC-TT", null, 8, 9, null, "Quyết định số 90/QĐ-TT"],
];

/** The unit sheet: title rows, a one-row header, group sections, the units. */
export function buildProvinceWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "KSTTHC";
  workbook.created = new Date(Date.UTC(2026, 0, 15));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(PROVINCE_SAMPLE_SHEET, {
    pageSetup: { paperSize: 9, orientation: "landscape" },
  });
  const width = 3 + COLUMNS.length;
  sheet.getCell("A1").value = "BẢNG THEO DÕI THI ĐUA CÔNG TÁC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2025";
  sheet.getCell("A1").font = { bold: true, size: 13 };
  sheet.getCell("A2").value =
    "(Bảng minh họa: tiêu chí, đơn vị và số liệu giả định, theo cách chấm của một số tỉnh; không phải số liệu chính thức)";
  sheet.getCell("A2").font = { italic: true };
  const header = sheet.getRow(4);
  ["STT", "Tên cơ quan, đơn vị", "Khối", ...COLUMNS].forEach((text, i) => {
    const cell = header.getCell(i + 1);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  let row = 5;
  let stt = 1;
  for (const section of GROUPS) {
    sheet.getCell(row, 1).value = section.roman;
    sheet.getCell(row, 2).value = section.title;
    sheet.getRow(row).font = { bold: true };
    row++;
    for (const [group, name, ...figures] of UNITS.filter((u) => u[0] === section.group)) {
      const line = sheet.getRow(row++);
      line.getCell(1).value = stt++;
      line.getCell(2).value = name;
      line.getCell(3).value = group;
      figures.forEach((value, i) => (line.getCell(4 + i).value = value));
    }
  }
  const widths = [6, 32, 18, ...COLUMNS.map((c) => (/^Minh chứng|^Giải trình/.test(c) ? 24 : 12))];
  widths.slice(0, width).forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.views = [{ state: "frozen", ySplit: 4 }];
  applyPlan(workbook, criteriaWritePlan(provinceCriteria(), provinceSettings()));
  return workbook;
}
