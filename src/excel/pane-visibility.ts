/// <reference types="office-js" />
/**
 * Whether the task pane is on screen. The shared runtime's page also runs hidden (custom functions, a
 * ribbon command); Office.addin.onVisibilityModeChanged (SharedRuntime 1.1) says when the pane is shown
 * or hidden. Office gives no call for the state at start, so the page's own visibility (the Page
 * Visibility API, document.visibilityState) stands for it until the first change.
 */

/** The pane's port takes this as its `visibility` (src/taskpane/port.ts, PaneVisibility). */
export const paneVisibility = {
  now: () => document.visibilityState === "visible",
  watch: watchPaneVisibility,
};

/** Calls `listener` on each change of the pane's visibility; returns the function that stops it. */
export function watchPaneVisibility(listener: (visible: boolean) => void): () => void {
  let stopped = false;
  let removeOffice: (() => Promise<void>) | undefined;
  const tell = (visible: boolean) => {
    if (!stopped) listener(visible);
  };
  const onPage = () => tell(document.visibilityState === "visible");
  document.addEventListener("visibilitychange", onPage);
  try {
    void Office.addin
      .onVisibilityModeChanged((message) => tell(message.visibilityMode === "Taskpane"))
      .then((remove) => {
        if (stopped) void remove();
        else removeOffice = remove;
      })
      .catch(() => undefined);
  } catch {
    // Without SharedRuntime (not a host the manifest allows): the page's visibility alone.
  }
  return () => {
    stopped = true;
    document.removeEventListener("visibilitychange", onPage);
    void removeOffice?.().catch(() => undefined);
  };
}
