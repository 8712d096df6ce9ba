/** @jest-environment jsdom */
/**
 * Whether the pane is on screen: hidden until Office's visibility mode or the user's hand says otherwise,
 * whatever document.visibilityState says (an iframe's follows the page around it).
 */
import { paneVisibility, watchPaneVisibility } from "../../src/excel/pane-visibility";

type OfficeGlobal = { Office?: unknown };

afterEach(() => {
  delete (globalThis as OfficeGlobal).Office;
});

function withPageVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
}

it("counts as hidden at start even where the page says it is visible", () => {
  withPageVisibility("visible");
  expect(paneVisibility.now()).toBe(false);
});

it("follows Office's visibility mode, and stops when asked", async () => {
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
  const seen: boolean[] = [];
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

it("counts the user's hand in the page as on screen, once per showing, and ignores the page's visibility", () => {
  (globalThis as OfficeGlobal).Office = {};
  const seen: boolean[] = [];
  const stop = watchPaneVisibility((visible) => seen.push(visible));
  withPageVisibility("visible");
  document.dispatchEvent(new Event("visibilitychange"));
  expect(seen).toEqual([]);
  document.body.dispatchEvent(new Event("pointermove", { bubbles: true }));
  document.body.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true }));
  expect(seen).toEqual([true]);
  stop();
  document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
  expect(seen).toEqual([true]);
});
