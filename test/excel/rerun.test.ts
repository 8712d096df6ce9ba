/**
 * The add-in run on its own output changes nothing (issue #23, item 1): the 2025 example joined with
 * sources whose vertical-sector units have commune-level rates, scored again in Excel (the fake) with and
 * without the sources: the same list and the same workbook.
 */
import { promises as fs } from "node:fs";
import { readSource } from "../../src/core/sources/read-source";
import { loadWorkbook } from "../exceljs/workbook";
import { EXAMPLE_2025, portalExport, verticalRates2025 } from "../helpers/source-files";
import { gridsOf } from "../helpers/workbooks";
import { fakeFromWorkbook, scoreInFake, stateOf } from "./fixtures";

it("keeps the award list and every cell when scored again, with or without the sources", async () => {
  const fake = fakeFromWorkbook(await loadWorkbook(await fs.readFile(EXAMPLE_2025), "theo-doi-2025.xlsx"));
  const sources = [
    readSource(await gridsOf(verticalRates2025()), "bieu-ii07b.xlsx"),
    readSource(await gridsOf(portalExport()), "diem-766.xlsx"),
  ];
  const first = await scoreInFake(fake, { sources });
  expect(first.outcome.proposed).toEqual([
    "Sở Tư pháp",
    "UBND xã An Phú",
    "UBND đặc khu Phú Quốc",
    "Bảo hiểm xã hội tỉnh An Giang",
    "Kho bạc Nhà nước khu vực XIX",
  ]);
  const once = stateOf(fake);
  for (const options of [{}, {}, { sources }]) {
    const again = await scoreInFake(fake, options);
    expect(again.outcome.proposed).toEqual(first.outcome.proposed);
    expect(again.outcome.result.table.layout).toMatchObject({ headerTop: 4, headerBottom: 5 });
    expect(again.outcome.result.problems.filter((p) => p.level === "error")).toEqual([]);
    expect(stateOf(fake)).toEqual(once);
  }
});
