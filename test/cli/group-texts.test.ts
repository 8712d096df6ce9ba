/**
 * Group texts the tool does not know (issue #23, item 3), through the CLI on a workbook written by
 * openpyxl and saved again by LibreOffice: short forms ("Huyện", "Sở", "Xã", "UBND H.") are recognised,
 * a group text that names no kind takes the kind of the unit's name, and a figure left out because its
 * criterion does not apply to the unit's group is warned about at its cell.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { cli } from "../helpers/cli";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";
import { GROUP_TEXTS_SCRIPT } from "../helpers/input-fixtures";
import { tempDir } from "../helpers/workbooks";

let dir: string;
let files: { openpyxl: string; libre: string };
beforeAll(async () => {
  dir = await tempDir();
  const openpyxl = await writeWithOpenpyxl(dir, "khoi-viet-tat.xlsx", GROUP_TEXTS_SCRIPT);
  const [libre] = await convertWithLibreOffice([openpyxl], "xlsx", dir);
  files = { openpyxl, libre };
}, 120_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function report(file: string): Promise<JsonReport> {
  const run = await cli("score", file, "-o", path.join(dir, "out.xlsx"), "--json");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonReport;
}

describe.each(["openpyxl", "libre"] as const)("group texts, written by %s", (writer) => {
  it("scores short forms and names by kind, and warns at the cell of a figure left out", async () => {
    const result = await report(files[writer]);
    const points = Object.fromEntries(result.units.map((u) => [u.name, u.points.III]));
    expect(points).toEqual({
      "Sở Ngoại vụ": 30,
      "UBND huyện An Phú": 30,
      "UBND xã Mỹ Hòa Hưng": 30,
      "UBND huyện Phú Tân": 30,
      "Sở Tư pháp": 30,
      "UBND huyện Tri Tôn": 30,
      "Trung tâm Phục vụ hành chính công": 0,
      "Bảo hiểm xã hội tỉnh": 0,
    });
    expect(result.eligible).not.toContain("Trung tâm Phục vụ hành chính công");

    // The 88 of the unit of "Nhóm 2", whose group the tool may have misread: a warning at its 766 cell.
    const left = result.problems.filter((p) => /nên không được tính/.test(p.message));
    expect(left.map((p) => [p.row, p.column, p.level])).toEqual([[8, "D", "warning"]]);
    expect(left[0].message).toContain("“Trung tâm Phục vụ hành chính công” có số liệu cho tiêu chí III");
    expect(left[0].message).toContain("khối “Nhóm 2”");
    // The 86 of the vertical-sector body, which III surely leaves out: a note at its cell.
    const sure = result.problems.filter((p) => /nên số liệu đó không được tính/.test(p.message));
    expect(sure.map((p) => [p.row, p.column, p.level])).toEqual([[9, "D", "info"]]);
    expect(sure[0].message).toContain(
      "“Bảo hiểm xã hội tỉnh” thuộc khối “Ngành dọc” có số liệu cho tiêu chí III",
    );

    const unknown = result.problems.filter((p) => /không phải khối công cụ nhận ra/.test(p.message));
    expect(unknown.map((p) => [p.row, p.column])).toEqual([
      [7, "C"],
      [8, "C"],
    ]);
    expect(unknown[0].message).toContain("1/1 đơn vị được xếp khối theo tên");
    expect(unknown[1].message).toContain("không đơn vị nào có tên cho biết khối");
  });
});
