/**
 * The workbook worker: reads, scores and saves the opened .xlsx file off the page's thread, so that the
 * page keeps drawing (its progress bar, its buttons) while 20,000 units are worked. Bundled on its own
 * and inlined into the page as text (scripts/single-file.ts); requests are answered one at a time.
 */
import { WorkbookFile } from "../xlsx/workbook-file";
import { errorData, slimResult, type WorkbookAnswer, type WorkbookRequest } from "./workbook-protocol";

declare const self: {
  onmessage: ((event: { data: WorkbookRequest }) => void) | null;
  postMessage(answer: WorkbookAnswer, transfer?: Transferable[]): void;
};

let book: WorkbookFile | undefined;
let queue: Promise<unknown> = Promise.resolve();

const opened = () => {
  if (!book) throw new Error("No workbook is open.");
  return book;
};

function saved(id: number, file: WorkbookFile): void {
  // A copy: the worker keeps its own bytes for the next change, the page gets this one to keep.
  const bytes = file.bytes.slice();
  self.postMessage({ id, kind: "saved", bytes, sheetNames: file.sheetNames() }, [bytes.buffer]);
}

async function answer(request: WorkbookRequest): Promise<void> {
  const { id } = request;
  switch (request.op) {
    case "open":
      book = await WorkbookFile.open(request.bytes, request.name);
      self.postMessage({ id, kind: "opened", format: book.format, sheetNames: book.sheetNames() });
      return;
    case "analyse":
      self.postMessage({ id, kind: "result", result: slimResult(opened().analyse(request.options)) });
      return;
    case "score": {
      const file = opened();
      // The result goes to the page before the file is compressed: the page draws it meanwhile.
      await file.score(request.options, (result, fromAnalysis) =>
        self.postMessage(
          fromAnalysis ? { id, kind: "analysisResult" } : { id, kind: "result", result: slimResult(result) },
        ),
      );
      saved(id, file);
      return;
    }
    case "writeCriteria": {
      const file = opened();
      await file.writeCriteria(request.criteria, request.settings);
      saved(id, file);
      return;
    }
  }
}

self.onmessage = ({ data }) => {
  queue = queue
    .then(() => answer(data))
    .catch((error: unknown) => self.postMessage({ id: data.id, kind: "failed", error: errorData(error) }));
};
