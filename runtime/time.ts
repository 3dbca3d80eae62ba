// Go's time package on the run's clock: sleep, after, timers, tickers.
//
// Durations in the API are milliseconds (fractions allowed); the trace is in
// integer nanoseconds. Timer channels deliver the fire time in milliseconds
// since the run started (what `now()` returns), standing in for Go's time.Time.
// Timer and ticker channels have a 1-slot buffer and a fire that finds it full
// is dropped (Go ≤ 1.22 semantics): a slow receiver misses ticks, it does not
// queue them; stop() does not drain a value already delivered. A host whose
// program wants another value than the ms (gofront's time.Time) passes `as`,
// which makes the delivered value from the fire time.

import { RUNTIME_G } from "../traces/events";
import { PURPOSE_AFTER, PURPOSE_SLEEP, PURPOSE_TICKER, PURPOSE_TIMER, REASON, TIMER_FIRE, TIMER_SET, TIMER_STOP } from "../traces/codes";
import { Channel, nilChan, type RecvChan } from "./channel";
import { registerRuntimeModule } from "./location";
import { GoPanic } from "./panic";
import { NO_VALUE } from "./recorder";
import { RESOLVED, activeScheduler, type Scheduler } from "./scheduler";
import { TimerEntry } from "./timers";

registerRuntimeModule(import.meta.url);

/** Milliseconds to integer nanoseconds. */
export function msToNs(ms: number): number {
  return Math.round(ms * 1e6);
}

