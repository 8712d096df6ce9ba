import type { CellValue } from "../../src/core/grid";
import { readNumberCell } from "../../src/core/reader/values";
import { ArgumentError, sentence } from "../../src/functions/errors";
import { diem } from "../../src/functions/diem";
import { criteriaRange, criterion } from "./helpers";

const coreDetail = (value: CellValue) => {
  const read = readNumberCell(value, "", "score");
  return read.kind === "bad" ? read.detail : "";
};
const message = (cell: unknown) =>
  cell instanceof ArgumentError ? cell.message : `not an error: ${String(cell)}`;

describe("DIEM, criterion III (766 score, strictly above 80 by default)", () => {
  it("gives the full points only above the threshold", () => {
    expect(diem("III", [[84.37]], null)).toEqual([[30]]);
    expect(diem("III", [[80.01]], null)).toEqual([[30]]);
    expect(diem("III", [[80]], null)).toEqual([[0]]);
    expect(diem("III", [[79.99]], null)).toEqual([[0]]);
  });

  it("accepts a scalar as well as a 1×1 range", () => {
    expect(diem("III", 84.37, null)).toEqual([[30]]);
    expect(diem("III", 84.37, undefined)).toEqual([[30]]);
  });

  it("reads Vietnamese text numbers as the core does", () => {
    expect(diem("III", [["84,37"], ["84,37 điểm"], ["80,00"], [" 81.5 "], ["80,5%"]], null)).toEqual([
      [30],
      [30],
      [0],
      [30],
      [30],
    ]);
  });

  it("scores blanks 0 like 'chưa có số liệu', and 0 (an empty cell on Windows) 0 as well", () => {
    expect(diem("III", [[null], [""], ["   "], [0]], null)).toEqual([[0], [0], [0], [0]]);
  });

  it("spills: a 2D range gives one result per cell, same shape", () => {
    const out = diem(
      "III",
      [
        [81, 79, null],
        ["90", 80, 100],
      ],
      null,
    );
    expect(out).toEqual([
      [30, 0, 0],
      [30, 0, 30],
    ]);
  });

  it("puts a Vietnamese error in the cell that cannot be read and scores the others", () => {
    const out = diem(
      "III",
      [[85], ["tám mươi"], [120], [true], [{ type: "Error", basicValue: "#N/A" }]],
      null,
    );
    expect(out[0][0]).toBe(30);
    expect(message(out[1][0])).toBe("Không đọc được điểm “tám mươi” thành số.");
    expect(message(out[2][0])).toBe("Điểm 120 nằm ngoài thang 0–100.");
    // The core words these; DIEM passes its message on as a sentence.
    expect(message(out[3][0])).toBe(sentence(coreDetail(true)));
    expect(message(out[4][0])).toBe(sentence(coreDetail({ error: "#N/A" })));
    expect(message(out[4][0])).toMatch(/#N\/A/);
    for (const row of out.slice(1)) expect(message(row[0])).toBe(message(row[0]).normalize("NFC"));
  });

  it("matches criterion codes loosely", () => {
    expect(diem(" iii ", [[85]], null)).toEqual([[30]]);
    expect(diem("iv.9", [[1]], null)).toEqual([[35]]);
  });

  it("throws for a missing or unknown criterion code", () => {
    expect(() => diem("", [[85]], null)).toThrow(
      new ArgumentError("Chưa ghi mã tiêu chí, ví dụ “III” hoặc “IV.9”."),
    );
    expect(() => diem(null, [[85]], null)).toThrow(ArgumentError);
    expect(() => diem("V.2", [[85]], null)).toThrow(
      new ArgumentError("Không có tiêu chí mã “V.2”. Các mã hiện có: III, IV.9."),
    );
  });
});

describe("DIEM, criterion IV.9 (one-stop rate, 100% needed)", () => {
  it("reads numbers from 0 to 1 as fractions (a cell formatted as %), above 1 as percentages", () => {
    expect(diem("IV.9", [[1], [0.965], [100], [96.5], [0]], null)).toEqual([[35], [0], [35], [0], [0]]);
  });

  it("reads text as written, with or without %", () => {
    expect(diem("IV.9", [["100%"], ["96,5%"], ["100"], ["1%"]], null)).toEqual([[35], [0], [35], [0]]);
  });

  it("uses the number format of a data-type value", () => {
    expect(diem("IV.9", [[{ type: "Double", basicValue: 1, numberFormat: "0.0%" }]], null)).toEqual([[35]]);
  });

  it("rejects rates above 100%", () => {
    expect(message(diem("IV.9", [["120%"]], null)[0][0])).toBe("Tỷ lệ 120% nằm ngoài khoảng 0–100%.");
  });
});

describe("DIEM with a criteria table", () => {
  it("gives the same results as the defaults when the table holds the defaults", () => {
    const values = [[80], [80.5], [null]];
    expect(diem("III", values, criteriaRange())).toEqual(diem("III", values, null));
  });

  it("follows a changed comparison and threshold", () => {
    const table = criteriaRange((criteria) => {
      criterion(criteria, "III").operator = ">=";
      criterion(criteria, "III").threshold = 85;
    });
    expect(diem("III", [[84.99], [85], [90]], table)).toEqual([[0], [30], [30]]);
  });

  it("reads a table whose empty cells arrived as 0 (Excel on Windows)", () => {
    const table = criteriaRange((criteria) => {
      criterion(criteria, "III").threshold = 70;
    }, 0);
    expect(diem("III", [[75], [70]], table)).toEqual([[30], [0]]);
  });

  it("scores proportional and manual criteria of the table", () => {
    const table = criteriaRange((criteria) => {
      criteria.push({
        ...criterion(criteria, "III"),
        code: "I",
        kind: "proportional",
        input: "Tỷ lệ hồ sơ đúng hạn",
        points: 10,
        target: 100,
        operator: undefined,
        threshold: undefined,
      });
      criteria.push({
        ...criterion(criteria, "III"),
        code: "V",
        kind: "manual",
        input: "Điểm kiểm tra",
        points: 5,
      });
    });
    expect(diem("I", [[95], [120]], table)).toEqual([[9.5], [10]]);
    expect(diem("V", [[4], [7]], table)).toEqual([[4], [5]]);
  });

  it("throws a Vietnamese message for a range that is not a criteria table", () => {
    expect(() => diem("III", [[85]], [["Tên đơn vị", "Điểm"]])).toThrow(
      /^Bảng tiêu chí: không tìm thấy dòng tiêu đề/,
    );
    expect(() => diem("III", [[85]], [["Tên đơn vị", "Điểm"]])).toThrow(/bỏ trống đối số tieu_chi_bang/);
  });

  it("throws with the row and column of a bad cell in the table", () => {
    const table = criteriaRange();
    table[3][2] = "ba mươi"; // the points of III
    expect(() => diem("III", [[85]], table)).toThrow(
      new ArgumentError("Bảng tiêu chí, dòng 4, cột C: “ba mươi” ở cột “Điểm tối đa” không phải là số."),
    );
  });
});
