// The scheduler: one goroutine runs at a time.
//
// A goroutine runs until it "reports back" by calling a runtime operation. An
// operation that completes at once (a buffered send with room, a receive from a
// parked sender) just returns a settled promise: no scheduler round trip. An
// operation that must wait parks the goroutine (one promise, its resolver kept
// on the goroutine) and the scheduler, synchronously and still inside that
// call, picks the next runnable goroutine and resolves *its* park promise. So
// the program advances as one chain of microtasks with exactly one goroutine's
// continuation queued at any time, which is what makes "the current goroutine"
// well defined and runs deterministic.
//
// The chain is broken on purpose every few milliseconds of wall time (a
// macrotask, the "pump") so the host can breathe; the pump is also how a
// foreign await is noticed: if the microtask queue drained while a goroutine was
// still marked running, it awaited something the runtime does not know about.
// See HACKING.md for the settled rules.
//
// Its separable parts live beside it: foreignAwaits.ts (goroutines in a
// foreign await), wallClock.ts (wall time, the budget, the host's turns and
// timers) and endings.ts (what a run's ending says and records).

import {
  MAIN_G,
  RUNTIME_G,
  channelId,
  contextId,
  goroutineId,
  objectId,
  timerId,
  type ChannelId,
  type ContextId,
  type Limit,
  type ObjectId,
  type Strategy,
  type TimerId,
} from "../traces/events";
import { nanos, type Nanos } from "../traces/units";
import { REASON, STATUS_DEADLOCK, STATUS_OK, STATUS_PANIC, STATUS_TIMEOUT, type ReasonCode } from "../traces/codes";
import { DEADLOCK_MESSAGE, GOEXIT_DEADLOCK_MESSAGE } from "../traces/vocabulary/index";
import { fatalMessage, haltMessage, panicMessage, recordEnding, unawaitedMessage, type Outcome } from "./endings";
import { ForeignAwaits } from "./foreignAwaits";
import { G_BLOCKED, G_DONE, G_RUNNABLE, G_RUNNING, Goroutine } from "./goroutine";
import { MacrotaskQueue, wallNow } from "./host";
import { captureLocation, compiledLocation, firstFrameLocation, registerRuntimeModule } from "./location";
import { GoFatal, GoPanic, Goexit, describeThrown, thrownStack } from "./panic";
import { Prng } from "../traces/prng";
import { NO_VALUE, type CaseList, type Recorder } from "./recorder";
import { RunQueue } from "./runqueue";
import { TimerHeap, type TimerEntry } from "./timers";
import { WallClock } from "./wallClock";

registerRuntimeModule(import.meta.url);

/** What a slow-path check tells the operation that called it. */
export const PROCEED = 0;
export const PREEMPT = 1;
export const FROZEN = 2;
export type Verdict = typeof PROCEED | typeof PREEMPT | typeof FROZEN;

/** A goroutine that ran this many operations without parking yields (a `yield` event): deterministic preemption. */
export const SLICE_OPS = 1024;
/** Operations between wall-clock reads (reading the clock costs more than an operation). */
const WALL_CHECK_OPS = 256;
/**
 * Polls in a row after which the pollers count as idle and virtual time may
 * jump to the next timer (HACKING.md, "Polling").
 */
export const IDLE_POLLS = 64;

// One executor for every park promise: it stores the resolvers straight into
// the goroutine being parked (named by a module variable) instead of allocating
// a closure per park. Straight in, because each store of a fresh resolver into
// a long-lived object costs a write-barrier call; a stop in module variables on
// the way would double them.
let parking: Goroutine | undefined;
const PARK_EXECUTOR = (res: (v: unknown) => void): void => {
  parking!.resolve = res;
};

/**
 * What a park promise is resolved with to make it reject (a panic raised in
 * the parked goroutine): a thenable that fails. Only the resolve function is
 * kept, because each function stored into a goroutine (a long-lived object)
 * costs a write-barrier call.
 */
class Raise {
  constructor(private readonly err: unknown) {}
  then(_: unknown, reject: (e: unknown) => void): void {
    reject(this.err);
  }
}

