// The wait-for graph's zoom and pan, wired to the DOM: Ctrl/⌘+wheel (and a
// trackpad pinch) zooms about the pointer, the wheel and a drag pan, the
// buttons zoom about the centre and fit. The decisions are graphViewport.ts's.

import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent, type PointerEvent, type RefObject } from "react";
import { fitView, panView, viewForLayout, wheelZoomFactor, zoomView, ZOOM_STEP, type GraphView, type Size } from "./graphViewport";
import type { GraphLayout } from "./waitForGraphLayout";

/** A press that moves this far is a drag (a pan), not a click. */
const DRAG_FROM_PX = 3;

export interface GraphViewControls {
  readonly view: GraphView | undefined;
  readonly panning: boolean;
  readonly zoomIn: () => void;
  readonly zoomOut: () => void;
  readonly fit: () => void;
  /** For the canvas element. */
  readonly pointer: {
    readonly onPointerDown: (e: PointerEvent<HTMLElement>) => void;
    readonly onPointerMove: (e: PointerEvent<HTMLElement>) => void;
    readonly onPointerUp: (e: PointerEvent<HTMLElement>) => void;
    readonly onPointerCancel: (e: PointerEvent<HTMLElement>) => void;
    readonly onClickCapture: (e: MouseEvent<HTMLElement>) => void;
  };
}

export function useGraphView(layout: GraphLayout | undefined, viewport: Size, canvas: RefObject<HTMLElement | null>): GraphViewControls {
  const [stored, setView] = useState<GraphView | undefined>(undefined);
  const nodes = useMemo(() => layout?.nodes.map((n) => n.key) ?? [], [layout]);
  // The view follows the layout in the same render (React's "state from the previous render"), so a new layout never shows a frame with the old transform.
  const view =
    layout === undefined || viewport.width === 0
      ? stored
      : viewForLayout(stored, nodes, { width: layout.width, height: layout.height }, viewport);
  if (view !== stored) setView(view);
  const latest = useRef(view);
  latest.current = view;

  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const onWheel = (e: WheelEvent): void => {
      const v = latest.current;
      if (v === undefined) return;
      const r = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        // Also keeps the browser from zooming the whole page.
        e.preventDefault();
        setView(zoomView(v, wheelZoomFactor(e.deltaY, e.deltaMode), { x: e.clientX - r.left, y: e.clientY - r.top }));
        return;
      }
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? r.height : 1;
      const [dx, dy] = e.shiftKey && e.deltaX === 0 ? [e.deltaY, 0] : [e.deltaX, e.deltaY];
      const next = panView(v, -dx * unit, -dy * unit);
      if (next === v) return;
      e.preventDefault();
      setView(next);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [canvas]);

  const drag = useRef<{ id: number; x: number; y: number; moved: boolean } | undefined>(undefined);
  const suppressClick = useRef(false);
  const [panning, setPanning] = useState(false);
  const end = useCallback((e: PointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (d === undefined || d.id !== e.pointerId) return;
    suppressClick.current = d.moved;
    drag.current = undefined;
    setPanning(false);
  }, []);
  const pointer = useMemo(
    () => ({
      onPointerDown: (e: PointerEvent<HTMLElement>) => {
        if (e.button !== 0) return;
        drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
        suppressClick.current = false;
      },
      onPointerMove: (e: PointerEvent<HTMLElement>) => {
        const d = drag.current;
        if (d === undefined || d.id !== e.pointerId) return;
        const dx = e.clientX - d.x;
        const dy = e.clientY - d.y;
        if (!d.moved) {
          if (Math.hypot(dx, dy) < DRAG_FROM_PX) return;
          d.moved = true;
          e.currentTarget.setPointerCapture(e.pointerId);
          setPanning(true);
        }
        d.x = e.clientX;
        d.y = e.clientY;
        setView((v) => (v === undefined ? v : panView(v, dx, dy)));
      },
      onPointerUp: end,
      onPointerCancel: end,
      // A drag that ends on a node does not select it.
      onClickCapture: (e: MouseEvent<HTMLElement>) => {
        if (!suppressClick.current) return;
        suppressClick.current = false;
        e.stopPropagation();
      },
    }),
    [end],
  );
  const step = useCallback((factor: number) => setView((v) => (v === undefined ? v : zoomView(v, factor))), []);
  return {
    view,
    panning,
    zoomIn: useCallback(() => step(ZOOM_STEP), [step]),
    zoomOut: useCallback(() => step(1 / ZOOM_STEP), [step]),
    fit: useCallback(() => setView((v) => (v === undefined ? v : fitView(v))), []),
    pointer,
  };
}
