/**
 * An unrelated sheet costs no more than its compressed bytes: a sheet whose first rows name no units is
 * not decompressed past them. Proved on a file whose log sheet is cut off after its first 100 KB of
 * compressed data (garbage follows): the run succeeds and copies the sheet raw. The same sheet with a
 * "Đơn vị" column may hold the unit table, is read whole, and the garbage is then found.
 */
import { unzipSync } from "fflate";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { mayHoldUnitTable } from "../../src/core/table-candidates";
import { UnusableInputError } from "../../src/core/problems";
import { rawEntries, sheetPart, scoredPackage } from "../helpers/package-parts";
import { xlsxBytes, type SheetSpec } from "../helpers/workbooks";

const LOG = "Nhật ký";

function unitSheet(): SheetSpec {
  const rows: SheetSpec["rows"] = [["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"]];
  for (let i = 1; i <= 6; i++) rows.push([i, `Đơn vị số ${i}`, "Sở, ban, ngành", 80 + i * 2]);
  return { name: "Đơn vị", rows };
}

/** Rows of text that compresses badly, so that the first 64 KB chunk of data holds only a few thousand. */
function logXml(header: string[], rows: number): string {
  let seed = 7;
  const noise = () => {
    let out = "";
    for (let i = 0; i < 24; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      out += (seed >>> 16).toString(36);
    }
    return out;
  };
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  xml += `<row r="1">${header.map((h, i) => cell(`${"ABC"[i]}1`, h)).join("")}</row>`;
  for (let r = 2; r <= rows; r++)
    xml += `<row r="${r}">${cell(`A${r}`, noise())}${cell(`B${r}`, noise())}</row>`;
  return xml;
}

/** A zip of raw deflate streams, written by hand so that one of them can be broken on purpose. */
function zipOfRaw(entries: { name: string; data: Uint8Array; size: number; crc: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, size, crc } of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30 + nameBytes.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    nameBytes.copy(local, 30);
    const central = Buffer.alloc(46 + nameBytes.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    nameBytes.copy(central, 46);
    locals.push(local, Buffer.from(data));
    centrals.push(central);
    offset += local.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The workbook with its log sheet replaced by a deflate stream that breaks after 4,000 rows. */
async function withBrokenLog(header: string[]): Promise<{ input: Uint8Array; logPart: string }> {
  const base = await xlsxBytes([unitSheet(), { name: LOG, rows: [header] }]);
  const logPart = sheetPart(base, LOG);
  const files = unzipSync(base);
  const entries = Object.entries(files).map(([name, content]) => {
    if (name !== logPart) {
      return { name, data: deflateRawSync(content), size: content.length, crc: crc32(content) };
    }
    const head = Buffer.from(logXml(header, 4000), "utf8");
    // A stream that does not end: a sync flush, then bytes no inflater accepts (block type 3).
    const data = Buffer.concat([
      deflateRawSync(head, { finishFlush: constants.Z_SYNC_FLUSH }),
      Buffer.alloc(4096, 0xff),
    ]);
    return { name, data, size: head.length + 4096, crc: 0 };
  });
  return { input: zipOfRaw(entries), logPart };
}

const score = (bytes: Uint8Array) => scoredPackage(bytes);

describe("a sheet that cannot hold the unit table", () => {
  it("is read no further than its first rows, and copied raw", async () => {
    const { input, logPart } = await withBrokenLog(["Thời điểm", "Người dùng", "Thao tác"]);
    // Well past the first 64 KB chunk the glance decompresses: a whole read would meet the garbage.
    expect(rawEntries(input).find((e) => e.name === logPart)?.raw.length).toBeGreaterThan(100_000);
    const output = score(input);
    const raw = (bytes: Uint8Array) => rawEntries(bytes).find((e) => e.name === logPart)?.raw;
    expect(Buffer.from(raw(output) as Uint8Array).equals(Buffer.from(raw(input) as Uint8Array))).toBe(true);
  });

  it("is read whole when its first rows name units, and then its damage is reported", async () => {
    const { input } = await withBrokenLog(["Thời điểm", "Đơn vị", "Thao tác"]);
    expect(() => score(input)).toThrow(UnusableInputError);
  });

  it("is told apart by the cells that name the units, alone, so that merges cannot hide one", () => {
    const grid = (texts: string[][]) => ({ name: "x", values: texts, formats: [] });
    expect(mayHoldUnitTable(grid([["Thời điểm", "Người dùng", "Thao tác", "Ghi chú"]]))).toBe(false);
    expect(mayHoldUnitTable(grid([[], ["", "Tên", "Điểm"], ["", "đơn vị", ""]]))).toBe(true);
    expect(mayHoldUnitTable(grid([["Cơ quan"]]))).toBe(true);
    expect(mayHoldUnitTable(grid([["ten_coquan", "tong_score"]]))).toBe(true);
    expect(mayHoldUnitTable(grid([["Đơn vị tính"]]))).toBe(true);
    // A note that mentions units is no header: a sheet of such notes is not read past its first rows.
    const note = "Ghi chú về tiến độ giải quyết hồ sơ thủ tục hành chính của đơn vị. ".repeat(2);
    expect(mayHoldUnitTable(grid([[note]]))).toBe(false);
    expect(mayHoldUnitTable(grid([[note]]), { headerRow: 60 })).toBe(true);
  });
});