/** A new promise whose resolve function is stored in g. */
function parkPromise<T>(g: Goroutine): Promise<T> {
  parking = g;
  const p = new Promise<T>(PARK_EXECUTOR as (res: (v: T) => void) => void);
  parking = undefined;
  return p;
}

/** The settled promise an operation that completes at once returns. */
export const RESOLVED: Promise<void> = Promise.resolve();
/** What an operation returns once the run has ended: the goroutine is frozen. */
export const NEVER: Promise<never> = new Promise<never>(() => {});

let active: Scheduler | undefined;

/** The run in progress in this realm; runtime functions not bound to an object find their run here. */
export function activeScheduler(what: string): Scheduler {
  const s = active;
  if (s === undefined) {
    throw new Error(
      `chanscope: ${what} was called outside run(). Create channels, goroutines and sync objects inside the program's main function.`,
    );
  }
  return s;
}

export function isRunActive(): boolean {
  return active !== undefined;
}

function activate(s: Scheduler): void {
  active = s;
}

export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener?(type: "abort", listener: () => void): void;
  removeEventListener?(type: "abort", listener: () => void): void;
}

export interface SchedulerConfig {
  readonly seed: number;
  readonly strategy: Strategy;
  readonly realClock: boolean;
  readonly recorder: Recorder;
  readonly maxVirtualTimeNs: number;
  readonly wallTimeBudgetMs: number;
  /** Locate events by a stack capture per operation, or by what a compiled program declares (atLocation). */
  readonly captureLocations: boolean | "compiled";
  readonly onEvents: ((from: number, to: number) => void) | undefined;
  readonly signal: AbortSignalLike | undefined;
}

export class Scheduler {
  readonly rec: Recorder;
  /** rec.enabled, as a field of this one class (the hot paths read it without a polymorphic load). */
  readonly tracing: boolean;
  readonly prng: Prng;
  readonly realClock: boolean;
  private readonly randomStrategy: boolean;
  /** cfg.captureLocations, as a field (read on every switch). */
  readonly locations: boolean;
  /** Locations come from atLocation, not the stack. */
  private readonly compiledLocations: boolean;
  private readonly cfg: SchedulerConfig;

  /** The run's clock in ns: virtual, or wall time since start for a real-clock run. */
  now: Nanos = nanos(0);
  /** The goroutine the scheduler resumed and that has not parked since (undefined between goroutines). */
  current: Goroutine | undefined = undefined;
  /** Operations so far; an operation takes the slow path when this reaches checkAt. */
  ops = 0;
  checkAt = 0;
  private sliceEnd = 0;
  private nextWallCheck = 0;

  private readonly runq = new RunQueue();
  private readonly live = new Set<Goroutine>();
  readonly timers = new TimerHeap();
  private ioPending = 0;
  private readonly foreignAwaits: ForeignAwaits;

  private nextG = 1;
  private nextChan = 1;
  private nextObj = 1;
  private nextCtx = 1;
  private nextTimer = 1;
  private nextIo = 1;

  // Host interaction.
  private readonly pump: MacrotaskQueue;
  private pumpArmed = false;
  private hostYieldDue = false;
  /** Chosen to run next but held back until the host has had its turn. */
  private deferred: Goroutine | undefined = undefined;
  /** The idle loop stopped for the host's turn and must go on at the pump. */
  private needSchedule = false;
  private readonly wall: WallClock;
  private readonly onAbort: () => void;
  private flushed = 0;
  private hostFailure: { readonly error: unknown } | undefined = undefined;

  ended = false;
  /** Main called goexit: the run goes on until the other goroutines exit or block (Go's runtime.Goexit in main). */
  private mainGoexited = false;
  private halt: Limit | undefined = undefined;
  private resolveDone: (o: Outcome) => void = () => {};
  readonly done: Promise<Outcome>;

  // Polling loops (HACKING.md, "Polling"): the ops count of the last poll, how
  // many polls came in a row, the goroutine switches before the first of them,
  // and whether the clock jumps at the next switch.
  private lastPollOp = -1;
  private pollStreak = 0;
  private streakSwitches = 0;
  private switches = 0;
  private clockJumpDue = false;

