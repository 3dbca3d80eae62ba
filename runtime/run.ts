// run(): runs a program's main function on a fresh scheduler and reports how it ended.

import type { Clock, Limit, RunStatus, Strategy, TraceEvent, WaitReason } from "../traces/events";
import type { Nanos } from "../traces/units";
import { RUN_STATUSES, STATUS_PANIC, WAIT_REASONS } from "../traces/codes";
import { resetExit } from "./exit";
import { registerRuntimeModule } from "./location";
import { MemoryRecorder } from "./memoryRecorder";
import type { RunGlobals } from "./programGlobals";
import { NoopRecorder, type Recorder } from "./recorder";
import { Scheduler, isRunActive, type AbortSignalLike } from "./scheduler";
import { msToNs } from "./time";

registerRuntimeModule(import.meta.url);

export type { AbortSignalLike, Limit };

export interface RunOptions {
  /** Seed of the run's PRNG (select choices, the random strategy). Default 1. */
  readonly seed?: number;
  /** `fifo` (default): Go-like run queue. `random`: the next goroutine is a seeded-random runnable one. */
  readonly strategy?: Strategy;
  /** `virtual` (default): time jumps to the next timer when every goroutine is blocked. `real`: wall time, timers via setTimeout. */
  readonly clock?: Clock;
  /** Record events (default true). Off, the recorder is a no-op and `events` is empty. */
  readonly trace?: boolean;
  /** End the run as `timeout` (limit "events") after this many events. Default 1,000,000. Counts recorded events only. */
  readonly maxEvents?: number;
  /** End the run as `timeout` (limit "virtual-time") rather than move the clock past this many ms. Default: no limit. */
  readonly maxVirtualTime?: number;
  /** End the run as `timeout` (limit "wall-time") after this much wall time. Default 60,000 ms. */
  readonly wallTimeBudgetMs?: number;
  /**
   * Record the user's source location ("file:line") on events. true: a stack
   * capture per operation (costly). "compiled": the program declares its
   * location before each operation with atLocation (a compiled Go program).
   */
  readonly captureLocations?: boolean | "compiled";
  /**
   * Receives the events in order, in batches, while the program runs (every few ms
   * of wall time) and a last batch before run() resolves. The batches concatenated
   * are `result.events`. If the callback throws, the run stops and run() rejects.
   */
  readonly onEvents?: (batch: readonly TraceEvent[]) => void;
  /**
   * When `onEvents` gets the events. `host-turns` (default): every few ms of wall
   * time. `each-operation`: before the program continues after each runtime call
   * that recorded something, so a host that must terminate a program stuck in a
   * loop that never calls the runtime has every event recorded before its last
   * await (a batch per operation: it costs time).
   */
  readonly deliver?: "host-turns" | "each-operation";
  /** Aborting it ends the run as `timeout` (limit "stopped") at the next operation, keeping the trace. */
  readonly signal?: AbortSignalLike;
  /** Name of the main goroutine in the trace. Default "main". */
  readonly name?: string;
  /**
   * The program's own Math, Date, performance and console (programGlobals()),
   * which its loader bound in the program's scope: the run seeds them, gives
   * them its clock, and records what the program prints as `output` events.
   */
  readonly globals?: RunGlobals;
}

export interface GoroutineInfo {
  readonly id: number;
  readonly name: string | undefined;
  readonly state: "runnable" | "running" | "blocked";
  /** What it waits on, when blocked. */
  readonly reason: WaitReason | undefined;
}

export interface RunResult {
  /** ok: main returned. deadlock: every goroutine blocked for good. panic: an uncaught panic or exception, or a fatal error. timeout: a limit or stop. */
  readonly status: RunStatus;
  /** One line: "main returned", "fatal error: all goroutines are asleep - deadlock!", "panic: …", "stopped: …". */
  readonly message: string;
  /** The trace (materialized on first access). Empty with trace: false. */
  readonly events: readonly TraceEvent[];
  readonly eventCount: number;
  /** The run's clock when it ended. */
  readonly endTime: Nanos;
  /** Which limit ended a `timeout` run. */
  readonly limit: Limit | undefined;
  /** The code of a run the program ended with exit(code) (Go's os.Exit), when not 0; undefined otherwise. */
  readonly exitCode: number | undefined;
  /** The goroutine whose panic ended the run. */
  readonly panic: { readonly g: number; readonly message: string; readonly stack?: string } | undefined;
  /** Goroutines that had not finished when the run ended. */
  readonly goroutines: readonly GoroutineInfo[];
  readonly seed: number;
  readonly strategy: Strategy;
  readonly clock: Clock;
  /** The in-memory recorder that holds the trace, events materialized from it on demand (undefined with trace: false). */
  readonly recorder: MemoryRecorder | undefined;
  /**
   * Gives the trace's memory back for the next traced run in this realm to
   * reuse (a seed sweep, a test suite, a benchmark): fresh memory costs a page
   * fault per 4 KiB on first write, which can be most of what tracing costs.
   * Events already read stay valid; reading more afterwards throws.
   */
  release(): void;
}

