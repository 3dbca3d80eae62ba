// The pure layout step (DESIGN §5): for one model and one render context, which
// rectangles, glyphs, arrows, steps and labels go where. Only the lanes in view
// are visited; in each, a binary search finds the first visible span, and spans
// narrower than a pixel merge into summary bars over fixed pixel buckets of the
// absolute axis, so a pan never regroups them (no flicker) and a million events
// cost what the screen's pixels cost.

import { format } from "d3";
import { eventIndex, type ChannelId, type EventIndex, type EventKind, type GoroutineId, type PanicEvent } from "../../traces/events";
import { isWaitingCode, StateCode, type GoroutineInfo, type GoroutineStateCode, type SpanTrack, type TraceModel, type WaitInfo, type WaitSeries } from "../../traces/model/index";
import type { Nanos } from "../../traces/units";
import { channelLabel, formatTime, goroutineLabel, goroutineTag, waitChannels, waitPhrase } from "../../traces/vocabulary/index";
import {
  BADGE_MIN_WIDTH,
  EVENT_DETAIL_LIMIT,
  GLYPH_MIN_GAP,
  MAX_ARROWS,
  MERGE_PX,
  SPAN_INSET,
} from "./geometry";
import type { LaneRow } from "./lanes";
import type {
  AxisTick,
  ChannelLaneLayout,
  ChannelTick,
  FlowArrow,
  Glyph,
  GlyphKind,
  SpanBadge,
  SpanRect,
  TextLabel,
  TimelineLayout,
  VisibleLane,
  WaitBand,
} from "./layoutTypes";
import { fitText, goroutineLaneMiddle, type RenderContext, type TextFont } from "./renderContext";

export type * from "./layoutTypes";

const NO_CHANNELS: readonly ChannelId[] = Object.freeze([]);
const BADGE_HEIGHT = 14;
const BADGE_PAD = 4;
const AXIS_LABEL_GAP = 8;
/** Glyphs this far outside the window still count (half of them shows at the edge). */
const EDGE_PX = 6;
/** Time marks on the sequence axis appear when events are at least this far apart. */
const TIME_MARK_MIN_PX = 3;
const GUTTER_PAD = 10;
/** Right part of a channel's gutter cell kept for its length at the playhead. */
export const GUTTER_VALUE_WIDTH = 46;
const LABEL_HEIGHT = 14;

const formatCount = format(",d");

export function layoutTimeline(model: TraceModel, rc: RenderContext): TimelineLayout {
  const lanes = visibleLanes(rc);
  const rects: SpanRect[] = [];
  const badges: SpanBadge[] = [];
  const labels: TextLabel[] = [];
  const channelLanes: ChannelLaneLayout[] = [];
  for (const lane of lanes) {
    const row = lane.row;
    if (row.kind === "goroutine") layoutGoroutineLane(model, rc, lane, row.info, rects, badges, labels);
    else if (row.kind === "channel") channelLanes.push(layoutChannelLane(model, rc, lane, row.ch));
  }
  layoutGutterLabels(rc, lanes, labels);
  const range = eventRange(model, rc);
  const eventsInWindow = range[1] - range[0];
  const eventDetail = eventsInWindow <= EVENT_DETAIL_LIMIT;
  const glyphs = layoutGlyphs(model, rc, range, eventDetail);
  const { arrows, dropped } = eventDetail ? layoutArrows(model, rc, range) : { arrows: [], dropped: 0 };
  const { ticks, timeMarks } = layoutAxis(model, rc, range, eventDetail, labels);
  return {
    context: rc,
    lanes,
    rects,
    badges,
    glyphs,
    arrows,
    channelLanes,
    ticks,
    timeMarks,
    labels,
    eventDetail,
    eventsInWindow,
    arrowsDropped: dropped,
  };
}

