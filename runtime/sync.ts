// Go's sync package: WaitGroup, Mutex, RWMutex, Once.
//
// A Mutex has Go's two modes, on the virtual clock (HACKING.md, "sync"): in
// normal mode unlock wakes the longest waiter, which must then win the lock
// against goroutines that arrive first, so a goroutine that unlocks and locks
// again at once keeps it; a waiter that has waited more than 1 ms switches the
// mutex to starvation mode, where unlock hands the lock straight to the
// longest waiter. RWMutex hands off FIFO. Like Go's, the locks are not owned:
// any goroutine may unlock. Create them inside a run (they get an id and a
// `sync.make` event).

import { MAX_INT32, MIN_INT32, RUNTIME_G, type GoroutineId } from "../traces/events";
import { MODE_R, MODE_W, REASON, SYNC_MUTEX, SYNC_ONCE, SYNC_RWMUTEX, SYNC_WAITGROUP, type ReasonCode } from "../traces/codes";
import type { Goroutine } from "./goroutine";
import { registerRuntimeModule } from "./location";
import { GoPanic } from "./panic";
import { NO_VALUE } from "./recorder";
import { FROZEN, NEVER, PREEMPT, PROCEED, RESOLVED, activeScheduler, type Scheduler } from "./scheduler";
import { WaitQueue } from "./waitq";

registerRuntimeModule(import.meta.url);

/** What every sync object shares: its id, its `sync.make` event, parking a goroutine on it. */
export abstract class SyncObject {
  readonly id: number;
  protected readonly s: Scheduler;

  constructor(
    what: string,
    type: number,
    readonly name: string | undefined,
  ) {
    const s = activeScheduler(`new ${what}()`);
    this.s = s;
    this.id = s.newObjId();
    s.rec.syncMake(s.now, s.syncEnter()?.id ?? RUNTIME_G, this.id, type, name);
  }

  /** Parks g in q on this object; the promise settles with what its waker passes. */
  protected parkOn<T = void>(g: Goroutine, q: WaitQueue, reason: ReasonCode): Promise<T> {
    q.push(g.waiter);
    g.reason = reason;
    g.waitCh = -1;
    g.waitObj = this.id;
    this.s.rec.block(this.s.now, g.id, reason, -1, this.id, NO_VALUE, Number.NaN, -1, undefined);
    return this.s.park<T>(g);
  }

  /** Records an operation of a Cond, Semaphore, ErrGroup or atomic (a `sync.op` event). */
  protected op(g: number, op: number, n = Number.NaN, v?: string, old?: string, ok = -1): void {
    this.s.rec.syncOp(this.s.now, g, this.id, op, n, v, old, ok);
  }
}

/** Go's sync.Locker: what a Cond locks around its wait (a Mutex, an RWMutex, or an RWMutex's rLocker()). */
export interface Locker {
  lock(): Promise<void>;
  unlock(): void;
}

/** Go's sync.WaitGroup. */
export class WaitGroup extends SyncObject {
  private count = 0;
  private readonly waiters = new WaitQueue();

  constructor(name?: string) {
    super("WaitGroup", SYNC_WAITGROUP, name);
  }

  /** Adds delta to the counter; at zero every waiter is released. Panics "sync: negative WaitGroup counter" below zero. */
  add(delta: number): void {
    const s = this.s;
    const g = s.syncEnter();
    if (g === undefined) return;
    // A trace holds deltas and counters of 32 bits, as Go's WaitGroup does.
    const next = this.count + delta;
    if (!Number.isInteger(delta) || delta < MIN_INT32 || delta > MAX_INT32 || next > MAX_INT32 || next < MIN_INT32) {
      throw new GoPanic("sync: WaitGroup counter overflow");
    }
    this.count = next;
    s.rec.wgAdd(s.now, g.id, this.id, delta, this.count);
    if (this.count < 0) throw new GoPanic("sync: negative WaitGroup counter");
    if (this.count > 0) return;
    for (let w = this.waiters.shift(); w !== undefined; w = this.waiters.shift()) {
      s.rec.wgWait(s.now, w.g.id, this.id);
      s.rec.unblock(s.now, w.g.id, g.id);
      s.wake(w.g, undefined);
    }
  }

  /** add(-1). */
  done(): void {
    this.add(-1);
  }