  // Scratch space for select (one select runs at a time).
  readonly caseList: { codes: Int32Array; n: number } = { codes: new Int32Array(8), n: 0 };
  ready = new Int32Array(8);
  /** Value and ok of the last immediate receive (Channel.takeNow). */
  rv: unknown = undefined;
  rok = false;
  /** Per-run singletons owned by other modules (background context). */
  readonly singletons = new Map<string, unknown>();

  constructor(cfg: SchedulerConfig) {
    this.cfg = cfg;
    this.rec = cfg.recorder;
    this.tracing = cfg.recorder.enabled;
    this.prng = new Prng(cfg.seed);
    this.realClock = cfg.realClock;
    this.randomStrategy = cfg.strategy === "random";
    this.locations = cfg.captureLocations !== false;
    this.compiledLocations = cfg.captureLocations === "compiled";
    this.pump = new MacrotaskQueue(() => this.onPump());
    this.foreignAwaits = new ForeignAwaits(cfg.recorder, () => this.drainCheck());
    this.wall = new WallClock(cfg.wallTimeBudgetMs);
    this.onAbort = () => this.requestHalt("stopped");
    this.done = new Promise<Outcome>((res) => {
      this.resolveDone = res;
    });
  }

  // ---- ids -----------------------------------------------------------------

  newChanId(): ChannelId {
    return channelId(this.nextChan++);
  }
  newObjId(): ObjectId {
    return objectId(this.nextObj++);
  }
  newCtxId(): ContextId {
    return contextId(this.nextCtx++);
  }
  newTimerId(): TimerId {
    return timerId(this.nextTimer++);
  }

  // ---- starting and spawning ------------------------------------------------

  /**
   * Starts the run with `main` as goroutine 1. `init` runs once main is
   * spawned and before it first runs: the program's module top level ran
   * before the run, and what it did belongs to main (Go runs package init on
   * the main goroutine before main.main).
   */
  start(main: () => unknown, name: string, init?: () => void): void {
    if (active !== undefined) {
      throw new Error(
        "chanscope: run() was called while another run is active in this realm. Runs cannot overlap: " +
          "await the first run's result, or start the second in another worker.",
      );
    }
    activate(this);
    const signal = this.cfg.signal;
    signal?.addEventListener?.("abort", this.onAbort);
    this.wall.startBudget(() => this.requestHalt("wall-time"));
    this.spawn(main, name, RUNTIME_G);
    init?.();
    if (signal?.aborted) {
      this.requestHalt("stopped");
      return;
    }
    this.schedule();
  }

  spawn(fn: () => unknown, name: string | undefined, parent: number): Goroutine {
    const g = new Goroutine(goroutineId(this.nextG++), name, fn);
    g.boot = () => this.boot(g);
    this.live.add(g);
    this.rec.spawn(this.now, parent, g.id, name);
    this.runq.push(g);
    return g;
  }

  private boot(g: Goroutine): void {
    if (this.ended) return;
    let r: unknown;
    try {
      r = g.fn();
    } catch (e) {
      this.panicked(g, e);
      return;
    }
    if (r !== null && (typeof r === "object" || typeof r === "function") && typeof (r as PromiseLike<unknown>).then === "function") {
      (r as PromiseLike<unknown>).then(
        () => this.exited(g),
        (e: unknown) => this.panicked(g, e),
      );
    } else {
      this.exited(g);
    }
  }

  private exited(g: Goroutine): void {
    if (this.ended) return;
    if (g !== this.current) {
      if (!g.foreign) {
        // Its function returned while it was parked: it started an operation without awaiting it.
        this.rec.warn(this.now, g.id, unawaitedMessage(g), true);
        if (g.id === MAIN_G) {
          // main's return ends the program whatever it left pending.
          this.detach(g);
          this.retireOutOfTurn(g);
          return;
        }
        // As in Go, it stays parked on the operation: a partner may still complete it, and then it exits.
        g.returned = true;
        return;
      }
      if (this.current !== undefined) {
        // Its continuation ran inside the current goroutine's turn: end it and leave the run to that one.
        this.foreignAwaits.warnReturnedBeside(g, this.current, this.now);
        this.endForeign(g);
        this.retireOutOfTurn(g);
        return;
      }
      this.reclaim(g);
    }
    this.live.delete(g);
    g.state = G_DONE;
    this.rec.exit(this.now, g.id);
    if (g.id === MAIN_G && !this.mainGoexited) {
      if (this.halt !== undefined) this.finishHalted();
      else this.finish(STATUS_OK, "main returned");
      return;
    }
    this.current = undefined;
    this.schedule();
  }