/** The lane rows that intersect the plot's height, with their screen y. */
export function visibleLanes(rc: RenderContext): VisibleLane[] {
  const { plot } = rc.geometry;
  const [first, end] = rc.lanes.rowsBetween(rc.scrollTop, rc.scrollTop + plot.height);
  const out: VisibleLane[] = [];
  for (let r = first; r < end; r++) {
    const row = rc.lanes.rows[r] as LaneRow;
    out.push({ row, rowIndex: r, y: plot.y + row.top - rc.scrollTop, height: row.height, striped: r % 2 === 1 });
  }
  return out;
}

/** Axis value of event `index` (index = length means the end of the trace). */
export function axisValueAt(model: TraceModel, rc: RenderContext, index: number): number {
  if (rc.axis === "sequence") return index;
  const n = model.length;
  if (n === 0) return 0;
  return model.columns.t[Math.min(Math.max(index, 0), n - 1)] as Nanos;
}

/** Screen x of an axis value. */
export const xOf = (rc: RenderContext, v: number): number => rc.geometry.plot.x + (v - rc.window.start) * rc.pxPerUnit;

/** Screen x of event `index`. */
export const xOfEvent = (model: TraceModel, rc: RenderContext, index: number): number => xOf(rc, axisValueAt(model, rc, index));

/** Events [first, end). */
export type EventRange = readonly [EventIndex, EventIndex];

/** The event indices [first, end) whose positions fall in the window (with a few pixels to spare at each edge). */
export function eventRange(model: TraceModel, rc: RenderContext): EventRange {
  const n = model.length;
  const m = EDGE_PX / rc.pxPerUnit;
  const lo = rc.window.start - m;
  const hi = rc.window.end + m;
  if (rc.axis === "sequence") return [eventIndex(Math.min(n, Math.max(0, Math.ceil(lo)))), eventIndex(Math.min(n, Math.max(0, Math.floor(hi) + 1)))];
  const first = model.firstIndexAtOrAfter(lo as Nanos);
  return [first, eventIndex(Math.max(first, model.lastIndexAtOrBefore(hi as Nanos) + 1))];
}

// ---------------------------------------------------------------------------
// Goroutine lanes

type MutableRect = { -readonly [K in keyof SpanRect]: SpanRect[K] };

/** Per-state time inside the bucket being merged. */
const bucketWeights = new Float64Array(32);

