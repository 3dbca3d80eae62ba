// golang.org/x/sync/semaphore's Weighted: a semaphore of `size` units that
// goroutines acquire and release in weights. Waiters are served in FIFO order,
// and one that does not fit blocks those behind it (no starvation of big
// requests), as in x/sync. Blocking has its own wait reason,
// `semaphore.Weighted.Acquire`; a context cancelled meanwhile ends the wait
// with the context's error.

import { REASON, SYNC_OP_CODE, SYNC_SEMAPHORE } from "../traces/codes";
import { whenDone, type Context } from "./context";
import type { Goroutine } from "./goroutine";
import { registerRuntimeModule } from "./location";
import { GoPanic } from "./panic";
import { RESOLVED } from "./scheduler";
import { SyncObject } from "./sync";
import { WaitQueue } from "./waitq";

registerRuntimeModule(import.meta.url);

const OP_ACQUIRE = SYNC_OP_CODE.acquire;
const OP_RELEASE = SYNC_OP_CODE.release;

/** What a blocked Acquire resumes with: granted, or the context's error. */
type Outcome = { readonly granted: true } | { readonly granted: false; readonly err: Error };
const GRANTED: Outcome = Object.freeze({ granted: true });

function weight(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new GoPanic(`semaphore: weight ${String(n)} is not a whole number ≥ 0`);
  return n;
}

/** x/sync's semaphore.Weighted (NewWeighted(size)). */
export class Weighted extends SyncObject {
  private cur = 0;
  private readonly waiters = new WaitQueue();
  private readonly stops = new Map<Goroutine, () => void>();

  constructor(
    readonly size: number,
    name?: string,
  ) {
    super("Semaphore", SYNC_SEMAPHORE, name);
    weight(size);
  }

  /**
   * Acquires n units, blocking until they are free (or ctx is done). Resolves
   * to undefined on success, else to ctx's error (Canceled or
   * DeadlineExceeded), holding nothing — Go's `err := s.Acquire(ctx, n)`. A
   * context already done fails at once, even with units free.
   */
  acquire(ctx: Context, n = 1): Promise<Error | undefined> {
    weight(n);
    return this.s.enter((g): Promise<Error | undefined> => {
      const done = ctx.err();
      if (done !== undefined) return Promise.resolve(done);
      if (this.size - this.cur >= n && this.waiters.size === 0) {
        this.cur += n;
        this.op(g.id, OP_ACQUIRE, n);
        return RESOLVED as Promise<undefined>;
      }
      // A request larger than the whole semaphore waits only for its context, blocking nobody else.
      const w = g.waiter;
      w.value = n;
      this.stops.set(
        g,
        whenDone(ctx, (by) => {
          this.stops.delete(g);
          const front = this.waiters.head === w;
          this.waiters.remove(w);
          if (front) this.grant(by);
          this.s.rec.unblock(this.s.now, g.id, by);
          this.s.wake(g, { granted: false, err: ctx.err()! } satisfies Outcome);
        }),
      );
      const parked = n > this.size ? this.parkAside(g) : this.parkOn<Outcome>(g, this.waiters, REASON["semaphore.Weighted.Acquire"]);
      return parked.then((o) => {
        if (!o.granted) return o.err;
        // Granted, but the context ended before this goroutine ran again: give the units back (x/sync does too).
        const err = ctx.err();
        if (err === undefined) return undefined;
        this.release(n);
        return err;
      });
    });
  }

  /** A request that can never fit: blocked on the semaphore, in no queue but its context's. */
  private parkAside(g: Goroutine): Promise<Outcome> {
    return this.parkOn<Outcome>(g, new WaitQueue(), REASON["semaphore.Weighted.Acquire"]);
  }

  /** Acquires n units if they are free and nobody waits, without blocking. A failure is a poll (HACKING.md). */
  tryAcquire(n = 1): boolean {
    weight(n);
    const g = this.s.syncEnter();
    if (g === undefined) return false;
    if (this.size - this.cur < n || this.waiters.size > 0) {
      this.s.polled();
      return false;
    }
    this.cur += n;
    this.op(g.id, OP_ACQUIRE, n);
    return true;
  }

  /** Releases n units, letting in the waiters that now fit, in order. Panics "semaphore: released more than held". */
  release(n = 1): void {
    weight(n);
    const g = this.s.syncEnter();
    if (g === undefined) return;
    if (this.cur - n < 0) throw new GoPanic("semaphore: released more than held");
    this.cur -= n;
    this.op(g.id, OP_RELEASE, n);
    this.grant(g.id);
  }

  /** Lets in the waiters at the front while they fit (x/sync's notifyWaiters). */
  private grant(by: number): void {
    for (let w = this.waiters.head; w !== undefined; w = this.waiters.head) {
      const n = w.value as number;
      if (this.size - this.cur < n) return;
      this.waiters.shift();
      this.cur += n;
      this.stops.get(w.g)?.();
      this.stops.delete(w.g);
      this.op(w.g.id, OP_ACQUIRE, n);
      this.s.rec.unblock(this.s.now, w.g.id, by);
      this.s.wake(w.g, GRANTED);
    }
  }
}
