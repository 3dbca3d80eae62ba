// Go's context package: cancellation trees with deadlines.
//
// Cancelling a context cancels its whole subtree, parent first, depth first in
// creation order, one `ctx.cancel` event per context (with `source`, the
// context whose cancel started it) followed by the close of its done channel.
// A child's deadline is capped by its parent's (a later one never fires: the
// parent's cancellation reaches it first). A deadline already past cancels the
// context at once. Background's done channel exists (the trace wants an id for
// it) but is never closed, and done() hands out a nil channel, as Go's does; so
// does a withoutCancel context. A withValue context is cancelled with its
// parent; value(key) looks a key up the chain, as Go's Value.

import { RUNTIME_G, type ContextId } from "../traces/events";
import {
  CTX_BACKGROUND,
  CTX_CANCEL,
  CTX_DEADLINE,
  CTX_TIMEOUT,
  CTX_VALUE,
  CTX_WITHOUT_CANCEL,
  PURPOSE_DEADLINE,
  TIMER_FIRE,
  TIMER_SET,
  TIMER_STOP,
} from "../traces/codes";
import { Channel, nilChan, type RecvChan } from "./channel";
import { registerRuntimeModule } from "./location";
import { GoPanic } from "./panic";
import { preview } from "./preview";
import { activeScheduler, type Scheduler } from "./scheduler";
import { msToNs } from "./time";
import { TimerEntry } from "./timers";

registerRuntimeModule(import.meta.url);

/** The error of a context cancelled by its cancel function: "context canceled". */
export const Canceled: Error = Object.freeze(Object.assign(new Error("context canceled"), { name: "Canceled" }));
/** The error of a context whose deadline passed: "context deadline exceeded". */
export const DeadlineExceeded: Error = Object.freeze(Object.assign(new Error("context deadline exceeded"), { name: "DeadlineExceeded" }));

/** Go's context.Context. */
export interface Context {
  /** The context's id in the trace. */
  readonly id: ContextId;
  /** Closed when the context is cancelled; for background(), a nil channel (it never is), as in Go. */
  done(): RecvChan<void>;
  /** undefined while not cancelled, then Canceled or DeadlineExceeded (identity-comparable). */
  err(): Error | undefined;
  /** The effective deadline in ms of the run's clock, if any. */
  deadline(): number | undefined;
  /** The value withValue bound to key (compared with ===) here or in an ancestor; undefined if none (Go's Value). */
  value(key: unknown): unknown;
}

/** Stops a context's afterFunc: true if it stopped f from being run. */
export type StopFunc = () => boolean;

/** Cancels the context (and its subtree); later calls do nothing. */
export type CancelFunc = () => void;
/** Cancels with a cause, readable by cause(ctx); later calls do nothing. */
export type CancelCauseFunc = (cause?: unknown) => void;

class Ctx implements Context {
  readonly id: ContextId;
  readonly doneCh: Channel<void>;
  errValue: Error | undefined = undefined;
  causeValue: unknown = undefined;
  readonly children = new Set<Ctx>();
  timer: TimerEntry | undefined = undefined;
  /** What afterFunc registered: run, each in a goroutine of its own, when this context is cancelled. */
  readonly afterFuncs = new Set<() => unknown>();
  /** The runtime's own hooks (a semaphore's waiter): called at the cancel, in the canceller's turn. */
  readonly onDone = new Set<(by: number) => void>();
  /** withValue's pair, when this is a value context. */
  private bound: { readonly key: unknown; readonly value: unknown } | undefined = undefined;

  constructor(
    readonly s: Scheduler,
    readonly parent: Ctx | undefined,
    readonly type: number,
    /** Effective deadline in ns, NaN for none. */
    readonly deadlineNs: number,
    by: number,
  ) {
    this.id = s.newCtxId();
    this.doneCh = new Channel<void>(s, 0, `ctx ${this.id} done`, by);
    s.rec.ctxMake(s.now, by, this.id, parent === undefined ? -1 : parent.id, type, deadlineNs, this.doneCh.id);
  }

  /** Background and withoutCancel contexts are never cancelled. */
  get neverDone(): boolean {
    return this.type === CTX_BACKGROUND || this.type === CTX_WITHOUT_CANCEL;
  }

