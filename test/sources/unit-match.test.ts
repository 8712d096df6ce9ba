/** The unit matcher: spelling variants meet, kinds never do, and nothing is guessed. */
import { displayName, matchUnits, unitKey, unitKind } from "../../src/core/sources/unit-match";

const names = (...list: string[]) => list.map((name) => ({ name }));

describe("unitKey folds the spellings of one unit", () => {
  it.each([
    ["Sở Tư pháp - tỉnh An Giang", "Sở Tư pháp"],
    ["SỞ TƯ PHÁP", "Sở Tư pháp"],
    ["Sở  Tư   pháp ", "Sở Tư pháp"],
    ["Sở Tư pháp".normalize("NFD"), "Sở Tư pháp"],
    ["UBND Xã Nhơn Hội - tỉnh An Giang", "Ủy ban nhân dân xã Nhơn Hội"],
    ["Uỷ ban nhân dân xã Nhơn Hội", "UBND xã Nhơn Hội"],
    ["UBND TP. Long Xuyên", "Thành phố Long Xuyên"],
    ["TP Châu Đốc", "UBND thành phố Châu Đốc"],
    ["TX. Tân Châu", "Thị xã Tân Châu"],
    ["xã Hoà Bình", "Xã Hòa Bình"],
  ])("%s = %s", (a, b) => {
    expect(unitKey(a)).toBe(unitKey(b));
    expect(unitKey(a)).not.toBe("");
  });

  it("drops the 'tỉnh <province>' ending of a province it knows, and a bare 'tỉnh'", () => {
    expect(unitKey("Thanh tra tỉnh An Giang", ["an giang"])).toBe(unitKey("Thanh tra tỉnh"));
    expect(unitKey("Thanh tra tỉnh")).toBe("thanh tra");
    // Without knowing the province the ending stays: "Thanh tra tỉnh Kiên Giang" is not guessed away.
    expect(unitKey("Thanh tra tỉnh Kiên Giang", ["an giang"])).not.toBe(unitKey("Thanh tra tỉnh"));
  });

  it("keeps the kind word, so that kinds never meet", () => {
    expect(unitKey("UBND huyện An Phú")).not.toBe(unitKey("UBND xã An Phú"));
    expect(unitKey("Thị xã Tân Châu")).not.toBe(unitKey("Xã Tân Châu"));
    expect(unitKind(unitKey("UBND Đặc khu Phú Quốc"))).toBe("đặc khu");
    expect(unitKind(unitKey("UBND huyện An Phú"))).toBe("huyện");
    expect(unitKind(unitKey("Thị xã Tân Châu"))).toBe("thị xã");
    expect(unitKind(unitKey("Bảo hiểm xã hội tỉnh"))).toBe("khác");
    // "quý" keeps its spelling (qu + ý is not the old placement of "uý").
    expect(unitKey("Phường Quý Lộc")).toBe("phường quý lộc");
  });

  it("shows names without the province suffix", () => {
    expect(displayName("UBND Đặc khu Phú Quốc - tỉnh An Giang")).toBe("UBND Đặc khu Phú Quốc");
    expect(displayName("Thanh tra tỉnh An Giang")).toBe("Thanh tra tỉnh An Giang");
  });
});

describe("matchUnits", () => {
  it("pairs by name across the portal's spelling and the table's, learning the province from suffixes", () => {
    const table = names(
      "Sở Tư pháp",
      "Thanh tra tỉnh",
      "Ủy ban nhân dân xã Nhơn Hội",
      "Bảo hiểm xã hội tỉnh",
    );
    const portal = names(
      "Thanh tra tỉnh An Giang",
      "UBND Xã Nhơn Hội - tỉnh An Giang",
      "Sở Tư pháp - tỉnh An Giang",
      "UBND phường Long Xuyên - tỉnh An Giang",
    );
    const result = matchUnits(table, portal);
    expect(result.pairs).toEqual([
      { left: 0, right: 2, by: "name" },
      { left: 1, right: 0, by: "name" },
      { left: 2, right: 1, by: "name" },
    ]);
    expect(result.unmatchedLeft).toEqual([3]);
    expect(result.unmatchedRight).toEqual([3]);
    expect(result.ambiguous).toEqual([]);
  });

  it("never pairs a huyện with a xã of the same place name", () => {
    const result = matchUnits(names("UBND huyện An Phú"), names("UBND xã An Phú - tỉnh An Giang"));
    expect(result.pairs).toEqual([]);
    expect(result.unmatchedLeft).toEqual([0]);
    expect(result.unmatchedRight).toEqual([0]);
  });

  it("pairs by code when both sides have one, even when the names were renamed", () => {
    const left = [
      { name: "Sở Tài nguyên và Môi trường", code: "H01.05" },
      { name: "Sở Tư pháp", code: "H01.12" },
    ];
    const right = [
      { name: "Sở Nông nghiệp và Môi trường - tỉnh An Giang", code: "h01.05" },
      { name: "Sở Tư pháp - tỉnh An Giang", code: "H01.99" },
    ];
    const result = matchUnits(left, right);
    // Same code: paired. Same name but different codes: two units, not paired.
    expect(result.pairs).toEqual([{ left: 0, right: 0, by: "code" }]);
    expect(result.unmatchedLeft).toEqual([1]);
    expect(result.unmatchedRight).toEqual([1]);
  });

  it("refuses a code shared by units of different kinds", () => {
    const result = matchUnits(
      [{ name: "UBND huyện Tri Tôn", code: "H01.40" }],
      [{ name: "UBND xã Tri Tôn - tỉnh An Giang", code: "H01.40" }],
    );
    expect(result.pairs).toEqual([]);
    expect(result.kindConflicts).toEqual([{ left: 0, right: 0 }]);
    expect(result.unmatchedLeft).toEqual([]);
  });

  it("lists names that meet more than one unit, on either side, and guesses none", () => {
    const table = names("Sở Tư pháp", "SỞ TƯ PHÁP", "Sở Ngoại vụ");
    const source = names("Sở Tư pháp - tỉnh An Giang", "Sở Ngoại vụ", "Sở Ngoại vụ - tỉnh An Giang");
    const result = matchUnits(table, source);
    expect(result.pairs).toEqual([]);
    expect(result.ambiguous).toEqual([
      { key: "sở tư pháp", left: [0, 1], right: [0] },
      { key: "sở ngoại vụ", left: [2], right: [1, 2] },
    ]);
    expect(result.unmatchedLeft).toEqual([]);
    expect(result.unmatchedRight).toEqual([]);
  });
});
