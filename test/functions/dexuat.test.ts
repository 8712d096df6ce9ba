import { ArgumentError } from "../../src/functions/errors";
import { dexuat } from "../../src/functions/dexuat";
import { criteriaRange } from "./helpers";

describe("DEXUAT (points in the order III, IV.9 by default)", () => {
  it("proposes a unit with the full points of at least one criterion", () => {
    expect(dexuat([[30, 0]], null)).toEqual([["Có"]]);
    expect(dexuat([[0, 35]], null)).toEqual([["Có"]]);
    expect(dexuat([[0, 0]], null)).toEqual([["Không"]]);
  });

  it("gives one result per row and an empty one for an empty row", () => {
    expect(
      dexuat(
        [
          [30, 35],
          ["", null],
          ["30", ""],
          [0, 0],
        ],
        null,
      ),
    ).toEqual([["Có"], [""], ["Có"], ["Không"]]);
  });

  it("checks the points of each cell", () => {
    const out = dexuat(
      [
        [40, 0],
        [-1, 0],
        ["ba mươi", 0],
      ],
      null,
    );
    expect(out[0][0]).toEqual(
      new ArgumentError("Tiêu chí III: 40 điểm vượt điểm tối đa 30; kiểm tra thứ tự các cột điểm."),
    );
    expect(out[1][0]).toEqual(new ArgumentError("Tiêu chí III: điểm -1 không được âm."));
    expect(out[2][0]).toEqual(new ArgumentError("Tiêu chí III: không đọc được giá trị “ba mươi” thành số."));
  });

  it("throws when the columns do not match the criteria", () => {
    expect(() => dexuat([[30]], null)).toThrow(
      new ArgumentError("Cần 2 cột điểm, mỗi cột một tiêu chí theo thứ tự III, IV.9; vùng đã chọn có 1 cột."),
    );
  });

  it("follows the award rule of the criteria table", () => {
    const table = criteriaRange((_, settings) => {
      settings.award = { kind: "minTotal", minTotal: 20 };
    });
    expect(
      dexuat(
        [
          [20, 0],
          [10, 5],
          [0, 0],
        ],
        table,
      ),
    ).toEqual([["Có"], ["Không"], ["Không"]]);
  });
});
