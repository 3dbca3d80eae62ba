// Go's select statement as a function over case values:
//
//   const r = await select(
//     recv(jobs, (j, ok) => ok ? j : "closed"),
//     send(out, 5, () => "sent"),
//     otherwise(() => "nothing ready"),
//   );
//
// Semantics (HACKING.md): every case is polled once in order; if several are
// ready one is chosen uniformly at random with the run's seeded PRNG; with none
// ready the default runs at once, or the goroutine blocks on all the cases until
// exactly one fires. Nil-channel cases (null, undefined, nilChan()) are never
// ready. A receive case on a closed channel is ready (ok = false); a chosen
// send case on a closed channel panics. A close decides a blocked select on
// the closed channel's case, as Go's closechan does: a receive case fires with
// ok = false, a send case panics.
//
// Case indices in the trace (select's cases/ready/chosen and send/recv's `sel`)
// count the channel cases only, in order, skipping the default case.

import { SEND_ON_CLOSED_CHANNEL } from "../traces/vocabulary/index";
import { DIR_RECV, DIR_SEND, REASON } from "../traces/codes";
import { NilChannel, type Channel, type MaybeChan, type RecvChan, type RecvResult, type SendChan } from "./channel";
import { FORM_SELECT, Waiter, type Goroutine, type SelectWait } from "./goroutine";
import { registerRuntimeModule } from "./location";
import { NO_VALUE } from "./recorder";
import { FROZEN, NEVER, PREEMPT, PROCEED, RESOLVED, Scheduler, activeScheduler } from "./scheduler";

registerRuntimeModule(import.meta.url);

// A case's kind as a small integer, stored on the cases recv(), send() and
// otherwise() make: select's loop compares it instead of the kind string (a
// string comparison loads the string's map; measured as a quarter of the
// select loop). A case object written by hand has no `op` and gets it from
// its kind.
const OP_RECV = 0;
const OP_SEND = 1;
const OP_DEFAULT = 2;

/** A receive case: `fn(value, ok)` runs when it fires; ok is false (value undefined) when the channel is closed and drained. */
export interface RecvCase<T, R> {
  readonly kind: "recv";
  readonly ch: MaybeChan<RecvChan<T>>;
  readonly fn: RecvHandler<T, R> | undefined;
}
/**
 * What a receive case runs: `(value, ok) => …` (ok narrows value: T when true,
 * undefined when false) or `(value) => …` (value is undefined once closed).
 */
export type RecvHandler<T, R> = ((...r: RecvResult<T>) => R) | ((value: T | undefined) => R);
/** A send case: `value` is sent when it fires, then `fn()` runs. */
export interface SendCase<T, R> {
  readonly kind: "send";
  readonly ch: MaybeChan<SendChan<T>>;
  readonly value: T;
  readonly fn: (() => R) | undefined;
}
/** The default case: runs at once when no other case is ready. */
export interface DefaultCase<R> {
  readonly kind: "default";
  readonly fn: (() => R) | undefined;
}
// The element type must be `any`: a case is covariant in T through its channel and
// contravariant through its handler, so no other type admits every case.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Case<R = unknown> = RecvCase<any, R> | SendCase<any, R> | DefaultCase<R>;

/** The result type of a select: the union of its handlers' (awaited) results. */
export type SelectResult<C> = C extends Case<infer R> ? Awaited<R> : never;

/**
 * A receive case (Go's `case v, ok := <-ch:`). `ch` may be null/undefined or
 * nilChan(): a nil channel, never ready. Without `fn`, the case yields undefined.
 * With `(v, ok) => …`, checking ok narrows v.
 */
export function recv<T, R = undefined>(ch: MaybeChan<RecvChan<T>>, fn: (...r: RecvResult<T>) => R): RecvCase<T, R>;
export function recv<T, R = undefined>(ch: MaybeChan<RecvChan<T>>, fn?: (value: T | undefined) => R): RecvCase<T, R>;
export function recv<T, R>(ch: MaybeChan<RecvChan<T>>, fn?: RecvHandler<T, R>): RecvCase<T, R> {
  // A case without a handler is immutable and depends only on the channel: reuse one per channel.
  if (fn === undefined && isLive(ch)) {
    const cached = ch.bareRecvCase;
    if (cached !== undefined) return cached as RecvCase<T, R>;
    return (ch.bareRecvCase = { kind: "recv", op: OP_RECV, ch, fn: undefined }) as RecvCase<T, R>;
  }
  return { kind: "recv", op: OP_RECV, ch, fn } as RecvCase<T, R>;
}

/** A send case (Go's `case ch <- value:`). `ch` may be nil (never ready). */
export function send<T, R = undefined>(ch: MaybeChan<SendChan<T>>, value: T, fn?: () => R): SendCase<T, R> {
  return { kind: "send", op: OP_SEND, ch, value, fn } as SendCase<T, R>;
}

