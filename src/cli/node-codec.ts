/** The zip codec of the CLI: Node's zlib (native) instead of the portable one the web page uses. */
import { crc32, deflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";
import type { ZipCodec } from "../xlsx/package/codec";

export const NODE_CODEC: ZipCodec = {
  deflate: (data) => deflateRawSync(data, { level: 6 }),
  inflate: (data) => inflateRawSync(data),
  crc32: (data) => crc32(data),
  // One call with the whole input, as deflateRawSync makes it: the same bytes, from the thread pool.
  deflateLater: (data) =>
    new Promise((resolve, reject) =>
      deflateRaw(data, { level: 6 }, (error, out) => (error ? reject(error) : resolve(out))),
    ),
};