function layoutGoroutineLane(
  model: TraceModel,
  rc: RenderContext,
  lane: VisibleLane,
  info: GoroutineInfo,
  rects: SpanRect[],
  badges: SpanBadge[],
  labels: TextLabel[],
): void {
  const track = info.spans;
  const n = track.length;
  if (n === 0 || model.length === 0) return;
  const t = model.columns.t;
  const seq = rc.axis === "sequence";
  const ws = rc.window.start;
  const we = rc.window.end;
  const k = rc.pxPerUnit;
  const { plot } = rc.geometry;
  const left = plot.x - 2;
  const right = plot.x + plot.width + 2;
  const total = model.length;
  const endValue = seq ? total : (t[total - 1] as Nanos);
  const y = lane.y + SPAN_INSET;
  const h = lane.height - 2 * SPAN_INSET;
  const first = seq ? Math.max(0, track.spanAt(eventIndex(Math.floor(ws)))) : track.firstEndingAtOrAfter(ws as Nanos);

  // The merge group in progress: tiny spans whose starts share one absolute pixel bucket.
  let groupBucket = Number.NaN;
  let groupX0 = 0;
  let groupX1 = 0;
  let groupFirst = 0;
  let groupLast = 0;
  let groupLongest = 0;
  let groupLongestWidth = -1;
  const touched: number[] = [];
  let previous: MutableRect | undefined;
  let previousLongestWidth = -1;

  const flush = (): void => {
    if (Number.isNaN(groupBucket)) return;
    let state = 0;
    let best = -1;
    for (const s of touched) {
      const w = bucketWeights[s] as number;
      // Ties go to the lower code, so the choice never depends on the order spans were seen in.
      if (w > best || (w === best && s < state)) {
        best = w;
        state = s;
      }
      bucketWeights[s] = 0;
    }
    touched.length = 0;
    const count = groupLast - groupFirst + 1;
    const p = previous;
    if (p !== undefined && p.merged && p.state === state && Math.abs(p.x + p.width - groupX0) < 0.5) {
      // Neighbouring summary bars of one state read as one bar.
      p.width = groupX1 - p.x;
      p.lastSpan = groupLast;
      p.count += count;
      if (groupLongestWidth > previousLongestWidth) {
        p.span = groupLongest;
        previousLongestWidth = groupLongestWidth;
      }
    } else {
      const r: MutableRect = {
        g: info.id,
        x: groupX0,
        y,
        width: groupX1 - groupX0,
        height: h,
        state,
        span: groupLongest,
        firstSpan: groupFirst,
        lastSpan: groupLast,
        count,
        merged: count > 1,
        channels: NO_CHANNELS,
      };
      rects.push(r);
      previous = r;
      previousLongestWidth = groupLongestWidth;
    }
    groupBucket = Number.NaN;
  };

  for (let s = first; s < n; s++) {
    const si = track.startIndex(s);
    const sv = seq ? si : (t[si] as Nanos);
    if (sv >= we) break;
    const next = s + 1 < n ? track.startIndex(s + 1) : -1;
    const ev = next < 0 ? endValue : seq ? next : (t[next] as Nanos);
    if (ev < ws) continue;
    const xa = plot.x + (sv - ws) * k;
    const xb = plot.x + (ev - ws) * k;
    const state = track.stateCode(s);
    if (xb - xa >= MERGE_PX) {
      flush();
      const x = Math.max(xa, left);
      const r: MutableRect = {
        g: info.id,
        x,
        y,
        width: Math.min(xb, right) - x,
        height: h,
        state,
        span: s,
        firstSpan: s,
        lastSpan: s,
        count: 1,
        merged: false,
        channels: NO_CHANNELS,
      };
      if (isWaitingCode(state)) layoutWait(model, rc, track, s, r, badges, labels);
      rects.push(r);
      previous = r;
      continue;
    }
    const bucket = Math.floor((sv * k) / MERGE_PX);
    if (bucket !== groupBucket) {
      flush();
      groupBucket = bucket;
      groupX0 = Math.max(xa, left);
      groupFirst = s;
      groupLongestWidth = -1;
    }
    groupX1 = Math.min(Math.max(xb, groupX0), right);
    groupLast = s;
    const w = xb - xa;
    if (w > groupLongestWidth) {
      groupLongestWidth = w;
      groupLongest = s;
    }
    if (bucketWeights[state] === 0) touched.push(state);
    // A zero-length span (time mode: several changes at one instant) still counts a little.
    bucketWeights[state] = (bucketWeights[state] as number) + Math.max(w, 1e-6);
  }
  flush();
}

/** The channels a blocked span waits on (its stripe) and, when it is wide enough, its badge. */
function layoutWait(
  model: TraceModel,
  rc: RenderContext,
  track: SpanTrack,
  s: number,
  r: MutableRect,
  badges: SpanBadge[],
  labels: TextLabel[],
): void {
  const state = r.state;
  const w = track.waitIndex(s);
  if (w < 0) return;
  const { plot } = rc.geometry;
  const visibleWidth = Math.min(r.x + r.width, plot.x + plot.width) - Math.max(r.x, plot.x);
  if ((state === StateCode.blockedSend || state === StateCode.blockedRecv) && visibleWidth < BADGE_MIN_WIDTH) {
    // The common case, without building the span's WaitInfo.
    const ch = model.channelOf(w);
    if (ch !== undefined) r.channels = [ch];
    return;
  }
  const wait = track.span(s).wait;
  if (wait === undefined) return;
  r.channels = waitChannels(wait);
  layoutBadge(model, rc, r, wait, badges, labels);
}

