// The timeline's imperative half: owns the two canvases and paints them on
// requestAnimationFrame when the inputs that matter change (Excalidraw's rule);
// its input (timelineInput.ts) turns wheel, drag, click and hover into the
// controlled callbacks. React (Timeline.tsx) only creates the elements and
// hands over each render's props.

import type { GoroutineId } from "../../traces/events";
import type { ChannelWaits, TraceModel } from "../../traces/model/index";
import { themeTokens } from "../theme/palette";
import { fontOf } from "./canvas";
import { overviewSummary, type OverviewSummary } from "./chrome/overview";
import type { Selection, TimelineFrameStats, TimelineProps, TimeWindow } from "./contract";
import { describeHit } from "./describe";
import { COMFORTABLE_LANES, timelineGeometry, type LaneMetrics, type TimelineGeometry } from "./geometry";
import { fitLaneMetrics, laneRows, type LaneCounts, type LaneRows } from "./lanes";
import { layoutTimeline } from "./layout";
import type { TimelineLayout } from "./layoutTypes";
import { createRenderContext, type MeasureText, type TextFont } from "./renderContext";
import { interactiveLayout } from "./scenes/interactiveLayout";
import { paintInteractive } from "./scenes/interactiveScene";
import { paintStatic } from "./scenes/staticScene";
import { TimelineInput } from "./timelineInput";
import { clampWindow, fitWindow, MIN_WINDOW_WIDTH, sameWindow } from "./viewport";

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

const MEASURE_CACHE_LIMIT = 20_000;

export class TimelineView {
  private props: TimelineProps | undefined;
  private width = 0;
  private height = 0;
  private dpr = 1;
  private rows: LaneRows | undefined;
  private rowsFor: readonly unknown[] = [];
  private counts: LaneCounts = { goroutines: 0, channels: 0 };
  private countsFor: readonly unknown[] = [];
  /** What the lanes-in-view attributes last said, so they are written only when it changes. */
  private lanesShown = "";
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
  private lastSelection: Selection | undefined;
  private readonly input: TimelineInput;
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

