// Which goroutine states a trace has, and whether it closes a channel, for the legend. A live run hands over a
// new model per batch; spans below an earlier snapshot's length never change,
// so StatesSeen scans only what each goroutine gained since the last model.

import { eventIndex } from "../../traces/events";
import type { Nanos } from "../../traces/units";
import { StateCode, type TraceModel } from "../../traces/model/index";

/** Whether any channel of the run gets closed: the legend then says how a closed channel looks. */
export function hasClosedChannel(model: TraceModel): boolean {
  return model.channels.some((c) => c.closed !== undefined);
}

/** The state codes that occur in the model's spans (running and runnable always listed). */
export function statesInModel(model: TraceModel): ReadonlySet<number> {
  return new StatesSeen().update(model);
}

export class StatesSeen {
  private scanned: number[] = [];
  private seen = new Set<number>([StateCode.running, StateCode.runnable]);
  private lastLength = 0;
  /** The last event seen, by time, kind and goroutine: a later model of the same run still has it at the same index. */
  private lastEvent: readonly [number, string, number] = [Number.NaN, "", 0];

  /** The states in `model`, scanning only spans added since the previous model of the same run. */
  update(model: TraceModel): ReadonlySet<number> {
    // Another run, or an earlier moment of this one: start over.
    const cols = model.columns;
    const at = eventIndex(this.lastLength - 1);
    const sameRun =
      at < 0 ||
      (model.length >= this.lastLength &&
        cols.t[at] === this.lastEvent[0] &&
        model.kind(at) === this.lastEvent[1] &&
        cols.g[at] === this.lastEvent[2]);
    if (!sameRun) {
      this.scanned = [];
      this.seen = new Set<number>([StateCode.running, StateCode.runnable]);
    }
    this.lastLength = model.length;
    const last = eventIndex(model.length - 1);
    this.lastEvent = last < 0 ? [Number.NaN, "", 0] : [cols.t[last] as Nanos, model.kind(last), cols.g[last] as number];
    const before = this.seen.size;
    for (const g of model.goroutines) {
      const t = g.spans;
      const from = Math.min(this.scanned[g.id] ?? 0, Math.max(0, t.length - 1));
      for (let k = from; k < t.length; k++) this.seen.add(t.stateCode(k));
      this.scanned[g.id] = t.length;
    }
    if (this.seen.size !== before) this.seen = new Set(this.seen);
    return this.seen;
  }
}