function layoutBadge(model: TraceModel, rc: RenderContext, r: MutableRect, wait: WaitInfo, badges: SpanBadge[], labels: TextLabel[]): void {
  const { plot } = rc.geometry;
  // Sticky: a span running off the left edge keeps its badge in view.
  const vx0 = Math.max(r.x, plot.x) + 2;
  const vx1 = Math.min(r.x + r.width, plot.x + plot.width) - 2;
  if (vx1 - vx0 < BADGE_MIN_WIDTH) return;
  const maxText = vx1 - vx0 - 2 * BADGE_PAD;
  const texts = waitPhrase(wait, "badge", model);
  let text: string | undefined;
  for (const candidate of texts) {
    if (rc.measureText(candidate, "badge") <= maxText) {
      text = candidate;
      break;
    }
  }
  if (text === undefined && texts.length > 0) text = fitText(texts[texts.length - 1] as string, maxText, "badge", rc.measureText, 4);
  if (text === undefined) return;
  const width = rc.measureText(text, "badge") + 2 * BADGE_PAD;
  const chs = r.channels;
  const badge: SpanBadge = {
    x: vx0,
    y: r.y + (r.height - BADGE_HEIGHT) / 2,
    width,
    height: BADGE_HEIGHT,
    text,
    ch: chs.length === 1 ? chs[0] : undefined,
    g: r.g,
    span: r.span,
  };
  badges.push(badge);
  labels.push({ text, x: badge.x + BADGE_PAD, y: badge.y, width: width - 2 * BADGE_PAD, height: BADGE_HEIGHT, font: "badge", role: "badge", align: "left" });
}

// ---------------------------------------------------------------------------
// Channel lanes

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
  const seq = rc.axis === "sequence";
  const t = model.columns.t;
  const at = (k: number): number => (seq ? series.index(k) : (t[series.index(k)] as Nanos));
  const ws = rc.window.start;
  const we = rc.window.end;
  const k0 = series.firstAtOrAfter(seq ? eventIndex(Math.ceil(ws)) : model.firstIndexAtOrAfter(ws as Nanos));
  const madeX = info.made === undefined ? undefined : xOfEvent(model, rc, info.made.index);
  const closedX = info.closed === undefined ? undefined : xOfEvent(model, rc, info.closed.at.index);
  const lastX = Math.min(right, xOf(rc, seq ? model.length : model.endTime));

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
    const v = at(kk);
    if (v >= we) break;
    const x = xOf(rc, v);
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
  const seq = rc.axis === "sequence";
  const t = model.columns.t;
  const index = series.index;
  const n = index.length;
  const from = seq ? Math.ceil(rc.window.start) : model.firstIndexAtOrAfter(rc.window.start as Nanos);
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
    const v = seq ? ei : (t[Math.min(ei, model.length - 1)] as Nanos);
    if (v >= rc.window.end) break;
    const x = xOf(rc, v);
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
// Glyphs and arrows

function glyphKindOf(kind: EventKind): GlyphKind | undefined {
  switch (kind) {
    case "spawn":
      return "spawn";
    case "send":
      return "send";
    case "recv":
      return "recv";
    case "close":
      return "close";
    case "select":
      return "select";
    case "ctx.cancel":
      return "cancel";
    case "panic":
      return "panic";
    default:
      return undefined;
  }
}

function layoutGlyphs(model: TraceModel, rc: RenderContext, range: EventRange, eventDetail: boolean): Glyph[] {
  const cols = model.columns;
  const glyphs: Glyph[] = [];
  const { plot } = rc.geometry;
  const top = plot.y;
  const bottom = plot.y + plot.height;
  const lastX = new Map<GoroutineId, number>();
  const add = (i: EventIndex, kind: GlyphKind, always: boolean): void => {
    const g = cols.g[i] as GoroutineId;
    const y = goroutineLaneMiddle(rc, g);
    if (!(y > top - 8 && y < bottom + 8)) return;
    const x = xOfEvent(model, rc, i);
    const before = lastX.get(g);
    if (!always && before !== undefined && x - before < GLYPH_MIN_GAP) return;
    lastX.set(g, x);
    let ch: ChannelId | undefined;
    let empty = false;
    let childY: number | undefined;
    switch (kind) {
      case "send":
      case "recv":
      case "close":
        ch = model.channelOf(i);
        empty = kind === "recv" && model.receivedOk(i) === false;
        break;
      case "select":
        ch = chosenChannel(model, i);
        empty = ch === undefined;
        break;
      case "spawn": {
        const child = model.spawned(i);
        const cy = child === undefined ? Number.NaN : goroutineLaneMiddle(rc, child);
        // Only the part of the link that can be seen: a dashed line thousands of pixels long costs a frame.
        childY = Number.isNaN(cy) ? undefined : Math.min(Math.max(cy, top - 4), bottom + 4);
        break;
      }
      case "cancel":
      case "panic":
        break;
    }
    glyphs.push({ kind, index: i, g, x, y, ch, empty, childY });
  };
  if (eventDetail) {
    for (let i = range[0]; i < range[1]; i++) {
      const kind = glyphKindOf(model.kind(i));
      if (kind !== undefined) add(i, kind, kind === "panic");
    }
  } else {
    // Zoomed far out: only what must never be missed.
    for (const p of model.ending.panics) {
      if (p.index >= range[0] && p.index < range[1] && (model.event(p.index) as PanicEvent).kind === "panic") add(p.index, "panic", true);
    }
  }
  return glyphs;
}

