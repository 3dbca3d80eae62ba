// Per-goroutine state spans, columnar (gotraceui: spans reference events by
// index). A goroutine's spans tile its life: span k runs from its start event
// to the start of span k+1, so only starts are stored and appends never touch
// earlier entries — which is what lets a live snapshot share the arrays.

import type { Nanos } from "../units";
import { NONE, type EventColumns } from "./columns";
import { refAt, type EventRef } from "./eventRef";
import { stateName, type GoroutineState } from "./goroutineState";
import { waitInfoAt, type WaitInfo } from "./waitInfo";

export interface Span {
  readonly state: GoroutineState;
  readonly start: EventRef;
  /** The event that ended it; for the last span, the last event of the trace. */
  readonly end: EventRef;
  /** The last span of the goroutine: it lasts to the end of the trace. */
  readonly open: boolean;
  /** What a blocked/deadlocked/leaked goroutine waits on. */
  readonly wait: WaitInfo | undefined;
}

export interface SpanTrack {
  readonly length: number;
  /** GOROUTINE_STATES index of span k (for columnar use: colour tables, merging). */
  stateCode(k: number): number;
  stateOf(k: number): GoroutineState;
  startIndex(k: number): number;
  /** Exclusive end: the index of the event that ended span k (the trace length for the last span). */
  endIndex(k: number): number;
  startTime(k: number): Nanos;
  /** For the last span, the time of the trace's last event. */
  endTime(k: number): Nanos;
  /** Index of the block (or leak) event span k waits since, or -1. */
  waitIndex(k: number): number;
  span(k: number): Span;
  /** The span in force after event `index`, or -1 before the goroutine existed. */
  spanAt(index: number): number;
  /** The first span still going at time t (its end ≥ t): where drawing a window starting at t begins. Returns length if none. */
  firstEndingAtOrAfter(t: Nanos): number;
}

/**
 * Plain arrays rather than typed ones: a trace has thousands of goroutines with
 * a few dozen spans each, and allocating many small typed arrays costs far more
 * than it saves. Entries below a snapshot's length never change, so a view
 * shares the arrays and simply reads no further.
 */
export class SpanRecorder {
  private readonly state: number[] = [];
  private readonly start: number[] = [];
  private readonly wait: number[] = [];

  add(code: number, index: number, wait: number): void {
    // Several changes at one event (spawn then run in a batch, say): the last one wins.
    const n = this.start.length;
    if (n > 0 && this.start[n - 1] === index) {
      if (n > 1 && this.state[n - 2] === code && this.wait[n - 2] === wait) {
        // Back to the state before: the zero-length span vanishes.
        this.state.length = this.start.length = this.wait.length = n - 1;
        return;
      }
      this.state[n - 1] = code;
      this.wait[n - 1] = wait;
      return;
    }
    this.state.push(code);
    this.start.push(index);
    this.wait.push(wait);
  }

  view(cols: EventColumns): SpanTrack {
    return new SpanTrackView(this.state, this.start, this.wait, this.start.length, cols);
  }
}

class SpanTrackView implements SpanTrack {
  constructor(
    private readonly state: readonly number[],
    private readonly start: readonly number[],
    private readonly wait: readonly number[],
    readonly length: number,
    private readonly cols: EventColumns,
  ) {
    Object.freeze(this);
  }

  stateCode(k: number): number {
    return this.state[k] as number;
  }

  stateOf(k: number): GoroutineState {
    return stateName(this.state[k] as number);
  }

  startIndex(k: number): number {
    return this.start[k] as number;
  }

  waitIndex(k: number): number {
    return this.wait[k] as number;
  }

  endIndex(k: number): number {
    return k + 1 < this.length ? (this.start[k + 1] as number) : this.cols.length;
  }

  startTime(k: number): Nanos {
    return this.cols.t[this.start[k] as number] as Nanos;
  }

  endTime(k: number): Nanos {
    const e = k + 1 < this.length ? (this.start[k + 1] as number) : this.cols.length - 1;
    return this.cols.t[e] as Nanos;
  }

  span(k: number): Span {
    if (k < 0 || k >= this.length) throw new RangeError(`span ${k} out of range [0, ${this.length})`);
    const open = k + 1 >= this.length;
    const w = this.wait[k] as number;
    return Object.freeze({
      state: this.stateOf(k),
      start: refAt(this.cols.t, this.start[k] as number),
      end: refAt(this.cols.t, open ? this.cols.length - 1 : (this.start[k + 1] as number)),
      open,
      wait: w === NONE ? undefined : waitInfoAt(this.cols, w),
    });
  }

  spanAt(index: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.start[mid] as number) <= index) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  firstEndingAtOrAfter(t: Nanos): number {
    if (this.length === 0) return 0;
    // Span k ends when span k+1 starts; find the first k whose successor starts at or after t.
    let lo = 0;
    let hi = this.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cols.t[this.start[mid + 1] as number] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    return (this.endTime(lo) as number) < t ? this.length : lo;
  }
}
