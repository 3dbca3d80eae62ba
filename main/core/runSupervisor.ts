// The host's side of running programs, the same on the desktop (Node worker
// threads) and in the browser (Web Workers): one worker per run, events
// forwarded as they come, and a stop that always works. A program stuck in
// `while (true) {}` never gives its worker's event loop a turn, so it can
// neither hear "stop" nor reach the runtime's wall-time check: the supervisor
// then terminates the worker, keeping every event it had already received.
import type { ProgramProblem, ProgramRef, RunBatch, RunEnded, RunSettings, RunStarted } from "../contract/hostApi";
import type { TraceHeader } from "../../traces/events";
import { traceHeader, type ProgramSource } from "./traceHeader";
import { runOptions, wallTimeMs } from "./runSettings";
import { EventBatcher } from "./eventBatcher";
import type { FromWorker, ToWorker } from "./workerProtocol";

/** What the supervisor needs of a worker. */
export interface RunWorker {
  post(message: ToWorker): void;
  /** Ends the worker at once, whatever it is doing. */
  terminate(): void;
}

/** What a worker reports back. */
export interface RunWorkerEvents {
  message(message: FromWorker): void;
  /** The worker died on its own (an uncaught error, out of memory, exited). */
  crashed(reason: string): void;
  /** The worker was ended by a limit of its own (its heap): `message` says which; what was received is kept. */
  limitReached(message: string): void;
}

/** Starts a fresh worker; tests inject their own. */
export type RunWorkerFactory = (events: RunWorkerEvents) => RunWorker;

export interface RunObserver {
  /** The run's header, before any of its events. */
  started?(runId: number, header: TraceHeader, program: ProgramRef | undefined): void;
  batch(batch: RunBatch): void;
  ended(ended: RunEnded): void;
}

export interface RunSupervisorOptions {
  /** How long a stopped program may take to end by itself before its worker is terminated. */
  readonly stopGraceMs?: number;
  /** How long past the wall-clock limit the runtime may take to end the run itself. */
  readonly wallGraceMs?: number;
  /** How long a worker may take to start and load the program, on top of the limit. */
  readonly startupMs?: number;
  /** The header's createdAt. */
  readonly now?: () => Date;
}

const DEFAULT_STOP_GRACE_MS = 300;
const DEFAULT_WALL_GRACE_MS = 1000;
const DEFAULT_STARTUP_MS = 10_000;

export class RunSupervisor {
  private active: ActiveRun | undefined;
  private nextRunId = 1;

  constructor(
    private readonly createWorker: RunWorkerFactory,
    private readonly observer: RunObserver,
    private readonly options: RunSupervisorOptions = {},
  ) {}

  /** The run still going, if any. */
  get currentRunId(): number | undefined {
    return this.active?.ended === false ? this.active.runId : undefined;
  }

  /** Starts a program in a new worker. One run at a time: a run still going is stopped first (at once). */
  start(program: ProgramSource, settings: RunSettings, ref?: ProgramRef): RunStarted {
    this.active?.kill("stopped: another run was started");
    const runId = this.nextRunId++;
    const header = traceHeader(program, { ...runOptions(settings), createdAt: (this.options.now?.() ?? new Date()).toISOString() });
    this.observer.started?.(runId, header, ref);
    this.active = new ActiveRun(runId, program, settings, this.createWorker, this.observer, {
      stopGraceMs: this.options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
      wallGraceMs: this.options.wallGraceMs ?? DEFAULT_WALL_GRACE_MS,
      startupMs: this.options.startupMs ?? DEFAULT_STARTUP_MS,
    });
    return { runId, header };
  }

  /**
   * A run refused before it started (the program's type errors): it is
   * announced and ends as failed, with no worker. The end comes after the
   * caller's reply, as a real run's would.
   */
  refuse(program: ProgramSource, settings: RunSettings, ref: ProgramRef | undefined, typeErrors: readonly ProgramProblem[]): RunStarted {
    this.active?.kill("stopped: another run was started");
    this.active = undefined;
    const runId = this.nextRunId++;
    const header = traceHeader(program, { ...runOptions(settings), createdAt: (this.options.now?.() ?? new Date()).toISOString() });
    this.observer.started?.(runId, header, ref);
    const first = typeErrors[0];
    setTimeout(() => {
      this.observer.ended({
        runId,
        outcome: "failed",
        message: typeErrorsText(typeErrors),
        cutOff: false,
        eventCount: 0,
        ...(first === undefined ? {} : { problem: first }),
        typeErrors,
      });
    }, 0);
    return { runId, header };
  }

