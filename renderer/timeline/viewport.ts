// Pure helpers over the visible window, shared by the timeline (wheel, drag,
// overview) and the rest of the renderer (keyboard shortcuts, "jump to event",
// following a live run). Axis units are axisScale.ts's: in "sequence" mode
// event i sits at x = i and the state it starts lasts until x = i + 1; in
// "time" mode x is ns.

import type { TraceModel } from "../../traces/model/index";
import { axisValueOfEvent, timeWindow } from "./axisScale";
import type { AxisMode, TimeWindow } from "./contract";

/** The narrowest window the timeline zooms to: a few events, or a few ns. */
export const MIN_WINDOW_WIDTH: Readonly<Record<AxisMode, number>> = Object.freeze({ sequence: 4, time: 20 });

/** The axis extent of the whole trace (never empty, so scales never divide by zero). */
export function fitWindow(model: TraceModel, axis: AxisMode): TimeWindow {
  if (axis === "sequence") return timeWindow(0, Math.max(1, model.length));
  const start: number = model.startTime;
  const end: number = model.endTime;
  if (end <= start) return timeWindow(start, start + MIN_WINDOW_WIDTH.time);
  // A little room on the right so the last instant's glyphs are not cut in half.
  return timeWindow(start, end + (end - start) * 0.01);
}

/**
 * Zooms by `factor` around `anchor` (an axis value that stays where it is on
 * screen): factor 2 shows half as much, 0.5 twice as much.
 */
export function zoomWindow(w: TimeWindow, factor: number, anchor: number): TimeWindow {
  if (!(factor > 0) || !Number.isFinite(factor)) return w;
  const a = Number.isFinite(anchor) ? anchor : (w.start + w.end) / 2;
  return timeWindow(a - (a - w.start) / factor, a + (w.end - a) / factor);
}

/** Moves the window by `delta` axis units (positive: later). */
export function panWindow(w: TimeWindow, delta: number): TimeWindow {
  if (!Number.isFinite(delta)) return w;
  return timeWindow(w.start + delta, w.end + delta);
}

/**
 * Keeps a window inside `bounds` (usually fitWindow) and at least `minWidth`
 * wide, preserving its width when it can: a pan past the end stops at the end
 * instead of squeezing the window.
 */
export function clampWindow(w: TimeWindow, bounds: TimeWindow, minWidth = 0): TimeWindow {
  const full = bounds.end - bounds.start;
  let width = Math.min(Math.max(w.end - w.start, minWidth), full);
  if (!(width > 0)) width = full;
  let start: number = w.start;
  if (start < bounds.start) start = bounds.start;
  if (start + width > bounds.end) start = bounds.end - width;
  return timeWindow(start, start + width);
}

/** The smallest pan that brings `value` inside the window with `margin` (a fraction of its width) to spare. */
export function ensureVisible(w: TimeWindow, value: number, margin = 0.1): TimeWindow {
  const width = w.end - w.start;
  const pad = width * margin;
  if (value < w.start + pad) return panWindow(w, value - pad - w.start);
  if (value > w.end - pad) return panWindow(w, value + pad - w.end);
  return w;
}

/** A window of `width` centred on event `index` (the current width when omitted). */
export function windowAroundEvent(model: TraceModel, axis: AxisMode, index: number, w: TimeWindow, width = w.end - w.start): TimeWindow {
  const x = axisValueOfEvent(model, axis, index);
  return timeWindow(x - width / 2, x + width / 2);
}

/**
 * For a live run: the window slid so the trace's end is at its right edge,
 * keeping its width (the whole trace when it is wider than the trace).
 */
export function followEnd(model: TraceModel, axis: AxisMode, w: TimeWindow): TimeWindow {
  const full = fitWindow(model, axis);
  const width = Math.min(w.end - w.start, full.end - full.start);
  return timeWindow(full.end - width, full.end);
}

/** Whether two windows are the same (so a controlled parent can skip no-op updates). */
export const sameWindow = (a: TimeWindow, b: TimeWindow): boolean => a.start === b.start && a.end === b.end;