  /**
   * Go 1.25's WaitGroup.Go: add(1), then runs fn in a new goroutine that calls
   * done() when fn returns or throws. Returns the goroutine's id.
   */
  go(fn: () => unknown, name?: string): GoroutineId {
    const s = this.s;
    const g = s.syncEnter();
    if (g === undefined) return RUNTIME_G;
    this.add(1);
    return s.spawn(
      async () => {
        try {
          await fn();
        } finally {
          this.done();
        }
      },
      name,
      g.id,
    ).id;
  }

  /** Blocks until the counter is zero; returns at once if it already is. */
  wait(): Promise<void> {
    return this.s.enter((g) => {
      if (this.count === 0) {
        this.s.rec.wgWait(this.s.now, g.id, this.id);
        return RESOLVED;
      }
      return this.parkOn(g, this.waiters, REASON["sync.WaitGroup.Wait"]);
    });
  }
}

/** How long a Mutex waiter may wait before the mutex turns to starvation mode (Go's starvationThresholdNs). */
export const STARVATION_NS = 1_000_000;

/** Go's sync.Mutex. Not reentrant: locking it twice in one goroutine blocks forever. */
export class Mutex extends SyncObject {
  private locked = false;
  /** Starvation mode: unlock hands the lock to the longest waiter; newcomers queue. */
  private starving = false;
  /** A waiter was woken and has not yet tried again (Go's mutexWoken): unlock wakes no other. */
  private woken = false;
  private readonly waiters = new WaitQueue();

  constructor(name?: string) {
    super("Mutex", SYNC_MUTEX, name);
  }

  lock(): Promise<void> {
    const s = this.s;
    const g = s.current;
    if (g === undefined || ++s.ops >= s.checkAt) return this.lockSlow();
    return this.lockAs(g);
  }

  private lockSlow(): Promise<void> {
    const s = this.s;
    switch (s.slowOp()) {
      case PROCEED:
        return this.lockAs(s.current!);
      case PREEMPT:
        return s.yieldCurrent().then(() => this.lockAs(s.current!));
      case FROZEN:
        return NEVER;
    }
  }

  private lockAs(g: Goroutine): Promise<void> {
    if (!this.locked) {
      this.locked = true;
      this.s.rec.lock(this.s.now, g.id, this.id, MODE_W);
      return RESOLVED;
    }
    g.waiter.since = this.s.now;
    return this.parkOn(g, this.waiters, REASON["sync.Mutex.Lock"]);
  }

  /**
   * A woken waiter's new try, as it resumes: it takes a free lock, or queues
   * again at the front, switching the mutex to starvation mode once it has
   * waited longer than STARVATION_NS.
   */
  retry(g: Goroutine): Promise<void> {
    const s = this.s;
    this.woken = false;
    if (!this.locked) {
      this.locked = true;
      s.rec.lock(s.now, g.id, this.id, MODE_W);
      return RESOLVED;
    }
    const w = g.waiter;
    if (s.now - w.since > STARVATION_NS) this.starving = true;
    const reason = REASON["sync.Mutex.Lock"];
    this.waiters.unshift(w);
    g.reason = reason;
    g.waitCh = -1;
    g.waitObj = this.id;
    s.rec.block(s.now, g.id, reason, -1, this.id, NO_VALUE, Number.NaN, -1, undefined);
    return s.park<void>(g);
  }

  /** Go's TryLock: locks and returns true if the mutex is free, else returns false at once. */
  tryLock(): boolean {
    const g = this.s.syncEnter();
    if (g === undefined) return false;
    if (this.locked) {
      // A failed try is a poll (HACKING.md, "Polling"): a tryLock loop lets the clock move on.
      this.s.polled();
      return false;
    }
    this.locked = true;
    this.s.rec.lock(this.s.now, g.id, this.id, MODE_W);
    return true;
  }