  /** Goroutines that exist now, main included (Go's runtime.NumGoroutine). */
  goroutineCount(): number {
    return this.live.size;
  }

  /** Ends g, which returned while not the current goroutine; the run stays with whoever holds it. */
  private retireOutOfTurn(g: Goroutine): void {
    this.live.delete(g);
    g.state = G_DONE;
    this.rec.exit(this.now, g.id);
    if (g.id === MAIN_G && !this.mainGoexited) this.finish(STATUS_OK, "main returned");
  }

  private panicked(g: Goroutine, e: unknown): void {
    if (this.ended) return;
    if (e instanceof Goexit) {
      // goexit() unwound the goroutine's stack (its finally blocks ran): it exits. Main's exit then ends nothing.
      if (g.id === MAIN_G) this.mainGoexited = true;
      this.exited(g);
      return;
    }
    const message = describeThrown(e);
    const stack = thrownStack(e);
    // The panic happened where the error was thrown, not at the goroutine's last runtime call.
    const thrownAt = this.compiledLocations
      ? compiledLocation()
      : this.locations && stack !== undefined
        ? firstFrameLocation(stack)
        : undefined;
    if (thrownAt !== undefined) this.rec.setLocation(g.id, thrownAt);
    g.state = G_DONE;
    this.live.delete(g);
    this.rec.panic(this.now, g.id, message, false, stack);
    this.finish(STATUS_PANIC, panicMessage(message, g), undefined, { g: g.id, message, stack });
  }

  /** A fatal error in the current goroutine: the run ends now; the returned error is for the caller to throw. */
  fatal(message: string): GoFatal {
    const g = this.current;
    const gid = g?.id ?? RUNTIME_G;
    const err = new GoFatal(message);
    if (!this.ended) {
      this.rec.panic(this.now, gid, message, true, thrownStack(err));
      this.finish(STATUS_PANIC, fatalMessage(message, g), undefined, { g: gid, message });
    }
    return err;
  }

  // ---- the operation entry slow path -------------------------------------------

  /**
   * Called by an operation when there is no current goroutine or when its
   * operation count reached checkAt. Handles, in order: a goroutine reporting
   * back from a foreign await, a requested halt, source locations, the
   * wall-clock checks (budget, stop signal, host turn) and preemption.
   */
  slowOp(): Verdict {
    if (this.ended) return FROZEN;
    let g = this.current;
    if (g === undefined) {
      g = this.reclaimCaller();
      if (g === undefined) {
        throw new Error(
          "chanscope: a runtime operation was called outside any goroutine of the active run " +
            "(from a callback, or after starting an operation without awaiting it).",
        );
      }
    }
    if (this.halt !== undefined) {
      this.finishHalted();
      return FROZEN;
    }
    if (this.locations) this.rec.setLocation(g.id, this.compiledLocations ? compiledLocation() : captureLocation());
    if (this.ops >= this.nextWallCheck) {
      this.nextWallCheck = this.ops + WALL_CHECK_OPS;
      if (this.wallChecks()) return FROZEN;
    }
    this.checkAt = this.locations ? 0 : Math.min(this.sliceEnd, this.nextWallCheck);
    if (this.ops >= this.sliceEnd) return PREEMPT;
    return PROCEED;
  }

  /**
   * Entry for operations off the hot path: runs op for the current goroutine,
   * after the slow-path checks when they are due (the hot channel operations
   * inline this to avoid the closure).
   */
  enter<T>(op: (g: Goroutine) => Promise<T>): Promise<T> {
    const g = this.current;
    if (g !== undefined && ++this.ops < this.checkAt) return op(g);
    switch (this.slowOp()) {
      case PROCEED:
        return op(this.current!);
      case PREEMPT:
        return this.yieldCurrent().then(() => op(this.current!));
      case FROZEN:
        return NEVER;
    }
  }