  done(): RecvChan<void> {
    // Go's Background().Done() is nil: receiving from it blocks for ever, and a deadlock says so.
    return this.neverDone ? nilChan<void>() : this.doneCh;
  }
  bind(key: unknown, value: unknown): void {
    this.bound = { key, value };
  }
  value(key: unknown): unknown {
    if (this.bound !== undefined && this.bound.key === key) return this.bound.value;
    return this.parent?.value(key);
  }
  err(): Error | undefined {
    return this.errValue;
  }
  deadline(): number | undefined {
    return Number.isNaN(this.deadlineNs) ? undefined : this.deadlineNs / 1e6;
  }

  /** Cancels this context and its subtree. `source` is the context whose cancel started it. */
  cancel(by: number, err: Error, cause: unknown, source: Ctx): void {
    if (this.errValue !== undefined) return;
    const s = this.s;
    this.errValue = err;
    this.causeValue = cause;
    const causeText = cause === err ? undefined : cause instanceof Error ? `${cause.name}: ${cause.message}` : preview(cause);
    s.rec.ctxCancel(s.now, by, this.id, err.message, causeText, source.id);
    if (this.timer !== undefined && s.timers.remove(this.timer)) {
      s.rec.timer(s.now, by, this.timer.id, TIMER_STOP, PURPOSE_DEADLINE, this.timer.at, -1);
    }
    this.doneCh.closeAs(by);
    for (const f of this.afterFuncs) s.spawn(f, "afterFunc", by);
    this.afterFuncs.clear();
    for (const f of this.onDone) f(by);
    this.onDone.clear();
    for (const c of this.children) c.cancel(by, err, cause, source);
    this.children.clear();
    this.parent?.children.delete(this);
  }
}

/** Go's context.Background(): never cancelled, no deadline. The first context made in a run. */
export function background(): Context {
  const s = activeScheduler("background()");
  let bg = s.singletons.get("background") as Ctx | undefined;
  if (bg === undefined) {
    bg = new Ctx(s, undefined, CTX_BACKGROUND, Number.NaN, s.syncEnter()?.id ?? RUNTIME_G);
    s.singletons.set("background", bg);
  }
  return bg;
}

/** Go's context.TODO(): the same as background(). */
export const todo = background;

function asCtx(parent: Context): Ctx {
  if (!(parent instanceof Ctx)) throw new TypeError("context: parent is not a context of this runtime");
  return parent;
}

function derive(parentCtx: Context, type: number, deadlineNs: number): { ctx: Ctx; by: number } {
  const parent = asCtx(parentCtx);
  const s = parent.s;
  const by = s.syncEnter()?.id ?? RUNTIME_G;
  const pd = parent.deadlineNs;
  const effective = Number.isNaN(deadlineNs) ? pd : Number.isNaN(pd) ? deadlineNs : Math.min(deadlineNs, pd);
  const ctx = new Ctx(s, parent, type, effective, by);
  if (parent.errValue !== undefined) {
    // Born into a cancelled parent: cancelled at once with the parent's error and cause.
    ctx.cancel(by, parent.errValue, parent.causeValue, parent);
  } else {
    parent.children.add(ctx);
  }
  return { ctx, by };
}

/** Go's context.WithCancel: `const [ctx, cancel] = withCancel(parent)`. */
export function withCancel(parent: Context): [Context, CancelFunc] {
  const { ctx } = derive(parent, CTX_CANCEL, Number.NaN);
  return [ctx, () => cancelBy(ctx, Canceled, Canceled)];
}

/** Go's context.WithCancelCause: the cancel function takes a cause, read back with cause(ctx). */
export function withCancelCause(parent: Context): [Context, CancelCauseFunc] {
  const { ctx } = derive(parent, CTX_CANCEL, Number.NaN);
  return [ctx, (cause?: unknown) => cancelBy(ctx, Canceled, cause === undefined ? Canceled : cause)];
}

function cancelBy(ctx: Ctx, err: Error, cause: unknown): void {
  const g = ctx.s.syncEnter();
  if (g === undefined) return;
  ctx.cancel(g.id, err, cause, ctx);
}

