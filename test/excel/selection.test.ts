/**
 * Reading the user's selection for the pane (pane-actions.ts getSelection) on the fake: one area gives its
 * sheet and address; several areas (Ctrl+click) give a Vietnamese sentence, never Excel's own error, which
 * getSelectedRange throws when several ranges are selected (Excel.Workbook, ExcelApi 1.1).
 */
import { UserFacingError } from "../../src/core/problems";
import { getSelection } from "../../src/excel/pane-actions";
import { FakeOfficeError } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, installExcel, uninstallExcel, UNITS_SHEET } from "./fixtures";

describe("the selection the pane reads", () => {
  afterEach(uninstallExcel);

  it("gives the sheet and the address of one area", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(3));
    fake.state.selection = `${UNITS_SHEET}!B4:D6`;
    installExcel(fake);
    await expect(getSelection()).resolves.toEqual({ sheet: UNITS_SHEET, address: "B4:D6" });
  });

  it("answers several areas with a Vietnamese sentence, where getSelectedRange would throw Excel's error", async () => {
    const fake = fakeFromWorkbook(await generatedWorkbook(3));
    fake.state.selection = `${UNITS_SHEET}!B4:B6,D4:D6`;
    // The stand-in itself: the older call fails as Excel documents.
    const context = fake.context as unknown as Excel.RequestContext;
    context.workbook.getSelectedRange().load("address");
    await expect(context.sync()).rejects.toThrow(FakeOfficeError);
    installExcel(fake);
    const error = await getSelection().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserFacingError);
    expect((error as Error).message).toMatch(
      /^Đang chọn 2 vùng rời nhau \(.*\): hãy chọn một vùng liền rồi thử lại\.$/,
    );
  });
});
