/**
 * TCVN3 (ABC) and VNI text (issue #23, item 2): decoded with the exact tables, a column converted only
 * when one table reads all of it as Vietnamese, refused at its cells otherwise.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { SheetGrid } from "../../src/core/grid";
import { decodeLegacy, readsAsVietnamese } from "../../src/core/legacy-encoding";
import { decodeLegacyColumns } from "../../src/core/reader/legacy-columns";
import { isVietnameseWord } from "../../src/core/vietnamese-syllable";
import { toTcvn3, toVni } from "../helpers/legacy-text";

/** Every unit and group name of the two example tables. */
function exampleNames(): string[] {
  const names = new Set<string>();
  for (const file of ["an-giang-2023-don-vi.csv", "an-giang-2025-don-vi.csv"]) {
    const text = readFileSync(path.join(__dirname, "..", "..", "examples", file), "utf8");
    for (const line of text.split("\n").slice(1)) {
      const cells = [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]);
      if (cells.length >= 3) names.add(cells[1]).add(cells[2]);
    }
  }
  return [...names];
}

/** A toned capital (“Ủy”) cannot be typed in the .VnTime fonts: TCVN3 text never holds one. */
const typableInTcvn3 = (name: string) =>
  ![...name].some((c) => c !== c.toLowerCase() && c.normalize("NFD").length > 1 && !"ĂÂÊÔƠƯ".includes(c));

describe("legacy decoding", () => {
  it("reads the issue's examples", () => {
    expect(decodeLegacy("Së Ngo¹i vô", "tcvn3")).toBe("Sở Ngoại vụ");
    expect(decodeLegacy("Sôû Ngoaïi vuï", "vni")).toBe("Sở Ngoại vụ");
    // A word typed in the capitals font (.VnTimeH) comes back in capitals.
    expect(decodeLegacy("Së NGO¹I Vô", "tcvn3")).toBe("Sở NGOẠI Vụ");
  });

  it("gives back every name of the examples from iconv's TCVN3 and from the VNI chart", () => {
    const names = exampleNames();
    expect(names.length).toBeGreaterThan(40);
    for (const name of names) {
      expect(decodeLegacy(toVni(name), "vni")).toBe(name);
      if (typableInTcvn3(name)) expect(decodeLegacy(toTcvn3(name), "tcvn3")).toBe(name);
    }
  });

  it("reads as Vietnamese only with the right table", () => {
    const name = "Bảo hiểm xã hội tỉnh";
    expect(readsAsVietnamese(decodeLegacy(toTcvn3(name), "tcvn3"))).toBe(true);
    expect(readsAsVietnamese(decodeLegacy(toTcvn3(name), "vni"))).toBe(false);
    expect(readsAsVietnamese(decodeLegacy(toVni(name), "vni"))).toBe(true);
    expect(readsAsVietnamese(decodeLegacy(toVni(name), "tcvn3"))).toBe(false);
    // All-ASCII words ("UBND", "TP") tell nothing either way.
    expect(readsAsVietnamese("UBND TP. Châu Đốc")).toBe(true);
  });

  it.each([
    ["người", true],
    ["nghiêng", true],
    ["quốc", true],
    ["sụỷ", false],
    ["ngo¹i", false],
    ["së", false],
  ])("the word “%s” is Vietnamese: %p", (word, expected) => {
    expect(isVietnameseWord(word)).toBe(expected);
  });
});

const HEADER = ["STT", "Tên đơn vị", "Khối", "Điểm 766"];
function grid(rows: [string, string][]): SheetGrid {
  return { name: "Đơn vị", values: [HEADER, ...rows.map(([name, group], i) => [i + 1, name, group, 85])] };
}
const COLUMNS = [
  { col: 1, what: "tên" },
  { col: 2, what: "khối" },
];

describe("legacy columns", () => {
  const units: [string, string][] = [
    ["Sở Ngoại vụ", "Sở, ban, ngành"],
    ["UBND huyện An Phú", "UBND cấp huyện"],
    ["UBND huyện Châu Đốc", "UBND cấp huyện"],
  ];

  it.each([
    ["TCVN3 (ABC)", toTcvn3],
    ["VNI", toVni],
  ])("converts a whole column in %s, saying so with the count", (label, encode) => {
    const legacy = grid(units.map(([n, g]) => [encode(n), encode(g)]));
    const result = decodeLegacyColumns(legacy, COLUMNS, 1);
    expect(result.grid.values.slice(1).map((line) => [line[1], line[2]])).toEqual(units);
    expect(result.refused.size).toBe(0);
    expect(result.problems.map((p) => [p.level, p.column])).toEqual([
      ["warning", "B"],
      ["warning", "C"],
    ]);
    expect(result.problems[0].message).toContain(
      `3 ô tên gõ bằng bảng mã ${label} đã được chuyển sang Unicode`,
    );
    // The grid handed in is left as it was.
    expect(legacy.values[1][1]).toBe(encode("Sở Ngoại vụ"));
  });

  it("refuses a column that mixes Unicode and TCVN3, at each legacy cell", () => {
    const mixed = grid([units[0], [toTcvn3(units[1][0]), toTcvn3(units[1][1])], units[2]]);
    const result = decodeLegacyColumns(mixed, COLUMNS, 1);
    expect(result.grid).toBe(mixed);
    expect(result.problems.map((p) => [p.level, p.row, p.column])).toEqual([
      ["error", 3, "B"],
      ["error", 3, "C"],
    ]);
    expect(result.problems[1].message).toContain("khối này không được dùng để tính điểm");
    expect([...result.refused]).toEqual([toTcvn3(units[1][0]), toTcvn3(units[1][1])]);
  });

  it("refuses a column whose text reads as Vietnamese under neither table", () => {
    const odd = grid([["Së ×÷ vô", "Sở, ban, ngành"]]);
    const result = decodeLegacyColumns(odd, COLUMNS, 1);
    expect(result.problems.map((p) => p.level)).toEqual(["error"]);
    expect(result.problems[0].message).toContain("không đọc ra tiếng Việt theo bảng mã TCVN3 hay VNI");
  });

  it("leaves a Unicode table alone", () => {
    const plain = grid(units);
    expect(decodeLegacyColumns(plain, COLUMNS, 1)).toEqual({ grid: plain, problems: [], refused: new Set() });
  });
});
