// golang.org/x/sync/errgroup's Group: goroutines working on subtasks of one
// task; Wait waits for them all and returns the first error, and a group made
// with a context cancels it at the first error. setLimit bounds how many run
// at once: go() then blocks (wait reason `errgroup.Group.Go`) until one ends.
// Wait blocks with `errgroup.Group.Wait`. A task returns its error (any value
// but undefined or null counts as one, as a non-nil error); a task that throws
// panics its goroutine, as a panic in Go's f does.

import { REASON, SYNC_ERRGROUP, SYNC_OP_CODE } from "../traces/codes";
import { withCancelCause, type CancelCauseFunc, type Context } from "./context";
import { registerRuntimeModule } from "./location";
import { GoPanic, describeThrown } from "./panic";
import { RESOLVED } from "./scheduler";
import { SyncObject } from "./sync";
import { WaitQueue } from "./waitq";

registerRuntimeModule(import.meta.url);

const OP_GO = SYNC_OP_CODE.go;
const OP_DONE = SYNC_OP_CODE.done;
const OP_WAIT = SYNC_OP_CODE.wait;

/** A group's task: resolves to its error, or to undefined (or nothing) when it succeeded. */
export type Task = () => unknown;

const isError = (r: unknown): boolean => r !== undefined && r !== null;

/** x/sync's errgroup.Group (its zero value: no context, no limit). */
export class ErrGroup extends SyncObject {
  /** Tasks started and not yet returned (Go's WaitGroup count and its sem's length at once). */
  private active = 0;
  private limit: number | undefined = undefined;
  private first: { readonly err: unknown } | undefined = undefined;
  private readonly waiting = new WaitQueue();
  private readonly queued = new WaitQueue();

  constructor(
    name?: string,
    private readonly cancel?: CancelCauseFunc,
  ) {
    super("ErrGroup", SYNC_ERRGROUP, name);
  }

  /**
   * Runs task in a new goroutine. With a limit set and reached, it first
   * blocks until a task of the group returns: await it (`await g.go(task)`).
   * The first task to return an error sets Wait's result and, for a group
   * made by errGroupWithContext, cancels its context.
   */
  go(task: Task, name?: string): Promise<void> {
    return this.s.enter((g) => {
      if (this.limit === undefined || this.active < this.limit) {
        this.start(task, name, g.id);
        return RESOLVED;
      }
      // The task that makes room hands its slot over (as Go's full channel hands a send over).
      return this.parkOn(g, this.queued, REASON["errgroup.Group.Go"]).then(() => this.start(task, name, g.id, true));
    });
  }

  /** Starts task if the limit allows, returning whether it did; never blocks. A refusal is a poll (HACKING.md). */
  tryGo(task: Task, name?: string): boolean {
    const g = this.s.syncEnter();
    if (g === undefined) return false;
    if (this.limit !== undefined && this.active >= this.limit) {
      this.s.polled();
      return false;
    }
    this.start(task, name, g.id);
    return true;
  }

  /**
   * At most n tasks at once; a negative n means no limit. Panics, as x/sync
   * does, when tasks are still running.
   */
  setLimit(n: number): void {
    if (this.s.syncEnter() === undefined) return;
    if (this.active > 0) throw new GoPanic(`errgroup: modify limit while ${this.active} goroutines in the group are still active`);
    this.limit = n < 0 ? undefined : n;
  }

  /** Waits for every task to return; resolves to the first error (undefined if none), and cancels the group's context. */
  wait(): Promise<unknown> {
    return this.s.enter((g) => {
      const finish = (): unknown => {
        const err = this.first?.err;
        this.cancel?.(err);
        this.op(g.id, OP_WAIT, Number.NaN, err === undefined ? "nil" : describeThrown(err));
        return err;
      };
      if (this.active === 0) return Promise.resolve(finish());
      return this.parkOn(g, this.waiting, REASON["errgroup.Group.Wait"]).then(finish);
    });
  }

  private start(task: Task, name: string | undefined, by: number, slotHandedOver = false): void {
    if (!slotHandedOver) this.active++;
    this.s.spawn(
      async () => {
        const self = this.s.current!.id;
        this.op(self, OP_GO);
        const r = await task();
        const failed = isError(r);
        this.op(self, OP_DONE, Number.NaN, failed ? describeThrown(r) : undefined);
        if (failed && this.first === undefined) {
          this.first = { err: r };
          this.cancel?.(r);
        }
        this.taskDone(self);
      },
      name,
      by,
    );
  }

  /** A task returned: room for a queued go(), and at the last one every waiter goes on. */
  private taskDone(by: number): void {
    const s = this.s;
    const next = this.queued.shift();
    if (next !== undefined) {
      s.rec.unblock(s.now, next.g.id, by);
      s.wake(next.g, undefined);
      return;
    }
    this.active--;
    if (this.active > 0) return;
    for (let w = this.waiting.shift(); w !== undefined; w = this.waiting.shift()) {
      s.rec.unblock(s.now, w.g.id, by);
      s.wake(w.g, undefined);
    }
  }
}

/** x/sync's errgroup.WithContext: a group and a context it cancels at its first error (or when Wait returns). */
export function errGroupWithContext(ctx: Context, name?: string): [ErrGroup, Context] {
  const [child, cancel] = withCancelCause(ctx);
  return [new ErrGroup(name, cancel), child];
}
