/**
 * Keyboard users keep their place: when what they acted on goes away (the button of a file chooser, the
 * "Tính điểm" button disabled while it runs), focus moves to what came of it rather than to the page's
 * body. The element gets tabIndex -1: focusable by the page, not a stop of its own for Tab.
 */
import { useEffect, useRef } from "react";

/** A ref whose element takes the focus when it appears and whenever `cause` changes. */
export function useFocusHere<T extends HTMLElement>(cause?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [cause]);
  return ref;
}