function layoutArrows(model: TraceModel, rc: RenderContext, range: EventRange): { arrows: FlowArrow[]; dropped: number } {
  const flows = model.flows;
  const arrows: FlowArrow[] = [];
  const { plot } = rc.geometry;
  const top = plot.y;
  const bottom = plot.y + plot.height;
  let dropped = 0;
  // Keep far-away endpoints finite but off screen, so the curve keeps its direction without costing a long stroke.
  const clampX = (x: number): number => Math.min(Math.max(x, plot.x - 3000), plot.x + plot.width + 3000);
  const clampY = (y: number): number => Math.min(Math.max(y, top - 1500), bottom + 1500);
  const add = (f: number): void => {
    if (arrows.length >= MAX_ARROWS) {
      dropped++;
      return;
    }
    const send = flows.send[f] as EventIndex;
    const recv = flows.recv[f] as EventIndex;
    const y0 = goroutineLaneMiddle(rc, flows.sender[f] as GoroutineId);
    if (Number.isNaN(y0)) return;
    const pending = recv < 0;
    const y1 = pending ? y0 : goroutineLaneMiddle(rc, flows.receiver[f] as GoroutineId);
    if (Number.isNaN(y1)) return;
    if ((y0 < top && y1 < top) || (y0 > bottom && y1 > bottom)) return;
    const x0 = clampX(xOfEvent(model, rc, send));
    const x1 = pending ? x0 + 14 : clampX(xOfEvent(model, rc, recv));
    arrows.push({
      flow: f,
      ch: flows.ch[f] as ChannelId,
      sender: flows.sender[f] as GoroutineId,
      receiver: pending ? (-1 as GoroutineId) : (flows.receiver[f] as GoroutineId),
      send,
      recv,
      x0,
      y0: clampY(y0),
      x1,
      y1: clampY(y1),
      direct: flows.direct[f] === 1,
      pending,
    });
  };
  for (let i = range[0]; i < range[1]; i++) {
    const f = flows.ofEvent(i);
    if (f === undefined) continue;
    if (flows.send[f] === i) {
      const recv = flows.recv[f] as EventIndex;
      // Receives inside the range add their own flow; here only those received later, or never.
      if (recv < 0 || recv >= range[1]) add(f);
    } else add(f);
  }
  return { arrows, dropped };
}

/**
 * The cubic curve of a flow arrow [x0, y0, c1x, c1y, c2x, c2y, x1, y1]: it
 * leaves the send steeply towards the receiver's lane (so it does not run along
 * the sender's lane over its other glyphs) and arrives level into the receive.
 * Within one lane it arcs above it.
 */
export function arrowCurve(a: FlowArrow): readonly [number, number, number, number, number, number, number, number] {
  const dx = a.x1 - a.x0;
  const dy = a.y1 - a.y0;
  if (Math.abs(dy) < 1) {
    const lift = Math.min(14, 6 + Math.abs(dx) * 0.1);
    return [a.x0, a.y0, a.x0 + dx * 0.25, a.y0 - lift, a.x1 - dx * 0.25, a.y1 - lift, a.x1, a.y1];
  }
  const reach = Math.max(Math.abs(dx) * 0.35, 6) * Math.sign(dx || 1);
  return [a.x0, a.y0, a.x0 + dx * 0.12, a.y0 + dy * 0.75, a.x1 - reach, a.y1, a.x1, a.y1];
}

