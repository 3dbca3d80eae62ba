// The timeline's input: d3-zoom kept in step with the controlled window, the
// wheel (zoom, sideways pan, lane scroll), drags on the axis (the playhead)
// and the overview (the window), hover, click and double click, all turned
// into the controlled callbacks or into requests to the view that owns it.

import { scaleLinear, select, zoom, zoomIdentity, type D3ZoomEvent, type ScaleLinear, type ZoomBehavior } from "d3";
import { eventIndex, type EventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { axisValueOfEvent, eventAtAxisValue, timeWindow } from "./axisScale";
import type { AxisValue } from "./contract";
import { overviewScale, overviewWindowX, type OverviewSummary } from "./chrome/overview";
import type { TimelineProps, TimeWindow } from "./contract";
import { contains, type TimelineGeometry } from "./geometry";
import { hitTest, sameHit, selectionOfHit, type HitTarget } from "./hitTest";
import type { TimelineLayout } from "./layoutTypes";
import { fitWindow, MIN_WINDOW_WIDTH, panWindow } from "./viewport";

/** What the input needs from the view: its current state, and ways to ask for a window or a repaint. */
export interface TimelineInputHost {
  props(): TimelineProps | undefined;
  layout(): TimelineLayout | undefined;
  overview(): OverviewSummary | undefined;
  /** The window on screen: the one reported last until the parent confirms it, else the prop. */
  shownWindow(): TimeWindow;
  reportWindow(w: TimeWindow): void;
  /** The lanes scrolled: paint them in this frame. */
  invalidate(): void;
  /** What the pointer is on changed: repaint the interactive layer. */
  hoverChanged(): void;
}

/** The parts of the timeline's DOM the input listens on. */
export interface TimelineInputElements {
  readonly root: HTMLDivElement;
  readonly interactiveCanvas: HTMLCanvasElement;
  readonly scroller: HTMLDivElement;
}

type Drag =
  | { readonly kind: "scrub" }
  | { readonly kind: "overview"; readonly grab: number; readonly summary: OverviewSummary; readonly geometry: TimelineGeometry };

export class TimelineInput {
  private hovered: HitTarget | undefined;
  private at: { x: number; y: number } | undefined;
  private drag: Drag | undefined;
  private suppressClick = false;
  private base: ScaleLinear<number, number> = scaleLinear();
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  private readonly cleanup: (() => void)[] = [];

  constructor(
    private readonly el: TimelineInputElements,
    private readonly host: TimelineInputHost,
  ) {
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .filter((event: Event) => this.zoomAccepts(event))
      .on("zoom", (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => this.zoomed(event));
    select(el.interactiveCanvas).call(this.zoomBehavior).on("dblclick.zoom", null);
    this.listen(el.root, "wheel", (e) => this.wheel(e as WheelEvent), { passive: false });
    const c = el.interactiveCanvas;
    this.listen(c, "pointerdown", (e) => this.pointerDown(e as PointerEvent));
    this.listen(c, "pointermove", (e) => this.pointerMove(e as PointerEvent));
    this.listen(c, "pointerup", (e) => this.pointerUp(e as PointerEvent));
    this.listen(c, "pointercancel", (e) => this.pointerUp(e as PointerEvent));
    this.listen(c, "pointerleave", () => this.setHover(undefined));
    this.listen(c, "click", (e) => this.click(e as MouseEvent));
    this.listen(c, "dblclick", (e) => this.doubleClick(e as MouseEvent));
  }

  destroy(): void {
    select(this.el.interactiveCanvas).on(".zoom", null);
    for (const off of this.cleanup) off();
  }

  /** What the pointer is on (undefined while dragging or off the timeline). */
  get hover(): HitTarget | undefined {
    return this.hovered;
  }

  /** Where the pointer is, in CSS px from the timeline's corner, while it is not dragging. */
  get pointer(): { readonly x: number; readonly y: number } | undefined {
    return this.drag === undefined ? this.at : undefined;
  }

  /** After the static layer moved under a still pointer: find what is there now. */
  rehit(layout: TimelineLayout): void {
    if (this.at !== undefined && this.drag === undefined) this.hovered = hitTest(layout, this.at.x, this.at.y, this.eventAt);
  }

  private get props(): TimelineProps | undefined {
    return this.host.props();
  }

  private get layout(): TimelineLayout | undefined {
    return this.host.layout();
  }

  private get overview(): OverviewSummary | undefined {
    return this.host.overview();
  }

  // -------------------------------------------------------------------------
  // Zoom and pan (d3-zoom, kept in step with the controlled window)

  /**
   * The zoom transform is relative to a base scale over the whole trace, so the
   * visible scale is transform.rescaleX(base). After every prop change the
   * element's transform is set to the window we were given (without an event):
   * the window prop stays the single source of truth.
   */
  syncZoom(model: TraceModel, geo: TimelineGeometry): void {
    const p = this.props;
    if (p === undefined) return;
    const full = fitWindow(model, p.axis);
    const { plot } = geo;
    this.base = scaleLinear()
      .domain([full.start, full.end])
      .range([plot.x, plot.x + plot.width]);
    const w = p.window;
    const k = (full.end - full.start) / Math.max(w.end - w.start, Number.MIN_VALUE);
    const maxK = (full.end - full.start) / MIN_WINDOW_WIDTH[p.axis];
    this.zoomBehavior
      .extent([
        [plot.x, 0],
        [plot.x + plot.width, geo.height],
      ])
      .translateExtent([
        [plot.x, 0],
        [plot.x + plot.width, geo.height],
      ])
      .scaleExtent([Math.min(1, k), Math.max(1, maxK, k)]);
    const transform = zoomIdentity.translate(plot.x - k * this.base(w.start), 0).scale(k);
    select(this.el.interactiveCanvas).property("__zoom", transform);
  }

  private zoomAccepts(event: Event): boolean {
    if (this.props === undefined || this.layout === undefined) return false;
    const geo = this.layout.context.geometry;
    const at = this.localPoint(event as MouseEvent);
    if (event.type === "wheel") {
      const w = event as WheelEvent;
      if (w.shiftKey || Math.abs(w.deltaX) > Math.abs(w.deltaY)) return false;
      return contains(geo.plot, at.x, at.y) || contains(geo.axis, at.x, at.y);
    }
    if (event.type === "mousedown") {
      const m = event as MouseEvent;
      return m.button === 0 && !m.ctrlKey && !m.metaKey && contains(geo.plot, at.x, at.y);
    }
    if (event.type.startsWith("touch")) return true;
    return false;
  }

  private zoomed(event: D3ZoomEvent<HTMLCanvasElement, unknown>): void {
    const p = this.props;
    // Our own syncs set the transform without an event; only gestures report a window.
    if (p === undefined || event.sourceEvent === null || event.sourceEvent === undefined) return;
    const [start, end] = event.transform.rescaleX(this.base).domain() as [number, number];
    this.hovered = undefined;
    this.host.reportWindow(timeWindow(start, end));
  }

  private wheel(e: WheelEvent): void {
    const layout = this.layout;
    const p = this.props;
    if (layout === undefined || p === undefined) return;
    const geo = layout.context.geometry;
    const at = this.localPoint(e);
    const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? geo.plot.height : 1;
    if (contains(geo.gutter, at.x, at.y) || (e.shiftKey && at.y >= geo.plot.y)) {
      // Over the labels, or with shift: scroll the lanes.
      this.el.scroller.scrollTop += (e.deltaY || e.deltaX) * lines;
      // Paint in this frame rather than after the scroll event, which comes a frame later.
      this.host.invalidate();
      e.preventDefault();
      return;
    }
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY) && at.x >= geo.plot.x) {
      // A sideways swipe pans.
      this.host.reportWindow(panWindow(this.host.shownWindow(), (e.deltaX * lines) / layout.context.scale.pxPerUnit));
      e.preventDefault();
    }
  }

  // -------------------------------------------------------------------------
  // Pointer

  private localPoint(e: MouseEvent): { x: number; y: number } {
    const r = this.el.interactiveCanvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  private pointerDown(e: PointerEvent): void {
    const layout = this.layout;
    const p = this.props;
    if (layout === undefined || p === undefined || e.button !== 0) return;
    const geo = layout.context.geometry;
    const at = this.localPoint(e);
    if (contains(geo.axis, at.x, at.y)) {
      this.drag = { kind: "scrub" };
      this.el.interactiveCanvas.setPointerCapture(e.pointerId);
      this.scrubTo(at.x);
      this.setHover(undefined);
      e.preventDefault();
    } else if (contains(geo.overview, at.x, at.y) && this.overview !== undefined) {
      const summary = this.overview;
      const [x0, x1] = overviewWindowX(layout.context, summary);
      // Grab the window where it was grabbed; a press outside it centres the window there first.
      const inside = at.x >= x0 - 3 && at.x <= x1 + 3;
      const grab = inside ? at.x - x0 : (x1 - x0) / 2;
      this.drag = { kind: "overview", grab, summary, geometry: geo };
      this.el.interactiveCanvas.setPointerCapture(e.pointerId);
      if (!inside) this.dragOverviewTo(at.x);
      this.el.interactiveCanvas.style.cursor = "grabbing";
      e.preventDefault();
    }
  }

  private pointerMove(e: PointerEvent): void {
    const at = this.localPoint(e);
    this.at = at;
    if (this.drag?.kind === "scrub") {
      this.scrubTo(at.x);
      return;
    }
    if (this.drag?.kind === "overview") {
      this.dragOverviewTo(at.x);
      return;
    }
    if (e.buttons !== 0 || this.layout === undefined) return;
    this.setHover(hitTest(this.layout, at.x, at.y, this.eventAt));
  }

  private pointerUp(e: PointerEvent): void {
    if (this.drag === undefined) return;
    this.drag = undefined;
    this.suppressClick = true;
    if (this.el.interactiveCanvas.hasPointerCapture(e.pointerId)) this.el.interactiveCanvas.releasePointerCapture(e.pointerId);
    this.el.interactiveCanvas.style.cursor = "";
  }

  private scrubTo(x: number): void {
    const p = this.props;
    const layout = this.layout;
    if (p === undefined || layout === undefined) return;
    const { plot } = layout.context.geometry;
    const value = layout.context.scale.valueAt(Math.min(Math.max(x, plot.x), plot.x + plot.width));
    const index = eventAtAxisValue(p.model, p.axis, value);
    if (index !== p.playhead) p.onPlayheadChange(index);
  }

  private dragOverviewTo(x: number): void {
    const p = this.props;
    const drag = this.drag;
    if (p === undefined || drag?.kind !== "overview") return;
    const start = overviewScale(drag.geometry, drag.summary).valueAt(x - drag.grab);
    const w = this.host.shownWindow();
    this.host.reportWindow(timeWindow(start, start + (w.end - w.start)));
  }

  private click(e: MouseEvent): void {
    if (this.suppressClick) {
      this.suppressClick = false;
      return;
    }
    const p = this.props;
    const layout = this.layout;
    if (p === undefined || layout === undefined) return;
    const at = this.localPoint(e);
    const hit = hitTest(layout, at.x, at.y);
    if (hit?.kind === "axis" || hit?.kind === "overview") return;
    p.onSelect(selectionOfHit(hit));
  }

  private doubleClick(e: MouseEvent): void {
    const p = this.props;
    const layout = this.layout;
    if (p === undefined || layout === undefined) return;
    const at = this.localPoint(e);
    const hit = hitTest(layout, at.x, at.y);
    if (hit?.kind !== "span") return;
    // Zoom to the span, with a little room either side.
    const track = p.model.goroutine(hit.rect.g)?.spans;
    if (track === undefined) return;
    const a = axisValueOfEvent(p.model, layout.context.scale.axis, track.startIndex(hit.rect.firstSpan));
    const b = axisValueOfEvent(p.model, layout.context.scale.axis, track.endIndex(hit.rect.lastSpan));
    const pad = Math.max((b - a) * 0.1, MIN_WINDOW_WIDTH[p.axis] / 2);
    this.host.reportWindow(timeWindow(a - pad, b + pad));
  }

  private readonly eventAt = (value: AxisValue): EventIndex => {
    const p = this.props;
    return p === undefined ? eventIndex(-1) : eventAtAxisValue(p.model, p.axis, value);
  };

  private setHover(hit: HitTarget | undefined): void {
    if (sameHit(hit, this.hovered)) return;
    this.hovered = hit;
    const cursor = hit === undefined ? "" : hit.kind === "axis" ? "col-resize" : hit.kind === "overview" ? "grab" : "pointer";
    this.el.interactiveCanvas.style.cursor = cursor;
    this.host.hoverChanged();
  }

  private listen(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, options);
    this.cleanup.push(() => target.removeEventListener(type, handler, options));
  }
}
