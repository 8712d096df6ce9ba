/**
 * The page's side of the workbook worker (page-book.ts) against the worker's own code
 * (workbook-worker.ts), run in this process behind a stand-in Worker whose messages are cloned as a
 * browser clones them: the same files as the page's thread gives, errors that keep their words, a
 * refused score that leaves the file as it was, and a score that is the analysis's run answered with the
 * result the page already holds.
 */
import { readFileSync } from "node:fs";
import { UnusableInputError, UserFacingError } from "../../src/core/problems";
import type { RunResult } from "../../src/core/run";
import { bookInWorker, WorkerUnavailable, type PageBook } from "../../src/taskpane/page-book";
import type { WorkbookAnswer, WorkbookRequest } from "../../src/taskpane/workbook-protocol";
import { PAGE_CODEC } from "../../src/xlsx/package/codec";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { saveWorkbook } from "../exceljs/workbook";
import { generatedWorkbook } from "../excel/fixtures";
import { SAMPLE } from "../helpers/workbooks";

const NAME = "theo-doi-thi-dua-kstthc-2023.xlsx";
const sample = () => new Uint8Array(readFileSync(SAMPLE));

/** The worker's global scope, as workbook-worker.ts sees it. */
const scope: {
  onmessage: ((event: { data: WorkbookRequest }) => void) | null;
  postMessage: (answer: WorkbookAnswer) => void;
} = { onmessage: null, postMessage: () => undefined };
/** The kinds of answer the worker sent, in order. */
let answers: string[] = [];

/** A Worker whose other side is workbook-worker.ts in this process; each message is cloned, as it would be. */
class StandInWorker {
  onmessage: ((event: { data: WorkbookAnswer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor() {
    scope.postMessage = (answer) => {
      answers.push(answer.kind);
      const copy = structuredClone(answer);
      setTimeout(() => this.onmessage?.({ data: copy }), 0);
    };
  }
  postMessage(request: WorkbookRequest): void {
    const copy = structuredClone(request);
    setTimeout(() => scope.onmessage?.({ data: copy }), 0);
  }
  terminate(): void {
    scope.postMessage = () => undefined;
  }
}

beforeAll(async () => {
  (globalThis as unknown as { self: typeof scope }).self = scope;
  (globalThis as unknown as { Worker: unknown }).Worker = StandInWorker;
  // The worker's module sets its handler on `self` as it loads.
  await import("../../src/taskpane/workbook-worker");
});

beforeEach(() => (answers = []));

const open = (bytes: Uint8Array, name = NAME): Promise<PageBook> => bookInWorker("/* worker */", name, bytes);

function fresh(bytes: Uint8Array, name = NAME): Buffer {
  const pkg = WorkbookPackage.open(bytes, name, PAGE_CODEC);
  scorePackage(pkg, { fileName: name });
  return Buffer.from(pkg.save());
}

const proposed = (result: RunResult) => result.scores.filter((s) => s.eligible).map((s) => s.unit.name);

describe("the workbook worker and the page's side of it", () => {
  it("scores as the page's thread does; the analysis's run comes back as the page's own result", async () => {
    const book = await open(sample());
    expect(book.sheetNames()).toEqual(["Theo dõi 2023"]);
    expect(book.format.extension).toBe(".xlsx");
    const analysis = await book.analyse({});
    // Only the sheets the run would write cross over, not their cells.
    expect(analysis.plan.sheets.every((s) => s.blocks.length === 0)).toBe(true);
    const result = await book.score({ output: "values" });
    expect(answers).toEqual(["opened", "result", "analysisResult", "saved"]);
    expect(result).not.toBe(analysis);
    expect(result.scores).toBe(analysis.scores);
    const bytes = await book.saved();
    expect(book.savedNow()).toBe(bytes);
    expect(Buffer.from(bytes).equals(fresh(sample()))).toBe(true);

    // Scoring its own output again reads it afresh, as the CLI's second run does.
    answers = [];
    const again = await book.score({});
    expect(answers).toEqual(["result", "saved"]);
    expect(proposed(again)).toEqual(proposed(result));
    expect(Buffer.from(await book.saved()).equals(fresh(bytes))).toBe(true);
    book.close();
  });

  it("refuses a protected sheet in the user's words and leaves the file as it was", async () => {
    const bytes = await saveWorkbook(await generatedWorkbook(12, { protectSheet: true }));
    const book = await open(bytes, "bao-ve.xlsx");
    const refusal = book.score({});
    await expect(refusal).rejects.toThrow(/đang được bảo vệ \(Protect Sheet\)/);
    await expect(refusal).rejects.toBeInstanceOf(UserFacingError);
    expect(await book.saved()).toEqual(bytes);
    expect(book.savedNow()).toEqual(bytes);
    // A failed change does not stop the next one.
    await expect(book.analyse({})).resolves.toBeDefined();
    book.close();
  });

  it("says why bytes that are no workbook cannot be opened, as the page's thread does", async () => {
    const opening = open(new TextEncoder().encode("không phải tệp Excel"), "ghi-chu.xlsx");
    await expect(opening).rejects.toBeInstanceOf(UnusableInputError);
  });

  it("tells a worker the page's policy refused (an error before any answer) from a file it cannot open", async () => {
    const Refused = class {
      onerror: ((event: { message?: string; preventDefault(): void }) => void) | null = null;
      postMessage(): void {
        // What Chromium does when worker-src does not allow blob:: an error event, no answer.
        setTimeout(() => this.onerror?.({ preventDefault: () => undefined }), 0);
      }
      terminate(): void {}
    };
    const standIn = (globalThis as unknown as { Worker: unknown }).Worker;
    (globalThis as unknown as { Worker: unknown }).Worker = Refused;
    try {
      await expect(open(sample())).rejects.toBeInstanceOf(WorkerUnavailable);
    } finally {
      (globalThis as unknown as { Worker: unknown }).Worker = standIn;
    }
  });
});