/** The default case (Go's `default:`); at most one per select. */
export function otherwise<R = undefined>(fn?: () => R): DefaultCase<R> {
  return fn === undefined ? (BARE_DEFAULT as DefaultCase<R>) : ({ kind: "default", op: OP_DEFAULT, fn } as DefaultCase<R>);
}

const BARE_DEFAULT = Object.freeze({ kind: "default", op: OP_DEFAULT, fn: undefined }) as DefaultCase<undefined>;

type ChannelCase = RecvCase<unknown, unknown> | SendCase<unknown, unknown>;

function opOf(c: Case): number {
  const op = (c as { readonly op?: number }).op;
  if (op !== undefined) return op;
  switch (c.kind) {
    case "recv":
      return OP_RECV;
    case "send":
      return OP_SEND;
    case "default":
      return OP_DEFAULT;
    default:
      throw new TypeError(
        `select: a case of kind ${JSON.stringify((c as { kind?: unknown }).kind)}; make cases with recv(), send() or otherwise()`,
      );
  }
}

/**
 * Go's select: waits until one case can proceed, performs it, and resolves to
 * that case's handler result (a handler may be async). See the module comment
 * for the exact rules. `select()` with no cases blocks forever.
 */
export function select<const C extends readonly Case[]>(...cases: C): Promise<SelectResult<C[number]>> {
  const s = activeScheduler("select");
  const g = s.current;
  if (g === undefined || ++s.ops >= s.checkAt) return selectSlow(s, cases) as Promise<SelectResult<C[number]>>;
  return selectAs(s, g, cases) as Promise<SelectResult<C[number]>>;
}

function selectSlow(s: Scheduler, cases: readonly Case[]): Promise<unknown> {
  switch (s.slowOp()) {
    case PROCEED:
      return selectAs(s, s.current!, cases);
    case PREEMPT:
      return s.yieldCurrent().then(() => selectAs(s, s.current!, cases));
    case FROZEN:
      return NEVER;
  }
}

/** A real (non-nil) channel of this runtime; the brand check is cheaper than instanceof in the hot loop. */
function isLive(ch: unknown): ch is Channel<unknown> {
  return ch !== null && ch !== undefined && (ch as { live?: unknown }).live === true;
}

function notAChannel(c: Case): never {
  throw new TypeError(`select: a ${c.kind} case needs a channel, got ${typeof (c as { ch?: unknown }).ch}`);
}

type Handler = (a?: unknown, b?: unknown) => unknown;

/** Runs a case's handler in the selecting goroutine; no handler resolves to undefined. */
function invoke(fn: ((...a: never[]) => unknown) | undefined, a?: unknown, b?: unknown): Promise<unknown> {
  if (fn === undefined) return RESOLVED;
  try {
    return Promise.resolve((fn as Handler)(a, b));
  } catch (e) {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a handler's panic value goes on unchanged, as Go's panic(v) takes any v
    return Promise.reject(e);
  }
}

function selectAs(s: Scheduler, g: Goroutine, cases: readonly Case[]): Promise<unknown> {
  const n = cases.length;
  const tracing = s.tracing;
  if (s.ready.length < n) s.ready = new Int32Array(n * 2);
  const list = s.caseList;
  if (tracing && list.codes.length < n) list.codes = new Int32Array(n * 2);
  const ready = s.ready;
  const codes = list.codes;
  let nReady = 0;
  let def = -1;
  let live = 0;
  // One pass: readiness, and (when tracing) the case codes, default skipped.
  for (let i = 0; i < n; i++) {
    const c = cases[i]!;
    const op = opOf(c);
    if (op === OP_DEFAULT) {
      if (def >= 0) throw new TypeError("select: more than one default case");
      def = i;
      continue;
    }
    const ch = (c as ChannelCase).ch;
    let id = 0;
    if (isLive(ch)) {
      live++;
      id = ch.id;
      if (op === OP_RECV) {
        ready[nReady] = i;
        nReady += ch.recvReadyBit();
      } else if (ch.sendReady()) {
        ready[nReady++] = i;
      }
    } else if (!(ch === null || ch === undefined || ch instanceof NilChannel)) {
      notAChannel(c);
    }
    if (tracing) codes[def >= 0 ? i - 1 : i] = (id << 1) | (op === OP_RECV ? DIR_RECV : DIR_SEND);
  }
  list.n = def >= 0 ? n - 1 : n;

  if (nReady > 0) {
    const chosen = nReady === 1 ? ready[0]! : ready[s.prng.below(nReady)]!;
    // Trace indices skip the default case.
    const ev = def >= 0 && chosen > def ? chosen - 1 : chosen;
    if (tracing) {
      if (def >= 0) for (let k = 0; k < nReady; k++) if (ready[k]! > def) ready[k] = ready[k]! - 1;
      s.rec.select(s.now, g.id, list, ready, nReady, ev, def >= 0);
    }
    const c = cases[chosen] as RecvCase<unknown, unknown> | SendCase<unknown, unknown>;
    const ch = c.ch as Channel<unknown>;
    if (opOf(c) === OP_RECV) {
      ch.takeNow(g.id, ev);
      return c.fn === undefined ? RESOLVED : invoke(c.fn, s.rv, s.rok);
    }
    if (ch.closed) return Scheduler.throwPanic(SEND_ON_CLOSED_CHANNEL);
    ch.putNow(g.id, (c as SendCase<unknown, unknown>).value, ev);
    return invoke(c.fn);
  }

  if (def >= 0) {
    if (tracing) s.rec.select(s.now, g.id, list, ready, 0, -1, true);
    const fn = cases[def]!.fn;
    // A default taken is a poll: a polling loop yields when the clock may move on (HACKING.md, "Polling").
    return s.polled() ? s.yieldCurrent().then(() => invoke(fn)) : invoke(fn);
  }

  if (live === 0) {
    // Only nil channels (or no cases at all): nothing can ever fire.
    const reason = n === 0 ? REASON["select (no cases)"] : REASON.select;
    return s.blockForever(g, reason, n === 0 || !tracing ? undefined : list);
  }
  return selectState(g).block(s, cases, tracing ? list : undefined);
}

