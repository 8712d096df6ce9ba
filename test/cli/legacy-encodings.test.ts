/**
 * Names and groups typed in TCVN3 (ABC) or VNI (issue #23, item 2), through the CLI on workbooks written
 * by openpyxl and saved again by LibreOffice: a whole column in one legacy encoding is converted, said
 * with its count, and scored as the Unicode table is; a column that mixes encodings is refused at its
 * cells, and a group it holds is never used to score.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { cli } from "../helpers/cli";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";
import { LEGACY_PROPOSED, legacyScript } from "../helpers/input-fixtures";
import { toTcvn3, toVni } from "../helpers/legacy-text";
import { tempDir } from "../helpers/workbooks";

let dir: string;
const files: Record<string, string> = {};
beforeAll(async () => {
  dir = await tempDir();
  files.unicode = await writeWithOpenpyxl(
    dir,
    "unicode.xlsx",
    legacyScript((t) => t),
  );
  files.tcvn3 = await writeWithOpenpyxl(dir, "tcvn3.xlsx", legacyScript(toTcvn3));
  files.vni = await writeWithOpenpyxl(dir, "vni.xlsx", legacyScript(toVni));
  // Rows 3 and 4 (UBND huyện An Phú, Phú Tân) typed in TCVN3, the others in Unicode.
  files.mixed = await writeWithOpenpyxl(
    dir,
    "lan-ma.xlsx",
    legacyScript((t, i) => (i === 2 || i === 3 ? toTcvn3(t) : t)),
  );
  [files["tcvn3-libre"], files["vni-libre"]] = await convertWithLibreOffice(
    [files.tcvn3, files.vni],
    "xlsx",
    dir,
  );
}, 120_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function run(file: string): Promise<{ code: number; report: JsonReport }> {
  const result = await cli("score", file, "-o", path.join(dir, `out-${path.basename(file)}`), "--json");
  expect(result.stderr).toBe("");
  return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
}

describe.each(["tcvn3", "vni", "tcvn3-libre", "vni-libre"])("a table typed in %s", (kind) => {
  it("is converted, said with the count, and scored as the Unicode table", async () => {
    const { code, report } = await run(files[kind]);
    const { report: unicode } = await run(files.unicode);
    expect(code).toBe(0);
    expect(report.eligible).toEqual(LEGACY_PROPOSED);
    expect(report.units.map((u) => [u.name, u.group, u.points])).toEqual(
      unicode.units.map((u) => [u.name, u.group, u.points]),
    );
    expect(report.letter).toEqual(unicode.letter);
    const label = kind.startsWith("tcvn3") ? "TCVN3 (ABC)" : "VNI";
    const notes = report.problems.filter((p) => p.message.includes("đã được chuyển sang Unicode"));
    expect(notes.map((p) => [p.level, p.sheet, p.column])).toEqual([
      ["warning", "Đơn vị", "B"],
      ["warning", "Đơn vị", "C"],
    ]);
    expect(notes[0].message).toContain(`6 ô tên gõ bằng bảng mã ${label} đã được chuyển sang Unicode`);
    expect(notes[1].message).toContain(`6 ô khối gõ bằng bảng mã ${label}`);
  });
});

describe("a table mixing Unicode and TCVN3", () => {
  it("refuses the legacy cells with errors and never scores with their groups", async () => {
    const { code, report } = await run(files.mixed);
    // The refused groups touch criteria inputs: the list is a draft (exit 3, issue #23 item 6).
    expect(code).toBe(3);
    expect(report.complete).toBe(false);
    expect(report.unsure).toEqual(["UBND huyện An Phú", "UBND huyện Phú Tân"].map(toTcvn3));
    const errors = report.problems.filter((p) => p.level === "error");
    expect(errors.map((p) => [p.row, p.column])).toEqual([
      [4, "B"],
      [4, "C"],
      [5, "B"],
      [5, "C"],
    ]);
    expect(errors[1].message).toContain("khối này không được dùng để tính điểm");
    // Their 82.3 and 81 are above 80, but their group was not read: not proposed, never "không áp dụng".
    expect(report.eligible).toEqual(["Sở Ngoại vụ", "Bảo hiểm xã hội tỉnh"]);
    const anPhu = report.units[2];
    expect(anPhu.points.III).toBe(0);
    expect(anPhu.explanations.III).toBe("khối của đơn vị không đọc được (xem lỗi) → 0 điểm");
  });
});
