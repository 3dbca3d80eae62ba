// A run's wall clock: wall time since the run started, which is the real
// clock's reading, what the wall-time budget measures and what decides when
// the host gets a turn; and the host timers that go with it (one that wakes an
// idle real-clock run when its next timer is due, one that ends a run over its
// budget). A virtual-time run reads it only for the budget and the host's
// turns, never for what it computes.

import { startTimer, stopTimer, wallNow } from "./host";

/** Wall milliseconds between turns given to the host. */
const HOST_SLICE_MS = 5;

export class WallClock {
  private readonly start = wallNow();
  private lastHostTurn = this.start;
  private wakeTimer: unknown = undefined;
  /** The run-clock instant (ns) the wake timer is set for; -1 when none is. */
  private wakeTimerAt = -1;
  private budgetTimer: unknown = undefined;

  constructor(private readonly budgetMs: number) {}

  /** The real clock's reading at wall time w: ns since the run started. */
  sinceStartNs(w: number = wallNow()): number {
    return Math.round((w - this.start) * 1e6);
  }

  /** Whether the run has used up its wall-time budget at wall time w. */
  overBudget(w: number): boolean {
    return w - this.start >= this.budgetMs;
  }

  /** Whether the host is due a turn at wall time w. */
  hostTurnDue(w: number): boolean {
    return w - this.lastHostTurn >= HOST_SLICE_MS;
  }

  /** The host is having its turn now. */
  hostTurnTaken(): void {
    this.lastHostTurn = wallNow();
  }

  /** Calls onOver once the budget is used up (no timer for an unbounded budget). */
  startBudget(onOver: () => void): void {
    if (Number.isFinite(this.budgetMs)) this.budgetTimer = startTimer(onOver, this.budgetMs);
  }

  /** Whether the wake timer is already set for run-clock instant `at` (ns). */
  wakesAt(at: number): boolean {
    return this.wakeTimer !== undefined && this.wakeTimerAt === at;
  }

  /** Calls onWake in `ms` wall milliseconds, for the timer due at run-clock instant `at`; replaces a wake timer set before. */
  wakeAt(at: number, ms: number, onWake: () => void): void {
    stopTimer(this.wakeTimer);
    this.wakeTimerAt = at;
    this.wakeTimer = startTimer(() => {
      this.wakeTimer = undefined;
      this.wakeTimerAt = -1;
      onWake();
    }, ms);
  }

  /** Stops both host timers: the run ended. */
  stop(): void {
    stopTimer(this.wakeTimer);
    stopTimer(this.budgetTimer);
  }
}
