/**
 * The input fixtures of issue #23 in the add-in (fake Excel, the workbook as openpyxl wrote it): the
 * same reading of group texts as the CLI.
 */
import { promises as fs } from "node:fs";
import { loadWorkbook } from "../exceljs/workbook";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import { GROUP_TEXTS_PROPOSED, GROUP_TEXTS_SCRIPT } from "../helpers/input-fixtures";
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
    expect(left.map((p) => `${p.column}${p.row}`)).toEqual(["D8", "D9"]);
  });
});