class Result implements RunResult {
  private cached: readonly TraceEvent[] | undefined = undefined;

  constructor(
    readonly status: RunStatus,
    readonly message: string,
    readonly eventCount: number,
    readonly endTime: Nanos,
    readonly limit: Limit | undefined,
    readonly exitCode: number | undefined,
    readonly panic: RunResult["panic"],
    readonly goroutines: readonly GoroutineInfo[],
    readonly seed: number,
    readonly strategy: Strategy,
    readonly clock: Clock,
    readonly recorder: MemoryRecorder | undefined,
  ) {}

  get events(): readonly TraceEvent[] {
    if (this.cached === undefined) this.cached = Object.freeze(this.recorder?.events(0, this.eventCount) ?? []);
    return this.cached;
  }

  release(): void {
    this.recorder?.release();
  }

  /** The plain fields and the events (not the recorder). */
  toJSON(): object {
    return {
      status: this.status,
      message: this.message,
      eventCount: this.eventCount,
      endTime: this.endTime,
      limit: this.limit,
      ...(this.exitCode === undefined ? {} : { exitCode: this.exitCode }),
      panic: this.panic,
      goroutines: this.goroutines,
      seed: this.seed,
      strategy: this.strategy,
      clock: this.clock,
      events: this.events,
    };
  }
}

/**
 * Runs `main` as goroutine 1 on a fresh scheduler and resolves when the run
 * ends: main returned (ok; goroutines still blocked are reported as leaked),
 * deadlock, an uncaught panic, or a limit (timeout). Never rejects for the
 * program's own errors; rejects if another run is active in this realm (runs
 * cannot overlap: the runtime's functions find their run through the realm) or
 * if `onEvents` throws.
 *
 * A goroutine that loops without ever calling the runtime (`while (true) {}`)
 * cannot be pre-empted in JavaScript: no limit can stop it. The host must run
 * programs in a worker and terminate the worker.
 */
export async function run(main: () => unknown, options: RunOptions = {}): Promise<RunResult> {
  if (isRunActive()) {
    throw new Error(
      "chanscope: run() was called while another run is active in this realm. Runs cannot overlap: " +
        "await the first run's result, or start the second in another worker.",
    );
  }
  const seed = options.seed ?? 1;
  const strategy = options.strategy ?? "fifo";
  const clock = options.clock ?? "virtual";
  const tracing = options.trace ?? true;
  const sink = options.onEvents;
  let deliveryQueued = false;
  // Queued as an operation records, the microtask runs before the program's await resumes.
  const deliverSoon =
    sink !== undefined && options.deliver === "each-operation"
      ? () => {
          if (deliveryQueued) return;
          deliveryQueued = true;
          queueMicrotask(() => {
            deliveryQueued = false;
            scheduler.deliverNow();
          });
        }
      : undefined;
  const memory = tracing
    ? new MemoryRecorder({
        maxEvents: options.maxEvents ?? 1_000_000,
        // Called only while the run is going, after `scheduler` below is initialized.
        onLimit: () => scheduler.requestHalt("events"),
        locations: options.captureLocations === true || options.captureLocations === "compiled",
        onAppend: deliverSoon,
      })
    : undefined;
  const recorder: Recorder = memory ?? new NoopRecorder();
  const scheduler = new Scheduler({
    seed,
    strategy,
    realClock: clock === "real",
    recorder,
    maxVirtualTimeNs: options.maxVirtualTime === undefined ? Number.POSITIVE_INFINITY : msToNs(options.maxVirtualTime),
    wallTimeBudgetMs: options.wallTimeBudgetMs ?? 60_000,
    captureLocations: tracing ? (options.captureLocations ?? false) : false,
    onEvents: sink === undefined || memory === undefined ? undefined : (from, to) => sink(memory.events(from, to)),
    signal: options.signal,
  });
  resetExit();
  options.globals?.attach(scheduler, seed);
  scheduler.start(main, options.name ?? "main", () => options.globals?.started());
  const o = await scheduler.done;
  if (o.hostFailure !== undefined) throw o.hostFailure.error;
  const goroutines: GoroutineInfo[] = o.unfinished.map((g) => ({
    id: g.id,
    name: g.name,
    state: g.state,
    reason: g.state === "blocked" ? WAIT_REASONS[g.reason] : undefined,
  }));
  return new Result(
    RUN_STATUSES[o.status],
    o.message,
    recorder.count,
    o.endTime,
    o.limit,
    o.exitCode,
    o.status === STATUS_PANIC ? o.panic : undefined,
    goroutines,
    seed,
    strategy,
    clock,
    memory,
  );
}
