/**
 * UTF-8 bytes written piece by piece into one growing buffer: a sheet of many thousand rows is encoded
 * as its rows are made, and never exists as one long string (nor as the many short strings it was built
 * from, which die young instead of piling up until a join).
 */
import { strToU8 } from "fflate";

/** Strings shorter than this are copied by hand when they are ASCII; longer ones by the platform. */
const SHORT = 128;
/** Strings this long are encoded apart, not into room reserved for their worst case. */
const LONG = 1 << 16;

const encoder = typeof TextEncoder === "undefined" ? undefined : new TextEncoder();

export class ByteWriter {
  private buffer: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 16) {
    this.buffer = new Uint8Array(capacity);
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(needed, Math.ceil(this.buffer.length * 1.5)));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  text(text: string): void {
    this.range(text, 0, text.length);
  }

  /** Bytes already encoded. */
  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** `text` from `from` to `to`, without cutting it out first. */
  range(text: string, from: number, to: number): void {
    const n = to - from;
    if (n >= SHORT) {
      this.encoded(text.slice(from, to));
      return;
    }
    this.reserve(n);
    const buffer = this.buffer;
    let at = this.length;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code >= 128) {
        this.length = at;
        this.encoded(text.slice(i, to));
        return;
      }
      buffer[at++] = code;
    }
    this.length = at;
  }

  /** A number as String(n) writes it; a whole one by its digits, without making a string of it. */
  number(n: number): void {
    if (!(n >= 0 && n < 0x80000000 && (n | 0) === n)) {
      this.text(String(n));
      return;
    }
    const digits = n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : n < 10000 ? 4 : n < 100000 ? 5 : 10;
    if (digits === 10) {
      this.text(String(n));
      return;
    }
    this.reserve(digits);
    const buffer = this.buffer;
    let at = this.length + digits;
    this.length = at;
    let rest = n;
    do {
      const tenth = (rest / 10) | 0;
      buffer[--at] = 48 + rest - tenth * 10;
      rest = tenth;
    } while (rest > 0);
  }

  private encoded(text: string): void {
    // A UTF-16 unit takes at most three bytes in UTF-8: room for that, unless the text is long.
    if (encoder && text.length < LONG) {
      this.reserve(text.length * 3);
      this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
      return;
    }
    const bytes = strToU8(text);
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /**
   * What was written; a copy only when the buffer has more room left than was written. A copy of a
   * sheet's bytes leaves the whole buffer behind until the collector's next full pass, which costs more
   * at the peak (some 20 MB for a 20,000-unit workbook) than the room a view keeps.
   */
  bytes(): Uint8Array {
    const written = this.buffer.subarray(0, this.length);
    return this.buffer.length > this.length * 2 + 4096 ? written.slice() : written;
  }
}