const NO_CASES: readonly Case[] = Object.freeze([]);

function selectState(g: Goroutine): SelectState {
  let st = g.selectState as SelectState | undefined;
  if (st === undefined) g.selectState = st = new SelectState(g);
  return st;
}

/**
 * A goroutine's blocked select. One per goroutine, reused (with its waiters)
 * by every select it blocks in, since it is in at most one at a time.
 */
class SelectState implements SelectWait {
  private s: Scheduler | undefined = undefined;
  private cases: readonly Case[] = NO_CASES;
  private readonly waiters: Waiter[] = [];
  private nWaiters = 0;
  codes = new Int32Array(4);
  n = 0;

  constructor(readonly g: Goroutine) {}

  block(s: Scheduler, cases: readonly Case[], list: { readonly codes: Int32Array; readonly n: number } | undefined): Promise<unknown> {
    const g = this.g;
    this.s = s;
    this.cases = cases;
    if (list !== undefined) {
      if (this.codes.length < list.n) this.codes = new Int32Array(list.n * 2);
      for (let k = 0; k < list.n; k++) this.codes[k] = list.codes[k]!;
      this.n = list.n;
    }
    let k = 0;
    for (let i = 0; i < cases.length; i++) {
      const c = cases[i]!;
      const op = opOf(c);
      if (op === OP_DEFAULT || !isLive((c as ChannelCase).ch)) continue;
      const ch = (c as ChannelCase).ch as Channel<unknown>;
      let w = this.waiters[k];
      if (w === undefined) {
        w = new Waiter(g);
        w.form = FORM_SELECT;
        w.sw = this;
        this.waiters.push(w);
      }
      k++;
      w.sel = i;
      if (op === OP_SEND) {
        w.value = (c as SendCase<unknown, unknown>).value;
        ch.sendq.push(w);
      } else {
        ch.recvq.push(w);
      }
    }
    this.nWaiters = k;
    g.selWait = this;
    g.reason = REASON.select;
    g.waitCh = -1;
    g.waitObj = -1;
    if (list !== undefined) s.rec.block(s.now, g.id, REASON.select, -1, -1, NO_VALUE, Number.NaN, -1, list);
    return s.park(g);
  }

  withdraw(): void {
    for (let k = 0; k < this.nWaiters; k++) {
      const w = this.waiters[k]!;
      w.queue?.remove(w);
      w.value = undefined;
    }
    this.g.selWait = undefined;
  }

  fired(w: Waiter, v: unknown, ok: boolean): unknown {
    const c = this.cases[w.sel]!;
    this.cases = NO_CASES; // let the user's case objects go
    if (c.fn === undefined) return undefined;
    // Resolving the park with a thenable runs the handler as the selecting goroutine's first step.
    return new HandlerCall(c.fn as (...a: unknown[]) => unknown, opOf(c) === OP_RECV, v, ok);
  }

  failed(): void {
    this.cases = NO_CASES;
  }
}

/** The handler of a case that fired while its select was blocked, run when the goroutine resumes. */
class HandlerCall {
  constructor(
    private readonly fn: (...a: unknown[]) => unknown,
    private readonly isRecv: boolean,
    private readonly v: unknown,
    private readonly ok: boolean,
  ) {}

  then(resolve: (v: unknown) => void, reject: (e: unknown) => void): void {
    try {
      resolve(this.isRecv ? this.fn(this.v, this.ok) : this.fn());
    } catch (e) {
      reject(e);
    }
  }
}
