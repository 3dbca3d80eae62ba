// The channel track: one lane per channel, its buffer's occupancy as steps
// against its capacity (or a tick per handoff when unbuffered), where it was
// made and closed, and who waits on it (the model's channelWaits) as bands
// along its edges; what is under the pointer there, and the words for it.
// Painting is in channelTrackPaint.ts.

import type { ChannelId, EventIndex, GoroutineId } from "../../../traces/events";
import { eventIndex } from "../../../traces/events";
import type { TraceModel, WaitSeries } from "../../../traces/model/index";
import type { Nanos } from "../../../traces/units";
import { eventNumber, goroutineLabelOf } from "../../../traces/vocabulary/index";
import { axisValue, axisValueOfEvent } from "../axisScale";
import type { AxisValue } from "../contract";
import type { ChannelLaneLayout, ChannelTick, TimelineLayout, VisibleLane, WaitBand } from "../layoutTypes";
import type { RenderContext } from "../renderContext";
import { at, chName, plural, type Description } from "../words";

export function layoutChannelLane(model: TraceModel, rc: RenderContext, lane: VisibleLane, ch: ChannelId): ChannelLaneLayout {
  const info = model.channel(ch);
  const { plot } = rc.geometry;
  const right = plot.x + plot.width;
  const empty: ChannelLaneLayout = {
    ch,
    y: lane.y,
    height: lane.height,
    cap: info?.cap ?? 0,
    xs: [],
    values: [],
    xEnd: right,
    ticks: [],
    madeX: undefined,
    closedX: undefined,
    peak: 0,
    senders: [],
    receivers: [],
  };
  if (info === undefined || model.length === 0) return empty;
  const series = info.occupancy;
  const n = series.length;
  const { scale } = rc;
  const seq = scale.axis === "sequence";
  const t = model.columns.t;
  // axisValueOfEvent inlined (steps are events, never past the end): this runs once per buffer change in view.
  const valueAtStep = (k: number): number => (seq ? series.index(k) : (t[series.index(k)] as Nanos));
  const ws = scale.start;
  const we = scale.end;
  const k0 = series.firstAtOrAfter(seq ? eventIndex(Math.ceil(ws)) : model.firstIndexAtOrAfter(ws as number as Nanos));
  const madeX = info.made === undefined ? undefined : scale.xOfEvent(model, info.made.index);
  const closedX = info.closed === undefined ? undefined : scale.xOfEvent(model, info.closed.at.index);
  const lastX = Math.min(right, scale.x(axisValue(seq ? model.length : model.endTime)));

  const xs: number[] = [];
  const values: number[] = [];
  const ticks: ChannelTick[] = [];
  const startX = Math.max(plot.x, madeX ?? plot.x);
  let peak = k0 > 0 ? series.value(k0 - 1) : 0;
  if (startX < right) {
    xs.push(startX);
    values.push(peak);
  }
  // Several operations in one pixel column: the column shows the most the buffer held there, then the last value.
  let columnX = Number.NaN;
  let columnMax = 0;
  let columnLast = 0;
  const flushColumn = (): void => {
    if (Number.isNaN(columnX)) return;
    xs.push(columnX);
    values.push(columnMax);
    if (columnLast !== columnMax) {
      xs.push(columnX + 1);
      values.push(columnLast);
    }
  };
  let tick: { x: number; kind: ChannelTick["kind"]; index: EventIndex } | undefined;
  for (let kk = k0; kk < n; kk++) {
    const v = valueAtStep(kk);
    if (v >= we) break;
    const x = scale.x(axisValue(v));
    const len = series.value(kk);
    if (len > peak) peak = len;
    if (x < columnX + 1) {
      columnMax = Math.max(columnMax, len);
      columnLast = len;
    } else {
      flushColumn();
      columnX = x;
      columnMax = len;
      columnLast = len;
    }
    const ei = series.index(kk);
    const op = model.kind(ei);
    const kind: ChannelTick["kind"] = op === "send" ? "send" : op === "recv" ? "recv" : "close";
    if (tick !== undefined && x < tick.x + 2) {
      if (tick.kind !== kind) tick.kind = "mixed";
    } else {
      tick = { x, kind, index: ei };
      ticks.push(tick);
    }
  }
  flushColumn();
  const waits = rc.channelWaits.get(ch);
  const senders = waits === undefined ? [] : layoutWaitBands(model, rc, waits.senders, lastX);
  const receivers = waits === undefined ? [] : layoutWaitBands(model, rc, waits.receivers, lastX);
  return { ...empty, xs, values, xEnd: lastX, ticks, madeX, closedX, peak, senders, receivers };
}

