// The timeline's imperative half: owns the two canvases, paints them on
// requestAnimationFrame when the inputs that matter change (Excalidraw's rule),
// and turns wheel, drag, click and hover into the controlled callbacks. React
// (Timeline.tsx) only creates the elements and hands over each render's props.

import { scaleLinear, select, zoom, zoomIdentity, type D3ZoomEvent, type ScaleLinear, type ZoomBehavior } from "d3";
import { eventIndex, type EventIndex, type GoroutineId } from "../../traces/events";
import type { ChannelWaits, TraceModel } from "../../traces/model/index";
import { themeTokens } from "../theme/palette";
import { axisValueOfEvent, eventAtAxisValue } from "./axisScale";
import { fontOf } from "./canvas";
import { overviewScale, overviewSummary, overviewWindowX, type OverviewSummary } from "./chrome/overview";
import type { Selection, TimelineFrameStats, TimelineProps, TimeWindow } from "./contract";
import { describeHit } from "./describe";
import { contains, timelineGeometry, type TimelineGeometry } from "./geometry";
import { hitTest, sameHit, selectionOfHit, type HitTarget } from "./hitTest";
import { laneRows, type LaneRows } from "./lanes";
import { layoutTimeline } from "./layout";
import type { TimelineLayout } from "./layoutTypes";
import { createRenderContext, type MeasureText, type TextFont } from "./renderContext";
import { interactiveLayout } from "./scenes/interactiveLayout";
import { paintInteractive } from "./scenes/interactiveScene";
import { paintStatic } from "./scenes/staticScene";
import { clampWindow, fitWindow, MIN_WINDOW_WIDTH, panWindow, sameWindow } from "./viewport";

export interface TimelineElements {
  /** The positioned box the layers fill. */
  readonly root: HTMLDivElement;
  readonly staticCanvas: HTMLCanvasElement;
  readonly interactiveCanvas: HTMLCanvasElement;
  /** A native scrollbar over the lanes: its content is as tall as all the rows. */
  readonly scroller: HTMLDivElement;
  readonly scrollerContent: HTMLDivElement;
  readonly tooltip: HTMLDivElement;
}

type Drag =
  | { readonly kind: "scrub" }
  | { readonly kind: "overview"; readonly grab: number; readonly summary: OverviewSummary; readonly geometry: TimelineGeometry };

const MEASURE_CACHE_LIMIT = 20_000;

export class TimelineView {
  private props: TimelineProps | undefined;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private rows: LaneRows | undefined;
  private rowsFor: readonly unknown[] = [];
  private overview: OverviewSummary | undefined;
  private overviewFor: readonly unknown[] = [];
  private waits: ChannelWaits | undefined;
  private waitsFor: TraceModel | undefined;
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  /** How long the last summaries took: a live run's batches wait longer between them when they are costly. */
  private summaryMs = 0;
  /** The window this view reported and paints until the parent's next render brings it back as a prop. */
  private previewWindow: TimeWindow | undefined;
  private layout: TimelineLayout | undefined;
  private staticFor: readonly unknown[] = [];
  private interactiveFor: readonly unknown[] = [];
  private staticDirty = true;
  private interactiveDirty = true;
  private frame = 0;
  private hover: HitTarget | undefined;
  private pointer: { x: number; y: number } | undefined;
  private drag: Drag | undefined;
  private suppressClick = false;
  private lastSelection: Selection | undefined;
  private base: ScaleLinear<number, number> = scaleLinear();
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  private readonly resizeObserver: ResizeObserver;
  private readonly staticCtx: CanvasRenderingContext2D;
  private readonly interactiveCtx: CanvasRenderingContext2D;
  private readonly measureCtx: CanvasRenderingContext2D;
  private readonly measureCache = new Map<string, number>();
  private readonly cleanup: (() => void)[] = [];

