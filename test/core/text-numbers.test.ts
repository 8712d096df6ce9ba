import fc from "fast-check";
import { serialToIso, toIsoDate } from "../../src/core/dates";
import { columnIndex, columnLetter, parseRangeAddress, rangeAddress } from "../../src/core/grid";
import { formatNumberVi, formatScore766, parseNumberText, roundTo } from "../../src/core/numbers";
import { cleanText, fillTemplate, foldKey } from "../../src/core/text";

describe("Vietnamese text", () => {
  it("folds case, diacritics, NFD and spacing to one key", () => {
    const nfd = "Tên cơ quan, đơn vị".normalize("NFD");
    expect(foldKey(nfd)).toBe("ten co quan don vi");
    expect(foldKey("  TÊN   CƠ QUAN,ĐƠN VỊ ")).toBe("ten co quan don vi");
    expect(foldKey("TONG_SCORE")).toBe("tong score");
  });

  it("cleans text to NFC with single spaces", () => {
    const cleaned = cleanText(" Sở\u00a0Ngoại   vụ\n".normalize("NFD"));
    expect(cleaned).toBe("Sở Ngoại vụ");
    expect(cleaned).toBe(cleaned.normalize("NFC"));
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fillTemplate("{don_vi} đạt {diem} điểm {la}", { don_vi: "A; B", diem: "30" })).toBe(
      "A; B đạt 30 điểm {la}",
    );
  });
});

describe("numbers as staff type them", () => {
  it.each([
    ["84,37", 84.37],
    ["84.37", 84.37],
    ["84,37 điểm", 84.37],
    ["  96,5 % ", 96.5],
    ["100%", 100],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["-3", -3],
  ])("reads %p as %p", (text, value) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value, percent: text.includes("%") });
  });

  it.each(["85,5,1", "abc", "", "8 4,3 7x", "--1"])("refuses %p", (text) => {
    expect(parseNumberText(text).ok).toBe(false);
  });

  it("reads a lone group of three as thousands only where an integer is expected", () => {
    expect(parseNumberText("1.234")).toEqual({ ok: true, value: 1.234, percent: false });
    expect(parseNumberText("1.234", true)).toEqual({ ok: true, value: 1234, percent: false });
  });

  it("writes numbers with a decimal comma and no trailing zeros", () => {
    expect(formatNumberVi(84.37)).toBe("84,37");
    expect(formatNumberVi(80)).toBe("80");
    expect(formatNumberVi(96.5)).toBe("96,5");
    expect(formatNumberVi(1234.5)).toBe("1.234,5");
    expect(formatNumberVi(0.1 + 0.2)).toBe("0,3");
  });
});

describe("dates and addresses", () => {
  it("reads Vietnamese, ISO and serial dates", () => {
    expect(toIsoDate("05/02/2024")).toBe("2024-02-05");
    expect(toIsoDate("2024-02-05")).toBe("2024-02-05");
    expect(toIsoDate(45327)).toBe("2024-02-05");
    expect(serialToIso(45327)).toBe("2024-02-05");
    expect(toIsoDate("31/02/2024")).toBeUndefined();
    expect(toIsoDate("hôm nay")).toBeUndefined();
  });

  it("converts columns and ranges both ways", () => {
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(27)).toBe("AB");
    expect(columnIndex("AB")).toBe(27);
    expect(columnIndex("1")).toBeUndefined();
    const range = parseRangeAddress("$H$5:M40");
    expect(range).toEqual({ top: 4, left: 7, bottom: 39, right: 12 });
    expect(rangeAddress(range!)).toBe("H5:M40");
  });
});

describe("formatScore766", () => {
  it.each([
    [74.3, "74,30"],
    [80, "80,00"],
    [84.37, "84,37"],
    [79.995, "80,00"],
    [1234.5, "1.234,50"],
    [-2.5, "-2,50"],
  ])("%p prints as %p", (value, text) => {
    expect(formatScore766(value)).toBe(text);
  });
});

describe("numbers under a thousand, printed without building their parts", () => {
  /** The printing as defined for every number: parts split, groups marked, trailing zeros dropped. */
  const definedVi = (value: number, decimals = 2) => {
    const rounded = roundTo(value, decimals);
    if (Number.isInteger(rounded) && Math.abs(rounded) < 1000) return String(rounded === 0 ? 0 : rounded);
    const [whole, fraction] = Math.abs(rounded).toFixed(decimals).split(".");
    const trimmed = (fraction ?? "").replace(/0+$/, "");
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return `${rounded < 0 ? "-" : ""}${grouped}${trimmed ? `,${trimmed}` : ""}`;
  };
  const defined766 = (value: number) => {
    const [whole, fraction] = Math.abs(roundTo(value, 2)).toFixed(2).split(".");
    return `${value < 0 ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${fraction}`;
  };

  it("print as defined, at every precision, around a thousand and its rounding", () => {
    const values = [0, -0, 0.5, -0.004, 0.005, 999.994, 999.995, -999.995, 1000, 1234.5, 0.1 + 0.2];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...values),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
          fc.integer({ min: -200000, max: 200000 }).map((n) => n / 100),
        ),
        fc.constantFrom(0, 1, 2, 4, 6),
        (value, decimals) => {
          expect(formatNumberVi(value, decimals)).toBe(definedVi(value, decimals));
          expect(formatScore766(value)).toBe(defined766(value));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("cleanText, which returns a clean text as it is", () => {
  const defined = (text: string) =>
    text
      .normalize("NFC")
      .replace(/[\s\u00a0\u2007\u202f\u200b\ufeff]+/g, " ")
      .trim();

  it("equals its definition beside every character of the Basic Multilingual Plane", () => {
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      for (const text of [ch, `a${ch}b`, `a ${ch}`, `${ch} b`, `${ch}${ch}`]) {
        if (cleanText(text) !== defined(text)) expect([code, cleanText(text)]).toEqual([code, defined(text)]);
      }
    }
  });
});

describe("foldKey, letter by letter", () => {
  /** The key as defined on the whole text: what foldKey must equal, however it is computed. */
  const defined = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase()
      .replace(/[^a-z0-9%]+/g, " ")
      .trim();

  it("equals the definition on the whole text, in NFC and NFD, with marks, symbols and surrogates", () => {
    const pool = [
      ..."aZ09% ,.;-_\t\n\u00a0ĐđỦủệẾƯơ\u0301\u0323\u0306e\u0300KİΣσςÅﬁ①한글😀\ud83dẞß\u212a\u0130\u0131",
    ];
    let seed = 11;
    for (let t = 0; t < 20000; t++) {
      let text = "";
      const length = t % 23;
      for (let i = 0; i < length; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pool[(seed >>> 8) % pool.length];
      }
      const form = ["NFC", "NFD", ""][t % 3];
      if (form) text = text.normalize(form);
      expect([text, foldKey(text)]).toEqual([text, defined(text)]);
    }
  });

  it("equals it on texts longer than the key's first buffer and than one String.fromCharCode call", () => {
    for (const length of [255, 256, 257, 4095, 4096, 4097, 30000]) {
      const text = Array.from({ length }, (_, i) => "Ưu tiên Sở, ban ngành 766% — "[i % 29]).join("");
      expect(foldKey(text)).toBe(defined(text));
    }
  });
});