  /**
   * Unlocks: in normal mode the longest waiter is woken to try again, in
   * starvation mode it gets the lock. Unlocking an unlocked mutex is fatal
   * ("sync: unlock of unlocked mutex"): the run ends.
   */
  unlock(): void {
    const s = this.s;
    const g = s.syncEnter();
    if (g === undefined) return;
    if (!this.locked) throw s.fatal("sync: unlock of unlocked mutex");
    s.rec.unlock(s.now, g.id, this.id, MODE_W);
    if (this.starving) {
      const w = this.waiters.shift();
      if (w !== undefined) {
        // Go leaves starvation mode when the new owner is the last waiter or waited less than the threshold.
        if (this.waiters.size === 0 || s.now - w.since <= STARVATION_NS) this.starving = false;
        s.rec.lock(s.now, w.g.id, this.id, MODE_W);
        s.rec.unblock(s.now, w.g.id, g.id);
        s.wake(w.g, undefined);
        return;
      }
      this.starving = false;
    }
    this.locked = false;
    if (this.woken) return;
    const w = this.waiters.shift();
    if (w === undefined) return;
    this.woken = true;
    s.rec.unblock(s.now, w.g.id, g.id);
    s.wake(w.g, new MutexRetry(this, w.g));
  }
}

/** What a woken Mutex waiter's park resolves to: its new try, run as it resumes. */
class MutexRetry {
  constructor(
    private readonly mu: Mutex,
    private readonly g: Goroutine,
  ) {}

  then(resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
    try {
      resolve(this.mu.retry(this.g));
    } catch (e) {
      reject(e);
    }
  }
}

/**
 * Go's sync.RWMutex: many readers or one writer. A writer waiting blocks new
 * readers (so writers are not starved); when a writer unlocks, the readers
 * waiting at that moment all get in before the next writer.
 */
export class RWMutex extends SyncObject {
  private readers = 0;
  private writer = false;
  private readonly waitingReaders = new WaitQueue();
  private readonly waitingWriters = new WaitQueue();

  constructor(name?: string) {
    super("RWMutex", SYNC_RWMUTEX, name);
  }

  rLock(): Promise<void> {
    return this.s.enter((g) => {
      if (!this.writer && this.waitingWriters.size === 0) {
        this.readers++;
        this.s.rec.lock(this.s.now, g.id, this.id, MODE_R);
        return RESOLVED;
      }
      return this.parkOn(g, this.waitingReaders, REASON["sync.RWMutex.RLock"]);
    });
  }

  /** Go's RLocker: a Locker whose lock and unlock are this RWMutex's rLock and rUnlock (for a Cond). */
  rLocker(): Locker {
    return { lock: () => this.rLock(), unlock: () => this.rUnlock() };
  }

  /** Go's TryRLock: read-locks and returns true unless a writer holds or waits for the lock; never blocks. */
  tryRLock(): boolean {
    const s = this.s;
    const g = s.syncEnter();
    if (g === undefined) return false;
    if (this.writer || this.waitingWriters.size > 0) {
      s.polled();
      return false;
    }
    this.readers++;
    s.rec.lock(s.now, g.id, this.id, MODE_R);
    return true;
  }

  /** Go's TryLock: locks and returns true if no reader or writer holds or waits for it; never blocks. */
  tryLock(): boolean {
    const s = this.s;
    const g = s.syncEnter();
    if (g === undefined) return false;
    if (this.writer || this.readers > 0 || this.waitingWriters.size > 0) {
      s.polled();
      return false;
    }
    this.writer = true;
    s.rec.lock(s.now, g.id, this.id, MODE_W);
    return true;
  }

  /** Fatal "sync: RUnlock of unlocked RWMutex" without a reader holding it. */
  rUnlock(): void {
    const s = this.s;
    const g = s.syncEnter();
    if (g === undefined) return;
    if (this.readers === 0) throw s.fatal("sync: RUnlock of unlocked RWMutex");
    this.readers--;
    s.rec.unlock(s.now, g.id, this.id, MODE_R);
    if (this.readers === 0) this.grantWriter(g.id);
  }

  lock(): Promise<void> {
    return this.s.enter((g) => {
      if (!this.writer && this.readers === 0 && this.waitingWriters.size === 0) {
        this.writer = true;
        this.s.rec.lock(this.s.now, g.id, this.id, MODE_W);
        return RESOLVED;
      }
      return this.parkOn(g, this.waitingWriters, REASON["sync.RWMutex.Lock"]);
    });
  }