  constructor(private readonly el: TimelineElements) {
    const ctx = (c: HTMLCanvasElement, options?: CanvasRenderingContext2DSettings): CanvasRenderingContext2D => {
      const x = c.getContext("2d", options);
      if (x === null) throw new Error("the timeline needs a 2D canvas context");
      return x;
    };
    this.staticCtx = ctx(el.staticCanvas, { alpha: false });
    this.interactiveCtx = ctx(el.interactiveCanvas);
    this.measureCtx = ctx(document.createElement("canvas"));

    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .filter((event: Event) => this.zoomAccepts(event))
      .on("zoom", (event: D3ZoomEvent<HTMLCanvasElement, unknown>) => this.zoomed(event));
    select(el.interactiveCanvas).call(this.zoomBehavior).on("dblclick.zoom", null);

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(el.root);
    this.listen(el.scroller, "scroll", () => this.invalidate());
    this.listen(el.root, "wheel", (e) => this.wheel(e as WheelEvent), { passive: false });
    const c = el.interactiveCanvas;
    this.listen(c, "pointerdown", (e) => this.pointerDown(e as PointerEvent));
    this.listen(c, "pointermove", (e) => this.pointerMove(e as PointerEvent));
    this.listen(c, "pointerup", (e) => this.pointerUp(e as PointerEvent));
    this.listen(c, "pointercancel", (e) => this.pointerUp(e as PointerEvent));
    this.listen(c, "pointerleave", () => this.setHover(undefined));
    this.listen(c, "click", (e) => this.click(e as MouseEvent));
    this.listen(c, "dblclick", (e) => this.doubleClick(e as MouseEvent));
    this.resize();
  }

  destroy(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    if (this.summaryTimer !== undefined) clearTimeout(this.summaryTimer);
    this.resizeObserver.disconnect();
    select(this.el.interactiveCanvas).on(".zoom", null);
    for (const off of this.cleanup) off();
  }

  /** Each render's props. Cheap when nothing that matters changed. */
  update(props: TimelineProps): void {
    this.props = props;
    const { model } = props;
    if (!sameKeys(this.rowsFor, [model, props.visibleGoroutines, props.visibleChannels])) {
      this.rows = laneRows(model, props.visibleGoroutines, props.visibleChannels);
      this.rowsFor = [model, props.visibleGoroutines, props.visibleChannels];
      this.el.scrollerContent.style.height = `${this.rows.contentHeight}px`;
    }
    const geo = timelineGeometry(this.width, this.height);
    this.scheduleSummaries(model, props.axis, Math.max(1, Math.round(geo.overview.width)));
    // The parent has spoken: its window is the truth again.
    this.previewWindow = undefined;
    if (props.selection !== this.lastSelection) {
      this.lastSelection = props.selection;
      this.scrollSelectionIntoView(props.selection, geo);
    }
    this.syncZoom(model, geo);
    this.invalidate();
  }

  /**
   * The overview and the channels' wait series visit every span of the model:
   * they are computed after the frame that shows the lanes, not before it, so a
   * big trace paints first and fills these in a moment later. A live run's
   * batches coalesce: only the latest model is summarized.
   */
  private scheduleSummaries(model: TraceModel, axis: TimelineProps["axis"], columns: number): void {
    if (sameKeys(this.overviewFor, [model, axis, columns]) || this.summaryTimer !== undefined) return;
    const first = this.overview === undefined;
    this.summaryTimer = setTimeout(
      () => {
        this.summaryTimer = undefined;
        const p = this.props;
        if (p === undefined) return;
        const t0 = performance.now();
        const geo = timelineGeometry(this.width, this.height);
        const cols = Math.max(1, Math.round(geo.overview.width));
        if (this.waitsFor !== p.model) {
          this.waits = p.model.channelWaits;
          this.waitsFor = p.model;
        }
        if (!sameKeys(this.overviewFor, [p.model, p.axis, cols])) {
          this.overview = overviewSummary(p.model, p.axis, cols);
          this.overviewFor = [p.model, p.axis, cols];
        }
        this.summaryMs = performance.now() - t0;
        this.invalidate();
      },
      // At most a fifth of the time goes to summaries while a run streams in.
      first ? 0 : Math.max(120, 4 * this.summaryMs),
    );
  }

  // -------------------------------------------------------------------------
  // Painting

  private invalidate(): void {
    const p = this.props;
    if (p === undefined) return;
    const w = this.previewWindow ?? p.window;
    const staticFor = [p.model, p.axis, w.start, w.end, this.width, this.height, this.dpr, p.theme, this.rows, this.overview, this.waits, this.el.scroller.scrollTop];
    if (!sameKeys(this.staticFor, staticFor)) {
      this.staticFor = staticFor;
      this.staticDirty = true;
    }
    const interactiveFor = [p.playhead, p.selection];
    if (!sameKeys(this.interactiveFor, interactiveFor)) {
      this.interactiveFor = interactiveFor;
      this.interactiveDirty = true;
    }
    if (this.staticDirty || this.interactiveDirty) this.schedule();
  }

