// Grows the model of a live run as its batches arrive. The builder is mutable
// and lives here, outside the UI state; what leaves is a frozen snapshot, at
// most one per `intervalMs`, so a fast program cannot make the window redraw
// thousands of times a second. Batches (and even the end) of a run that arrive
// before the host has said which run was started (startRun's answer) wait for it.
//
// The page must stay responsive however much a run sends (a million
// goroutines): events are added a slice of time at a time, whatever is left
// waits for the next task, and a snapshot that took long (with the redraw it
// caused) spaces out the next ones, so most of the main thread stays free.

import type { RunBatch, RunEnded } from "../../main/contract/hostApi";
import type { TraceEvent, TraceHeader } from "../../traces/events";
import { TraceModelBuilder, type TraceModel } from "../../traces/model/index";

export interface FeedScheduler {
  schedule(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

const timers: FeedScheduler = {
  schedule: (fn, ms) => setTimeout(fn, ms),
  cancel: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** The most time one task spends adding events to the model. */
const ADD_SLICE_MS = 8;
/** A snapshot that took t ms waits at least this many times t before the next. */
const SNAPSHOT_SPACING = 8;

const now = (): number => performance.now();

export class LiveRunFeed {
  private runId: number | undefined;
  private builder: TraceModelBuilder | undefined;
  /** Events of the current run not yet added (over the slice's time), and where the first batch resumes. */
  private queue: (readonly TraceEvent[])[] = [];
  private queuedFrom = 0;
  private adding: unknown;
  /** The end, held until the queue is added. */
  private endAfterQueue: RunEnded | undefined;
  private nextIntervalMs: number;
  /** Events of runs not (yet) known as the current one, by run id. */
  private readonly early = new Map<number, TraceEvent[]>();
  private readonly earlyEnd = new Map<number, RunEnded>();
  private pending: unknown;
  private dirty = false;

  constructor(
    private readonly onProgress: (runId: number, model: TraceModel) => void,
    /** The run ended; its final model is undefined when it recorded nothing. */
    private readonly onEnded: (ended: RunEnded, model: TraceModel | undefined) => void,
    private readonly intervalMs = 60,
    private readonly scheduler: FeedScheduler = timers,
  ) {
    this.nextIntervalMs = intervalMs;
  }

  /**
   * The host answered startRun (or currentSession, with the events it already
   * holds): from now on batches of this run build its model.
   */
  started(runId: number, header: TraceHeader, held: readonly TraceEvent[] = []): void {
    this.cancelFlush();
    this.cancelQueue();
    this.nextIntervalMs = this.intervalMs;
    this.runId = runId;
    this.builder = new TraceModelBuilder(header);
    if (held.length > 0) {
      this.builder.addAll(held);
      this.markDirty();
    }
    const queued = this.early.get(runId);
    const end = this.earlyEnd.get(runId);
    this.early.clear();
    this.earlyEnd.clear();
    if (queued !== undefined) this.add(queued);
    if (end !== undefined) this.ended(end);
  }

  batch(b: RunBatch): void {
    if (b.runId !== this.runId || this.builder === undefined) {
      // Possibly the next run, whose startRun answer is still on its way.
      if (this.runId === undefined || b.runId > this.runId) {
        const list = this.early.get(b.runId);
        if (list === undefined) this.early.set(b.runId, [...b.events]);
        else list.push(...b.events);
      }
      return;
    }
    this.add(b.events);
  }

  /** Queues events to add; adds what a slice of time allows now. */
  private add(events: readonly TraceEvent[]): void {
    if (this.builder === undefined || events.length === 0) return;
    this.queue.push(events);
    if (this.adding === undefined) this.addQueued();
  }

  /** Adds queued events past the ones already held (a batch may repeat what currentSession gave) for one slice of time. */
  private addQueued(): void {
    this.adding = undefined;
    const builder = this.builder;
    if (builder === undefined) return;
    const until = now() + ADD_SLICE_MS;
    let added = false;
    let timeUp = false;
    while (this.queue.length > 0 && !timeUp) {
      const events = this.queue[0]!;
      let i = this.queuedFrom;
      while (i < events.length) {
        const e = events[i++]!;
        if (e.seq >= builder.length) {
          builder.add(e);
          added = true;
        }
        // The clock is read every 256 events: reading it costs more than adding one.
        if ((i & 255) === 0 && now() >= until) {
          timeUp = true;
          break;
        }
      }
      if (i < events.length) this.queuedFrom = i;
      else {
        this.queue.shift();
        this.queuedFrom = 0;
        timeUp ||= now() >= until;
      }
    }
    if (added) this.markDirty();
    if (this.queue.length > 0) this.adding = this.scheduler.schedule(() => this.addQueued(), 0);
    else if (this.endAfterQueue !== undefined) {
      const end = this.endAfterQueue;
      this.endAfterQueue = undefined;
      this.ended(end);
    }
  }

  ended(e: RunEnded): void {
    if (e.runId !== this.runId || this.builder === undefined) {
      if (this.runId === undefined || e.runId > this.runId) this.earlyEnd.set(e.runId, e);
      return;
    }
    if (this.queue.length > 0) {
      // The model ends with every event: the rest are added first, a slice at a time.
      this.endAfterQueue = e;
      return;
    }
    this.cancelFlush();
    const model = this.builder.length === 0 ? undefined : this.builder.finish();
    this.builder = undefined;
    this.runId = undefined;
    this.onEnded(e, model);
  }

  dispose(): void {
    this.cancelFlush();
    this.cancelQueue();
    this.builder = undefined;
    this.runId = undefined;
    this.early.clear();
    this.earlyEnd.clear();
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.pending === undefined) this.pending = this.scheduler.schedule(() => this.flush(), this.nextIntervalMs);
  }

  private flush(): void {
    this.pending = undefined;
    if (!this.dirty || this.builder === undefined || this.runId === undefined) return;
    this.dirty = false;
    const start = now();
    this.onProgress(this.runId, this.builder.snapshot());
    // Measured once the microtasks the snapshot queued (the store's subscribers, a redraw) have run.
    queueMicrotask(() => {
      this.nextIntervalMs = Math.max(this.intervalMs, SNAPSHOT_SPACING * (now() - start));
    });
  }

  private cancelQueue(): void {
    if (this.adding !== undefined) this.scheduler.cancel(this.adding);
    this.adding = undefined;
    this.queue = [];
    this.queuedFrom = 0;
    this.endAfterQueue = undefined;
  }

  private cancelFlush(): void {
    if (this.pending !== undefined) this.scheduler.cancel(this.pending);
    this.pending = undefined;
    this.dirty = false;
  }
}
