/**
 * `kstthc score FILE --compare PREVIOUS.xlsx` end to end: last year's workbook written by openpyxl (a
 * plain table, scored again) or scored by the CLI and saved again by LibreOffice (its output columns
 * read); the JSON report's shape, the summary's lines, and the refusals that write nothing.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { cli } from "../helpers/cli";
import { tracking2024, tracking2025 } from "../helpers/compare-files";
import { exists, hasSoffice, openpyxlPython, sofficeConvert } from "../helpers/office-tools";
import { tempDir, writeXlsx } from "../helpers/workbooks";

jest.setTimeout(240_000);

const python = openpyxlPython();
const soffice = hasSoffice();

/** The 2024 table written by openpyxl, cell by cell as the ExcelJS helper writes it. */
function writeWithOpenpyxl(file: string): void {
  if (!python) throw new Error("openpyxl is needed for this test: apt-get install python3-openpyxl");
  const [sheet] = tracking2024();
  const script = [
    "import json, sys, openpyxl",
    "wb = openpyxl.Workbook()",
    "ws = wb.active",
    "ws.title = sys.argv[2]",
    "for row in json.loads(sys.argv[3]):",
    "    ws.append(row)",
    "wb.save(sys.argv[1])",
  ].join("\n");
  execFileSync(python, ["-c", script, file, sheet.name, JSON.stringify(sheet.rows)]);
}

let dir: string;
let current: string;
beforeAll(async () => {
  dir = await tempDir();
  current = await writeXlsx(dir, "theo-doi-2025.xlsx", tracking2025());
});

/** Last year's figures of every unit, as the report gives them. */
const previousOf = (report: JsonReport) =>
  Object.fromEntries(
    report.units.map((u) => [
      u.name,
      u.previous && {
        ...u.previous,
        units: u.previous.units.map((p) => [p.name, p.score766, p.total, p.eligible, p.matchedBy]),
      },
    ]),
  );

describe("a previous year written by openpyxl", () => {
  let report: JsonReport;
  let previous: string;
  beforeAll(async () => {
    previous = path.join(dir, "theo-doi-2024-openpyxl.xlsx");
    writeWithOpenpyxl(previous);
    const run = await cli(
      "score",
      current,
      "-o",
      path.join(dir, "out-openpyxl.xlsx"),
      "--compare",
      previous,
      "--json",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    report = JSON.parse(run.stdout) as JsonReport;
  });

  it("gives every unit its previous figures (null when new) and the comparison's lists", () => {
    expect(report.units.map((u) => u.previous === null)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(previousOf(report)).toMatchObject({
      "Sở Tư pháp": {
        score766: 79.12,
        total: 0,
        eligible: false,
        change: { score766: 7.13, total: 30 },
        units: [["Sở Tư pháp", 79.12, 0, false, "code"]],
      },
      "UBND xã An Phú": {
        score766: null,
        total: null,
        eligible: null,
        change: null,
        units: [
          ["UBND huyện An Phú", 82.61, 30, true, "mapping"],
          ["UBND huyện Phú Tân", 81.02, 30, true, "mapping"],
        ],
      },
      "UBND phường Bình Đức": null,
    });
    expect(report.comparison).toMatchObject({
      file: "theo-doi-2024-openpyxl.xlsx",
      how: "rescored",
      year: 2024,
      newUnits: [{ name: "UBND phường Bình Đức" }],
      vanishedUnits: [{ name: "UBND thị trấn Chợ Vàm", row: 10 }],
    });
  });

  it("prints the comparison in the summary", async () => {
    const run = await cli("score", current, "-o", path.join(dir, "out-text.xlsx"), "--compare", previous);
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines).toEqual(
      expect.arrayContaining([
        "So sánh với năm trước: tệp “theo-doi-2024-openpyxl.xlsx” (năm 2024), chấm lại theo mẫu “An Giang 2023” (tệp chưa có trang “Tiêu chí”).",
        "  5 đơn vị ghép được (4 dòng của trang “Đổi tên, sáp nhập”), 1 đơn vị mới, 1 đơn vị năm trước không còn, 1 trường hợp trùng tên hoặc mã.",
        "  1. Sở Tư pháp: 766 79,12 → 86,25 (+7,13); tổng 0 → 30 (+30); đề xuất Không → Có",
        "  3. Sở Ngoại vụ: 766 84,37 → 79,86 (-4,51); tổng 30 → 0 (-30); đề xuất Có → Không",
        "  6. UBND phường Bình Đức: đơn vị mới; năm nay 766 83,00; tổng 30; đề xuất Có",
        "  7. Bảo hiểm xã hội tỉnh An Giang (năm trước “Bảo hiểm xã hội tỉnh”, ghép theo trang “Đổi tên, sáp nhập”): 766 chưa có điểm → chưa có điểm; tổng 35 → 35 (không đổi); đề xuất Có → Có",
        "    - UBND thị trấn Chợ Vàm (766 70,00; tổng 0; đề xuất Không)",
      ]),
    );
  });
});

describe("a previous year scored by the tool and saved again by LibreOffice", () => {
  it("reads the output columns, giving the figures of the file the CLI wrote", async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is needed for this test");
    const plain = await writeXlsx(dir, "theo-doi-2024.xlsx", tracking2024());
    const scored = path.join(dir, "theo-doi-2024-da-tinh-diem.xlsx");
    expect((await cli("score", plain, "-o", scored)).code).toBe(0);
    const [converted] = await sofficeConvert([scored], "xlsx", path.join(dir, "lo"));
    const fromCli = await cli(
      "score",
      current,
      "-o",
      path.join(dir, "a.xlsx"),
      "--compare",
      scored,
      "--json",
    );
    const fromLo = await cli(
      "score",
      current,
      "-o",
      path.join(dir, "b.xlsx"),
      "--compare",
      converted,
      "--json",
    );
    const [a, b] = [fromCli, fromLo].map((r) => JSON.parse(r.stdout) as JsonReport);
    expect([a.comparison?.how, b.comparison?.how]).toEqual(["output", "output"]);
    expect(previousOf(b)).toEqual(previousOf(a));
    expect(previousOf(a)["Sở Ngoại vụ"]).toMatchObject({ score766: 84.37, total: 30, eligible: true });
  });
});

describe("refusals", () => {
  it("stops before writing anything when last year's file cannot be read", async () => {
    const out = path.join(dir, "khong-ghi.xlsx");
    const missing = await cli("score", current, "-o", out, "--compare", path.join(dir, "khong-co.xlsx"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Không tìm thấy hoặc không đọc được tệp");
    const notXlsx = path.join(dir, "ghi-chu.xlsx");
    await fs.writeFile(notXlsx, "không phải tệp Excel");
    const bad = await cli("score", current, "-o", out, "--compare", notXlsx);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("ghi-chu.xlsx");
    expect(await exists(out)).toBe(false);
  });

  it("refuses last year's file given as the input or the output", async () => {
    const same = await cli("score", current, "--compare", current);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain("Tệp năm trước (--compare) không được trùng với tệp đang tính điểm.");
    const asOutput = await cli(
      "score",
      current,
      "-o",
      path.join(dir, "x.xlsx"),
      "--compare",
      path.join(dir, "x.xlsx"),
    );
    expect(asOutput.code).toBe(2);
    expect(asOutput.stderr).toContain("Tệp kết quả (-o) không được trùng với tệp năm trước (--compare).");
    const letter = await cli("letter", current, "--compare", path.join(dir, "x.xlsx"));
    expect(letter.code).toBe(2);
  });
});
