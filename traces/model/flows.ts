// Flows: each value's path from the send that put it on a channel to the
// receive that took it, directly or through the buffer (recv.from names the send).

import type { ChannelId, EventIndex, GoroutineId } from "../events";
import { K, NONE, valueAt, type EventColumns } from "./columns";
import { refAt, type EventRef } from "./eventRef";
import { growableInt32, growableUint8, lowerBound } from "./growableArray";
import { columnOf, type EventColumn, type ReadonlyUint8Array } from "./readonlyArrays";

/**
 * delivered: received. buffered: still in the channel's buffer at the end of the trace.
 * lost: handed to a receiver directly but its receive is not in the trace (cut off).
 */
export type FlowStatus = "delivered" | "buffered" | "lost";

export interface Flow {
  readonly id: number;
  readonly ch: ChannelId;
  readonly send: EventRef;
  readonly recv: EventRef | undefined;
  readonly sender: GoroutineId;
  readonly receiver: GoroutineId | undefined;
  /** Handed from sender to receiver without passing through the buffer. */
  readonly direct: boolean;
  readonly v: string;
  readonly status: FlowStatus;
}

export interface FlowTable {
  /** Flows in the order of their sends. */
  readonly length: number;
  readonly send: EventColumn<EventIndex>;
  /** -1: not received (yet). */
  readonly recv: EventColumn<EventIndex>;
  readonly ch: EventColumn<ChannelId>;
  readonly sender: EventColumn<GoroutineId>;
  /** -1: not received (yet). */
  readonly receiver: EventColumn<GoroutineId>;
  /** 1: direct handoff. */
  readonly direct: ReadonlyUint8Array;
  flow(id: number): Flow;
  /** The flow a send or recv event belongs to. */
  ofEvent(index: EventIndex): number | undefined;
  /** The first flow whose send is at or after event `index`. */
  firstSendAtOrAfter(index: EventIndex): number;
  /** Flows never received, in send order. */
  undelivered(): readonly number[];
}

export class FlowRecorder {
  private readonly send = growableInt32(1024);
  private readonly recv = growableInt32(1024);
  private readonly ch = growableInt32(1024);
  private readonly sender = growableInt32(1024);
  private readonly receiver = growableInt32(1024);
  private readonly direct = growableUint8(1024);

  // One flow per send, in send order: a send's flow id is its rank among the sends (binary search).
  sent(index: number, ch: ChannelId, g: GoroutineId, peer: number): void {
    this.send.push(index);
    this.recv.push(NONE);
    this.ch.push(ch);
    this.sender.push(g);
    this.receiver.push(NONE);
    this.direct.push(peer === NONE ? 0 : 1);
  }

  /** Returns false when `from` names no send (the caller records the anomaly). */
  received(index: number, from: number, g: GoroutineId): boolean {
    const id = lowerBound(this.send.array, this.send.length, from);
    if (id >= this.send.length || this.send.get(id) !== from) return false;
    this.recv.set(id, index);
    this.receiver.set(id, g);
    return true;
  }

  view(cols: EventColumns): FlowTable {
    // recv and receiver are filled in place when a receive arrives later: copy them so this view never changes.
    return new FlowTableView(
      columnOf<EventIndex>(this.send.view()),
      columnOf<EventIndex>(this.recv.view().slice()),
      columnOf<ChannelId>(this.ch.view()),
      columnOf<GoroutineId>(this.sender.view()),
      columnOf<GoroutineId>(this.receiver.view().slice()),
      this.direct.view(),
      cols,
    );
  }
}

class FlowTableView implements FlowTable {
  readonly length: number;

  constructor(
    readonly send: EventColumn<EventIndex>,
    readonly recv: EventColumn<EventIndex>,
    readonly ch: EventColumn<ChannelId>,
    readonly sender: EventColumn<GoroutineId>,
    readonly receiver: EventColumn<GoroutineId>,
    readonly direct: ReadonlyUint8Array,
    private readonly cols: EventColumns,
  ) {
    this.length = send.length;
    Object.freeze(this);
  }

  flow(id: number): Flow {
    if (id < 0 || id >= this.length) throw new RangeError(`flow ${id} out of range [0, ${this.length})`);
    const send = this.send[id] as number;
    const recv = this.recv[id] as number;
    const direct = this.direct[id] === 1;
    return Object.freeze({
      id,
      ch: this.ch[id] as ChannelId,
      send: refAt(this.cols.t, send),
      recv: recv === NONE ? undefined : refAt(this.cols.t, recv),
      sender: this.sender[id] as GoroutineId,
      receiver: recv === NONE ? undefined : (this.receiver[id] as GoroutineId),
      direct,
      v: valueAt(this.cols, send) ?? "",
      status: recv !== NONE ? "delivered" : direct ? "lost" : "buffered",
    });
  }

  ofEvent(index: number): number | undefined {
    if (index < 0 || index >= this.cols.length) return undefined;
    const kind = this.cols.kind[index];
    const send = kind === K.send ? index : kind === K.recv ? (this.cols.from[index] as number) : NONE;
    if (send === NONE) return undefined;
    const id = lowerBound(this.send, this.length, send);
    if (id >= this.length || this.send[id] !== send) return undefined;
    // A recv names its send; it belongs to the flow only if the flow ended there.
    return kind === K.send || this.recv[id] === index ? id : undefined;
  }

  firstSendAtOrAfter(index: number): number {
    return lowerBound(this.send, this.length, index);
  }

  undelivered(): readonly number[] {
    const out: number[] = [];
    for (let k = 0; k < this.length; k++) if (this.recv[k] === NONE) out.push(k);
    return Object.freeze(out);
  }
}
