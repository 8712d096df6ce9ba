/**
 * A province's own table (issue 26): tiers, criteria that do not fit a unit, ratings with floors,
 * evidence and review, and the rank within each group, read from real workbooks.
 */
import fc from "fast-check";
import { OPERATOR_SYMBOLS, type Operator } from "../../src/core/criteria";
import { readCriteriaSheet } from "../../src/core/criteria-sheet/read";
import { CRITERIA_SHEET } from "../../src/core/criteria-sheet/schema";
import { criteriaSheetRows } from "../../src/core/criteria-sheet/write";
import { formatNumberVi } from "../../src/core/numbers";
import { runScoring } from "../../src/core/run";
import { defaultSettings } from "../../src/core/settings";
import { formatTiers, parseTiers, type Tier } from "../../src/core/tiers";
import { gridsOf, type SheetSpec } from "../helpers/workbooks";

type Row = (string | number | null)[];

const HEADER: Row = [
  "Mã",
  "Tên tiêu chí",
  "Điểm tối đa",
  "Cách tính",
  "Dữ liệu",
  "So sánh",
  "Ngưỡng",
  "Mục tiêu",
  "Áp dụng cho khối",
  "Khi không áp dụng",
  "Cần minh chứng",
];

/** A "Tiêu chí" sheet: its criteria rows under the header, then settings rows. */
const criteriaSheet = (criteria: Row[], settings: Row[] = []): SheetSpec => ({
  name: CRITERIA_SHEET,
  rows: [HEADER, ...criteria, [], ["CÀI ĐẶT"], ...settings],
});

const units = (header: Row, ...rows: Row[]): SheetSpec => ({ name: "Đơn vị", rows: [header, ...rows] });

const TIERED: Row = ["III", "Điểm 766", 30, "Bậc", "Điểm 766", null, "≥ 90: 30; > 80: 20; ≥ 70: 10"];

