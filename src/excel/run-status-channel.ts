/**
 * How the ribbon's "Tính điểm" tells the task pane how it went. Kept on the page's global object, not in
 * a module variable: each webpack entry (taskpane, functions, commands) carries its own copy of the
 * modules it imports, but all three share the one page of the shared runtime.
 */
import type { RunStatus } from "../core/run-status";

/** The DOM event fired on the page whenever the status changes. */
const RUN_STATUS_EVENT = "kstthc:run-status";
const KEY = "__kstthcRunStatus";

type Holder = { [KEY]?: RunStatus };

export function publishRunStatus(status: RunStatus): void {
  (globalThis as Holder)[KEY] = status;
  if (typeof globalThis.dispatchEvent === "function" && typeof CustomEvent === "function") {
    globalThis.dispatchEvent(new CustomEvent(RUN_STATUS_EVENT, { detail: status }));
  }
}

function lastRunStatus(): RunStatus | undefined {
  return (globalThis as Holder)[KEY];
}

/**
 * Calls `listener` with the last status at once (a run may have ended before anyone listened), then with
 * each new one; returns the function that stops listening.
 */
export function onRunStatus(listener: (status: RunStatus | undefined) => void): () => void {
  listener(lastRunStatus());
  const handle = (event: Event) => listener((event as CustomEvent<RunStatus>).detail);
  globalThis.addEventListener(RUN_STATUS_EVENT, handle);
  return () => globalThis.removeEventListener(RUN_STATUS_EVENT, handle);
}