  /** Entry for operations that never block (close, go, unlock …): the current goroutine, or undefined once the run has ended. */
  syncEnter(): Goroutine | undefined {
    const g = this.current;
    if (g !== undefined && ++this.ops < this.checkAt) return g;
    return this.slowOp() === FROZEN ? undefined : this.current;
  }

  /** Wall-clock checks; true when the run ended. */
  private wallChecks(): boolean {
    const w = wallNow();
    if (this.realClock) this.tickClock(w);
    if (this.wall.overBudget(w)) this.requestHalt("wall-time");
    else if (this.cfg.signal?.aborted) this.requestHalt("stopped");
    if (this.halt !== undefined) {
      this.finishHalted();
      return true;
    }
    if (this.wall.hostTurnDue(w)) this.hostYieldDue = true;
    return false;
  }

  private tickClock(w: number = wallNow()): void {
    const t = this.wall.sinceStartNs(w);
    if (t > this.now) this.now = nanos(t);
  }

  /** Current time in ns, reading the wall clock in a real-clock run. */
  clock(): Nanos {
    if (this.realClock) this.tickClock();
    return this.now;
  }

  // ---- parking and waking ---------------------------------------------------------

  /**
   * Parks g (the current goroutine) and runs the next one; the promise settles
   * when g is resumed, with whatever its waker passed to wake() (typed T by the
   * operation that parks).
   */
  park<T>(g: Goroutine): Promise<T> {
    g.state = G_BLOCKED;
    const p = parkPromise<T>(g);
    this.current = undefined;
    this.schedule();
    return p;
  }

  /** Records g's block and parks it with nothing that could ever wake it (nil channels, empty select). */
  blockForever(g: Goroutine, reason: ReasonCode, cases: CaseList | undefined): Promise<never> {
    g.reason = reason;
    g.waitCh = -1;
    g.waitObj = -1;
    this.rec.block(this.now, g.id, reason, -1, -1, NO_VALUE, Number.NaN, -1, cases);
    return this.park<never>(g);
  }

  /** Makes a parked goroutine runnable; `value` is what its park promise resolves to. */
  wake(g: Goroutine, value: unknown): void {
    g.state = G_RUNNABLE;
    g.wakeValue = value;
    g.reason = -1;
    this.runq.push(g);
  }

  /** Makes a parked goroutine runnable; its park promise rejects with `err` (a panic raised in it). */
  wakeWithError(g: Goroutine, err: unknown): void {
    g.hasWakeError = true;
    g.wakeError = err;
    this.wake(g, undefined);
  }

  /** Gosched, and deterministic preemption: the current goroutine goes to the back of the run queue. */
  yieldCurrent(): Promise<void> {
    const g = this.current!;
    if (this.tracing) this.rec.yield(this.now, g.id);
    g.state = G_RUNNABLE;
    this.runq.push(g);
    const p = parkPromise<void>(g);
    this.current = undefined;
    this.schedule();
    return p;
  }

  // ---- picking the next goroutine ------------------------------------------------------

  /**
   * The current goroutine polled (a select took its default, gosched, sleep(0)):
   * true when polls alone have run long enough that every goroutine still going
   * counts as idle. The caller then yields, and the clock jumps to the next timer
   * at that switch, as it would with every goroutine blocked.
   */
  polled(): boolean {
    // An operation in between that was not a poll breaks the streak (len() and cap() are no operations).
    if (this.ops <= this.lastPollOp + 1) {
      this.pollStreak++;
    } else {
      this.pollStreak = 1;
      this.streakSwitches = this.switches;
    }
    this.lastPollOp = this.ops;
    if (this.realClock || this.pollStreak < IDLE_POLLS || this.timers.size === 0) return false;
    // Every runnable goroutine must have had its turn (twice: the streak may start mid-round) and polled too.
    if (this.switches - this.streakSwitches < 2 * this.runq.size) return false;
    if (this.ioPending > 0 || this.foreignAwaits.count > 0) return false;
    this.pollStreak = 0;
    this.clockJumpDue = true;
    return true;
  }

