// Collects a running program's events and hands them on in batches: at most
// about every BATCH_INTERVAL_MS, sooner once BATCH_MAX_EVENTS are waiting. One
// message per event would swamp the host; one message at the end would keep
// the timeline from growing while the program runs. After a quiet spell the
// first events go out at once (leading edge): a program that is about to spin
// in `while (true) {}` never gives a timer the chance to fire, so waiting would
// lose what it did just before.
import type { TraceEvent } from "../../traces/events";
import { BATCH_INTERVAL_MS, BATCH_MAX_EVENTS } from "./workerProtocol";

export class EventBatcher {
  private pending: TraceEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastPost = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly post: (events: readonly TraceEvent[]) => void,
    private readonly intervalMs: number = BATCH_INTERVAL_MS,
    private readonly maxEvents: number = BATCH_MAX_EVENTS,
    private readonly now: () => number = Date.now,
  ) {}

  add(events: readonly TraceEvent[]): void {
    for (const e of events) this.pending.push(e);
    if (this.pending.length === 0 || this.timer !== undefined) {
      if (this.pending.length >= this.maxEvents) this.flush();
      return;
    }
    const wait = this.lastPost + this.intervalMs - this.now();
    if (wait <= 0 || this.pending.length >= this.maxEvents) this.flush();
    else {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
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
    this.lastPost = this.now();
    for (let i = 0; i < all.length; i += this.maxEvents) this.post(all.slice(i, i + this.maxEvents));
  }
}
