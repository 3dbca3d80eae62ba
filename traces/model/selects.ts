// Select decisions: for each select event, its cases, which were ready, which
// fired (or default), and the send/recv that the chosen case produced.

import type { EventIndex, GoroutineId, SelectCase, SelectEvent, SourceLoc } from "../events";
import { NONE, type EventColumns } from "./columns";
import { eventAt } from "./eventAt";
import { refAt, type EventRef } from "./eventRef";
import { growableInt32, lowerBound } from "./growableArray";
import { columnOf, type EventColumn } from "./readonlyArrays";

export interface SelectDecision {
  readonly id: number;
  readonly at: EventRef;
  readonly g: GoroutineId;
  readonly cases: readonly SelectCase[];
  readonly ready: readonly number[];
  /** Case index, or -1 for default. */
  readonly chosen: number;
  readonly hasDefault: boolean;
  /** The send/recv of the chosen case; undefined for default (or when the trace ends first). */
  readonly op: EventRef | undefined;
  readonly loc: SourceLoc | undefined;
}

export interface SelectTable {
  readonly length: number;
  /** Event index of each select event. */
  readonly event: EventColumn<EventIndex>;
  /** Event index of the op each produced, or -1. */
  readonly op: EventColumn<EventIndex>;
  decision(id: number): SelectDecision;
  /** The decision made at a select event, or the one whose op is this send/recv. */
  ofEvent(index: EventIndex): number | undefined;
}

/** How many decisions back ofEvent looks for the one an op belongs to (other goroutines' selects may come between). */
const OP_LOOKBACK = 256;

export class SelectRecorder {
  private readonly event = growableInt32(256);
  private readonly op = growableInt32(256);
  private readonly chosen = growableInt32(256);
  /** Decision waiting for its op, per goroutine id (NONE: none). */
  private readonly pending = new Map<number, number>();

  decided(index: number, e: SelectEvent): void {
    const id = this.event.length;
    this.event.push(index);
    this.op.push(NONE);
    this.chosen.push(e.chosen);
    this.pending.set(e.g, e.chosen >= 0 ? id : NONE);
  }

  /** A send/recv with `sel` set: the op of g's pending decision, when its case matches. */
  opDone(index: number, g: GoroutineId, sel: number): void {
    const id = this.pending.get(g);
    if (id === undefined || id === NONE || this.chosen.get(id) !== sel) return;
    this.pending.set(g, NONE);
    this.op.set(id, index);
  }

  view(cols: EventColumns): SelectTable {
    const event = this.event.view();
    // op is filled in place when the op arrives: copy so this view never changes.
    const op = this.op.view().slice();
    const n = event.length;
    const decision = (id: number): SelectDecision => {
      if (id < 0 || id >= n) throw new RangeError(`select decision ${id} out of range [0, ${n})`);
      const at = event[id] as number;
      const e = eventAt(cols, at) as SelectEvent;
      const o = op[id] as number;
      return Object.freeze({
        id,
        at: refAt(cols.t, at),
        g: e.g,
        cases: e.cases,
        ready: e.ready,
        chosen: e.chosen,
        hasDefault: e.hasDefault,
        op: o === NONE ? undefined : refAt(cols.t, o),
        loc: e.loc,
      });
    };
    return Object.freeze({
      length: n,
      event: columnOf<EventIndex>(event),
      op: columnOf<EventIndex>(op),
      decision,
      ofEvent: (index: number): number | undefined => {
        const k = lowerBound(event, n, index);
        if (k < n && event[k] === index) return k;
        // An op follows its select closely (same goroutine, same run): look back a little.
        for (let j = k - 1; j >= 0 && j >= k - OP_LOOKBACK; j--) if (op[j] === index) return j;
        return undefined;
      },
    });
  }
}
