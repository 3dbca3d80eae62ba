// Collects a run's events as its worker's messages bring them and hands them
// on in batches: whatever arrived before the host's event loop next turns goes
// out as one batch, and no batch holds more than BATCH_MAX_EVENTS. The worker
// posts the events of every operation as it happens (a program may spin after
// any of them and be terminated), so a fast program sends many small messages;
// the host's session, its IPC and its window want few, larger ones.
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
