/**
 * functions.ts, the face Excel calls. `CustomFunctions` exists only inside Excel, so this test defines a
 * minimal stand-in on the global object (an Error class and the ErrorCode values used) before calling.
 */
import { DEXUAT, DIEM, XEPLOAI } from "../../src/functions/functions";

class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

beforeAll(() => {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
});

afterAll(() => {
  delete (globalThis as unknown as { CustomFunctions?: unknown }).CustomFunctions;
});

function thrown(run: () => unknown): FakeCustomFunctionsError {
  try {
    run();
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError) return error;
    throw new Error(`threw something else: ${String(error)}`);
  }
  throw new Error("did not throw");
}

describe("DIEM in Excel", () => {
  it("returns a matrix, spilled like its input; optional arguments arrive as null", () => {
    expect(DIEM("III", [[84.37]], null as unknown as undefined)).toEqual([[30]]);
    expect(DIEM("III", [[84.37], [80]])).toEqual([[30], [0]]);
  });

  it("throws #VALUE! with the Vietnamese message for a bad argument", () => {
    const error = thrown(() => DIEM("X", [[84]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("Không có tiêu chí mã “X”. Các mã hiện có: III, IV.9.");
  });

  it("throws the error of a single bad cell, so that its message shows", () => {
    const error = thrown(() => DIEM("III", [["abc"]]));
    expect(error).toEqual(new FakeCustomFunctionsError("#VALUE!", "Không đọc được điểm “abc” thành số."));
  });

  it("keeps an error in its own cell of a spill", () => {
    const out = DIEM("III", [[85], ["abc"]]);
    expect(out[0][0]).toBe(30);
    expect(out[1][0]).toEqual(new FakeCustomFunctionsError("#VALUE!", "Không đọc được điểm “abc” thành số."));
  });

  it("maps a bad criteria table to #VALUE!", () => {
    const error = thrown(() => DIEM("III", [[85]], [["không phải bảng tiêu chí"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^Bảng tiêu chí: /);
  });
});

describe("XEPLOAI and DEXUAT in Excel", () => {
  it("rate and propose", () => {
    expect(XEPLOAI([[84.37], [null]])).toEqual([["Tốt"], [""]]);
    expect(DEXUAT([[30, 0]])).toEqual([["Có"]]);
  });

  it("throw #VALUE! for bad arguments", () => {
    expect(thrown(() => XEPLOAI([["?"]])).code).toBe("#VALUE!");
    expect(thrown(() => DEXUAT([[30, 0, 0]])).message).toMatch(/^Cần 2 cột điểm/);
  });
});
