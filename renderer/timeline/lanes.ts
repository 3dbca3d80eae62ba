// The lanes' rows: one per goroutine (by id), then one per channel (by id),
// each section under a header. Rows are laid out once per model and filter
// (O(goroutines + channels)); a frame only touches the rows in view, found by
// binary search, so a trace with tens of thousands of goroutines scrolls as
// cheaply as one with three.

import type { ChannelId, GoroutineId } from "../../traces/events";
import type { ChannelInfo, GoroutineInfo, TraceModel } from "../../traces/model/index";
import { CHANNEL_LANE_HEIGHT, GOROUTINE_LANE_HEIGHT, SECTION_HEADER_HEIGHT } from "./geometry";
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

export function laneRows(
  model: TraceModel,
  visibleGoroutines?: ReadonlySet<GoroutineId>,
  visibleChannels?: ReadonlySet<ChannelId>,
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
        height: SECTION_HEADER_HEIGHT,
      }),
    );
    y += SECTION_HEADER_HEIGHT;
    for (const info of goroutines) {
      gRow[info.id] = rows.length;
      rows.push({ kind: "goroutine", g: info.id, info, top: y, height: GOROUTINE_LANE_HEIGHT });
      y += GOROUTINE_LANE_HEIGHT;
    }
  }
  if (channels.length > 0) {
    rows.push(
      Object.freeze({
        kind: "header",
        section: "channels",
        label: plural(channels.length, "channel", "channels"),
        top: y,
        height: SECTION_HEADER_HEIGHT,
      }),
    );
    y += SECTION_HEADER_HEIGHT;
    for (const info of channels) {
      cRow[info.id] = rows.length;
      rows.push({ kind: "channel", ch: info.id, info, top: y, height: CHANNEL_LANE_HEIGHT });
      y += CHANNEL_LANE_HEIGHT;
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
