// DIEM over a range scores each distinct number once: the same spill as scoring every cell on its own.
import fc from "fast-check";
import { defaultCriteria } from "../../src/core/criteria";
import { pointsOf, pointsOfRange } from "../../src/functions/diem";

const cell = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1,
    0.965,
    80,
    80.01,
    100,
    101,
    -1,
    NaN,
    Infinity,
    null,
    "",
    " ",
    "84,37",
    "96,5%",
    "abc",
    true,
  ),
  fc.double({ min: -10, max: 120 }),
  fc.integer({ min: -5, max: 150 }),
  fc.double({ min: 0, max: 1 }),
  fc.record({
    type: fc.constant("Double"),
    basicValue: fc.double({ min: 0, max: 100 }),
    numberFormat: fc.constant("0.00%"),
  }),
);

describe("pointsOfRange", () => {
  it.each(defaultCriteria().map((c) => [c.code, c] as const))(
    "agrees cell for cell with pointsOf for criterion %s on random ranges with repeats",
    (_code, criterion) => {
      fc.assert(
        fc.property(fc.array(cell, { maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (cells, width) => {
          // Repeats of the same numbers in the same range, as a real column has.
          const values = [...cells, ...cells.slice(0, cells.length >> 1)];
          const rows = Array.from({ length: Math.ceil(values.length / width) }, (_, i) =>
            values.slice(i * width, i * width + width),
          );
          const general = rows.map((row) => row.map((v) => pointsOf(criterion, v)));
          expect(pointsOfRange(criterion, rows)).toEqual(general);
        }),
        { numRuns: 300 },
      );
    },
  );
});
