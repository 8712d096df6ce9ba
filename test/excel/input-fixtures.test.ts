/**
 * The input fixtures of issue #23 in the add-in (fake Excel, the workbook as openpyxl wrote it): the
 * same reading of group texts as the CLI.
 */
import { promises as fs } from "node:fs";
import { loadWorkbook } from "../exceljs/workbook";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import {
  GROUP_TEXTS_PROPOSED,
  GROUP_TEXTS_SCRIPT,
  LEGACY_PROPOSED,
  legacyScript,
  MESSAGE_PROPOSED,
  TOTALS_ROW_SCRIPT,
  VERY_HIDDEN_SCRIPT,
} from "../helpers/input-fixtures";
import { toTcvn3, toVni } from "../helpers/legacy-text";
import { tempDir } from "../helpers/workbooks";
import { fakeFromWorkbook, scoreInFake } from "./fixtures";

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

async function fakeOf(name: string, script: string) {
  const file = await writeWithOpenpyxl(dir, name, script);
  return fakeFromWorkbook(await loadWorkbook(await fs.readFile(file), name));
}

describe("group texts in the add-in (item 3)", () => {
  it("recognises short forms and names, and warns at the cell of a figure left out", async () => {
    const fake = await fakeOf("khoi-viet-tat.xlsx", GROUP_TEXTS_SCRIPT);
    const { outcome } = await scoreInFake(fake);
    expect(outcome.proposed).toEqual(GROUP_TEXTS_PROPOSED);
    const left = outcome.result.problems.filter((p) => /nên không được tính/.test(p.message));
    expect(left.map((p) => `${p.column}${p.row}`)).toEqual(["D8"]);
  });
});

describe("legacy encodings in the add-in (item 2)", () => {
  it.each([
    ["TCVN3 (ABC)", toTcvn3],
    ["VNI", toVni],
  ])("converts names and groups typed in %s, and says so", async (label, encode) => {
    const fake = await fakeOf("ma-cu.xlsx", legacyScript(encode));
    const { outcome } = await scoreInFake(fake);
    expect(outcome.proposed).toEqual(LEGACY_PROPOSED);
    const notes = outcome.result.problems.filter((p) => p.message.includes("đã được chuyển sang Unicode"));
    expect(notes.map((p) => p.column)).toEqual(["B", "C"]);
    expect(notes[0].message).toContain(`6 ô tên gõ bằng bảng mã ${label}`);
  });

  it("refuses a column mixing Unicode and TCVN3 at its cells", async () => {
    const fake = await fakeOf(
      "lan-ma.xlsx",
      legacyScript((t, i) => (i === 2 ? toTcvn3(t) : t)),
    );
    const { outcome } = await scoreInFake(fake);
    const errors = outcome.result.problems.filter((p) => p.level === "error");
    expect(errors.map((p) => `${p.column}${p.row}`)).toEqual(["B4", "C4"]);
    expect(outcome.proposed).toEqual(["Sở Ngoại vụ", "UBND huyện Phú Tân", "Bảo hiểm xã hội tỉnh"]);
  });
});

describe("messages in the add-in (item 9)", () => {
  it("says a unit table on a very hidden sheet is there, with how to reach it", async () => {
    const fake = await fakeOf("an-sau.xlsx", VERY_HIDDEN_SCRIPT);
    expect(fake.state.sheets.map((sheet) => sheet.visibility)).toEqual(["Visible", "VeryHidden"]);
    const { outcome } = await scoreInFake(fake);
    expect(outcome.proposed).toEqual(MESSAGE_PROPOSED);
    const note = outcome.result.problems.find((p) => p.message.includes("ẩn sâu (very hidden)"));
    expect(note?.sheet).toBe("Số liệu");
    expect(note?.message).toContain("Alt+F11");
  });

  it("takes an Excel table's totals row for a total", async () => {
    const fake = await fakeOf("bang-co-dong-tong.xlsx", TOTALS_ROW_SCRIPT);
    const { outcome } = await scoreInFake(fake);
    expect(outcome.proposed).toEqual(MESSAGE_PROPOSED);
    expect(outcome.result.table.skipped).toEqual([{ row: 4, reason: "total" }]);
    expect(outcome.result.problems.filter((p) => p.message.includes("thiếu tên đơn vị"))).toEqual([]);
  });
});
