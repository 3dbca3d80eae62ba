// The x axis as one value object (Perfetto's TimeScale): what an axis value
// is, where it sits on screen, and which event it means. In "sequence" mode
// event i sits at value i and the state it starts lasts until i + 1; in "time"
// mode the value is ns. The value is branded so a pixel, an event index or a
// raw ns count cannot pass for one unnoticed.

import { scaleLinear } from "d3";
import { eventIndex, type EventIndex } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { Nanos } from "../../traces/units";
import type { AxisMode, AxisValue, TimeWindow } from "./contract";

/** Marks a number as an axis value (the window's ends, a tick, a value computed from them). */
export const axisValue = (v: number): AxisValue => v as AxisValue;

/** A window from its ends, in axis values. */
export const timeWindow = (start: number, end: number): TimeWindow => ({ start: axisValue(start), end: axisValue(end) });

/** Where event `index` sits on the axis (index = length: the end of a sequence axis). */
export function axisValueOfEvent(model: TraceModel, axis: AxisMode, index: number): AxisValue {
  if (axis === "sequence") return axisValue(index);
  if (model.length === 0) return axisValue(0);
  const i = Math.min(Math.max(index, 0), model.length - 1);
  return axisValue(model.columns.t[i] as Nanos);
}

/**
 * The event a point on the axis means, for the playhead: in sequence mode the
 * nearest event; in time mode the last event at or before that instant (the
 * state at that time). -1 before the first event (or for an empty trace).
 * Takes a plain number: the window the rest of the renderer holds is one.
 */
export function eventAtAxisValue(model: TraceModel, axis: AxisMode, x: number): EventIndex {
  const n = model.length;
  if (n === 0 || Number.isNaN(x)) return eventIndex(-1);
  if (axis === "sequence") return eventIndex(Math.min(Math.max(Math.floor(x + 0.5), 0), n - 1));
  return eventIndex(Math.min(model.lastIndexAtOrBefore(x as Nanos), n - 1));
}

/** A window of the axis drawn across a strip of the screen. */
export interface AxisScale {
  readonly axis: AxisMode;
  /** The visible values, end exclusive (never empty). */
  readonly start: AxisValue;
  readonly end: AxisValue;
  /** The strip's left edge and width, in CSS px. */
  readonly left: number;
  readonly width: number;
  /** CSS px per axis unit, for the hot loops that inline `x`. */
  readonly pxPerUnit: number;
  /** Screen x of a value. */
  x(v: AxisValue): number;
  /** The value at screen x. */
  valueAt(x: number): AxisValue;
  /** Round values for about `count` ticks across the window. */
  ticks(count: number): AxisValue[];
  /** Screen x of event `index`. */
  xOfEvent(model: TraceModel, index: number): number;
}

/** The scale that draws `window` of an `axis` across [left, left + width). */
export function axisScale(axis: AxisMode, window: TimeWindow, left: number, width: number): AxisScale {
  const span = window.end > window.start ? window.end - window.start : 1;
  const start = axisValue(window.start);
  const end = axisValue(window.start + span);
  const pxPerUnit = width / span;
  // d3 for the round tick values and the inverse, as before the scale had a name.
  const d3 = scaleLinear()
    .domain([start, end])
    .range([left, left + width]);
  const x = (v: AxisValue): number => left + (v - start) * pxPerUnit;
  return Object.freeze({
    axis,
    start,
    end,
    left,
    width,
    pxPerUnit,
    x,
    valueAt: (px: number) => axisValue(d3.invert(px)),
    ticks: (count: number) => d3.ticks(count).map(axisValue),
    xOfEvent: (model: TraceModel, index: number) => x(axisValueOfEvent(model, axis, index)),
  });
}
