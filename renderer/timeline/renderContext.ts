// The readonly render context (Perfetto's idea): everything a frame depends on
// besides the model — the axis scale, the size, the lanes in view, the theme.
// Layout and painting read it and nothing else, so the same inputs give the
// same picture, and tests can build one without a browser.

import type { GoroutineId } from "../../traces/events";
import type { ChannelWaits } from "../../traces/model/index";
import { axisScale, type AxisScale } from "./axisScale";
import type { ThemeName } from "../theme/palette";
import type { AxisMode, TimeWindow } from "./contract";
import { timelineGeometry, type TimelineGeometry } from "./geometry";
import type { LaneRows } from "./lanes";

/** The fonts the timeline measures text in ("labelSmall": the gutter's, in lanes squeezed to fit). */
export type TextFont = "label" | "labelBold" | "labelSmall" | "badge" | "axis";

/** Width of `text` in CSS px (a canvas measureText in the browser, an estimate in tests). */
export type MeasureText = (text: string, font: TextFont) => number;

export interface RenderContext {
  /** The visible window of the axis across the plot. */
  readonly scale: AxisScale;
  readonly geometry: TimelineGeometry;
  readonly dpr: number;
  readonly theme: ThemeName;
  /** How far the lanes are scrolled, in CSS px. */
  readonly scrollTop: number;
  readonly lanes: LaneRows;
  /** Who waits on each channel over time (the same model's channelWaits). */
  readonly channelWaits: ChannelWaits;
  readonly measureText: MeasureText;
}

export interface RenderContextInput {
  readonly axis: AxisMode;
  readonly window: TimeWindow;
  readonly width: number;
  readonly height: number;
  readonly dpr?: number;
  readonly theme?: ThemeName;
  readonly scrollTop?: number;
  readonly lanes: LaneRows;
  readonly channelWaits?: ChannelWaits;
  readonly measureText?: MeasureText;
  /** The label gutter's width (default GUTTER_WIDTH). */
  readonly gutterWidth?: number | undefined;
}

const NO_CHANNEL_WAITS: ChannelWaits = new Map();

/** A rough measure for tests and for the first frame before fonts load: ~average glyph widths of a 12px UI font. */
export const estimateTextWidth: MeasureText = (text, font) =>
  text.length * (font === "labelSmall" ? 5 : font === "axis" || font === "badge" ? 6 : 6.6);

export function createRenderContext(input: RenderContextInput): RenderContext {
  const geometry = timelineGeometry(input.width, input.height, input.gutterWidth);
  const { plot } = geometry;
  const maxScroll = Math.max(0, input.lanes.contentHeight - plot.height);
  return Object.freeze({
    scale: axisScale(input.axis, input.window, plot.x, plot.width),
    geometry,
    dpr: input.dpr ?? 1,
    theme: input.theme ?? "light",
    scrollTop: Math.min(Math.max(0, input.scrollTop ?? 0), maxScroll),
    lanes: input.lanes,
    channelWaits: input.channelWaits ?? NO_CHANNEL_WAITS,
    measureText: input.measureText ?? estimateTextWidth,
  });
}

/** Screen y (CSS px) of the top of lane row `rowIndex`. */
export function rowScreenTop(rc: RenderContext, rowIndex: number): number {
  const row = rc.lanes.rows[rowIndex];
  return row === undefined ? Number.NaN : rc.geometry.plot.y + row.top - rc.scrollTop;
}

/** Screen y of the middle of a goroutine's lane, or NaN when it has no lane. */
export function goroutineLaneMiddle(rc: RenderContext, g: GoroutineId): number {
  const r = rc.lanes.rowOfGoroutine(g);
  if (r < 0) return Number.NaN;
  const row = rc.lanes.rows[r];
  return row === undefined ? Number.NaN : rowScreenTop(rc, r) + row.height / 2;
}

/**
 * Shortens text with an ellipsis to fit maxWidth; undefined when fewer than
 * `minChars` characters would be left ("ch…" says nothing).
 */
export function fitText(text: string, maxWidth: number, font: TextFont, measure: MeasureText, minChars = 2): string | undefined {
  if (maxWidth <= 0) return undefined;
  if (measure(text, font) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length - 1;
  // Largest prefix length whose "prefix…" fits.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(`${text.slice(0, mid)}…`, font) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo >= minChars ? `${text.slice(0, lo).trimEnd()}…` : undefined;
}