// ---------------------------------------------------------------------------
// Axis

const UNITS = [
  { ns: 1e9, suffix: "s" },
  { ns: 1e6, suffix: "ms" },
  { ns: 1e3, suffix: "µs" },
  { ns: 1, suffix: "ns" },
] as const;

/**
 * A formatter for time ticks `step` ns apart, the largest being `largest`: one
 * unit for all (the largest tick's), as few decimals as tell them apart.
 */
export function timeTickFormat(step: number, largest: number): (ns: number) => string {
  const unit = UNITS.find((u) => Math.max(Math.abs(largest), step) >= u.ns) ?? UNITS[3];
  const decimals = Math.max(0, Math.min(6, -Math.floor(Math.log10(step / unit.ns) + 1e-9)));
  return (ns) => `${(ns / unit.ns).toFixed(decimals)}${unit.suffix}`;
}

/** Greedy left to right: a label is kept when it does not touch the one before it. */
function placeRow(
  candidates: readonly { x: number; text: string }[],
  rc: RenderContext,
  y: number,
  font: TextFont,
  role: TextLabel["role"],
  labels: TextLabel[],
): Set<number> {
  const { axis } = rc.geometry;
  const kept = new Set<number>();
  let lastRight = -Infinity;
  candidates.forEach((c, i) => {
    const w = rc.measureText(c.text, font);
    // Labels sit centred on their tick, nudged inside the strip at its ends.
    const x = Math.min(Math.max(c.x - w / 2, axis.x + 2), axis.x + axis.width - w - 2);
    if (x < lastRight + AXIS_LABEL_GAP) return;
    lastRight = x + w;
    kept.add(i);
    labels.push({ text: c.text, x, y, width: w, height: LABEL_HEIGHT, font, role, align: "left" });
  });
  return kept;
}

function layoutAxis(
  model: TraceModel,
  rc: RenderContext,
  range: EventRange,
  eventDetail: boolean,
  labels: TextLabel[],
): { ticks: AxisTick[]; timeMarks: AxisTick[] } {
  const { axis } = rc.geometry;
  const count = Math.max(2, Math.floor(axis.width / 110));
  const n = model.length;
  const t = model.columns.t;
  const row1 = axis.y + 3;
  const row2 = axis.y + 17;
  const ticks: AxisTick[] = [];
  const timeMarks: AxisTick[] = [];
  if (rc.axis === "time") {
    const values = rc.scale.ticks(count);
    const step = values.length > 1 ? (values[1] as number) - (values[0] as number) : Math.max(1, rc.window.end - rc.window.start);
    const fmt = timeTickFormat(step, Math.max(...values.map(Math.abs), 0));
    const candidates = values.map((v) => ({ x: xOf(rc, v), text: fmt(v) }));
    const kept = placeRow(candidates, rc, axis.y + (axis.height - LABEL_HEIGHT) / 2, "axis", "axis", labels);
    values.forEach((v, i) => ticks.push({ x: xOf(rc, v), value: v, label: kept.has(i) ? candidates[i]?.text : undefined }));
    return { ticks, timeMarks };
  }
  const values = rc.scale.ticks(count).filter((v) => Number.isInteger(v) && v >= 0 && v <= n);
  const candidates = values.map((v) => ({ x: xOf(rc, v), text: formatCount(v) }));
  const kept = placeRow(candidates, rc, row1, "axis", "axis", labels);
  values.forEach((v, i) => ticks.push({ x: xOf(rc, v), value: v, label: kept.has(i) ? candidates[i]?.text : undefined }));
  if (n === 0) return { ticks, timeMarks };

  // Second row: the virtual time, written where it moves on.
  if (eventDetail && rc.pxPerUnit >= TIME_MARK_MIN_PX) {
    const marks: { x: number; text: string; value: number }[] = [];
    for (let i = Math.max(range[0], 0); i < range[1]; i++) {
      if (i === 0 || t[i] !== t[i - 1]) marks.push({ x: xOf(rc, i), text: formatTime(t[i] as Nanos), value: i });
    }
    const keptMarks = placeRow(marks, rc, row2, "axis", "axis-time", labels);
    marks.forEach((m, i) => timeMarks.push({ x: m.x, value: m.value, label: keptMarks.has(i) ? m.text : undefined }));
  } else {
    let previous = Number.NaN;
    const timeCandidates: { x: number; text: string }[] = [];
    for (const v of values) {
      const tv = t[Math.min(v, n - 1)] as Nanos;
      if (tv !== previous) timeCandidates.push({ x: xOf(rc, v), text: formatTime(tv) });
      previous = tv;
    }
    placeRow(timeCandidates, rc, row2, "axis", "axis-time", labels);
  }
  return { ticks, timeMarks };
}

