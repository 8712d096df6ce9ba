/** Step "read" (record): the hidden record of an earlier run, and the refusal when its name is taken. */
import { ownershipRows, META_SHEET } from "../../../src/core/ownership";
import { UnusableInputError } from "../../../src/core/problems";
import { readRecord } from "../../../src/core/run/record";
import { grid, tracking } from "./grids";

describe("readRecord", () => {
  it("has no record in a workbook never scored", () => {
    expect(readRecord([tracking()])).toBeUndefined();
  });

  it("reads what an earlier run wrote", () => {
    const rows = ownershipRows({ dataSheet: "Theo dõi 2025", summarySheet: "Tổng hợp", mapping: "ten=B" });
    const record = readRecord([tracking(), grid(META_SHEET, rows)]);
    expect(record).toMatchObject({ dataSheet: "Theo dõi 2025", summarySheet: "Tổng hợp", mapping: "ten=B" });
  });

  it("refuses a user's sheet named like the record, in any case", () => {
    const run = () => readRecord([tracking(), grid("kstthc", [["ghi chú của tôi"]])]);
    expect(run).toThrow(UnusableInputError);
    expect(run).toThrow(/trang “kstthc” trùng tên với trang ẩn “KSTTHC”/);
  });
});