function withDeadlineNs(parent: Context, atNs: number, type: number, deadlineCause: unknown = DeadlineExceeded): [Context, CancelFunc] {
  const { ctx, by } = derive(parent, type, atNs);
  const s = ctx.s;
  // Capped by the parent's earlier deadline: the parent's cancellation will reach it.
  const own = ctx.deadlineNs === atNs && (Number.isNaN(asCtx(parent).deadlineNs) || atNs < asCtx(parent).deadlineNs);
  if (ctx.errValue === undefined && own) {
    if (atNs <= s.clock()) {
      ctx.cancel(by, DeadlineExceeded, deadlineCause, ctx);
    } else {
      const t = new TimerEntry(s.newTimerId(), PURPOSE_DEADLINE, () => {
        s.rec.timer(s.now, RUNTIME_G, t.id, TIMER_FIRE, PURPOSE_DEADLINE, t.at, -1);
        ctx.cancel(RUNTIME_G, DeadlineExceeded, deadlineCause, ctx);
      });
      ctx.timer = t;
      s.rec.timer(s.now, by, t.id, TIMER_SET, PURPOSE_DEADLINE, atNs, -1);
      s.timers.push(t, atNs);
    }
  }
  return [ctx, () => cancelBy(ctx, Canceled, Canceled)];
}

/** Go's context.WithDeadline; `at` is a time in ms of the run's clock (see now()). */
export function withDeadline(parent: Context, at: number): [Context, CancelFunc] {
  return withDeadlineNs(parent, msToNs(at), CTX_DEADLINE);
}

/** Go's context.WithTimeout: withDeadline(parent, now() + ms). */
export function withTimeout(parent: Context, ms: number): [Context, CancelFunc] {
  const s = asCtx(parent).s;
  return withDeadlineNs(parent, s.clock() + msToNs(ms), CTX_TIMEOUT);
}

/** Go's context.WithDeadlineCause: withDeadline whose expiry sets cause(ctx) to `cause` (err() is still DeadlineExceeded). */
export function withDeadlineCause(parent: Context, at: number, cause: unknown): [Context, CancelFunc] {
  return withDeadlineNs(parent, msToNs(at), CTX_DEADLINE, cause);
}

/** Go's context.WithTimeoutCause: withTimeout whose expiry sets cause(ctx) to `cause`. */
export function withTimeoutCause(parent: Context, ms: number, cause: unknown): [Context, CancelFunc] {
  const s = asCtx(parent).s;
  return withDeadlineNs(parent, s.clock() + msToNs(ms), CTX_TIMEOUT, cause);
}

/**
 * Go's context.WithValue: a child context that carries key → value (read with
 * ctx.value(key) here and in its descendants) and is cancelled with its parent.
 */
export function withValue(parent: Context, key: unknown, value: unknown): Context {
  if (key === undefined || key === null) throw new GoPanic("nil key");
  const { ctx } = derive(parent, CTX_VALUE, Number.NaN);
  ctx.bind(key, value);
  return ctx;
}

/**
 * Go's context.WithoutCancel: a child that keeps its parent's values but is
 * never cancelled (done() is a nil channel, err() undefined, no deadline).
 */
export function withoutCancel(parent: Context): Context {
  const p = asCtx(parent);
  const s = p.s;
  return new Ctx(s, p, CTX_WITHOUT_CANCEL, Number.NaN, s.syncEnter()?.id ?? RUNTIME_G);
}

/**
 * Go's context.AfterFunc: once ctx is cancelled, f runs in a goroutine of its
 * own (at once if ctx already is). The returned stop() unregisters f and is
 * true if that stopped f from being run; false once f has started or was
 * stopped before. For a context that is never cancelled, f never runs.
 */
export function contextAfterFunc(ctx: Context, f: () => unknown): StopFunc {
  const c = asCtx(ctx);
  const s = c.s;
  const by = s.syncEnter()?.id ?? RUNTIME_G;
  if (c.errValue !== undefined) {
    s.spawn(f, "afterFunc", by);
    return () => false;
  }
  // A fresh function per registration: registering the same f twice runs it twice, as in Go.
  const entry = (): unknown => f();
  c.afterFuncs.add(entry);
  return () => c.afterFuncs.delete(entry);
}

/**
 * Go's context.Cause: the cause given to a withCancelCause cancel function,
 * else ctx.err() (Canceled / DeadlineExceeded); undefined while not cancelled.
 */
export function cause(ctx: Context): unknown {
  const c = asCtx(ctx);
  // Like Go: a context cancelled through its parent reports the parent's cause.
  return c.errValue === undefined ? undefined : (c.causeValue ?? c.errValue);
}

/**
 * For the runtime's own blocking operations that a context cancels (a
 * semaphore's Acquire): `f(by)` runs when ctx is cancelled, in the canceller's
 * turn; the returned function unregisters it. Never runs for a context that is
 * never cancelled.
 */
export function whenDone(ctx: Context, f: (by: number) => void): () => void {
  const c = asCtx(ctx);
  c.onDone.add(f);
  return () => c.onDone.delete(f);
}