function durationText(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** The run's clock in milliseconds since it started (virtual unless the run uses the real clock). */
export function now(): number {
  return activeScheduler("now()").clock() / 1e6;
}

/** Go's time.Sleep: parks the goroutine for `ms` of the run's clock. `ms ≤ 0` returns at once without blocking. */
export function sleep(ms: number): Promise<void> {
  const s = activeScheduler("sleep()");
  return s.enter((g) => {
    // Go's Sleep(0) returns at once; in a loop it is a poll.
    if (!(ms > 0)) return s.polled() ? s.yieldCurrent() : RESOLVED;
    const at = s.clock() + msToNs(ms);
    const t = new TimerEntry(s.newTimerId(), PURPOSE_SLEEP, () => {
      s.rec.timer(s.now, RUNTIME_G, t.id, TIMER_FIRE, PURPOSE_SLEEP, t.at, -1);
      s.rec.unblock(s.now, g.id, RUNTIME_G);
      s.wake(g, undefined);
    });
    s.rec.timer(s.now, g.id, t.id, TIMER_SET, PURPOSE_SLEEP, at, -1);
    s.timers.push(t, at);
    g.reason = REASON.sleep;
    g.waitCh = -1;
    g.waitObj = -1;
    s.rec.block(s.now, g.id, REASON.sleep, -1, -1, NO_VALUE, at, -1, undefined);
    return s.park(g);
  });
}

/** The goroutine calling, or the runtime (0) if the run has stopped. */
function callerId(s: Scheduler): number {
  return s.syncEnter()?.id ?? RUNTIME_G;
}

/** A timer entry plus the set/stop bookkeeping every kind of timer shares. */
class ArmedTimer {
  readonly entry: TimerEntry;

  constructor(
    readonly s: Scheduler,
    readonly purpose: number,
    ch: number,
    onFire: (t: ArmedTimer) => void,
  ) {
    this.entry = new TimerEntry(s.newTimerId(), purpose, () => onFire(this));
    this.entry.ch = ch;
  }

  arm(by: number, ms: number): void {
    const s = this.s;
    const at = s.clock() + Math.max(0, msToNs(ms));
    s.rec.timer(s.now, by, this.entry.id, TIMER_SET, this.purpose, at, this.entry.ch);
    s.timers.push(this.entry, at);
  }

  disarm(by: number): boolean {
    const s = this.s;
    if (!s.timers.remove(this.entry)) return false;
    s.rec.timer(s.now, by, this.entry.id, TIMER_STOP, this.purpose, this.entry.at, this.entry.ch);
    return true;
  }

  /** Records the fire event (by the runtime). */
  fired(): void {
    const e = this.entry;
    this.s.rec.timer(this.s.now, RUNTIME_G, e.id, TIMER_FIRE, this.purpose, e.at, e.ch);
  }
}

/** What a timer channel delivers for a fire at `ms` of the run's clock: ms itself, unless the caller said otherwise. */
export type FireValue<T> = (ms: number) => T;
const fireMs: FireValue<number> = (ms) => ms;

/** A one-shot timer that delivers the fire time into ch (dropped if ch is full). */
function channelTimer<T>(s: Scheduler, ch: Channel<T>, purpose: number, as: FireValue<T>): ArmedTimer {
  return new ArmedTimer(s, purpose, ch.id, (t) => {
    t.fired();
    ch.offer(as(s.now / 1e6));
  });
}

function timerHandle<T>(s: Scheduler, t: ArmedTimer, c: RecvChan<T>): Timer<T> {
  return {
    c,
    stop: () => t.disarm(callerId(s)),
    reset: (d: number) => {
      const by = callerId(s);
      const was = t.disarm(by);
      t.arm(by, d);
      return was;
    },
  };
}

/** Go's time.After: a channel that receives the fire time once, `ms` from now (`as` makes the value from it). */
export function after(ms: number): RecvChan<number>;
export function after<T>(ms: number, as: FireValue<T>): RecvChan<T>;
export function after(ms: number, as: FireValue<unknown> = fireMs): RecvChan<unknown> {
  const s = activeScheduler("after()");
  const by = callerId(s);
  const ch = new Channel<unknown>(s, 1, `after ${durationText(ms)}`, by);
  channelTimer(s, ch, PURPOSE_AFTER, as).arm(by, ms);
  return ch;
}

/** Go's *time.Timer. */
export interface Timer<T = number> {
  /** Receives the fire time (ms, or what `as` made of it) once the timer fires. A nil channel for afterFunc timers. */
  readonly c: RecvChan<T>;
  /** Stops the timer; true if that prevented a fire, false if it had already fired or been stopped. A value already in `c` stays there. */
  stop(): boolean;
  /** Re-arms the timer to fire `ms` from now; true if it was still pending. */
  reset(ms: number): boolean;
}

/** Go's time.NewTimer: fires once, `ms` from now, into `c` (`as` makes the value from the fire time). */
export function newTimer(ms: number): Timer;
export function newTimer<T>(ms: number, as: FireValue<T>): Timer<T>;
export function newTimer(ms: number, as: FireValue<unknown> = fireMs): Timer<unknown> {
  const s = activeScheduler("newTimer()");
  const by = callerId(s);
  const ch = new Channel<unknown>(s, 1, `timer ${durationText(ms)}`, by);
  const t = channelTimer(s, ch, PURPOSE_TIMER, as);
  t.arm(by, ms);
  return timerHandle(s, t, ch);
}

/** Go's time.AfterFunc: after `ms`, runs fn in a new goroutine (spawned by the runtime, g 0). Its `c` is a nil channel. */
export function afterFunc(ms: number, fn: () => unknown, name = "afterFunc"): Timer {
  const s = activeScheduler("afterFunc()");
  const by = callerId(s);
  const t = new ArmedTimer(s, PURPOSE_TIMER, -1, (self) => {
    self.fired();
    s.spawn(fn, name, RUNTIME_G);
  });
  t.arm(by, ms);
  return timerHandle(s, t, nilChan<number>());
}

/**
 * Go's time.Tick: a ticker's channel, for a ticker that is never stopped; a
 * nil channel (blocks for ever) when ms ≤ 0, as Go returns nil.
 */
export function tick(ms: number): RecvChan<number>;
export function tick<T>(ms: number, as: FireValue<T>): RecvChan<T>;
export function tick(ms: number, as: FireValue<unknown> = fireMs): RecvChan<unknown> {
  activeScheduler("tick()");
  return ms > 0 ? newTicker(ms, as).c : nilChan<unknown>();
}

/** Go's *time.Ticker. */
export interface Ticker<T = number> {
  /** Receives the fire time (ms, or what `as` made of it) every period; ticks a slow receiver cannot take are dropped. */
  readonly c: RecvChan<T>;
  /** Stops the ticker; no more ticks are sent (a tick already in `c` stays). */
  stop(): void;
  /** Changes the period and restarts the ticker: the next tick is `ms` from now. Panics if ms ≤ 0. */
  reset(ms: number): void;
}

/** Go's time.NewTicker: ticks every `ms` (`as` makes each value from the tick's time). Panics "non-positive interval for NewTicker" if ms ≤ 0. */
export function newTicker(ms: number): Ticker;
export function newTicker<T>(ms: number, as: FireValue<T>): Ticker<T>;
export function newTicker(ms: number, as: FireValue<unknown> = fireMs): Ticker<unknown> {
  const s = activeScheduler("newTicker()");
  const by = callerId(s);
  if (!(ms > 0)) throw new GoPanic("non-positive interval for NewTicker");
  const ch = new Channel<unknown>(s, 1, `ticker ${durationText(ms)}`, by);
  let period = msToNs(ms);
  const t = new ArmedTimer(s, PURPOSE_TICKER, ch.id, (self) => {
    self.fired();
    ch.offer(as(s.now / 1e6));
    // Re-armed without a `set` event: a ticker's fires follow its period. If the
    // clock ran past several periods (a stalled real-clock run), skip them as Go does.
    const at = self.entry.at;
    const behind = s.now - at;
    s.timers.push(self.entry, at + period * (behind >= period ? Math.floor(behind / period) + 1 : 1));
  });
  t.arm(by, ms);
  return {
    c: ch,
    stop: () => void t.disarm(callerId(s)),
    reset: (d: number) => {
      if (!(d > 0)) throw new GoPanic("non-positive interval for Ticker.Reset");
      const by2 = callerId(s);
      t.disarm(by2);
      period = msToNs(d);
      t.arm(by2, d);
    },
  };
}

/** Go's runtime.Gosched: yields the processor; the goroutine stays runnable and goes to the back of the run queue. */
export function gosched(): Promise<void> {
  const s = activeScheduler("gosched()");
  return s.enter(() => {
    s.polled();
    return s.yieldCurrent();
  });
}