  /** Fatal "sync: Unlock of unlocked RWMutex" without a writer holding it. */
  unlock(): void {
    const s = this.s;
    const g = s.syncEnter();
    if (g === undefined) return;
    if (!this.writer) throw s.fatal("sync: Unlock of unlocked RWMutex");
    this.writer = false;
    s.rec.unlock(s.now, g.id, this.id, MODE_W);
    if (this.waitingReaders.size > 0) {
      for (let w = this.waitingReaders.shift(); w !== undefined; w = this.waitingReaders.shift()) {
        this.readers++;
        s.rec.lock(s.now, w.g.id, this.id, MODE_R);
        s.rec.unblock(s.now, w.g.id, g.id);
        s.wake(w.g, undefined);
      }
      return;
    }
    this.grantWriter(g.id);
  }

  private grantWriter(by: number): void {
    const w = this.waitingWriters.shift();
    if (w === undefined) return;
    const s = this.s;
    this.writer = true;
    s.rec.lock(s.now, w.g.id, this.id, MODE_W);
    s.rec.unblock(s.now, w.g.id, by);
    s.wake(w.g, undefined);
  }
}

/**
 * Go's sync.Once: `do(fn)` runs fn the first time only; callers arriving while
 * it runs wait for it to finish. If fn throws, the once still counts as done
 * (as in Go) and the error propagates to the caller that ran it.
 */
export class Once extends SyncObject {
  private state: "new" | "running" | "done" = "new";
  private readonly waiters = new WaitQueue();

  constructor(name?: string) {
    super("Once", SYNC_ONCE, name);
  }

  do(fn: () => unknown): Promise<void> {
    return this.s.enter((g) => {
      switch (this.state) {
        case "done":
          return RESOLVED;
        case "running":
          return this.parkOn(g, this.waiters, REASON["sync.Once.Do"]);
        case "new":
          return this.runFirst(g, fn);
      }
    });
  }

  private runFirst(g: Goroutine, fn: () => unknown): Promise<void> {
    const s = this.s;
    this.state = "running";
    s.rec.once(s.now, g.id, this.id, false);
    const finish = (): void => {
      this.state = "done";
      // Whoever runs this is the goroutine that ran fn, resumed.
      const by = s.current?.id ?? g.id;
      s.rec.once(s.now, by, this.id, true);
      for (let w = this.waiters.shift(); w !== undefined; w = this.waiters.shift()) {
        s.rec.unblock(s.now, w.g.id, by);
        s.wake(w.g, undefined);
      }
    };
    let r: unknown;
    try {
      r = fn();
    } catch (e) {
      finish();
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- fn's panic value goes on unchanged to Do's caller, as Go's panic(v) takes any v
      return Promise.reject(e);
    }
    return Promise.resolve(r).then(
      () => finish(),
      (e: unknown) => {
        finish();
        throw e;
      },
    );
  }
}

/**
 * Go's sync.OnceFunc: a function that runs fn the first time it is called and
 * does nothing after (callers arriving while fn runs wait for it, as with
 * Once). If fn threw, every call throws the same value again, as Go re-panics.
 * Call it inside a run: it makes its Once at once.
 */
export function onceFunc(fn: () => unknown, name?: string): () => Promise<void> {
  const once = new Once(name);
  // An object, not a variable: the check after the await must re-read it.
  const outcome: { failed?: { readonly value: unknown } } = {};
  const body = async (): Promise<void> => {
    try {
      await fn();
    } catch (e) {
      outcome.failed = { value: e };
      throw e;
    }
  };
  return async () => {
    if (outcome.failed === undefined) await once.do(body).catch(() => undefined);
    if (outcome.failed !== undefined) throw outcome.failed.value;
  };
}

/** Go's sync.OnceValue: a function that runs fn once and returns its result on every call (a throw is thrown again). */
export function onceValue<T>(fn: () => T | Promise<T>, name?: string): () => Promise<T> {
  let result: T;
  const run = onceFunc(async () => {
    result = await fn();
  }, name);
  return async () => {
    await run();
    return result;
  };
}

/** Go's sync.OnceValues: onceValue for a function that returns a pair, as Go's (value, err). */
export function onceValues<A, B>(fn: () => readonly [A, B] | Promise<readonly [A, B]>, name?: string): () => Promise<[A, B]> {
  const get = onceValue(fn, name);
  return async () => {
    const [a, b] = await get();
    return [a, b];
  };
}
