/**
 * The letter in Excel on Mac, where the pane cannot save a file: the summary sheet that "Tính điểm" lays
 * the letter out on is shown instead (letter-delivery.ts over letter-sheet.ts, on the fake Excel).
 */
import { runScoring } from "../../src/core/run";
import { readGrids } from "../../src/excel/read";
import { showSheet } from "../../src/excel/letter-sheet";
import { deliverLetter, letterDeliveryFor } from "../../src/taskpane/letter-delivery";
import type { FakeExcel } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, scoreInFake } from "./fixtures";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;

describe("the letter, host by host", () => {
  it("is a file on the web and on Windows, the summary sheet on Mac (and iPad)", () => {
    expect(letterDeliveryFor("OfficeOnline")).toBe("file");
    expect(letterDeliveryFor("PC")).toBe("file");
    expect(letterDeliveryFor(undefined)).toBe("file");
    expect(letterDeliveryFor("Mac")).toBe("sheet");
    expect(letterDeliveryFor("iOS")).toBe("sheet");
  });

  it("on Mac, shows the summary sheet of the last score at its first cell, and downloads nothing", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    await scoreInFake(fake);
    const result = runScoring(await readGrids(context(fake)));
    const download = jest.fn(() => Promise.resolve());
    await deliverLetter(result, letterDeliveryFor("Mac"), {
      download,
      showSheet: (name) => showSheet(context(fake), name),
    });
    expect(download).not.toHaveBeenCalled();
    expect(fake.state.activeSheet).toBe("Tổng hợp");
    expect(fake.state.selection).toBe("Tổng hợp!A1");
  });

  it("on Mac, before any score, says how to get the letter into the workbook", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    const result = runScoring(await readGrids(context(fake)));
    await expect(
      deliverLetter(result, letterDeliveryFor("Mac"), {
        download: () => Promise.resolve(),
        showSheet: (name) => showSheet(context(fake), name),
      }),
    ).rejects.toThrow("Hãy bấm “Tính điểm”: công văn được ghi vào trang “Tổng hợp”, khổ A4");
    expect(fake.state.activeSheet).toBeUndefined();
  });

  it("on Windows and the web, saves the file", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(30));
    const result = runScoring(await readGrids(context(fake)));
    const download = jest.fn(() => Promise.resolve());
    const show = jest.fn(() => Promise.resolve(true));
    await deliverLetter(result, letterDeliveryFor("PC"), { download, showSheet: show });
    expect(download).toHaveBeenCalledWith(result);
    expect(show).not.toHaveBeenCalled();
  });
});