    this.input = new TimelineInput(el, {
      props: () => this.props,
      layout: () => this.layout,
      overview: () => this.overview,
      shownWindow: () => this.previewWindow ?? (this.props as TimelineProps).window,
      reportWindow: (w) => this.reportWindow(w),
      invalidate: () => this.invalidate(),
      hoverChanged: () => {
        this.interactiveDirty = true;
        this.schedule();
      },
    });

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(el.root);
    this.listen(el.scroller, "scroll", () => this.invalidate());
    this.resize();
  }

  destroy(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    if (this.summaryTimer !== undefined) clearTimeout(this.summaryTimer);
    this.resizeObserver.disconnect();
    this.input.destroy();
    for (const off of this.cleanup) off();
  }

  /** Each render's props. Cheap when nothing that matters changed. */
  update(props: TimelineProps): void {
    this.props = props;
    const { model } = props;
    const geo = this.geometry();
    const metrics = this.laneMetrics(props, geo);
    const rowsFor = [model, props.visibleGoroutines, props.visibleChannels, metrics.goroutine, metrics.channel, metrics.header];
    if (!sameKeys(this.rowsFor, rowsFor)) {
      this.rows = laneRows(model, props.visibleGoroutines, props.visibleChannels, metrics);
      this.rowsFor = rowsFor;
      this.el.scrollerContent.style.height = `${this.rows.contentHeight}px`;
    }
    this.scheduleSummaries(model, props.axis, Math.max(1, Math.round(geo.overview.width)));
    // The parent has spoken: its window is the truth again.
    this.previewWindow = undefined;
    if (props.selection !== this.lastSelection) {
      this.lastSelection = props.selection;
      this.scrollSelectionIntoView(props.selection, geo);
    }
    this.input.syncZoom(model, geo);
    this.invalidate();
  }

  private geometry(): TimelineGeometry {
    return timelineGeometry(this.width, this.height, this.props?.gutterWidth);
  }

  /** The lanes' sizes: comfortable, or squeezed so that every lane fits the plot when the props ask for it. */
  private laneMetrics(props: TimelineProps, geo: TimelineGeometry): LaneMetrics {
    if (props.fitLanes !== true || this.height === 0) return COMFORTABLE_LANES;
    const keys = [props.model, props.visibleGoroutines, props.visibleChannels];
    if (!sameKeys(this.countsFor, keys)) {
      const { model, visibleGoroutines: vg, visibleChannels: vc } = props;
      this.counts = {
        goroutines: vg === undefined ? model.goroutines.length : model.goroutines.filter((g) => vg.has(g.id)).length,
        channels: vc === undefined ? model.channels.length : model.channels.filter((c) => vc.has(c.id)).length,
      };
      this.countsFor = keys;
    }
    return fitLaneMetrics(this.counts, geo.plot.height);
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
        const geo = this.geometry();
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
    const staticFor = [
      p.model,
      p.axis,
      w.start,
      w.end,
      this.width,
      this.height,
      this.dpr,
      p.theme,
      p.gutterWidth,
      this.rows,
      this.overview,
      this.waits,
      this.el.scroller.scrollTop,
    ];
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
        gutterWidth: p.gutterWidth,
      });
      this.layout = layoutTimeline(p.model, rc);
      this.reportLanesShown(this.layout);
      const t1 = performance.now();
      layoutMs = t1 - t0;
      paintStatic(this.staticCtx, this.layout, this.overview);
      staticPaintMs = performance.now() - t1;
      this.staticDirty = false;
      this.interactiveDirty = true;
      // The things under the pointer moved: find what is there now.
      this.input.rehit(this.layout);
    }
    const layout = this.layout;
    if (layout === undefined) return;
    const t2 = performance.now();
    if (this.interactiveDirty) {
      const scene = interactiveLayout(
        p.model,
        layout,
        { playhead: p.playhead, selection: p.selection, hover: this.input.hover },
        this.overview,
      );
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
    const geo = this.geometry();
    const s = this.el.scroller.style;
    s.top = `${geo.plot.y}px`;
    s.height = `${Math.max(0, height - geo.plot.y)}px`;
    this.staticDirty = true;
    this.interactiveDirty = true;
    if (this.props !== undefined) this.update(this.props);
  }

  // -------------------------------------------------------------------------
  // What the input asks for

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

  /**
   * How many lanes are wholly in view, and of how many, as attributes of the
   * plot: what a test (or a screen reader's user) can read of the canvas.
   */
  private reportLanesShown(layout: TimelineLayout): void {
    const rows = layout.context.lanes.rows;
    const { plot } = layout.context.geometry;
    let total = 0;
    for (const r of rows) if (r.kind !== "header") total++;
    let inView = 0;
    for (const l of layout.lanes)
      if (l.row.kind !== "header" && l.y >= plot.y - 0.5 && l.y + l.height <= plot.y + plot.height + 0.5) inView++;
    const shown = `${inView}/${total}`;
    if (shown === this.lanesShown) return;
    this.lanesShown = shown;
    this.el.root.dataset["lanes"] = String(total);
    this.el.root.dataset["lanesInView"] = String(inView);
  }

  private updateTooltip(): void {
    const tip = this.el.tooltip;
    const p = this.props;
    const hover = this.input.hover;
    const pointer = this.input.pointer;
    const text = hover === undefined || p === undefined || pointer === undefined ? undefined : describeHit(p.model, hover);
    if (text === undefined || pointer === undefined) {
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
    const { x, y } = pointer;
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
        if (selection.index >= 0 && selection.index < p.model.length)
          r = rows.rowOfGoroutine(p.model.columns.g[selection.index] as GoroutineId);
        break;
      case "flow":
        if (selection.flow >= 0 && selection.flow < p.model.flows.length)
          r = rows.rowOfGoroutine(p.model.flows.sender[selection.flow] as GoroutineId);
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
