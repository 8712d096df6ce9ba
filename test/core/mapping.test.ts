import { formatMapping, parseMapping } from "../../src/core/reader/mapping";

describe("column mapping as text", () => {
  it("reads and writes the same text", () => {
    const text = "ten=B,khoi=C,diem766=D,tinh=E,huyen=F,dong=5";
    const mapping = parseMapping(text);
    expect(mapping).toEqual({ name: 1, group: 2, score766: 3, rates: { tinh: 4, huyen: 5 }, headerRow: 4 });
    expect(formatMapping(mapping as Exclude<typeof mapping, string>)).toBe(text);
  });

  it.each(["ten=1", "ho=B", "dong=0", "diem766"])("explains what is wrong with %p", (text) => {
    expect(parseMapping(text)).toEqual(expect.stringContaining(`“${text}”`));
  });
});