  /** Runs the next runnable goroutine; when there is none, advances time, waits for the host, or declares deadlock. */
  schedule(): void {
    if (this.clockJumpDue) this.jumpToNextTimer();
    if (this.halt !== undefined) {
      this.finishHalted();
      return;
    }
    if (this.timers.size > 0) {
      if (this.realClock) this.tickClock();
      if (this.timers.peek()!.at <= this.now) this.fireDue();
    }
    let g = this.take();
    if (g === undefined) {
      g = this.idle();
      if (g === undefined) return;
    }
    this.resume(g);
  }

  /** The next runnable goroutine by the run's strategy (skipping any that finished while queued). */
  private take(): Goroutine | undefined {
    while (this.runq.size > 0) {
      const g = this.randomStrategy ? this.runq.takeRandom(this.prng) : this.runq.shift()!;
      if (g !== undefined && g.state === G_RUNNABLE) return g;
    }
    return undefined;
  }

  /** Every goroutine is blocked. Returns the next one to run, or undefined when the run waits or ended. */
  private idle(): Goroutine | undefined {
    for (;;) {
      if (this.halt !== undefined) {
        this.finishHalted();
        return undefined;
      }
      const next: TimerEntry | undefined = this.timers.peek();
      if (this.realClock) {
        // Real time passes anyway: wait for the earliest timer, io, or a foreign await.
        if (next !== undefined) this.armRealTimer(next.at);
        else if (this.ioPending === 0 && this.foreignAwaits.count === 0) this.deadlock();
        return undefined;
      }
      // Virtual time stands still while io is in flight: a goroutine in io is not durably blocked.
      if (this.ioPending > 0 || this.foreignAwaits.count > 0) return undefined;
      if (next === undefined) {
        this.deadlock();
        return undefined;
      }
      if (next.at > this.cfg.maxVirtualTimeNs) {
        this.requestHalt("virtual-time");
        continue;
      }
      if (next.at > this.now) this.now = nanos(next.at);
      this.fireDue();
      const g = this.take();
      if (g !== undefined) return g;
      // Timers fired and woke nobody (a ticker nobody reads): keep the host's turns coming.
      if (++this.ops >= this.nextWallCheck) {
        this.nextWallCheck = this.ops + WALL_CHECK_OPS;
        if (this.wallChecks()) return undefined;
        if (this.hostYieldDue) {
          this.needSchedule = true;
          this.armPump();
          return undefined;
        }
      }
    }
  }

  /** The pollers are idle: time moves to the next timer (fired by schedule), as when every goroutine is blocked. */
  private jumpToNextTimer(): void {
    this.clockJumpDue = false;
    const next = this.timers.peek();
    if (next === undefined || next.at <= this.now) return;
    if (next.at > this.cfg.maxVirtualTimeNs) {
      this.requestHalt("virtual-time");
      return;
    }
    this.now = nanos(next.at);
  }

  /** Fires every timer due at or before now, in (time, arming order). */
  private fireDue(): void {
    for (;;) {
      const t = this.timers.peek();
      if (t === undefined || t.at > this.now) return;
      this.timers.pop();
      t.onFire();
    }
  }

  private resume(g: Goroutine): void {
    if (g.state === G_DONE) {
      // It returned while parked (an operation it never awaited); nothing to resume.
      this.schedule();
      return;
    }
    if (this.hostYieldDue) {
      this.deferred = g;
      this.current = undefined;
      this.armPump();
      return;
    }
    this.enterRunning(g);
    if (g.returned) {
      this.finishReturned(g);
      return;
    }
    if (!g.started) {
      g.started = true;
      queueMicrotask(g.boot);
      return;
    }
    // The resolver is left in place: the next park overwrites it.
    const resolve = g.resolve!;
    if (g.hasWakeError) {
      const e = g.wakeError;
      g.hasWakeError = false;
      g.wakeError = undefined;
      resolve(new Raise(e));
    } else {
      const v = g.wakeValue;
      g.wakeValue = undefined;
      resolve(v);
    }
  }

