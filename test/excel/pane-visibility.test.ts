/** @jest-environment jsdom */
/** Whether the pane is on screen: the page's visibility at start, then Office's visibility mode changes. */
import { paneVisibility, watchPaneVisibility } from "../../src/excel/pane-visibility";

type OfficeGlobal = { Office?: unknown };

afterEach(() => {
  delete (globalThis as OfficeGlobal).Office;
});

function withPageVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
}

it("says the page's visibility now, follows Office's visibility mode, and stops when asked", async () => {
  let handler: (message: { visibilityMode: string }) => void = () => undefined;
  const removed = jest.fn(() => Promise.resolve());
  (globalThis as OfficeGlobal).Office = {
    addin: {
      onVisibilityModeChanged: (h: typeof handler) => {
        handler = h;
        return Promise.resolve(removed);
      },
    },
  };
  withPageVisibility("hidden");
  const seen: boolean[] = [];
  expect(paneVisibility.now()).toBe(false);
  const stop = watchPaneVisibility((visible) => seen.push(visible));
  await Promise.resolve();
  handler({ visibilityMode: "Taskpane" });
  handler({ visibilityMode: "Hidden" });
  expect(seen).toEqual([true, false]);
  stop();
  await Promise.resolve();
  handler({ visibilityMode: "Taskpane" });
  expect(seen).toEqual([true, false]);
  expect(removed).toHaveBeenCalled();
});

it("falls back to the page's visibility where Office.addin is missing", () => {
  (globalThis as OfficeGlobal).Office = {};
  withPageVisibility("visible");
  expect(paneVisibility.now()).toBe(true);
  const seen: boolean[] = [];
  const stop = watchPaneVisibility((visible) => seen.push(visible));
  withPageVisibility("hidden");
  document.dispatchEvent(new Event("visibilitychange"));
  expect(seen).toEqual([false]);
  stop();
});
