// Go's sync.Cond: goroutines wait for a condition, woken by Signal or Broadcast.
// wait() records `sync.op{wait}`, unlocks the Cond's lock and blocks (wait
// reason `sync.Cond.Wait`) in the same step, so no signal can slip in between;
// woken, it locks again before it returns. Waiters are woken in the order they
// began to wait (Go's notify list).

import { REASON, SYNC_COND, SYNC_OP_CODE } from "../traces/codes";
import { registerRuntimeModule } from "./location";
import { SyncObject, type Locker } from "./sync";
import { WaitQueue } from "./waitq";

registerRuntimeModule(import.meta.url);

const OP_WAIT = SYNC_OP_CODE.wait;
const OP_SIGNAL = SYNC_OP_CODE.signal;
const OP_BROADCAST = SYNC_OP_CODE.broadcast;

/** Go's sync.Cond, made with the Locker it waits around (Go's NewCond(l)); `l` is Go's c.L. */
export class Cond extends SyncObject {
  private readonly waiters = new WaitQueue();

  constructor(
    readonly l: Locker,
    name?: string,
  ) {
    super("Cond", SYNC_COND, name);
  }

  /**
   * Unlocks `l`, waits for a signal or broadcast, and locks `l` again before it
   * returns. As in Go, the caller must hold `l`, and checks its condition in a
   * loop: `while (!ready) await cond.wait();`.
   */
  async wait(): Promise<void> {
    await this.s.enter((g) => {
      this.op(g.id, OP_WAIT);
      this.l.unlock();
      return this.parkOn(g, this.waiters, REASON["sync.Cond.Wait"]);
    });
    await this.l.lock();
  }

  /** Wakes the goroutine that has waited longest, if any. */
  signal(): void {
    const g = this.s.syncEnter();
    if (g === undefined) return;
    this.op(g.id, OP_SIGNAL);
    this.wakeOne(g.id);
  }

  /** Wakes every waiting goroutine. */
  broadcast(): void {
    const g = this.s.syncEnter();
    if (g === undefined) return;
    this.op(g.id, OP_BROADCAST);
    while (this.wakeOne(g.id));
  }

  private wakeOne(by: number): boolean {
    const w = this.waiters.shift();
    if (w === undefined) return false;
    this.s.rec.unblock(this.s.now, w.g.id, by);
    this.s.wake(w.g, undefined);
    return true;
  }
}