  /** g's operation completed after its function had returned: nothing is left to run, so it exits (or panics, as the operation did). */
  private finishReturned(g: Goroutine): void {
    if (g.hasWakeError) {
      const e = g.wakeError;
      g.hasWakeError = false;
      g.wakeError = undefined;
      this.panicked(g, e);
      return;
    }
    this.live.delete(g);
    g.state = G_DONE;
    this.rec.exit(this.now, g.id);
    this.current = undefined;
    this.schedule();
  }

  private enterRunning(g: Goroutine): void {
    this.current = g;
    this.switches++;
    g.state = G_RUNNING;
    this.sliceEnd = this.ops + SLICE_OPS;
    this.checkAt = this.locations ? 0 : Math.min(this.sliceEnd, this.nextWallCheck);
    if (!this.pumpArmed) this.armPump();
    if (this.foreignAwaits.count > 0 && !this.ended) this.foreignAwaits.armDrainCheck();
    if (this.realClock) this.tickClock();
    if (this.tracing) this.rec.run(this.now, g.id);
  }

  // ---- io and foreign awaits ------------------------------------------------------------

  /** Parks the current goroutine g in io until `p` settles; the park promise settles like p. */
  parkInIo<T>(g: Goroutine, p: PromiseLike<T>, label: string | undefined): Promise<T> {
    const id = this.nextIo++;
    this.rec.io(this.now, g.id, id, false, label, -1);
    g.reason = REASON.io;
    g.waitCh = -1;
    g.waitObj = -1;
    g.io = id;
    this.rec.block(this.now, g.id, REASON.io, -1, -1, NO_VALUE, Number.NaN, id, undefined);
    this.ioPending++;
    const settle = (ok: boolean, v: unknown): void => {
      if (this.ended) return;
      this.ioPending--;
      this.clock();
      this.rec.io(this.now, RUNTIME_G, id, true, label, ok ? 1 : 0);
      this.rec.unblock(this.now, g.id, RUNTIME_G);
      g.io = -1;
      if (ok) this.wake(g, v);
      else this.wakeWithError(g, v);
      this.kick();
    };
    Promise.resolve(p).then(
      (v) => settle(true, v),
      (e: unknown) => settle(false, e),
    );
    return this.park<T>(g);
  }

  /** Something woke a goroutine from outside the chain (io, a real-clock timer): restart the chain if it is idle. */
  private kick(): void {
    if (this.current === undefined && this.deferred === undefined && !this.needSchedule && !this.ended) this.schedule();
  }

  private onPump(): void {
    this.pumpArmed = false;
    if (this.ended) return;
    this.wall.hostTurnTaken();
    this.hostYieldDue = false;
    this.flush();
    if (this.ended) return;
    if (this.wallChecks()) return;
    const g = this.current;
    if (g !== undefined) {
      // The microtask queue drained while g was running: g awaits a promise the runtime does not know.
      this.detectForeign(g);
      return;
    }
    if (this.deferred !== undefined) {
      const d = this.deferred;
      this.deferred = undefined;
      this.resume(d);
      return;
    }
    if (this.needSchedule) {
      this.needSchedule = false;
      this.schedule();
    }
    // Otherwise idle: an io completion, a real-clock timer or a foreign goroutine reporting back restarts the chain.
  }

  /** g is still marked running but the microtask queue drained: it awaits a promise the runtime does not know. */
  private detectForeign(g: Goroutine): void {
    this.foreignAwaits.begin(g, this.nextIo++, this.now);
    this.current = undefined;
    this.schedule();
  }

  /** An operation arrived with no current goroutine: it comes from a goroutine returning from a foreign await. */
  private reclaimCaller(): Goroutine | undefined {
    const g = this.foreignAwaits.claimant(this.now);
    if (g === undefined) return undefined;
    this.reclaim(g);
    return g;
  }

  private reclaim(g: Goroutine): void {
    this.endForeign(g);
    // It barged in: whatever was about to run goes back to the front of the queue.
    if (this.deferred !== undefined) {
      this.runq.unshift(this.deferred);
      this.deferred = undefined;
    }
    this.needSchedule = false;
    this.enterRunning(g);
  }

  /** g is back from its foreign await: its io ends now. */
  private endForeign(g: Goroutine): void {
    this.foreignAwaits.end(g, this.clock());
  }

