// The React side of listWindow.ts: a virtualized list's rows in view, and the
// words a cut list ends with.

import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { plural } from "../timeline/words";
import { rowsInView, scrollToShow } from "./listWindow";

/**
 * The rows of `count` in the scroller's view, kept up to date as it scrolls or
 * resizes. Hand `onScroll` to the scroller. `follow`: a row to bring into view
 * whenever it changes (the playhead's); the rows rendered are those at the
 * position it scrolls to, in the same frame, so a list that keeps jumping to
 * its newest row while a run streams in is never painted blank.
 */
export function useVirtualRows(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan = 8,
  follow = -1,
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
  // The row last brought into view: a user scrolling away from it is left alone until it moves.
  const followed = useRef(-1);
  const target = follow >= 0 && follow !== followed.current ? scrollToShow(scrollTop, height, follow * rowHeight, rowHeight) : undefined;
  useLayoutEffect(() => {
    followed.current = follow;
    const el = scroller.current;
    if (target === undefined || el === null) return;
    el.scrollTop = target;
    setScrollTop(el.scrollTop);
  }, [follow, target, scroller]);
  const { first, last } = rowsInView(target ?? scrollTop, height, count, rowHeight, overscan);
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
