/**
 * Options never lower the bar (issue #23, item 10): a mapped table with no figure column is refused as an
 * unmapped one is; a mapping that finds no header hints --header-row; rows that look like people are
 * warned about; a preset of another year is said; the summary tells a repeated kind once, with its count,
 * the differences between a source and the table first.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import { portalRow, PORTAL_HEADER } from "../helpers/source-files";
import { tempDir, writeXlsx } from "../helpers/workbooks";
import { cli } from "../helpers/cli";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const out = () => path.join(dir, "out.xlsx");

/** A public list of communes: title rows, then names in column J and no figure at all. */
const COMMUNES = [
  `ws.title = "Danh sách"`,
  `ws.append(["DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ"])`,
  `ws.append([])`,
  `ws.append(["STT", None, None, None, None, None, None, None, None, "Tên đơn vị", "Mã"])`,
  `for i in range(1, 30): ws.append([i, None, None, None, None, None, None, None, None, f"Xã số {i}", f"{i:05d}"])`,
].join("\n");

describe("a mapping", () => {
  it("with no figure column is refused as the same table unmapped is, writing nothing", async () => {
    const file = await writeWithOpenpyxl(dir, "xa.xlsx", COMMUNES);
    const unmapped = await cli("score", file, "-o", out());
    expect(unmapped.code).toBe(1);
    const mapped = await cli("score", file, "-o", out(), "--map", "ten=J", "--header-row", "3");
    expect(mapped.code).toBe(1);
    expect(mapped.stderr).toContain(
      "Bảng đơn vị ở trang “Danh sách” (dòng tiêu đề 3) không có cột số liệu nào để tính điểm",
    );
    expect(await fs.readdir(dir)).not.toContain("out.xlsx");
  });

  it("that finds no header says to give --header-row", async () => {
    const file = await writeWithOpenpyxl(dir, "xa-2.xlsx", COMMUNES);
    const run = await cli("score", file, "-o", out(), "--map", "ten=J");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "Khi chỉ định cột (--map), hãy chỉ rõ cả dòng tiêu đề (dòng lệnh: --header-row SỐ_DÒNG",
    );
  });
});

describe("rows and presets", () => {
  it("warns about rows that look like people, and about a preset of another year", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "ca-nhan-2025.xlsx",
      [
        `ws.title = "Đề nghị 2025"`,
        `ws.append(["BẢNG ĐỀ NGHỊ NĂM 2025"])`,
        `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
        `ws.append([1, "Ông Nguyễn Văn An", 90])`,
        `ws.append([2, "Bà Trần Thị Bình", 85])`,
        `ws.append([3, "Đồng chí Lê Văn Cường", 81])`,
        `ws.append([4, "Sở Tư pháp", 82])`,
      ].join("\n"),
    );
    const run = await cli("score", file, "-o", out(), "--json", "--preset", "an-giang-2023");
    const report = JSON.parse(run.stdout) as JsonReport;
    const warnings = report.problems.filter((p) => p.level === "warning").map((p) => p.message);
    expect(warnings.filter((m) => m.includes("có vẻ là tên một người"))).toHaveLength(3);
    expect(warnings.join("\n")).not.toContain("“Sở Tư pháp” có vẻ là tên một người");
    expect(warnings).toContainEqual(
      expect.stringContaining(
        "mẫu “An Giang 2023” được chọn (--preset) nhưng năm thi đua là 2025 (trang “Đề nghị 2025”, dòng 1)",
      ),
    );
    await fs.rm(out(), { force: true });
  });
});

describe("the summary", () => {
  it("tells a repeated kind once with its count, the differences between a source and the table first", async () => {
    const table = await writeXlsx(dir, "theo-doi.xlsx", [
      {
        name: "Theo dõi 2025",
        rows: [
          ["STT", "Tên đơn vị", "Khối", "Điểm 766 năm 2025"],
          [1, "Sở Tư pháp", "Sở, ban, ngành", 80],
          [2, "Sở Ngoại vụ", "Sở, ban, ngành", 70],
        ],
      },
    ]);
    const province = await writeXlsx(dir, "toan-tinh.xlsx", [
      {
        name: "Sở Ban",
        rows: [
          PORTAL_HEADER,
          portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75"),
          portalRow(2, "Sở Ngoại vụ - tỉnh An Giang", "H01.20", 2, "72"),
          ...Array.from({ length: 40 }, (_, i) =>
            portalRow(3 + i, `Sở số ${i + 1} - tỉnh An Giang`, `H01.${50 + i}`, 2, "75"),
          ),
        ],
      },
    ]);
    const run = await cli("score", table, "-o", out(), "--source", province);
    expect(run.stderr).toBe("");
    const warnings = run.stdout.slice(run.stdout.indexOf("Cảnh báo ("));
    const lines = warnings.split("\n").filter((l) => l.startsWith("  - "));
    expect(lines.filter((l) => l.includes("không có trong bảng theo dõi"))).toEqual([
      expect.stringMatching(
        /^ {2}- Đơn vị “…” không có trong bảng theo dõi \(trang “Theo dõi 2025”\), số liệu không được dùng: 40 mục, ví dụ: /,
      ),
    ]);
    // The differences come first: what the user must look at.
    expect(lines[0]).toMatch(
      /^ {2}- Điểm 766 trong bảng \(…\) khác tệp “toan-tinh\.xlsx” .*: 2 mục, ví dụ: /,
    );
  });
});