  private schedule(): void {
    if (this.frame === 0) this.frame = requestAnimationFrame(this.paintFrame);
  }

  private readonly paintFrame = (): void => {
    this.frame = 0;
    const p = this.props;
    const rows = this.rows;
    if (p === undefined || rows === undefined || this.width === 0 || this.height === 0) return;
    if (window.devicePixelRatio !== this.dpr) this.resize();
    const t0 = performance.now();
    let layoutMs = 0;
    let staticPaintMs = 0;
    const staticRepainted = this.staticDirty || this.layout === undefined;
    if (staticRepainted) {
      const rc = createRenderContext({
        axis: p.axis,
        window: this.previewWindow ?? p.window,
        width: this.width,
        height: this.height,
        dpr: this.dpr,
        theme: p.theme,
        scrollTop: this.el.scroller.scrollTop,
        lanes: rows,
        channelWaits: this.waits,
        measureText: this.measureText,
      });
      this.layout = layoutTimeline(p.model, rc);
      const t1 = performance.now();
      layoutMs = t1 - t0;
      paintStatic(this.staticCtx, this.layout, this.overview);
      staticPaintMs = performance.now() - t1;
      this.staticDirty = false;
      this.interactiveDirty = true;
      // The things under the pointer moved: find what is there now.
      if (this.pointer !== undefined && this.drag === undefined) this.hover = hitTest(this.layout, this.pointer.x, this.pointer.y, this.eventAt);
    }
    const layout = this.layout;
    if (layout === undefined) return;
    const t2 = performance.now();
    if (this.interactiveDirty) {
      const scene = interactiveLayout(p.model, layout, { playhead: p.playhead, selection: p.selection, hover: this.hover }, this.overview);
      paintInteractive(this.interactiveCtx, layout, scene);
      this.interactiveDirty = false;
    }
    const t3 = performance.now();
    this.updateTooltip();
    const stats: TimelineFrameStats = {
      layoutMs,
      staticPaintMs,
      interactivePaintMs: t3 - t2,
      totalMs: performance.now() - t0,
      staticRepainted,
      rects: layout.rects.length,
      glyphs: layout.glyphs.length,
      arrows: layout.arrows.length,
      eventsInWindow: layout.eventsInWindow,
    };
    p.onFrame?.(stats);
  };

  private readonly measureText: MeasureText = (text: string, font: TextFont): number => {
    const key = `${font}\u0000${text}`;
    let w = this.measureCache.get(key);
    if (w === undefined) {
      if (this.measureCache.size > MEASURE_CACHE_LIMIT) this.measureCache.clear();
      this.measureCtx.font = fontOf(font, themeTokens(this.props?.theme ?? "light"));
      w = this.measureCtx.measureText(text).width;
      this.measureCache.set(key, w);
    }
    return w;
  };

