// A goroutine: an async function the scheduler resumes one at a time, plus what
// it is waiting on while parked (for the trace, explanations and leak reports).

import type { ReasonCode } from "../traces/codes";
import type { GoroutineId } from "../traces/events";
import { Waiter, type SelectWait } from "./waitq";

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

/** Something a goroutine can wait on, able to say what it is in a sentence. */
export interface WaitTarget {
  /** e.g. `channel #3 "jobs" (buffer 5/5)`. */
  describe(): string;
}

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
  waitOn: WaitTarget | undefined = undefined;
  waitValue: unknown = undefined;
  until = 0;
  /** io id while blocked in io (io() or a detected foreign await). */
  io = -1;
  /** Blocked in a foreign await the runtime detected (see Scheduler.onPump). */
  foreign = false;

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
