// Collects a running program's events and hands them on in batches: whatever
// arrived before the worker's event loop next turns goes out as one message,
// and no message holds more than BATCH_MAX_EVENTS. The runtime lets the event
// loop turn every few milliseconds while it runs and whenever it waits for a
// real timer or io, so that is the batching cadence. Waiting any longer would
// lose events: a program about to spin in `while (true) {}` never lets a later
// timer fire, and terminating its worker drops whatever was not posted.
import type { TraceEvent } from "../../traces/events";
import { BATCH_MAX_EVENTS } from "./workerProtocol";

export class EventBatcher {
  private pending: TraceEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly post: (events: readonly TraceEvent[]) => void,
    private readonly maxEvents: number = BATCH_MAX_EVENTS,
  ) {}

  add(events: readonly TraceEvent[]): void {
    for (const e of events) this.pending.push(e);
    if (this.pending.length >= this.maxEvents) this.flush();
    else if (this.pending.length > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, 0);
    }
  }

  /** Posts everything waiting, in batches of at most maxEvents. */
  flush(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const all = this.pending;
    if (all.length === 0) return;
    this.pending = [];
    for (let i = 0; i < all.length; i += this.maxEvents) this.post(all.slice(i, i + this.maxEvents));
  }
}