  /** Stops a run; resolves once it has ended. A run that already ended (or never was) resolves at once. */
  stop(runId: number): Promise<void> {
    const run = this.active;
    if (run === undefined || run.runId !== runId) return Promise.resolve();
    return run.stop();
  }

  /** Stops whatever runs (before something else is opened, or when the host closes). */
  stopCurrent(): Promise<void> {
    return this.active?.stop() ?? Promise.resolve();
  }

  /** Ends the run still going at once, without waiting (the host is going away). */
  dispose(): void {
    this.active?.kill("stopped: the host closed");
  }
}

class ActiveRun {
  ended = false;
  private eventCount = 0;
  private readonly worker: RunWorker;
  private wallTimer: ReturnType<typeof setTimeout>;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly waiters: (() => void)[] = [];
  private readonly batcher = new EventBatcher((events) => this.observer.batch({ runId: this.runId, events }));

  constructor(
    readonly runId: number,
    program: ProgramSource,
    private readonly settings: RunSettings,
    createWorker: RunWorkerFactory,
    private readonly observer: RunObserver,
    private readonly timing: { readonly stopGraceMs: number; readonly wallGraceMs: number; readonly startupMs: number },
  ) {
    this.worker = createWorker({
      message: (m) => this.onMessage(m),
      crashed: (reason) => this.finish({ outcome: "failed", message: `the program's worker crashed: ${reason}`, cutOff: true }),
      limitReached: (message) => this.kill(message),
    });
    // Armed from the start too, with time to start up: a program can hang while it loads (a loop at its top level).
    this.wallTimer = this.armWallTimer(timing.startupMs);
    this.worker.post({ type: "start", program, settings });
  }

  /**
   * The runtime ends a cooperative program at the wall-clock limit itself (with
   * an end event); this timer only catches the one that never yields.
   */
  private armWallTimer(extraMs = 0): ReturnType<typeof setTimeout> {
    const limit = wallTimeMs(this.settings);
    return setTimeout(
      () =>
        this.kill(
          `stopped: the wall-clock limit of ${limit} ms was reached and the program never yielded ` +
            `(a goroutine looping without calling the runtime?), so its worker was terminated; ` +
            `the events recorded until then are kept`,
        ),
      limit + this.timing.wallGraceMs + extraMs,
    );
  }

  stop(): Promise<void> {
    if (this.ended) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.stopTimer === undefined) {
      this.worker.post({ type: "stop" });
      this.stopTimer = setTimeout(
        () =>
          this.kill(
            "stopped: the program did not respond to stop (a goroutine looping without calling the runtime?), " +
              "so its worker was terminated; the events recorded until then are kept",
          ),
        this.timing.stopGraceMs,
      );
    }
    return done;
  }

  /** Terminates the worker now: whatever was received is kept, and the trace is cut off. */
  kill(message: string): void {
    this.finish({ outcome: "stopped", message, cutOff: true });
  }

  private onMessage(m: FromWorker): void {
    if (this.ended) return;
    switch (m.type) {
      case "running":
        // The run's own clock starts now; the worker's start-up does not count against the limit.
        clearTimeout(this.wallTimer);
        this.wallTimer = this.armWallTimer();
        return;
      case "batch":
        if (m.events.length === 0) return;
        this.eventCount += m.events.length;
        this.batcher.add(m.events);
        return;
      case "ended":
        this.finish({ outcome: m.limit === "stopped" ? "stopped" : m.status, message: m.message, cutOff: false });
        return;
      case "failed":
        this.finish({
          outcome: "failed",
          message: m.message,
          cutOff: this.eventCount > 0,
          ...(m.problem !== undefined ? { problem: m.problem } : {}),
        });
        return;
    }
  }

  private finish(end: Omit<RunEnded, "runId" | "eventCount">): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.wallTimer);
    if (this.stopTimer !== undefined) clearTimeout(this.stopTimer);
    // One worker per run: a finished worker is discarded too, so the next run gets a fresh realm.
    this.worker.terminate();
    this.batcher.flush();
    this.observer.ended({ runId: this.runId, eventCount: this.eventCount, ...end });
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

/** Type errors as a compiler prints them, one `FILE:LINE:COL: message` per line. */
export function typeErrorsText(errors: readonly ProgramProblem[]): string {
  return errors
    .map((e) => `${e.file}${e.line === undefined ? "" : `:${e.line}${e.column === undefined ? "" : `:${e.column}`}`}: ${e.message}`)
    .join("\n");
}
