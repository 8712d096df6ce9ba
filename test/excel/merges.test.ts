/**
 * Merged cells in the header rows, as Excel reports them: Range.getMergedAreasOrNullObject fails when the
 * range holds more than 512 merged areas (Excel.Range reference), and the fake fails as Excel does.
 */
import { readWorkbook } from "../../src/excel/read";
import { MAX_MERGED_AREAS, type FakeExcel } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, scoreInFake, UNITS_SHEET } from "./fixtures";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;

/** 16 merges of two cells on each of rows 1–40, right of everything the tool reads or writes. */
async function manyMerges(): Promise<{ fake: FakeExcel; before: number }> {
  const fake = fakeFromWorkbook(await generatedWorkbook(30));
  const sheet = fake.sheetByName(UNITS_SHEET);
  const before = sheet.merges.length;
  for (let row = 0; row < 40; row++)
    for (let k = 0; k < 16; k++)
      sheet.merges.push({ top: row, bottom: row, left: 40 + 2 * k, right: 41 + 2 * k });
  expect(sheet.merges.length - before).toBeGreaterThan(MAX_MERGED_AREAS);
  return { fake, before };
}

describe("more than 512 merged areas in the header rows", () => {
  it("(the stand-in) fails getMergedAreasOrNullObject as Excel does", async () => {
    const { fake } = await manyMerges();
    context(fake)
      .workbook.worksheets.getItem(UNITS_SHEET)
      .getRange("1:42")
      .getMergedAreasOrNullObject()
      .load("address");
    await expect(context(fake).sync()).rejects.toMatchObject({ code: "GeneralException" });
  });

  it("reads every merge of the header rows, in smaller requests, and scores the sheet", async () => {
    const { fake, before } = await manyMerges();
    const { grids } = await readWorkbook(context(fake));
    const merges = grids.find((g) => g.name === UNITS_SHEET)?.merges ?? [];
    expect(merges).toHaveLength(before + 640);
    expect(new Set(merges.map((m) => `${m.top}:${m.left}`)).size).toBe(merges.length);
    const { outcome } = await scoreInFake(fake);
    expect(outcome.units).toBe(30);
  });
});