  private resize(): void {
    const box = this.el.root.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    const width = Math.floor(box.width);
    const height = Math.floor(box.height);
    if (width === this.width && height === this.height && dpr === this.dpr) return;
    this.width = width;
    this.height = height;
    this.dpr = dpr;
    for (const c of [this.el.staticCanvas, this.el.interactiveCanvas]) {
      c.width = Math.max(1, Math.round(width * dpr));
      c.height = Math.max(1, Math.round(height * dpr));
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    const geo = timelineGeometry(width, height);
    const s = this.el.scroller.style;
    s.top = `${geo.plot.y}px`;
    s.height = `${Math.max(0, height - geo.plot.y)}px`;
    this.staticDirty = true;
    this.interactiveDirty = true;
    if (this.props !== undefined) this.update(this.props);
  }

  // -------------------------------------------------------------------------
  // Zoom and pan (d3-zoom, kept in step with the controlled window)

  /**
   * The zoom transform is relative to a base scale over the whole trace, so the
   * visible scale is transform.rescaleX(base). After every prop change the
   * element's transform is set to the window we were given (without an event):
   * the window prop stays the single source of truth.
   */
  private syncZoom(model: TraceModel, geo: TimelineGeometry): void {
    const p = this.props;
    if (p === undefined) return;
    const full = fitWindow(model, p.axis);
    const { plot } = geo;
    this.base = scaleLinear().domain([full.start, full.end]).range([plot.x, plot.x + plot.width]);
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
    this.hover = undefined;
    this.reportWindow({ start, end });
  }

  private reportWindow(w: TimeWindow): void {
    const p = this.props;
    if (p === undefined) return;
    const next = clampWindow(w, fitWindow(p.model, p.axis), MIN_WINDOW_WIDTH[p.axis]);
    if (sameWindow(next, this.previewWindow ?? p.window)) return;
    // Painted at the next frame without waiting for the parent's render; its render then confirms it.
    this.previewWindow = next;
    this.invalidate();
    p.onWindowChange(next);
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
      this.invalidate();
      e.preventDefault();
      return;
    }
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY) && at.x >= geo.plot.x) {
      // A sideways swipe pans.
      this.reportWindow(panWindow(this.previewWindow ?? p.window, (e.deltaX * lines) / layout.context.scale.pxPerUnit));
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
    this.pointer = at;
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
    const w = this.previewWindow ?? p.window;
    this.reportWindow({ start, end: start + (w.end - w.start) });
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
    this.reportWindow({ start: a - pad, end: b + pad });
  }

  private readonly eventAt = (value: number): EventIndex => {
    const p = this.props;
    return p === undefined ? eventIndex(-1) : eventAtAxisValue(p.model, p.axis, value);
  };

  private setHover(hit: HitTarget | undefined): void {
    if (sameHit(hit, this.hover)) return;
    this.hover = hit;
    this.interactiveDirty = true;
    const cursor = hit === undefined ? "" : hit.kind === "axis" ? "col-resize" : hit.kind === "overview" ? "grab" : "pointer";
    this.el.interactiveCanvas.style.cursor = cursor;
    this.schedule();
  }

  private updateTooltip(): void {
    const tip = this.el.tooltip;
    const p = this.props;
    const hover = this.hover;
    const text = hover === undefined || p === undefined || this.drag !== undefined ? undefined : describeHit(p.model, hover);
    if (text === undefined || this.pointer === undefined) {
      tip.hidden = true;
      return;
    }
    const [title, detail] = tip.children as unknown as [HTMLElement, HTMLElement];
    if (title.textContent !== text.title) title.textContent = text.title;
    const d = text.detail ?? "";
    if (detail.textContent !== d) detail.textContent = d;
    detail.hidden = d === "";
    tip.hidden = false;
    // Beside the pointer, flipped to stay inside the timeline.
    const { x, y } = this.pointer;
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    const left = x + 14 + w > this.width ? Math.max(4, x - 14 - w) : x + 14;
    const top = y + 18 + h > this.height ? Math.max(4, y - 10 - h) : y + 18;
    tip.style.transform = `translate(${Math.round(left)}px, ${Math.round(top)}px)`;
  }

  private scrollSelectionIntoView(selection: Selection | undefined, geo: TimelineGeometry): void {
    const rows = this.rows;
    const p = this.props;
    if (selection === undefined || rows === undefined || p === undefined) return;
    let r = -1;
    switch (selection.kind) {
      case "goroutine":
      case "span":
        r = rows.rowOfGoroutine(selection.g);
        break;
      case "channel":
        r = rows.rowOfChannel(selection.ch);
        break;
      case "event":
        if (selection.index >= 0 && selection.index < p.model.length) r = rows.rowOfGoroutine(p.model.columns.g[selection.index] as GoroutineId);
        break;
      case "flow":
        if (selection.flow >= 0 && selection.flow < p.model.flows.length) r = rows.rowOfGoroutine(p.model.flows.sender[selection.flow] as GoroutineId);
        break;
    }
    const row = rows.rows[r];
    if (r < 0 || row === undefined) return;
    const top = this.el.scroller.scrollTop;
    const view = geo.plot.height;
    if (row.top < top || row.top + row.height > top + view) this.el.scroller.scrollTop = Math.max(0, row.top - view / 3);
  }

  private listen(target: EventTarget, type: string, handler: (e: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, options);
    this.cleanup.push(() => target.removeEventListener(type, handler, options));
  }
}

function sameKeys(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
