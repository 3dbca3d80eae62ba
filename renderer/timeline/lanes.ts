// The lanes' rows: one per goroutine (by id), then one per channel (by id),
// each section under a header. Rows are laid out once per model and filter
// (O(goroutines + channels)); a frame only touches the rows in view, found by
// binary search, so a trace with tens of thousands of goroutines scrolls as
// cheaply as one with three.

import type { ChannelId, GoroutineId } from "../../traces/events";
import type { ChannelInfo, GoroutineInfo, TraceModel } from "../../traces/model/index";
import { COMFORTABLE_LANES, TIGHTEST_LANES, type LaneMetrics } from "./geometry";
import { plural } from "./words";

export type LaneRow =
  | {
      readonly kind: "header";
      readonly section: "goroutines" | "channels";
      readonly label: string;
      readonly top: number;
      readonly height: number;
    }
  | { readonly kind: "goroutine"; readonly g: GoroutineId; readonly info: GoroutineInfo; readonly top: number; readonly height: number }
  | { readonly kind: "channel"; readonly ch: ChannelId; readonly info: ChannelInfo; readonly top: number; readonly height: number };

export interface LaneRows {
  readonly rows: readonly LaneRow[];
  /** Total height of all rows, in CSS px. */
  readonly contentHeight: number;
  /** Row index of a goroutine's lane, or -1 when it has none (filtered out, unknown). */
  rowOfGoroutine(g: GoroutineId): number;
  rowOfChannel(ch: ChannelId): number;
  /** The rows overlapping [top, bottom) in content coordinates: [first, end). */
  rowsBetween(top: number, bottom: number): readonly [number, number];
}

/** How many lanes of each kind there are to show. */
export interface LaneCounts {
  readonly goroutines: number;
  readonly channels: number;
}

/** The height of every row (headers included) for these many lanes at these sizes. */
export function lanesHeight(counts: LaneCounts, metrics: LaneMetrics): number {
  const g = counts.goroutines > 0 ? metrics.header + counts.goroutines * metrics.goroutine : 0;
  const c = counts.channels > 0 ? metrics.header + counts.channels * metrics.channel : 0;
  return g + c;
}

/**
 * The biggest lane sizes at which every lane fits in `height` without
 * scrolling; the tightest when none does (the lanes then scroll). Channel
 * lanes give first, down to a goroutine lane's height (their steps read well
 * at that size); then goroutine lanes, channel lanes and headers shrink
 * together, each down to its least.
 */
export function fitLaneMetrics(counts: LaneCounts, height: number): LaneMetrics {
  const max = COMFORTABLE_LANES;
  for (let c = max.channel; c > max.goroutine; c--) {
    const metrics = c === max.channel ? max : { ...max, channel: c };
    if (lanesHeight(counts, metrics) <= height) return metrics;
  }
  for (let g = max.goroutine; g > TIGHTEST_LANES.goroutine; g--) {
    const metrics = squeezedLanes(g);
    if (lanesHeight(counts, metrics) <= height) return metrics;
  }
  return TIGHTEST_LANES;
}

/** The sizes with goroutine lanes `g` px tall, once the channel lanes have given way: channel lanes as tall, headers a little less, each down to its least. */
export function squeezedLanes(g: number): LaneMetrics {
  const min = TIGHTEST_LANES;
  const goroutine = Math.min(COMFORTABLE_LANES.goroutine, Math.max(min.goroutine, Math.round(g)));
  return {
    goroutine,
    channel: Math.max(min.channel, goroutine),
    header: Math.max(min.header, Math.min(COMFORTABLE_LANES.header, goroutine - 2)),
  };
}

export function laneRows(
  model: TraceModel,
  visibleGoroutines?: ReadonlySet<GoroutineId>,
  visibleChannels?: ReadonlySet<ChannelId>,
  metrics: LaneMetrics = COMFORTABLE_LANES,
): LaneRows {
  const rows: LaneRow[] = [];
  let y = 0;
  const goroutines = model.goroutines.filter((g) => visibleGoroutines === undefined || visibleGoroutines.has(g.id));
  const channels = model.channels.filter((c) => visibleChannels === undefined || visibleChannels.has(c.id));
  const gRow = new Int32Array(maxId(model.goroutines) + 1).fill(-1);
  const cRow = new Int32Array(maxId(model.channels) + 1).fill(-1);

  if (goroutines.length > 0) {
    rows.push(
      Object.freeze({
        kind: "header",
        section: "goroutines",
        label: plural(goroutines.length, "goroutine", "goroutines"),
        top: y,
        height: metrics.header,
      }),
    );
    y += metrics.header;
    for (const info of goroutines) {
      gRow[info.id] = rows.length;
      rows.push({ kind: "goroutine", g: info.id, info, top: y, height: metrics.goroutine });
      y += metrics.goroutine;
    }
  }
  if (channels.length > 0) {
    rows.push(
      Object.freeze({
        kind: "header",
        section: "channels",
        label: plural(channels.length, "channel", "channels"),
        top: y,
        height: metrics.header,
      }),
    );
    y += metrics.header;
    for (const info of channels) {
      cRow[info.id] = rows.length;
      rows.push({ kind: "channel", ch: info.id, info, top: y, height: metrics.channel });
      y += metrics.channel;
    }
  }
  // Rows are readonly by type; freezing tens of thousands of them per live batch costs more than it guards.
  Object.freeze(rows);
  const contentHeight = y;
  const firstEndingAfter = (top: number): number => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = rows[mid] as LaneRow;
      if (r.top + r.height <= top) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return Object.freeze({
    rows,
    contentHeight,
    rowOfGoroutine: (g: GoroutineId) => (g >= 0 && g < gRow.length ? (gRow[g] as number) : -1),
    rowOfChannel: (ch: ChannelId) => (ch >= 0 && ch < cRow.length ? (cRow[ch] as number) : -1),
    rowsBetween: (top: number, bottom: number): readonly [number, number] => {
      const first = firstEndingAfter(top);
      let end = first;
      while (end < rows.length && (rows[end] as LaneRow).top < bottom) end++;
      return [first, end] as const;
    },
  });
}

function maxId(items: readonly { readonly id: number }[]): number {
  let m = 0;
  for (const it of items) if (it.id > m) m = it.id;
  return m;
}