describe("tiers", () => {
  const tier = fc.record({
    operator: fc.constantFrom<Operator>(">", ">=", "=", "<=", "<"),
    bound: fc.integer({ min: -10000, max: 100000 }).map((n) => n / 100),
    points: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
  });

  it("reads back every list of tiers it writes", () => {
    fc.assert(
      fc.property(fc.array(tier, { minLength: 1, maxLength: 6 }), (tiers: Tier[]) => {
        expect(parseTiers(formatTiers(tiers))).toEqual({ ok: true, tiers });
      }),
    );
  });

  it("reads what a clerk types: ASCII comparisons, decimal commas or dots, spaces or none, words", () => {
    fc.assert(
      fc.property(
        fc.array(tier, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(",", "."),
        fc.constantFrom("", " ", "  "),
        (tiers: Tier[], decimal, space) => {
          const ascii: Record<Operator, string> = { ">": ">", ">=": ">=", "=": "=", "<=": "<=", "<": "<" };
          const number = (n: number) => String(n).replace(".", decimal);
          const text = tiers
            .map((t) => `${ascii[t.operator]}${space}${number(t.bound)}${space}:${space}${number(t.points)}`)
            .join(`${space};${space}`);
          expect(parseTiers(text)).toEqual({ ok: true, tiers });
        },
      ),
    );
    expect(parseTiers("từ 90: 30; trên 80: 20 điểm")).toEqual({
      ok: true,
      tiers: [
        { operator: ">=", bound: 90, points: 30 },
        { operator: ">", bound: 80, points: 20 },
      ],
    });
  });

  it("gives the points of the first tier that holds, 0 when none, and says which", async () => {
    const grids = await gridsOf([
      criteriaSheet([TIERED]),
      units(
        ["STT", "Tên đơn vị", "Điểm 766"],
        [1, "Sở A", 92.5],
        [2, "Sở B", 84.37],
        [3, "Sở C", 80],
        [4, "Sở D", 65],
      ),
    ]);
    const result = runScoring(grids);
    expect(result.scores.map((s) => [s.total, s.scores[0].explanation])).toEqual([
      [30, "92,50 ≥ 90 → 30 điểm (bậc 1)"],
      [20, "84,37 > 80 → 20 điểm (bậc 2)"],
      [10, "80,00 ≥ 70 → 10 điểm (bậc 3)"],
      [0, "65,00 < 70 → 0 điểm (không đạt bậc nào)"],
    ]);
  });

  it.each([
    ["≥ 90 30; > 80: 20", "bậc 1 (“≥ 90 30”) thiếu dấu hai chấm giữa mức và số điểm"],
    ["90: 30", "bậc 1 (“90: 30”) không bắt đầu bằng phép so sánh ≥, >, =, ≤ hoặc <"],
    ["≥ 90: 30; > tám mươi: 20", "bậc 2 (“> tám mươi: 20”) có mức “tám mươi” không phải là số"],
    ["", "chưa ghi các bậc"],
  ])("refuses unreadable tiers “%s” at the cell, in Vietnamese", async (text, detail) => {
    const [grid] = await gridsOf([criteriaSheet([["III", "x", 30, "Bậc", "Điểm 766", null, text]])]);
    expect(() => readCriteriaSheet(grid)).toThrow(
      `Trang “Tiêu chí”, dòng 2, cột G: tiêu chí “III” tính theo bậc nhưng ${detail}`,
    );
  });

  it("refuses a tier worth more than the criterion's maximum", async () => {
    const [grid] = await gridsOf([
      criteriaSheet([["III", "x", 30, "Bậc", "Điểm 766", null, "≥ 90: 30; > 80: 35"]]),
    ]);
    expect(() => readCriteriaSheet(grid)).toThrow(
      "Trang “Tiêu chí”, dòng 2, cột G: tiêu chí “III”: bậc 2 cho 35 điểm, vượt điểm tối đa 30.",
    );
  });

  it("writes a sheet that reads back the same criteria, columns and settings", async () => {
    const settings = defaultSettings();
    settings.emulation = {
      ratings: [
        { label: "Hoàn thành xuất sắc", minTotal: 90, minShare: 85 },
        { label: "Hoàn thành tốt", minTotal: 80, minShare: 80 },
      ],
      convertTo100: true,
      rankInGroup: true,
    };
    const [grid] = await gridsOf([
      criteriaSheet([TIERED, ["IV", "x", 20, "Nhập tay", "Cột IV", null, null, null, "Sở", "đủ điểm", "Có"]]),
    ]);
    const read = readCriteriaSheet(grid);
    const rows = criteriaSheetRows(read.criteria, settings);
    const again = readCriteriaSheet((await gridsOf([{ name: CRITERIA_SHEET, rows }]))[0]);
    expect(again.criteria).toEqual(read.criteria);
    expect(again.criteria[1]).toMatchObject({ whenNotApplicable: "full", needsEvidence: true });
    expect(again.settings.emulation).toEqual(settings.emulation);
    expect(again.problems).toEqual([]);
  });
});

describe("criteria that do not fit a unit", () => {
  const sheet = (when: string, convert = "Không") =>
    criteriaSheet(
      [
        ["I", "Chung", 70, "Nhập tay", "Điểm I"],
        ["II", "Thủ tục", 30, "Nhập tay", "Điểm II", null, null, null, "Sở, ban, ngành", when],
      ],
      [["Quy đổi tổng điểm về thang 100", convert]],
    );
  const table = units(
    ["STT", "Tên đơn vị", "Khối", "Điểm 766", "Điểm I", "Điểm II"],
    [1, "Sở Tư pháp", "Sở, ban, ngành", 80, 60, 30],
    [2, "Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc", 80, 63, null],
    [3, "Sở Y tế", "Sở, ban, ngành", 80, 63, "không áp dụng"],
  );

  it("leaves the criterion out of the unit's maximum and converts the total to 100 when asked", async () => {
    const result = runScoring(await gridsOf([sheet("không tính", "Có"), table]));
    expect(result.scores.map((s) => [s.total, s.maximum])).toEqual([
      [90, 100],
      [90, 70],
      [90, 70],
    ]);
    expect(result.scores[1].explanation).toBe(
      "I: chấm trực tiếp → 63 điểm; II: không áp dụng; tổng 63/70 điểm → quy đổi thang 100: 90",
    );
    // No "chưa có số liệu" for a criterion that does not fit.
    expect(result.problems.filter((p) => /chưa có số liệu/.test(p.message))).toEqual([]);
  });

  it("gives full points with “đủ điểm”, which earn no award", async () => {
    const result = runScoring(await gridsOf([sheet("đủ điểm"), table]));
    expect(result.scores.map((s) => s.total)).toEqual([90, 93, 93]);
    expect(result.scores[2].scores[1]).toMatchObject({ points: 30, full: false });
    expect(result.scores[2].scores[1].explanation).toBe("không áp dụng → đủ 30 điểm");
  });

  it("refuses an unknown word in “Khi không áp dụng”", async () => {
    const [grid] = await gridsOf([sheet("bỏ")]);
    expect(() => readCriteriaSheet(grid)).toThrow(
      "Trang “Tiêu chí”, dòng 3, cột J: “bỏ” ở cột “Khi không áp dụng” không hợp lệ; ghi “không tính” hoặc “đủ điểm”.",
    );
  });
});

describe("ratings with floors and the rank within each group", () => {
  // Nghệ An's three rows (2025 draft), as a clerk types them under CÀI ĐẶT.
  const ratings: Row[] = [
    ["Xếp loại thi đua", "Hoàn thành xuất sắc", 90, "85%"],
    ["Xếp loại thi đua", "Hoàn thành tốt", 80, 0.8],
    ["Xếp loại thi đua", "Hoàn thành", 70, 70],
    ["Xếp hạng trong khối", "Có"],
  ];
  const sheet = criteriaSheet(
    [
      ["I", "I", 60, "Nhập tay", "Điểm I"],
      ["II", "II", 40, "Nhập tay", "Điểm II"],
    ],
    ratings,
  );
  const table = units(
    ["STT", "Tên đơn vị", "Khối", "Điểm 766", "Điểm I", "Điểm II"],
    [1, "Sở A", "Sở, ban, ngành", 85, 58, 36],
    [2, "Sở B", "Sở, ban, ngành", 80, 60, 33],
    [3, "Xã C", "UBND xã", 70, 50, 35],
    [4, "Sở D", "Sở, ban, ngành", 80, 60, 33],
    [5, "Xã E", "UBND xã", null, 40, 20],
    [6, "Sở F", "Sở, ban, ngành", 90, 58, 36],
  );

  it("rates each total with the first row whose total and floors hold, and says which floor failed", async () => {
    const result = runScoring(await gridsOf([sheet, table]));
    expect(result.scores.map((s) => [s.unit.name, s.total, s.emulationRating])).toEqual([
      ["Sở A", 94, "Hoàn thành xuất sắc"],
      ["Sở B", 93, "Hoàn thành tốt"],
      ["Xã C", 85, "Hoàn thành tốt"],
      ["Sở D", 93, "Hoàn thành tốt"],
      ["Xã E", 60, "Không đạt xếp loại"],
      ["Sở F", 94, "Hoàn thành xuất sắc"],
    ]);
    expect(result.scores[1].explanation).toContain(
      "xếp loại thi đua: Hoàn thành tốt (chưa đạt Hoàn thành xuất sắc: tiêu chí II 33 < 85% × 40 = 34)",
    );
    expect(result.scores[4].explanation).toContain(
      "xếp loại thi đua: Không đạt xếp loại (chưa đạt Hoàn thành: tổng 60 < 70)",
    );
  });

  it("ranks within each group by total, then 766 score; equal on both share a rank", async () => {
    const result = runScoring(await gridsOf([sheet, table]));
    expect(result.scores.map((s) => [s.unit.name, s.rankInGroup])).toEqual([
      ["Sở A", 2],
      ["Sở B", 3],
      ["Xã C", 1],
      ["Sở D", 3],
      ["Xã E", 2],
      ["Sở F", 1],
    ]);
  });

  it("refuses a rating row without a number for its minimum total", async () => {
    const [grid] = await gridsOf([
      criteriaSheet([["I", "I", 60, "Nhập tay", "Điểm I"]], [["Xếp loại thi đua", "Tốt", "tám mươi", "80%"]]),
    ]);
    expect(() => readCriteriaSheet(grid)).toThrow(
      "Trang “Tiêu chí”, dòng 5, cột C: xếp loại “Tốt” cần tổng điểm tối thiểu là một số, không phải “tám mươi”.",
    );
  });
});

describe("evidence and review", () => {
  const sheet = criteriaSheet([
    ["I", "I", 30, "Ngưỡng", "Điểm 766", ">", 80, null, null, null, "Có"],
    ["II", "II", 20, "Nhập tay", "Điểm II"],
  ]);
  const table = units(
    [
      "STT",
      "Tên đơn vị",
      "Điểm 766",
      "Điểm II",
      "Tự chấm I",
      "Thẩm định I",
      "Minh chứng I",
      "Giải trình I",
      "Tự chấm II",
    ],
    [1, "Sở A", 85, 20, 30, null, "Báo cáo số 12/BC-STP", null, 20],
    [2, "Sở B", 85, 20, 30, 0, "https://vb.example/34", null, 20],
    [3, "Sở C", 85, 15, 30, null, null, null, 20],
    [4, "Sở D", 85, 20, null, 45, null, "Đã nộp bản giấy", null],
  );

  it("replaces computed points with the assessors', and gives none without evidence or explanation", async () => {
    const result = runScoring(await gridsOf([sheet, table]));
    expect(result.scores.map((s) => [s.unit.name, s.scores[0].points, s.scores[0].explanation])).toEqual([
      ["Sở A", 30, "84,99 > 80 → 30 điểm".replace("84,99", "85,00")],
      ["Sở B", 0, "thẩm định: 0 điểm (tính được 30)"],
      ["Sở C", 0, "chưa có minh chứng hay giải trình → 0 điểm (tính được 30)"],
      ["Sở D", 0, "điểm thẩm định 45 ngoài khoảng 0–30 (xem lỗi) → 0 điểm"],
    ]);
    const at = (level: string) =>
      result.problems.filter((p) => p.level === level && p.sheet === "Đơn vị").map((p) => p.message);
    expect(at("warning")).toEqual([
      "Trang “Đơn vị”, dòng 4, cột G: “Sở C”, tiêu chí I: cần minh chứng hoặc giải trình nhưng chưa có, tính 0 điểm (tính được 30).",
    ]);
    expect(at("error")).toEqual([
      "Trang “Đơn vị”, dòng 5, cột F: “Sở D”, tiêu chí I: điểm thẩm định 45 ngoài khoảng 0–30 điểm, tính 0 điểm.",
    ]);
    // The differences between the unit's own points, the computed ones and the assessors'.
    expect(at("info")).toEqual([
      "Trang “Đơn vị”, dòng 3, cột E: “Sở B”, tiêu chí I: tự chấm 30 điểm, tính được 30, thẩm định 0.",
      "Trang “Đơn vị”, dòng 4, cột I: “Sở C”, tiêu chí II: tự chấm 20 điểm, tính được 15.",
    ]);
    expect(result.scores[2].differences).toEqual([{ code: "II", self: 20, computed: 15 }]);
  });

  it("puts each criterion's evidence and explanation on the unit's score", async () => {
    const result = runScoring(await gridsOf([sheet, table]));
    expect(result.scores.map((s) => s.evidence)).toEqual([
      [{ code: "I", evidence: "Báo cáo số 12/BC-STP" }],
      [{ code: "I", evidence: "https://vb.example/34" }],
      [],
      [{ code: "I", explanation: "Đã nộp bản giấy" }],
    ]);
  });
});

it("shows the comparisons of tiers with the symbols the explanations use", () => {
  expect(formatTiers([{ operator: ">=", bound: 84.5, points: 12.5 }])).toBe(
    `${OPERATOR_SYMBOLS[">="]} ${formatNumberVi(84.5)}: ${formatNumberVi(12.5)}`,
  );
});