/** The stretches where the count is above zero, one band per pixel at most, each with its highest count. */
function layoutWaitBands(model: TraceModel, rc: RenderContext, series: WaitSeries, lastX: number): WaitBand[] {
  const { plot } = rc.geometry;
  const right = Math.min(plot.x + plot.width, lastX);
  const { scale } = rc;
  const seq = scale.axis === "sequence";
  const index = series.index;
  const n = index.length;
  const from = seq ? Math.ceil(scale.start) : model.firstIndexAtOrAfter(scale.start as number as Nanos);
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((index[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  const bands: { x: number; width: number; count: number }[] = [];
  let open: { x: number; width: number; count: number } | undefined;
  const startCount = lo > 0 ? (series.count[lo - 1] as number) : 0;
  if (startCount > 0) open = { x: plot.x, width: 0, count: startCount };
  for (let k = lo; k < n; k++) {
    const ei = index[k] as number;
    const v = axisValueOfEvent(model, scale.axis, ei);
    if (v >= scale.end) break;
    const x = scale.x(v);
    const c = series.count[k] as number;
    if (c > 0) {
      if (open === undefined) {
        const last = bands[bands.length - 1];
        // A gap under a pixel does not split a band.
        if (last !== undefined && x - (last.x + last.width) < 1) {
          open = last;
          bands.pop();
        } else open = { x, width: 0, count: c };
      }
      open.count = Math.max(open.count, c);
    } else if (open !== undefined) {
      open.width = Math.max(x - open.x, 1);
      bands.push(open);
      open = undefined;
    }
  }
  if (open !== undefined) {
    open.width = Math.max(right - open.x, 1);
    bands.push(open);
  }
  return bands;
}

// ---------------------------------------------------------------------------
// Hit testing

export interface ChannelLaneHit {
  readonly kind: "channel-lane";
  readonly ch: ChannelId;
  readonly laneY: number;
  readonly laneHeight: number;
  /** The operation tick under the pointer, if any. */
  readonly tick: ChannelTick | undefined;
  /** The event at the pointer's x (when hitTest was given eventAt): the channel's state there is the one to tell. */
  readonly index: EventIndex | undefined;
}

/** How near the pointer must be to an operation's tick. */
const TICK_DISTANCE = 3;

/** A channel lane under the pointer at x: the tick there, if any, and the event the pointer's x means. */
export function hitChannelLane(
  layout: TimelineLayout,
  lane: VisibleLane,
  ch: ChannelId,
  x: number,
  eventAt: ((value: AxisValue) => EventIndex) | undefined,
): ChannelLaneHit {
  const cl = layout.channelLanes.find((c) => c.ch === ch);
  let tick: ChannelTick | undefined;
  let bestTick = TICK_DISTANCE;
  for (const t of cl?.ticks ?? []) {
    const d = Math.abs(t.x - x);
    if (d <= bestTick) {
      bestTick = d;
      tick = t;
    }
  }
  const index = eventAt?.(layout.context.scale.valueAt(x));
  return { kind: "channel-lane", ch, laneY: lane.y, laneHeight: lane.height, tick, index };
}

// ---------------------------------------------------------------------------
// Words

/** A channel at one moment: its buffer, who waits on it, whether it is closed. */
export function describeChannelAt(model: TraceModel, ch: ChannelId, index: EventIndex): Description | undefined {
  const info = model.channel(ch);
  if (info === undefined || index < 0 || index >= model.length) return undefined;
  if (info.made !== undefined && info.made.index > index)
    return { title: `${chName(model, ch)} — not made yet at event ${eventNumber(index)}`, detail: undefined };
  const st = model.stateAt(index).channel(ch);
  if (st === undefined) return describeChannel(model, ch);
  const buffer = st.cap === 0 ? "unbuffered" : `${st.len} of ${st.cap} buffered`;
  const who = (q: readonly { readonly g: GoroutineId }[]): string => {
    const names = q.slice(0, 4).map((w) => goroutineLabelOf(model, w.g));
    return names.join(", ") + (q.length > 4 ? ` and ${q.length - 4} more` : "");
  };
  const waits = [
    st.sendq.length === 0 ? "" : `${plural(st.sendq.length, "sender", "senders")} waiting: ${who(st.sendq)}`,
    st.recvq.length === 0 ? "" : `${plural(st.recvq.length, "receiver", "receivers")} waiting: ${who(st.recvq)}`,
  ].filter((x) => x !== "");
  return {
    title: `${chName(model, ch)} after ${at(model, index)}: ${buffer}${st.closed ? ", closed" : ""}`,
    detail: waits.length === 0 ? "nobody waiting on it" : waits.join(" · "),
  };
}

export function describeChannel(model: TraceModel, ch: ChannelId): Description | undefined {
  const info = model.channel(ch);
  if (info === undefined) return undefined;
  const kind = info.cap === 0 ? "unbuffered" : `buffered, capacity ${info.cap}`;
  const parts = [
    info.made === undefined
      ? ""
      : `made at event ${eventNumber(info.made.index)}${info.madeBy === undefined ? "" : ` by ${goroutineLabelOf(model, info.madeBy)}`}`,
    `${plural(info.sends, "send", "sends")}, ${plural(info.recvs, "receive", "receives")}`,
    info.closed === undefined
      ? "never closed"
      : `closed at event ${eventNumber(info.closed.at.index)} by ${goroutineLabelOf(model, info.closed.by)}`,
  ].filter((s) => s !== "");
  return { title: `${chName(model, ch)} — ${kind}`, detail: parts.join(" · ") };
}
