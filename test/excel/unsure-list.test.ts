/**
 * An unsure list in the add-in (issue #23, item 6): a score typed as "85,5,1" in a workbook openpyxl wrote
 * makes the list a draft; the summary sheet Excel shows starts with "DỰ THẢO — CÒN 1 LỖI …", the letter a
 * row lower, and a second run changes nothing.
 */
import { promises as fs } from "node:fs";
import { loadWorkbook } from "../exceljs/workbook";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import { tempDir } from "../helpers/workbooks";
import { fakeFromWorkbook, scoreInFake, stateOf } from "./fixtures";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

async function fakeWith(score: string) {
  const file = await writeWithOpenpyxl(
    dir,
    "don-vi.xlsx",
    [
      `ws.title = "Đơn vị"`,
      `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"])`,
      `ws.append([1, "Sở Ngoại vụ", "Sở, ban, ngành", 91])`,
      `ws.append([2, "Sở Tư pháp", "Sở, ban, ngành", ${score}])`,
    ].join("\n"),
  );
  return fakeFromWorkbook(await loadWorkbook(await fs.readFile(file), "don-vi.xlsx"));
}

const summaryCell = (fake: Awaited<ReturnType<typeof fakeWith>>, row: number) =>
  fake.state.sheets
    .find((s) => s.name === "Tổng hợp")
    ?.cells.get(row)
    ?.get(0)?.value;

it("starts the letter on the summary sheet with the draft line when an error touches the list", async () => {
  const fake = await fakeWith(`"85,5,1"`);
  const { outcome } = await scoreInFake(fake);
  expect(outcome.result.completeness).toMatchObject({ complete: false, unsure: ["Sở Tư pháp"] });
  expect(summaryCell(fake, 0)).toBe("DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI");
  expect(summaryCell(fake, 1)).toBe(outcome.result.letter.parentBody);
  const once = stateOf(fake);
  await scoreInFake(fake);
  expect(stateOf(fake)).toEqual(once);
});

it("has no draft line once the score is a number", async () => {
  const fake = await fakeWith("85.5");
  const { outcome } = await scoreInFake(fake);
  expect(outcome.result.completeness).toMatchObject({ complete: true, unsure: [] });
  expect(summaryCell(fake, 0)).toBe(outcome.result.letter.parentBody);
});
