/**
 * Asks the browser to confirm leaving the page while `active`: a file scored in the page and not yet
 * downloaded lives only in this tab, and closing it would lose the work without a word.
 */
import { useEffect } from "react";

export function useLeaveWarning(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      // Browsers show their own sentence; preventDefault is what asks for it (returnValue for older ones).
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [active]);
}
