// A goroutine: an async function the scheduler resumes one at a time, plus what
// it is waiting on while parked (for leak reports and the unfinished goroutines
// of a run's result), and the waiters it parks with (Go's g and sudog).

import type { ReasonCode } from "../traces/codes";
import type { GoroutineId } from "../traces/events";

/**
 * runnable: in the run queue. running: the one goroutine the scheduler resumed.
 * blocked: parked on a channel, select, lock, timer or io (`reason` says which).
 * done: returned or panicked.
 *
 * Small integers rather than strings: the scheduler tests the state on every
 * switch, and comparing a string field loads the string's map first.
 */
export const G_RUNNABLE = 0;
export const G_RUNNING = 1;
export const G_BLOCKED = 2;
export const G_DONE = 3;
export type GoroutineState = typeof G_RUNNABLE | typeof G_RUNNING | typeof G_BLOCKED | typeof G_DONE;
export const STATE_NAMES = ["runnable", "running", "blocked", "done"] as const;

export class Goroutine {
  state: GoroutineState = G_RUNNABLE;
  started = false;
  /** Starts fn; set by the scheduler. */
  boot: () => void = () => {};

  // Resolves the promise of the current park when the scheduler resumes it (with a failing thenable to raise a panic in it).
  resolve: ((v: unknown) => void) | undefined = undefined;
  wakeValue: unknown = undefined;
  wakeError: unknown = undefined;
  hasWakeError = false;

  // What it waits on while blocked.
  reason: ReasonCode = -1;
  waitCh = -1;
  waitObj = -1;
  /** io id while blocked in io (io() or a detected foreign await). */
  io = -1;
  /** Blocked in a foreign await the runtime detected (see Scheduler.onPump). */
  foreign = false;
  /**
   * Its function returned while an operation it started was pending (a missing
   * await): it stays parked on that operation, and exits when resumed.
   */
  returned = false;

  /** The waiter a plain send/receive parks with (a goroutine parks on one channel at a time). */
  readonly waiter: Waiter;

  /** The select it is blocked in, if any. */
  selWait: SelectWait | undefined = undefined;
  /** Reused by this goroutine's selects (it is in at most one at a time); owned by select.ts. */
  selectState: unknown = undefined;

  constructor(
    readonly id: GoroutineId,
    readonly name: string | undefined,
    readonly fn: () => unknown,
  ) {
    this.waiter = new Waiter(this);
  }

  /** `goroutine 3 "worker"` or `goroutine 3`. */
  label(): string {
    return this.name === undefined ? `goroutine ${this.id}` : `goroutine ${this.id} "${this.name}"`;
  }
}

/** How a parked receive wants its result delivered when it is woken. */
export const FORM_VALUE = 0; // recv(): the value
export const FORM_OK = 1; // recvOk(): [value, ok]
export const FORM_ITER = 2; // for await: { value, done }
export const FORM_SELECT = 3; // select: whatever SelectWait.fired returns

/**
 * A blocked select, as the channels see it (implemented in select.ts). It is
 * also the case list the recorder takes (`codes`, `n`) for the select event
 * recorded when a case fires.
 */
export interface SelectWait {
  readonly g: Goroutine;
  readonly codes: Int32Array;
  readonly n: number;
  /** Takes every waiter of this select out of its queue. */
  withdraw(): void;
  /** Case `w.sel` fired (with the value received, for a receive): what the select's park resolves to. */
  fired(w: Waiter, v: unknown, ok: boolean): unknown;
  /** A close decided it on a send case: it panics when it resumes, running no handler. */
  failed(): void;
}

/** A goroutine parked in a wait queue (Go's sudog): one per plain send or receive, one per case of a blocked select. */
export class Waiter {
  /** The value a parked sender holds. */
  value: unknown = undefined;
  /** Case index when part of a select, else -1. */
  sel = -1;
  form = FORM_VALUE;
  sw: SelectWait | undefined = undefined;
  /** When a Mutex waiter first blocked (ns): how long it has waited decides starvation mode (sync.ts). */
  since = 0;
  prev: Waiter | undefined = undefined;
  next: Waiter | undefined = undefined;
  queue: WaiterQueue | undefined = undefined;

  constructor(readonly g: Goroutine) {}
}

/** The queue a waiter is in (a WaitQueue, waitq.ts), as far as taking it out goes. */
export interface WaiterQueue {
  remove(w: Waiter): void;
}
