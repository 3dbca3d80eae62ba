// What the model knows about each channel over the whole trace: its identity,
// when it was made and closed, how full it was after every operation, and who
// used it (the wait-for graph's guess at who could still act on it).

import type { ChannelId, EventIndex, GoroutineId } from "../events";
import { NONE, type EventColumns } from "./columns";
import { refAt, type EventRef } from "./eventRef";
import { lowerBound, upperBound } from "./growableArray";

/** A goroutine that sent, received or closed on a channel (or used a sync object), and its first such event. */
export interface User {
  readonly g: GoroutineId;
  readonly first: EventIndex;
}

/** A step series: value(k) holds from event index(k) until index(k+1). */
export interface StepSeries {
  readonly length: number;
  index(k: number): EventIndex;
  value(k: number): number;
  /** The value after event `at` (0 before the first point). */
  at(at: EventIndex): number;
  /** The first point at or after event `at` (length if none). */
  firstAtOrAfter(at: EventIndex): number;
}

/**
 * A series in two plain arrays that only grow (per-channel series are many and
 * small: plain arrays are far cheaper to grow than typed ones). A view reads
 * the first `length` points, which never change.
 */
export class SeriesRecorder {
  private readonly index: number[] = [];
  private readonly value: number[] = [];

  push(index: number, value: number): void {
    this.index.push(index);
    this.value.push(value);
  }

  view(): StepSeries {
    return new ArraySeries(this.index, this.value, this.index.length);
  }
}

class ArraySeries implements StepSeries {
  constructor(
    private readonly indices: readonly number[],
    private readonly values: readonly number[],
    readonly length: number,
  ) {
    Object.freeze(this);
  }

  index(k: number): EventIndex {
    return this.indices[k] as EventIndex;
  }

  value(k: number): number {
    return this.values[k] as number;
  }

  at(at: number): number {
    const k = upperBound(this.indices, this.length, at) - 1;
    return k < 0 ? 0 : (this.values[k] as number);
  }

  firstAtOrAfter(at: number): number {
    return lowerBound(this.indices, this.length, at);
  }
}

export interface ChannelInfo {
  readonly id: ChannelId;
  readonly name: string | undefined;
  readonly cap: number;
  /** Undefined when the channel was used without a make event (a trace cut at the front). */
  readonly made: EventRef | undefined;
  readonly madeBy: GoroutineId | undefined;
  readonly closed: { readonly at: EventRef; readonly by: GoroutineId } | undefined;
  /** Completed operations. */
  readonly sends: number;
  readonly recvs: number;
  /** One point per send/recv/close on the channel: the buffer length after it. Doubles as the channel's list of operations. */
  readonly occupancy: StepSeries;
  /** Goroutines that sent, received or closed on it, in order of first use. */
  readonly users: readonly User[];
}

export class ChannelRecord {
  name: string | undefined;
  cap = 0;
  made = NONE;
  madeBy = NONE;
  closedAt = NONE;
  closedBy = NONE;
  sends = 0;
  recvs = 0;
  /** Index of every send/recv/close on the channel; the lengths and goroutines are in the columns. */
  readonly ops: number[] = [];
  /** Goroutines that blocked on it (a send, a receive, a select case) → the first such block: users too. */
  readonly waitedBy = new Map<number, number>();
  /** The last picture taken, reused while nothing changed (a live view snapshots often; most channels sit idle). */
  private last: ChannelInfo | undefined;
  private lastOps = -1;
  private lastClosed = NONE;
  private lastWaited = 0;

  constructor(readonly id: ChannelId) {}

  /** g blocked on this channel at event i (its first block here is what counts). */
  waited(g: number, i: number): void {
    if (!this.waitedBy.has(g)) this.waitedBy.set(g, i);
  }

  /** A frozen picture of what is known so far (the op list is shared: it only grows). */
  info(cols: EventColumns): ChannelInfo {
    if (
      this.last === undefined ||
      this.lastOps !== this.ops.length ||
      this.lastClosed !== this.closedAt ||
      this.lastWaited !== this.waitedBy.size
    ) {
      this.last = new ChannelInfoView(this, cols);
      this.lastOps = this.ops.length;
      this.lastClosed = this.closedAt;
      this.lastWaited = this.waitedBy.size;
    }
    return this.last;
  }
}

/** Reads the columns by index only, so it stays true for any later, longer view of them. */
class OpsSeries implements StepSeries {
  constructor(
    private readonly ops: readonly number[],
    readonly length: number,
    private readonly len: EventColumns["len"],
  ) {
    Object.freeze(this);
  }

  index(k: number): EventIndex {
    return this.ops[k] as EventIndex;
  }

  value(k: number): number {
    return this.len[this.ops[k] as number] as number;
  }

  at(at: number): number {
    const k = upperBound(this.ops, this.length, at) - 1;
    return k < 0 ? 0 : (this.len[this.ops[k] as number] as number);
  }

  firstAtOrAfter(at: number): number {
    return lowerBound(this.ops, this.length, at);
  }
}

class ChannelInfoView implements ChannelInfo {
  readonly id: ChannelId;
  readonly name: string | undefined;
  readonly cap: number;
  readonly made: EventRef | undefined;
  readonly madeBy: GoroutineId | undefined;
  readonly closed: { readonly at: EventRef; readonly by: GoroutineId } | undefined;
  readonly sends: number;
  readonly recvs: number;
  readonly occupancy: StepSeries;
  /** Derived on first read (the wait-for graph needs it only for channels someone waits on). */
  private readonly memo: { users?: readonly User[] } = {};
  private readonly g: EventColumns["g"];
  /** Who blocked on it, first time each: a snapshot, as the record's map keeps growing. */
  private readonly waited: readonly (readonly [number, number])[];

  constructor(r: ChannelRecord, cols: EventColumns) {
    this.id = r.id;
    this.name = r.name;
    this.cap = r.cap;
    this.made = r.made === NONE ? undefined : refAt(cols.t, r.made);
    this.madeBy = r.madeBy === NONE ? undefined : (r.madeBy as GoroutineId);
    this.closed = r.closedAt === NONE ? undefined : Object.freeze({ at: refAt(cols.t, r.closedAt), by: r.closedBy as GoroutineId });
    this.sends = r.sends;
    this.recvs = r.recvs;
    this.occupancy = new OpsSeries(r.ops, r.ops.length, cols.len);
    this.g = cols.g;
    this.waited = [...r.waitedBy];
    Object.freeze(this);
  }

  /** Goroutines that sent, received, closed or blocked on it (a select case included), by their first such event. */
  get users(): readonly User[] {
    if (this.memo.users === undefined) {
      const first = new Map<GoroutineId, number>();
      for (let k = 0; k < this.occupancy.length; k++) {
        const i = this.occupancy.index(k);
        const g = this.g[i] as GoroutineId;
        if (!first.has(g)) first.set(g, i);
      }
      for (const [g, i] of this.waited) {
        const had = first.get(g as GoroutineId);
        if (had === undefined || i < had) first.set(g as GoroutineId, i);
      }
      const list = [...first].map(([g, i]) => Object.freeze({ g, first: i as EventIndex }));
      list.sort((a, b) => a.first - b.first);
      this.memo.users = Object.freeze(list);
    }
    return this.memo.users;
  }
}
