// The React side of listWindow.ts: a virtualized list's rows in view, and the
// words a cut list ends with.

import { useEffect, useState, type RefObject } from "react";
import { plural } from "../timeline/words";
import { rowsInView } from "./listWindow";

/** The rows of `count` in the scroller's view, kept up to date as it scrolls or resizes. Hand `onScroll` to the scroller. */
export function useVirtualRows(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 8,
): { readonly first: number; readonly last: number; readonly onScroll: (e: { readonly currentTarget: HTMLElement }) => void } {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(300);
  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, [scroller]);
  const { first, last } = rowsInView(scrollTop, height, count, rowHeight, overscan);
  return { first, last, onScroll: (e) => setScrollTop(e.currentTarget.scrollTop) };
}

/** The end of a list cut at a limit: "Show 100 more (299,900 goroutines not shown)". */
export function ShowMore(p: {
  readonly hidden: number;
  readonly step: number;
  readonly noun: readonly [string, string];
  readonly onMore: () => void;
}) {
  if (p.hidden <= 0) return null;
  return (
    <button type="button" className="ghost small show-more" onClick={p.onMore}>
      Show {Math.min(p.step, p.hidden).toLocaleString("en")} more ({plural(p.hidden, p.noun[0], p.noun[1])} not shown)
    </button>
  );
}

/** The end of a run of chips cut at a limit: "and 99,988 more". */
export function AndMore(p: { readonly hidden: number }) {
  if (p.hidden <= 0) return null;
  return <span className="muted and-more">and {p.hidden.toLocaleString("en")} more</span>;
}
