/**
 * Splits the writes into requests (one `context.sync()` each) that stay under Excel's payload limit:
 * Excel on the web refuses a request above 5 MB, so no request is packed above `TARGET_REQUEST_BYTES`
 * of queued data, leaving room for the envelope Office.js adds around each operation.
 */

export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const TARGET_REQUEST_BYTES = 3 * 1024 * 1024;

/** UTF-8 bytes of a string: what the JSON of a request weighs on the wire (Vietnamese letters take 2–3). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** One indivisible write: a few small operations on one object. */
interface AtomicStep {
  kind: "atomic";
  /** Says in Vietnamese what this step wrote, for the report of a write that stopped half-way. */
  label: string;
  bytes: number;
  queue: () => void;
}

/** Rows of a block that may be written in several requests, each row weighing `rowBytes[i]`. */
interface RowsStep {
  kind: "rows";
  label: (from: number, to: number) => string;
  rowBytes: number[];
  /** Queues rows from..to (0-based within the block, inclusive). */
  queue: (from: number, to: number) => void;
}

export type WriteStep = AtomicStep | RowsStep;

interface WriteRequest {
  bytes: number;
  labels: string[];
  queue: (() => void)[];
}

/**
 * Packs the steps, in order, into requests of at most `budget` bytes; a rows step fills what is left of
 * the current request and goes on in the next. Order is kept, so values written before formats stay so.
 */
export function packRequests(steps: WriteStep[], budget: number = TARGET_REQUEST_BYTES): WriteRequest[] {
  const requests: WriteRequest[] = [];
  let current: WriteRequest = { bytes: 0, labels: [], queue: [] };
  const flush = () => {
    if (current.queue.length > 0) requests.push(current);
    current = { bytes: 0, labels: [], queue: [] };
  };
  for (const step of steps) {
    if (step.kind === "atomic") {
      if (current.bytes + step.bytes > budget) flush();
      current.bytes += step.bytes;
      current.labels.push(step.label);
      current.queue.push(step.queue);
      continue;
    }
    let from = 0;
    while (from < step.rowBytes.length) {
      let to = from - 1;
      let bytes = 0;
      while (to + 1 < step.rowBytes.length && current.bytes + bytes + step.rowBytes[to + 1] <= budget) {
        bytes += step.rowBytes[++to];
      }
      if (to < from) {
        // No row fits: start a new request, or send the row alone if even an empty request is too small.
        if (current.queue.length > 0) {
          flush();
          continue;
        }
        to = from;
        bytes = step.rowBytes[from];
      }
      const [a, b] = [from, to];
      current.bytes += bytes;
      current.labels.push(step.label(a, b));
      current.queue.push(() => step.queue(a, b));
      from = to + 1;
    }
  }
  flush();
  return requests;
}

/** Lets the host breathe between requests: the desktop host restarts an add-in silent for 5 seconds. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
