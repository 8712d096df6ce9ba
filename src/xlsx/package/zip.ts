/**
 * The .xlsx zip container, read and written entry by entry. An entry the tool does not change is copied
 * as its raw bytes (local header, compressed data, descriptor and central record), so that it comes out
 * byte for byte as it went in, in the same order; only changed and new entries are compressed again.
 * Runs in Node and in the browser; the codec says how data is (de)compressed.
 */
import { DecodeUTF8, Inflate, strFromU8, strToU8 } from "fflate";
import type { ZipCodec } from "./codec";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const DESCRIPTOR = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  /** The central directory record, raw. */
  central: Uint8Array;
}

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function findEnd(bytes: Uint8Array, dv: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) if (dv.getUint32(i, true) === END) return i;
  throw new ZipFormatError("no end of central directory");
}

/** The entries of a zip, in the order of its central directory. */
export function readEntries(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const end = findEnd(bytes, dv);
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError("zip64 is not supported");
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL)
      throw new ZipFormatError("bad directory");
    const nameLength = dv.getUint16(at + 28, true);
    const length = 46 + nameLength + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
    entries.push({
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      crc: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      localOffset: dv.getUint32(at + 42, true),
      central: bytes.subarray(at, at + length),
    });
    at += length;
  }
  return entries;
}

function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const dv = view(bytes);
  const at = entry.localOffset;
  if (dv.getUint32(at, true) !== LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
  return at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
}

function compressed(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const start = dataStart(bytes, entry);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** The whole local record of an entry: header, data and, when flagged, its data descriptor. */
function localRecord(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  let end = dataStart(bytes, entry) + entry.compressedSize;
  if (entry.flags & 8)
    end += end + 4 <= bytes.length && view(bytes).getUint32(end, true) === DESCRIPTOR ? 16 : 12;
  return bytes.subarray(entry.localOffset, end);
}

export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, codec: ZipCodec): Uint8Array {
  if (entry.flags & 1) throw new ZipFormatError("encrypted entry");
  const data = compressed(bytes, entry);
  if (entry.method === STORED) return data;
  if (entry.method === DEFLATED) return codec.inflate(data, entry.size);
  throw new ZipFormatError(`unsupported method ${entry.method}`);
}

const CHUNK = 64 * 1024;

/**
 * Hands the entry's text to `onText` piece by piece, without ever holding the whole of it; `onText`
 * returns false to stop early (the rest is not even decompressed).
 */
export function streamEntryText(bytes: Uint8Array, entry: ZipEntry, onText: (text: string) => boolean): void {
  const data = compressed(bytes, entry);
  if (entry.method === STORED) {
    onText(strFromU8(data));
    return;
  }
  if (entry.method !== DEFLATED) throw new ZipFormatError(`unsupported method ${entry.method}`);
  let going = true;
  const decoder = new DecodeUTF8((text) => {
    if (going) going = onText(text);
  });
  const inflate = new Inflate((chunk, final) => {
    if (going) decoder.push(chunk, final);
  });
  for (let at = 0; at < data.length && going; at += CHUNK) {
    const end = Math.min(data.length, at + CHUNK);
    inflate.push(data.subarray(at, end), end === data.length);
  }
}

// ---------------------------------------------------------------------------------------------- writing

/** 1980-01-01 00:00, the zip epoch: a new entry carries no time, so that two runs give the same bytes. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface Written {
  local: Uint8Array[];
  central: Uint8Array;
}

function newEntry(
  name: string,
  content: Uint8Array,
  offset: number,
  codec: ZipCodec,
  deflated: ReadonlyMap<Uint8Array, Uint8Array>,
  like?: ZipEntry,
): Written {
  const nameBytes = strToU8(name);
  const data = deflated.get(content) ?? codec.deflate(content);
  const crc = codec.crc32(content);
  const time = like ? view(like.central).getUint16(12, true) : 0;
  const date = like ? view(like.central).getUint16(14, true) : DOS_DATE;
  const header = new Uint8Array(30 + nameBytes.length);
  const h = view(header);
  h.setUint32(0, LOCAL, true);
  h.setUint16(4, 20, true);
  h.setUint16(6, 0, true);
  h.setUint16(8, DEFLATED, true);
  h.setUint16(10, time, true);
  h.setUint16(12, date, true);
  h.setUint32(14, crc, true);
  h.setUint32(18, data.length, true);
  h.setUint32(22, content.length, true);
  h.setUint16(26, nameBytes.length, true);
  header.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const c = view(central);
  c.setUint32(0, CENTRAL, true);
  c.setUint16(4, 20, true);
  c.setUint16(6, 20, true);
  c.setUint16(10, DEFLATED, true);
  c.setUint16(12, time, true);
  c.setUint16(14, date, true);
  c.setUint32(16, crc, true);
  c.setUint32(20, data.length, true);
  c.setUint32(24, content.length, true);
  c.setUint16(28, nameBytes.length, true);
  c.setUint32(42, offset, true);
  central.set(nameBytes, 46);
  return { local: [header, data], central };
}

function copiedEntry(bytes: Uint8Array, entry: ZipEntry, offset: number): Written {
  const central = entry.central.slice();
  view(central).setUint32(42, offset, true);
  return { local: [localRecord(bytes, entry)], central };
}

/**
 * A new zip, as the pieces to write one after the other: the entries of `bytes` in their order, each
 * copied raw (a view into `bytes`, not a copy) unless `changed` has new content for it (or null to leave
 * it out), then the `added` entries. A writer that takes pieces never holds the file twice. `deflated`
 * holds contents already compressed (by `codec.deflateLater`), the others are compressed here.
 */
export function writeZipPieces(
  bytes: Uint8Array,
  entries: ZipEntry[],
  changed: Map<string, Uint8Array | null>,
  added: [string, Uint8Array][],
  codec: ZipCodec,
  deflated: ReadonlyMap<Uint8Array, Uint8Array> = new Map(),
): Uint8Array[] {
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const put = (written: Written) => {
    centrals.push(written.central);
    for (const part of written.local) {
      parts.push(part);
      offset += part.length;
    }
  };
  for (const entry of entries) {
    const content = changed.get(entry.name);
    if (content === null) continue;
    put(
      content
        ? newEntry(entry.name, content, offset, codec, deflated, entry)
        : copiedEntry(bytes, entry, offset),
    );
  }
  for (const [name, content] of added) put(newEntry(name, content, offset, codec, deflated));
  const directoryOffset = offset;
  let directorySize = 0;
  for (const central of centrals) {
    parts.push(central);
    directorySize += central.length;
  }
  const end = new Uint8Array(22);
  const e = view(end);
  e.setUint32(0, END, true);
  e.setUint16(8, centrals.length, true);
  e.setUint16(10, centrals.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, directoryOffset, true);
  parts.push(end);
  return parts;
}

/** The pieces joined into one array. */
export function joinPieces(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
