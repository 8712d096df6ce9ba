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

  it("keeps the header rows, the sources joined with their paired records, and the preference", () => {
    const provenance = {
      file: "bieu.xlsx",
      kind: "ii07b" as const,
      kindLabel: "Biểu số II.07b/VPCP/KSTT",
      sheetsRead: ["Biểu II.07b"],
      sheetsSkipped: [],
      period: { kind: "năm", label: "năm 2025" },
      units: 3,
    };
    const records = [
      {
        sheet: "Biểu II.07b",
        row: 7,
        name: "Thuế tỉnh An Giang",
        rawName: "Thuế tỉnh An Giang",
        rates: [{ level: "xa" as const, value: 97.36842105263158 }],
      },
    ];
    const written = {
      dataSheet: "Theo dõi",
      outputRange: { top: 4, left: 6, bottom: 40, right: 15 },
      headerRows: { top: 4, bottom: 5 },
      more: [{ dataSheet: "Xã Phường", headerRows: { top: 0, bottom: 0 } }],
      sources: [{ provenance, records }],
      prefer: "table" as const,
    };
    const rows = ownershipRows(written);
    expect(rows).toContainEqual(["Dòng tiêu đề", "5:6"]);
    expect(readRecord([tracking(), grid(META_SHEET, rows)])).toEqual({
      ...written,
      more: [
        {
          dataSheet: "Xã Phường",
          headerRows: { top: 0, bottom: 0 },
          outputRange: undefined,
          highlightRange: undefined,
          highlightFormula: undefined,
        },
      ],
      highlightRange: undefined,
      highlightFormula: undefined,
      summarySheet: undefined,
      compareSheet: undefined,
      mapping: undefined,
    });
  });

  it("refuses a user's sheet named like the record, in any case", () => {
    const run = () => readRecord([tracking(), grid("kstthc", [["ghi chú của tôi"]])]);
    expect(run).toThrow(UnusableInputError);
    expect(run).toThrow(/trang “kstthc” trùng tên với trang ẩn “KSTTHC”/);
  });
});