  // ---- host ---------------------------------------------------------------------------

  /** The drain check (ForeignAwaits.armDrainCheck): the microtask queue just drained. */
  private drainCheck(): void {
    if (this.ended) return;
    const g = this.current;
    if (g !== undefined) this.detectForeign(g);
  }

  private armPump(): void {
    if (this.pumpArmed || this.ended) return;
    this.pumpArmed = true;
    this.pump.schedule();
  }

  /** An idle real-clock run: the chain restarts when the earliest timer (at atNs) is due. */
  private armRealTimer(atNs: number): void {
    if (this.wall.wakesAt(atNs)) return;
    this.wall.wakeAt(atNs, (atNs - this.clock()) / 1e6, () => this.kick());
  }

  /** Hands the host the events recorded since the last delivery; returns what its callback threw, if it threw. */
  private deliver(): { readonly error: unknown } | undefined {
    const sink = this.cfg.onEvents;
    if (sink === undefined) return undefined;
    const to = this.rec.count;
    if (to <= this.flushed) return undefined;
    const from = this.flushed;
    this.flushed = to;
    try {
      sink(from, to);
      return undefined;
    } catch (e) {
      return { error: e };
    }
  }

  /** Hands the host the events recorded so far, between operations (RunOptions.deliver). */
  deliverNow(): void {
    if (!this.ended) this.flush();
  }

  private flush(): void {
    const failed = this.deliver();
    if (failed !== undefined) {
      // The host's own callback failed: end the run and let run() reject with it.
      this.hostFailure = failed;
      this.finish(STATUS_TIMEOUT, "stopped: the onEvents callback threw", "stopped");
    }
  }

  // ---- endings ----------------------------------------------------------------------

  /** Ends the run as `timeout` at the next safe point (now, if nothing is running). */
  requestHalt(limit: Limit): void {
    if (this.ended) return;
    if (this.halt === undefined) this.halt = limit;
    this.checkAt = 0;
    if (this.current === undefined) this.finishHalted();
  }

  private finishHalted(): void {
    const limit = this.halt ?? "stopped";
    this.finish(STATUS_TIMEOUT, haltMessage(limit), limit);
  }

  private deadlock(): void {
    // With main gone through goexit and no goroutine left, Go says so in a deadlock message of its own.
    const message = this.live.size === 0 ? GOEXIT_DEADLOCK_MESSAGE : DEADLOCK_MESSAGE;
    this.rec.deadlock(this.now, RUNTIME_G, message);
    this.finish(STATUS_DEADLOCK, message);
  }

  /** Go's os.Exit: the run ends now, as ok, with the code; every goroutine stays where it is (no deferred call runs). */
  exit(code: number): void {
    this.finish(STATUS_OK, `exit status ${code}`, undefined, undefined, code);
  }

  private finish(status: Outcome["status"], message: string, limit?: Limit, panic?: Outcome["panic"], exitCode = 0): void {
    if (this.ended) return;
    this.ended = true;
    this.current = undefined;
    this.deferred = undefined;
    this.wall.stop();
    this.cfg.signal?.removeEventListener?.("abort", this.onAbort);
    this.pump.close();
    if (active === this) active = undefined;

    const unfinished = recordEnding(this.rec, this.now, this.live, status, message, limit, exitCode);
    this.flushFinal();
    const code = exitCode === 0 ? undefined : exitCode;
    this.resolveDone({ status, message, limit, endTime: this.now, panic, unfinished, exitCode: code, hostFailure: this.hostFailure });
  }

  private flushFinal(): void {
    if (this.hostFailure !== undefined) return;
    this.hostFailure = this.deliver();
  }

  /** Takes a parked goroutine out of whatever queue it waits in (it will never be woken). */
  private detach(g: Goroutine): void {
    const w = g.waiter;
    w.queue?.remove(w);
    g.selWait?.withdraw();
  }

  /**
   * Raises a runtime panic in the current goroutine, synchronously, at the call
   * (Go panics at that line). A rejected promise instead would, for an operation
   * the program forgot to await, become an unhandled rejection that kills the host.
   */
  static throwPanic(message: string): never {
    throw new GoPanic(message);
  }
}
