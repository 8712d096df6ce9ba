/**
 * How the file adapter stores the add-in's formulas (under the name Excel itself saves them with), and
 * how the reader takes formulas' cached results back.
 */
import { fromFileFormula, toFileFormula } from "../../src/xlsx/formulas";
import { gridsOf } from "../helpers/workbooks";

describe("formulas in an .xlsx file", () => {
  it.each([
    [`=KSTTHC.DIEM("III",D9,'Tiêu chí'!$A$3:$L$5)`, `_xldudf_KSTTHC_DIEM("III",D9,'Tiêu chí'!$A$3:$L$5)`],
    ['=KSTTHC.DIEM("IV.9",MIN(E9:F9))', '_xldudf_KSTTHC_DIEM("IV.9",MIN(E9:F9))'],
    ["=KSTTHC.XEPLOAI(D9)", "_xldudf_KSTTHC_XEPLOAI(D9)"],
    ["=SUM(H9:I9)", "SUM(H9:I9)"],
    // Text inside quotes is never touched: a code or a sheet name that looks like a call stays as it is.
    [`=KSTTHC.DIEM("KSTTHC.X(",'KSTTHC.DIEM(1)'!A1)`, `_xldudf_KSTTHC_DIEM("KSTTHC.X(",'KSTTHC.DIEM(1)'!A1)`],
  ])("stores %s as %s, and reads it back", (formula, stored) => {
    expect(toFileFormula(formula)).toBe(stored);
    expect(fromFileFormula(stored)).toBe(formula);
  });

  it("leaves other names alone", () => {
    expect(toFileFormula("=MYKSTTHC.DIEM(1)")).toBe("MYKSTTHC.DIEM(1)");
    expect(fromFileFormula("_xldudf_OTHER_F(1)")).toBe("=_xldudf_OTHER_F(1)");
  });
});

describe("reading formulas back", () => {
  it("reads a formula's cached 0 as 0, not as an empty cell", async () => {
    const grids = await gridsOf([
      {
        name: "S",
        rows: [
          [
            { formula: "B2*0", result: 0 },
            { formula: 'IF(1,"")', result: "" },
            { formula: "1+1", result: 2 },
            { formula: "1+1" },
          ],
        ],
      },
    ]);
    // ExcelJS's reader drops an empty text result: in a calculated workbook a formula that can give ""
    // reads blank; one that cannot is reported as not calculated.
    expect(grids[0].values[0]).toEqual([0, null, 2, { error: "", uncalculated: "=1+1" }]);
  });
});
