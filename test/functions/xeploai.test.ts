import { ArgumentError } from "../../src/functions/errors";
import { xeploai } from "../../src/functions/xeploai";
import { criteriaRange } from "./helpers";

describe("XEPLOAI", () => {
  it("gives the default bands 90 / 80 / 70 / 50, lower bounds inclusive", () => {
    expect(xeploai([[95], [90], [89.99], [80], [70], [69.9], [50], [49.99], [0.5]], null)).toEqual([
      ["Xuất sắc"],
      ["Xuất sắc"],
      ["Tốt"],
      ["Tốt"],
      ["Khá"],
      ["Trung bình"],
      ["Trung bình"],
      ["Yếu"],
      ["Yếu"],
    ]);
  });

  it("returns an empty text for 0, the empty cell of Excel on Windows, where the core would say Yếu", () => {
    expect(xeploai([[0], ["0"]], null)).toEqual([[""], [""]]);
  });

  it("returns an empty text for blanks, reads text numbers, spills 2D", () => {
    expect(
      xeploai(
        [
          [null, "84,37", "91,2 điểm"],
          ["", 75, "  "],
        ],
        null,
      ),
    ).toEqual([
      ["", "Tốt", "Xuất sắc"],
      ["", "Khá", ""],
    ]);
  });

  it("puts an error in a cell that is not a score", () => {
    const [[bad]] = xeploai([["abc"]], null);
    expect(bad).toEqual(new ArgumentError("Không đọc được điểm “abc” thành số."));
    expect(xeploai([[101]], null)[0][0]).toBeInstanceOf(ArgumentError);
  });

  it("takes the bands from the settings under the criteria table", () => {
    const table = criteriaRange((_, settings) => {
      settings.rating.good = 75;
      settings.rating.excellent = 85;
    });
    expect(xeploai([[76], [86], [74]], table)).toEqual([["Tốt"], ["Xuất sắc"], ["Khá"]]);
  });
});
