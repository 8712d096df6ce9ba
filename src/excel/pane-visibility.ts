/// <reference types="office-js" />
/**
 * Whether the task pane is on screen. The shared runtime's page also runs hidden (custom functions, a
 * ribbon command), and Office gives no call for the state at start: `document.visibilityState` is no
 * answer, since an iframe's follows the page around it (Excel on the web) and a hidden runtime's page may
 * count as visible. So the pane counts as hidden until told otherwise, by
 * - Office.addin.onVisibilityModeChanged (SharedRuntime 1.1), which Microsoft documents for the add-in's
 *   own showAsTaskpane()/hide() ("Show or hide the task pane of your Office Add-in"), or
 * - the user's hand in the page (a pointer, a key, focus, a wheel), which only a pane on screen receives:
 *   the pane opened from the ribbon's "Bảng điều khiển" starts read as soon as the user reaches it.
 * The workbook is then never read for a hidden runtime, on any host (the ribbon's "Tính điểm" reads it
 * itself, because the user asked).
 */

/** Events only a page on screen receives. */
const INTERACTIONS = ["pointerdown", "pointermove", "keydown", "focusin", "wheel", "touchstart"] as const;

/** The pane's port takes this as its `visibility` (src/taskpane/port.ts, PaneVisibility). */
export const paneVisibility = {
  now: () => false,
  watch: watchPaneVisibility,
};

/** Calls `listener` on each change of the pane's visibility; returns the function that stops it. */
export function watchPaneVisibility(listener: (visible: boolean) => void): () => void {
  let stopped = false;
  let last = false;
  let removeOffice: (() => Promise<void>) | undefined;
  const tell = (visible: boolean) => {
    if (stopped || visible === last) return;
    last = visible;
    listener(visible);
  };
  const onHand = () => tell(true);
  for (const type of INTERACTIONS) document.addEventListener(type, onHand, { capture: true, passive: true });
  try {
    void Office.addin
      .onVisibilityModeChanged((message) => tell(message.visibilityMode === "Taskpane"))
      .then((remove) => {
        if (stopped) void remove();
        else removeOffice = remove;
      })
      .catch(() => undefined);
  } catch {
    // Without SharedRuntime (not a host the manifest allows): the user's hand alone.
  }
  return () => {
    stopped = true;
    for (const type of INTERACTIONS) document.removeEventListener(type, onHand, { capture: true });
    void removeOffice?.().catch(() => undefined);
  };
}
