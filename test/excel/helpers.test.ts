/** The Excel adapter's pure helpers: addresses, cell values, request packing, sizes. */
import { parseAddress, parseAreas } from "../../src/excel/address";
import { fromOfficeValue, isDateFormat, toOfficeValue } from "../../src/excel/cell-values";
import { jsonBytes, packRequests, utf8Length, type WriteStep } from "../../src/excel/chunks";
import { bordersOf, columnWidthPoints, marginPoints } from "../../src/excel/styles";

describe("addresses as Office.js writes them", () => {
  it("reads quoted sheet names, doubled quotes, dollars, whole rows and several areas", () => {
    expect(parseAddress("'Theo dõi 2023'!$A$5:$G$60")).toEqual({
      sheet: "Theo dõi 2023",
      range: { top: 4, left: 0, bottom: 59, right: 6 },
    });
    expect(parseAddress("'It''s'!B3")?.sheet).toBe("It's");
    expect(parseAddress("Sheet1!1:42")?.range).toEqual({ top: 0, left: 0, bottom: 41, right: 16383 });
    expect(parseAreas("'A, B'!A1:B2, 'A, B'!D4").map((a) => a.range)).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
    expect(parseAddress("A1:B2,C3")).toBeUndefined();
    expect(parseAreas("not an address")).toEqual([]);
  });
});

describe("cell values between Office.js and the core", () => {
  it("maps empty cells to null, errors by their type, dates by their format as ExcelJS does", () => {
    expect(fromOfficeValue("", "Empty", "General")).toBeNull();
    expect(fromOfficeValue("#N/A", "Error", "General")).toEqual({ error: "#N/A" });
    expect(fromOfficeValue("#N/A", "String", "@")).toBe("#N/A");
    expect(fromOfficeValue(45327, "Double", "dd/mm/yyyy")).toBe("2024-02-05");
    expect(fromOfficeValue(0.965, "Double", "0.0%")).toBe(0.965);
    expect(fromOfficeValue(true, "Boolean", "General")).toBe(true);
    expect(isDateFormat('"Ngày" 0')).toBe(false);
    expect(isDateFormat("[Red]0.00")).toBe(false);
  });

  it("marks every string as text with an apostrophe, which Excel does not store", () => {
    expect(toOfficeValue("=1+1")).toBe("'=1+1");
    expect(toOfficeValue("'trích dẫn")).toBe("''trích dẫn");
    expect(toOfficeValue("001")).toBe("'001");
    expect(toOfficeValue("Có")).toBe("'Có");
    expect(toOfficeValue(null)).toBe("");
    expect(toOfficeValue("")).toBe("");
    expect(toOfficeValue(12.5)).toBe(12.5);
    expect(toOfficeValue(false)).toBe(false);
  });
});

describe("request packing", () => {
  const rows = (n: number, bytes: number, queued: [number, number][]): WriteStep => ({
    kind: "rows",
    label: (a, b) => `rows ${a}-${b}`,
    rowBytes: Array(n).fill(bytes),
    queue: (a, b) => queued.push([a, b]),
  });

  it("keeps order, fills each request and splits rows across requests", () => {
    const queued: [number, number][] = [];
    const atomics: string[] = [];
    const atomic = (label: string, bytes: number): WriteStep => ({
      kind: "atomic",
      label,
      bytes,
      queue: () => atomics.push(label),
    });
    const requests = packRequests([atomic("a", 30), rows(10, 10, queued), atomic("b", 50)], 100);
    expect(requests.map((r) => r.bytes)).toEqual([100, 80]);
    expect(requests.map((r) => r.labels)).toEqual([
      ["a", "rows 0-6"],
      ["rows 7-9", "b"],
    ]);
    for (const request of requests) for (const queue of request.queue) queue();
    expect(queued).toEqual([
      [0, 6],
      [7, 9],
    ]);
    expect(atomics).toEqual(["a", "b"]);
  });

  it("sends a row bigger than the budget on its own rather than never", () => {
    const queued: [number, number][] = [];
    const requests = packRequests([rows(2, 500, queued)], 100);
    expect(requests.map((r) => r.bytes)).toEqual([500, 500]);
  });

  it("counts UTF-8 bytes: Vietnamese letters weigh two or three", () => {
    expect(utf8Length("a")).toBe(1);
    expect(utf8Length("đ")).toBe(2);
    expect(utf8Length("ệ")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    expect(jsonBytes(["Có"])).toBe(Buffer.byteLength(JSON.stringify(["Có"]), "utf8"));
  });
});

describe("sizes and borders", () => {
  it("converts character widths to points as Excel shows them (7 px a character at 96 dpi)", () => {
    expect(columnWidthPoints(11)).toBe(57.75);
    expect(columnWidthPoints(60)).toBe(315);
    // Excel's default column, 64 px, is saved as width 9.140625.
    expect(columnWidthPoints(9.140625)).toBe(48);
    expect(marginPoints(20)).toBeCloseTo(0.787 * 72, 6);
  });

  it("boxes every cell for thin borders and rules every row for bottom borders", () => {
    expect(bordersOf({ border: "thin" }, 1, 1)).toEqual(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]);
    expect(bordersOf({ border: "thin" }, 3, 2)).toContain("InsideVertical");
    expect(bordersOf({ border: "bottom" }, 3, 2)).toEqual(["EdgeBottom", "InsideHorizontal"]);
    expect(bordersOf({}, 3, 3)).toEqual([]);
  });
});
