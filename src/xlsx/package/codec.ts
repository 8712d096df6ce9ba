/**
 * How a zip entry's data is compressed, decompressed and checked. The portable codec (fflate) runs in the
 * browser and in Node alike; the CLI passes Node's zlib, native and about twice as fast, which gives
 * other compressed bytes for the same parts (both are valid DEFLATE; a second run of either is identical).
 */
import { deflateSync, inflateSync } from "fflate";

export interface ZipCodec {
  /** Raw DEFLATE (no zlib header), as a zip entry holds it. */
  deflate(data: Uint8Array): Uint8Array;
  /** Raw DEFLATE back to `size` bytes. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  crc32(data: Uint8Array): number;
  /**
   * The same DEFLATE as `deflate`, made off the main thread (Node's thread pool), so that a large part
   * is compressed while the next one is being written.
   */
  deflateLater?(data: Uint8Array): Promise<Uint8Array>;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export const PORTABLE_CODEC: ZipCodec = {
  deflate: (data) => deflateSync(data, { level: 6 }),
  inflate: (data, size) => inflateSync(data, { out: new Uint8Array(size) }),
  crc32,
};
