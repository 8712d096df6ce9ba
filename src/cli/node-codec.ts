/** The zip codec of the CLI: Node's zlib (native) instead of the portable one the web page uses. */
import { crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../xlsx/package/codec";

export const NODE_CODEC: ZipCodec = {
  deflate: (data) => deflateRawSync(data, { level: 6 }),
  inflate: (data) => inflateRawSync(data),
  crc32: (data) => crc32(data),
};