// ---------------------------------------------------------------------------
// Gutter

function layoutGutterLabels(rc: RenderContext, lanes: readonly VisibleLane[], labels: TextLabel[]): void {
  const { gutter } = rc.geometry;
  const measure = rc.measureText;
  for (const lane of lanes) {
    const row = lane.row;
    const y = lane.y + (lane.height - LABEL_HEIGHT) / 2;
    if (row.kind === "header") {
      const text = fitText(row.label.toUpperCase(), gutter.width - 2 * GUTTER_PAD, "labelBold", measure);
      if (text !== undefined) labels.push({ text, x: GUTTER_PAD, y, width: measure(text, "labelBold"), height: LABEL_HEIGHT, font: "labelBold", role: "header", align: "left" });
      continue;
    }
    // Room after the swatch or state dot; channels keep the right part for their length at the playhead.
    const x0 = GUTTER_PAD + 14;
    const maxRight = gutter.width - GUTTER_PAD - (row.kind === "channel" && row.info.cap > 0 ? GUTTER_VALUE_WIDTH : 0);
    const idText = row.kind === "goroutine" ? goroutineTag(row.g) : channelLabel(row.info);
    const idFont: TextFont = "labelBold";
    const id = fitText(idText, maxRight - x0, idFont, measure);
    if (id === undefined) continue;
    const idWidth = measure(id, idFont);
    labels.push({ text: id, x: x0, y, width: idWidth, height: LABEL_HEIGHT, font: idFont, role: "gutter", align: "left" });
    const rest =
      row.kind === "goroutine"
        ? goroutineLabel(row.info).slice(idText.length).trim()
        : row.info.cap === 0
          ? "unbuffered"
          : `cap ${row.info.cap}`;
    if (rest === "" || id !== idText) continue;
    const x1 = x0 + idWidth + 6;
    const restText = fitText(rest, maxRight - x1, "label", measure);
    // A channel's capacity is also in its len/cap value at the right: rather none than "ca…".
    if (restText !== undefined && (row.kind === "goroutine" || restText === rest)) {
      labels.push({ text: restText, x: x1, y, width: measure(restText, "label"), height: LABEL_HEIGHT, font: "label", role: row.kind === "goroutine" ? "gutter" : "gutter-muted", align: "left" });
    }
  }
}

/** The channel a select event's chosen case used, or undefined for default (or not a select). */
function chosenChannel(model: TraceModel, selectIndex: EventIndex): ChannelId | undefined {
  const id = model.selects.ofEvent(selectIndex);
  if (id === undefined) return undefined;
  const d = model.selects.decision(id);
  if (d.at.index !== selectIndex || d.chosen < 0) return undefined;
  return d.cases[d.chosen]?.ch ?? undefined;
}

/** The state code of goroutine `g` after event `index` (StateCode.none before it exists). */
export function stateCodeAt(info: GoroutineInfo, index: EventIndex): GoroutineStateCode {
  const k = info.spans.spanAt(index);
  return k < 0 ? StateCode.none : info.spans.stateCode(k);
}
