/**
 * The CLI compresses with Node's zlib, the web page with fflate: the same parts come out, in the same
 * order, with the same content; only the compressed bytes of the parts the tool writes differ. Each
 * sheet the tool reads whole is decompressed once, and the sheets it writes are encoded as they are
 * made (ByteWriter), byte for byte what TextEncoder gives.
 */
import * as fflate from "fflate";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { crc32 as zlibCrc32 } from "node:zlib";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { ByteWriter } from "../../src/xlsx/package/byte-writer";
import { crc32, PAGE_CODEC, PORTABLE_CODEC, type ZipCodec } from "../../src/xlsx/package/codec";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { partsOf, rawEntries, sheetPart } from "../helpers/package-parts";
import { SAMPLE, xlsxBytes, type SheetSpec } from "../helpers/workbooks";

function scored(bytes: Uint8Array, codec: ZipCodec): Uint8Array {
  const pkg = WorkbookPackage.open(bytes, "theo-doi-2023.xlsx", codec);
  scorePackage(pkg);
  return pkg.save();
}

describe("the zip codec", () => {
  const sample = new Uint8Array(readFileSync(SAMPLE));

  it("gives the same parts with Node's zlib as with fflate, and copies the untouched ones raw in both", () => {
    const node = scored(sample, NODE_CODEC);
    const portable = scored(sample, PORTABLE_CODEC);
    const nodeParts = partsOf(node);
    const portableParts = partsOf(portable);
    expect([...nodeParts.keys()]).toEqual([...portableParts.keys()]);
    for (const [name, data] of nodeParts)
      expect(Buffer.from(data).equals(portableParts.get(name) as Uint8Array)).toBe(true);
    const input = new Map(rawEntries(sample).map((e) => [e.name, e.raw]));
    const written = new Set<string>();
    for (const entry of rawEntries(node)) {
      const before = input.get(entry.name);
      if (before && Buffer.from(before).equals(entry.raw)) continue;
      written.add(entry.name);
    }
    // Only parts the tool owns or edits were compressed again.
    expect([...written].every((name) => /^(xl\/|\[Content_Types\]|docProps\/)/.test(name))).toBe(true);
    expect(written.has(sheetPart(sample, "Theo dõi 2023"))).toBe(true);
    expect(written.has("xl/theme/theme1.xml")).toBe(false);
  });

  it("gives the same parts with the page's codec (fflate at level 3), the same bytes from run to run", () => {
    const node = partsOf(scored(sample, NODE_CODEC));
    const page = scored(sample, PAGE_CODEC);
    const pageParts = partsOf(page);
    expect([...pageParts.keys()]).toEqual([...node.keys()]);
    for (const [name, data] of node)
      expect(Buffer.from(data).equals(pageParts.get(name) as Uint8Array)).toBe(true);
    expect(Buffer.from(scored(sample, PAGE_CODEC)).equals(page)).toBe(true);
    // Another level than the portable codec's: the page's own bytes, as said in codec.ts.
    expect(Buffer.from(page).equals(scored(sample, PORTABLE_CODEC))).toBe(false);
  });

  it("computes CRC-32 eight bytes a step as zlib does byte by byte, whatever the length's remainder", () => {
    for (const length of [0, 1, 7, 8, 9, 15, 16, 17, 1023, 65_541]) {
      const data = new Uint8Array(randomBytes(length));
      expect([length, crc32(data)]).toEqual([length, zlibCrc32(data)]);
    }
  });

  it("compresses off the main thread (sheets and a large chart begun as soon as written) into the very bytes of savePieces", async () => {
    const rows: SheetSpec["rows"] = [["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"]];
    for (let i = 1; i <= 600; i++) rows.push([i, `Sở số ${i}`, "Sở, ban, ngành", 60 + ((i * 37) % 400) / 10]);
    const input = await xlsxBytes([{ name: "Đơn vị", rows }]);
    const save = async (bytes: Uint8Array, later: boolean) => {
      const pkg = WorkbookPackage.open(bytes, "don-vi.xlsx", NODE_CODEC);
      scorePackage(pkg);
      return later ? Buffer.concat(await pkg.savePiecesLater()) : Buffer.from(pkg.save());
    };
    const once = await save(input, true);
    expect(once.equals(await save(input, false))).toBe(true);
    const chart = [...partsOf(once)].find(([name]) => name.startsWith("xl/charts/chart"));
    expect(chart?.[1].length).toBeGreaterThan(1 << 16);
    // A second run over its own output: the parts it writes again are the same, and so are the bytes.
    expect((await save(once, true)).equals(once)).toBe(true);
  });

  it("writes the same bytes again on a second run with Node's zlib", () => {
    const once = scored(sample, NODE_CODEC);
    const twice = scored(once, NODE_CODEC);
    expect(Buffer.from(twice).equals(once)).toBe(true);
  });

  it("decompresses the unit sheet once while scoring and saving: streamed no further than a glance", async () => {
    const rows: SheetSpec["rows"] = [["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"]];
    for (let i = 1; i <= 8000; i++)
      rows.push([i, `Đơn vị số ${i}`, "Sở, ban, ngành", 60 + ((i * 37) % 400) / 10]);
    const bytes = await xlsxBytes([{ name: "Đơn vị", rows }]);
    const part = sheetPart(bytes, "Đơn vị");
    const sheet = rawEntries(bytes).find((e) => e.name === part);
    const sheetSize = partsOf(bytes).get(part)?.length;
    // Precondition: the sheet's compressed data spans several 64 KB pieces of the streamed reading.
    expect(sheet?.raw.length).toBeGreaterThan(2 * 64 * 1024);
    const inflated: number[] = [];
    const counting: ZipCodec = {
      ...NODE_CODEC,
      inflate: (data, size) => {
        inflated.push(size);
        return NODE_CODEC.inflate(data, size);
      },
    };
    // Every piece of compressed data the streamed reading decompresses, counted on fflate's Inflate.
    let streamed = 0;
    const push = fflate.Inflate.prototype.push;
    fflate.Inflate.prototype.push = function (this: fflate.Inflate, chunk: Uint8Array, final?: boolean) {
      streamed += chunk.length;
      push.call(this, chunk, final);
    };
    let result;
    try {
      const pkg = WorkbookPackage.open(bytes, "don-vi.xlsx", counting);
      result = scorePackage(pkg);
      pkg.save();
    } finally {
      fflate.Inflate.prototype.push = push;
    }
    expect(result.scores).toHaveLength(8000);
    expect(inflated.filter((size) => size === sheetSize)).toHaveLength(1);
    expect(streamed).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("ByteWriter", () => {
  it("writes what TextEncoder gives, for ASCII, Vietnamese, emoji, lone surrogates and long texts", () => {
    const pieces = [
      '<row r="1">',
      "Ủy ban nhân dân xã Đông Hưng",
      "",
      "😀 và \ud800 lẻ",
      "a".repeat(127),
      "b".repeat(128) + "ệ",
      "Đ".repeat(70_000),
      "x".repeat(200_000),
    ];
    for (let i = 0; i < 500; i++) pieces.push(`<c r="A${i}" s="3"><v>${i}</v></c>`, i % 7 ? "" : "Sở Nội vụ");
    const writer = new ByteWriter(16);
    for (const piece of pieces) writer.text(piece);
    expect(Buffer.from(writer.bytes()).equals(new TextEncoder().encode(pieces.join("")))).toBe(true);
  });
});
