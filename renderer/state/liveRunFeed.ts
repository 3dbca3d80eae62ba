// Grows the model of a live run as its batches arrive. The builder is mutable
// and lives here, outside the UI state; what leaves is a frozen snapshot, at
// most one per `intervalMs`, so a fast program cannot make the window redraw
// thousands of times a second. Batches (and even the end) of a run that arrive
// before the host has said which run was started (startRun's answer) wait for it.

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

export class LiveRunFeed {
  private runId: number | undefined;
  private builder: TraceModelBuilder | undefined;
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
  ) {}

  /**
   * The host answered startRun (or currentSession, with the events it already
   * holds): from now on batches of this run build its model.
   */
  started(runId: number, header: TraceHeader, held: readonly TraceEvent[] = []): void {
    this.cancelFlush();
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

  /** Adds events past the ones already held (a batch may repeat what currentSession gave). */
  private add(events: readonly TraceEvent[]): void {
    const builder = this.builder;
    if (builder === undefined) return;
    let added = false;
    for (const e of events) {
      if (e.seq < builder.length) continue;
      builder.add(e);
      added = true;
    }
    if (added) this.markDirty();
  }

  ended(e: RunEnded): void {
    if (e.runId !== this.runId || this.builder === undefined) {
      if (this.runId === undefined || e.runId > this.runId) this.earlyEnd.set(e.runId, e);
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
    this.builder = undefined;
    this.runId = undefined;
    this.early.clear();
    this.earlyEnd.clear();
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.pending === undefined) this.pending = this.scheduler.schedule(() => this.flush(), this.intervalMs);
  }

  private flush(): void {
    this.pending = undefined;
    if (!this.dirty || this.builder === undefined || this.runId === undefined) return;
    this.dirty = false;
    this.onProgress(this.runId, this.builder.snapshot());
  }

  private cancelFlush(): void {
    if (this.pending !== undefined) this.scheduler.cancel(this.pending);
    this.pending = undefined;
    this.dirty = false;
  }
}
