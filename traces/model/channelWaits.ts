// How many goroutines wait to send on, and to receive from, each channel over
// time: an aggregation of the blocked spans (a select counts on each of its
// cases' channels). Read from the columns rather than through Span objects: it
// visits every blocked span. The model computes it on first read
// (O(spans log spans)), never per frame.

import { REASON, StateCode } from "../codes";
import type { ChannelId, EventIndex, GoroutineId } from "../events";
import { casesAt, K, reasonCodeAt, type EventColumns } from "./columns";
import type { SpanTrack } from "./goroutineSpans";
import { upperBound } from "./growableArray";
import { IdSlots } from "./idSlots";
import { columnOf, type EventColumn, type ReadonlyInt32Array } from "./readonlyArrays";

/** A step series over event indices: count(k) waiters from event index(k) until index(k + 1). */
export interface WaitSeries {
  /** Event indices where the count changes, ascending. */
  readonly index: EventColumn<EventIndex>;
  /** The count from index[k] on. */
  readonly count: ReadonlyInt32Array;
  /** The count in force after event `at`. */
  countAt(at: EventIndex): number;
}

export interface ChannelWaitSeries {
  readonly senders: WaitSeries;
  readonly receivers: WaitSeries;
}

/** Per channel that anyone ever waited on. */
export type ChannelWaits = ReadonlyMap<ChannelId, ChannelWaitSeries>;

class StepSeries implements WaitSeries {
  readonly index: EventColumn<EventIndex>;

  constructor(
    index: Int32Array,
    readonly count: Int32Array,
  ) {
    this.index = columnOf<EventIndex>(index);
    Object.freeze(this);
  }

  countAt(at: EventIndex): number {
    const k = upperBound(this.index, this.index.length, at);
    return k === 0 ? 0 : (this.count[k - 1] as number);
  }
}

const EMPTY: WaitSeries = new StepSeries(new Int32Array(0), new Int32Array(0));
const SEND_REASON = REASON["chan send"];
const RECV_REASON = REASON["chan receive"];

/** Room for event indices in a sort key (2^26 events: far past what a trace holds). */
const INDEX_SPAN = 2 ** 26;

export function channelWaits(
  goroutines: readonly { readonly id: GoroutineId; readonly spans: SpanTrack }[],
  cols: EventColumns,
): ChannelWaits {
  // One sort for everything: each wait becomes two keys, ordered by channel, direction, event index,
  // and at one index the end before the start, so a hand-over never shows a spike.
  let keys = new Float64Array(1024);
  let n = 0;
  // Lanes by dense channel slot, not id: a key stays an exact integer whatever the ids.
  const slots = new IdSlots();
  const add = (ch: ChannelId, send: boolean, start: number, end: number): void => {
    if (n + 2 > keys.length) {
      const bigger = new Float64Array(keys.length * 2);
      bigger.set(keys);
      keys = bigger;
    }
    const lane = (slots.slot(ch) * 2 + (send ? 0 : 1)) * INDEX_SPAN;
    keys[n++] = (lane + start) * 2 + 1;
    keys[n++] = (lane + end) * 2;
  };
  for (const g of goroutines) {
    const track = g.spans;
    for (let k = 0; k < track.length; k++) {
      const code = track.stateCode(k);
      if (
        code !== StateCode.blockedSend &&
        code !== StateCode.blockedRecv &&
        code !== StateCode.blockedSelect &&
        code !== StateCode.deadlocked &&
        code !== StateCode.leaked
      ) {
        continue;
      }
      const w = track.waitIndex(k);
      if (w < 0) continue;
      const start = track.startIndex(k);
      const end = track.endIndex(k);
      // A select's cases; otherwise its one channel.
      const caseList = cols.kind[w] === K.block ? casesAt(cols, w) : undefined;
      if (caseList !== undefined) {
        for (const c of caseList) if (c.ch !== null) add(c.ch, c.dir === "send", start, end);
        continue;
      }
      const ch = cols.ch[w] as number;
      const reason = reasonCodeAt(cols, w);
      if (ch >= 0 && (reason === SEND_REASON || reason === RECV_REASON)) add(ch as ChannelId, reason === SEND_REASON, start, end);
    }
  }
  const sorted = keys.subarray(0, n).sort();
  const senders = new Map<ChannelId, WaitSeries>();
  const receivers = new Map<ChannelId, WaitSeries>();
  let i = 0;
  while (i < n) {
    const lane = Math.floor(Math.floor((sorted[i] as number) / 2) / INDEX_SPAN);
    let j = i;
    while (j < n && Math.floor(Math.floor((sorted[j] as number) / 2) / INDEX_SPAN) === lane) j++;
    const series = toSeries(sorted, i, j, lane * INDEX_SPAN);
    (lane % 2 === 0 ? senders : receivers).set(slots.ids[Math.floor(lane / 2)] as ChannelId, series);
    i = j;
  }
  const out = new Map<ChannelId, ChannelWaitSeries>();
  for (const id of slots.sortedIds()) {
    const ch = id as ChannelId;
    out.set(ch, Object.freeze({ senders: senders.get(ch) ?? EMPTY, receivers: receivers.get(ch) ?? EMPTY }));
  }
  return out;
}

function toSeries(sorted: Float64Array, from: number, to: number, laneBase: number): WaitSeries {
  const index = new Int32Array(to - from);
  const count = new Int32Array(to - from);
  let n = 0;
  let running = 0;
  for (let i = from; i < to; i++) {
    const key = sorted[i] as number;
    const at = Math.floor(key / 2) - laneBase;
    running += key % 2 === 1 ? 1 : -1;
    if (n > 0 && index[n - 1] === at) count[n - 1] = running;
    else {
      index[n] = at;
      count[n] = running;
      n++;
    }
  }
  return new StepSeries(index.subarray(0, n), count.subarray(0, n));
}
