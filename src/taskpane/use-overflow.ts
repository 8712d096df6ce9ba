/**
 * Whether a box is narrower than what it holds, kept up to date as the pane is resized: a table or a chart
 * that scrolls sideways in its own box says so in words, since narrow panes often hide scroll bars.
 */
import { useEffect, useRef, useState } from "react";

export function useSidewaysOverflow<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    measure();
    // jsdom has no ResizeObserver of its own (the tests give an inert one): measured once there.
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return { ref, overflows };
}
