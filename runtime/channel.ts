// Channels: Go's hchan. Unbuffered and buffered, close, nil channels, and the
// immediate halves (takeNow / putNow) that select shares.
//
// Event order (HACKING.md): an operation's completion events are recorded at
// the moment the channel's state changes, the initiating side first:
//   handoff to a parked receiver R:  send{S, peer R} [select{R}] recv{R, from, peer S} unblock{R, by S}
//   receive from a parked sender S:  [select{S}] send{S, peer R} recv{R, from, peer S} unblock{S, by R}
//   receive with buffer full and S parked: recv{R, from head} [select{S}] send{S, len cap} unblock{S, by R}

import { MAX_INT32, type ChannelId } from "../traces/events";
import { SEND_ON_CLOSED_CHANNEL } from "../traces/vocabulary/index";
import { REASON } from "../traces/codes";
import { FORM_ITER, FORM_OK, FORM_VALUE, type Goroutine, type SelectWait, type Waiter } from "./goroutine";
import { registerRuntimeModule } from "./location";
import { GoPanic } from "./panic";
import { NO_VALUE } from "./recorder";
import { Ring } from "./ring";
import { FROZEN, NEVER, PREEMPT, PROCEED, RESOLVED, Scheduler, activeScheduler } from "./scheduler";
import { WaitQueue } from "./waitq";

registerRuntimeModule(import.meta.url);

/** `[value, true]` for a value that was sent; `[undefined, false]` once the channel is closed and drained (Go's `v, ok := <-ch`). */
export type RecvResult<T> = [value: T, ok: true] | [value: undefined, ok: false];

interface ChanInfo {
  /** The channel's id in the trace; null for a nil channel. */
  readonly id: ChannelId | null;
  readonly name: string | undefined;
  /** Values buffered now (Go's len(ch)); 0 for unbuffered and nil channels. */
  len(): number;
  /** Buffer capacity (Go's cap(ch)). */
  cap(): number;
}

/** The receive side of a channel (Go's `<-chan T`). `for await (const v of ch)` is Go's `range ch`. */
export interface RecvChan<T> extends ChanInfo, AsyncIterable<T> {
  /**
   * Receives a value, blocking until one is available. Once the channel is closed
   * and drained it resolves to `undefined` at once, forever (where Go returns the
   * zero value); use {@link RecvChan.recvOk} to tell that apart from a sent value.
   * A nil channel blocks forever. A thenable value is flattened by the await (JS
   * promise semantics): wrap promises in an object to send them.
   */
  recv(): Promise<T | undefined>;
  /** Receives with Go's comma-ok: `const [v, ok] = await ch.recvOk()`; ok is false once closed and drained. */
  recvOk(): Promise<RecvResult<T>>;
}

/** The send side of a channel (Go's `chan<- T`). */
export interface SendChan<T> extends ChanInfo {
  /**
   * Sends v, blocking until a receiver takes it (unbuffered) or the buffer has
   * room. Rejects with GoPanic "send on closed channel" if the channel is closed,
   * also when it is closed while this send waits. A nil channel blocks forever.
   */
  send(v: T): Promise<void>;
  /**
   * Closes the channel: buffered values are still delivered, then receives get
   * (undefined, ok=false) without blocking. Throws GoPanic "close of closed
   * channel" / "close of nil channel".
   */
  close(): void;
}

/** A bidirectional channel (Go's `chan T`). */
export interface Chan<T> extends RecvChan<T>, SendChan<T> {}

/** Builds what a parked plain receive resolves to. */
function formResult(form: number, v: unknown, ok: boolean): unknown {
  switch (form) {
    case FORM_VALUE:
      return v;
    case FORM_OK:
      return [v, ok];
    case FORM_ITER:
      return ok ? { value: v, done: false } : { value: undefined, done: true };
    default:
      return undefined;
  }
}

export class Channel<T> implements Chan<T> {
  /** Brand for select's hot loop: a property load is cheaper there than instanceof. */
  readonly live = true;
  readonly id: ChannelId;
  readonly capacity: number;
  closed = false;
  /** undefined for unbuffered channels. */
  readonly buf: Ring | undefined;
  readonly recvq = new WaitQueue();
  readonly sendq = new WaitQueue();
  /** select's `recv(ch)` without a handler, made once (select.ts). */
  bareRecvCase: object | undefined = undefined;

  constructor(
    readonly s: Scheduler,
    capacity: number,
    readonly name: string | undefined,
    maker: number,
  ) {
    this.id = s.newChanId();
    this.capacity = capacity;
    this.buf = capacity > 0 ? new Ring(capacity) : undefined;
    s.rec.make(s.now, maker, this.id, capacity, name);
  }

  len(): number {
    return this.buf === undefined ? 0 : this.buf.length;
  }

  cap(): number {
    return this.capacity;
  }

  // ---- readiness and the immediate halves (shared with select and timers) ----

  recvReady(): boolean {
    return (this.buf !== undefined && this.buf.length > 0) || this.sendq.size > 0 || this.closed;
  }

  /**
   * recvReady() as 1 or 0, computed without a branch on the queue length:
   * select polls several channels whose readiness changes at random from one
   * call to the next, where a branch mispredicts.
   */
  recvReadyBit(): number {
    const buf = this.buf;
    const waiting = (-this.sendq.size >>> 31) | (buf === undefined ? 0 : -buf.length >>> 31);
    return this.closed ? 1 : waiting;
  }

  /** True when a send would not block; a closed channel counts as ready (the send then panics). */
  sendReady(): boolean {
    return this.closed || this.recvq.size > 0 || (this.buf !== undefined && this.buf.length < this.capacity);
  }

  /** Receives now (recvReady() must hold) as goroutine g; the value and ok land in s.rv / s.rok. */
  takeNow(g: number, sel: number): void {
    const s = this.s;
    const tracing = s.tracing;
    const buf = this.buf;
    if (buf !== undefined && buf.length > 0) {
      const v = buf.shift();
      if (tracing) s.rec.recv(s.now, g, this.id, v, true, buf.length, buf.lastG, buf.lastSeq, sel);
      const w = this.sendq.shift();
      if (w !== undefined) {
        // The buffer was full: the oldest parked sender's value joins the tail.
        const sg = w.g;
        const sv = w.value;
        w.value = undefined;
        const sw = w.sw;
        if (sw !== undefined) this.decideSelect(sw, w);
        buf.push(sv, tracing ? s.rec.send(s.now, sg.id, this.id, sv, buf.length + 1, -1, w.sel) : -1, sg.id);
        if (tracing) s.rec.unblock(s.now, sg.id, g);
        s.wake(sg, sw === undefined ? undefined : sw.fired(w, undefined, true));
      }
      s.rv = v;
      s.rok = true;
      return;
    }
    const w = this.sendq.shift();
    if (w !== undefined) {
      const sg = w.g;
      const v = w.value;
      w.value = undefined;
      const sw = w.sw;
      if (sw !== undefined) this.decideSelect(sw, w);
      if (tracing) s.rec.handoff(s.now, sg.id, g, this.id, v, 0, w.sel, sel, sg.id, g);
      s.wake(sg, sw === undefined ? undefined : sw.fired(w, undefined, true));
      s.rv = v;
      s.rok = true;
      return;
    }
    // Closed and drained.
    if (tracing) s.rec.recv(s.now, g, this.id, undefined, false, 0, -1, -1, sel);
    s.rv = undefined;
    s.rok = false;
  }

  /** Sends now (sendReady() and not closed must hold) as goroutine g (0: the runtime, for timers). */
  putNow(g: number, v: unknown, sel: number): void {
    const s = this.s;
    const tracing = s.tracing;
    const w = this.recvq.shift();
    if (w === undefined) {
      const buf = this.buf!;
      buf.push(v, tracing ? s.rec.send(s.now, g, this.id, v, buf.length + 1, -1, sel) : -1, g);
      return;
    }
    const rg = w.g;
    const len = this.buf === undefined ? 0 : this.buf.length;
    const sw = w.sw;
    if (sw !== undefined) {
      // The receiver's select event goes between the send and the recv.
      const seq = tracing ? s.rec.send(s.now, g, this.id, v, len, rg.id, sel) : -1;
      this.decideSelect(sw, w);
      if (tracing) {
        s.rec.recv(s.now, rg.id, this.id, v, true, len, g, seq, w.sel);
        s.rec.unblock(s.now, rg.id, g);
      }
      s.wake(rg, sw.fired(w, v, true));
      return;
    }
    if (tracing) s.rec.handoff(s.now, g, rg.id, this.id, v, len, sel, -1, rg.id, g);
    s.wake(rg, formResult(w.form, v, true));
  }

  /** A non-blocking send by the runtime (timer and ticker fires): dropped when it would block. */
  offer(v: unknown): boolean {
    if (this.closed || !this.sendReady()) return false;
    this.putNow(0, v, -1);
    return true;
  }

  /**
   * Waiter w of a blocked select was matched: the select decides now. Its other
   * waiters leave their queues and the select event is recorded.
   */
  private decideSelect(sw: SelectWait, w: Waiter): void {
    sw.withdraw();
    const s = this.s;
    if (s.tracing) {
      s.ready[0] = w.sel;
      s.rec.select(s.now, sw.g.id, sw, s.ready, 1, w.sel, false);
    }
  }

  // ---- parking ----

  /** Parks g as a receiver (the caller checked recvReady() is false). */
  parkRecv<R>(g: Goroutine, form: number): Promise<R> {
    const s = this.s;
    const w = g.waiter;
    w.form = form;
    w.sel = -1;
    w.sw = undefined;
    this.recvq.push(w);
    const reason = REASON["chan receive"];
    g.reason = reason;
    g.waitCh = this.id;
    g.waitObj = -1;
    if (s.tracing) s.rec.block(s.now, g.id, reason, this.id, -1, NO_VALUE, Number.NaN, -1, undefined);
    return s.park<R>(g);
  }

  // ---- the public operations ----

  send(v: T): Promise<void> {
    const s = this.s;
    const g = s.current;
    if (g === undefined || ++s.ops >= s.checkAt) return this.sendSlow(v);
    return this.sendAs(g, v);
  }

  private sendSlow(v: T): Promise<void> {
    const s = this.s;
    switch (s.slowOp()) {
      case PROCEED:
        return this.sendAs(s.current!, v);
      case PREEMPT:
        return s.yieldCurrent().then(() => this.sendAs(s.current!, v));
      case FROZEN:
        return NEVER;
    }
  }

  private sendAs(g: Goroutine, v: T): Promise<void> {
    if (this.closed) return Scheduler.throwPanic(SEND_ON_CLOSED_CHANNEL);
    if (this.recvq.size > 0 || (this.buf !== undefined && this.buf.length < this.capacity)) {
      this.putNow(g.id, v, -1);
      return RESOLVED;
    }
    const s = this.s;
    const w = g.waiter;
    w.value = v;
    w.sel = -1;
    w.sw = undefined;
    this.sendq.push(w);
    const reason = REASON["chan send"];
    g.reason = reason;
    g.waitCh = this.id;
    g.waitObj = -1;
    if (s.tracing) s.rec.block(s.now, g.id, reason, this.id, -1, v, Number.NaN, -1, undefined);
    return s.park(g);
  }

  recv(): Promise<T | undefined> {
    const s = this.s;
    const g = s.current;
    if (g === undefined || ++s.ops >= s.checkAt) return this.recvSlow(FORM_VALUE) as Promise<T | undefined>;
    if (this.recvReady()) {
      this.takeNow(g.id, -1);
      return Promise.resolve(s.rv as T | undefined);
    }
    return this.parkRecv(g, FORM_VALUE);
  }

  recvOk(): Promise<RecvResult<T>> {
    const s = this.s;
    const g = s.current;
    if (g === undefined || ++s.ops >= s.checkAt) return this.recvSlow(FORM_OK) as Promise<RecvResult<T>>;
    return this.recvAs(g, FORM_OK) as Promise<RecvResult<T>>;
  }

  private recvIter(): Promise<IteratorResult<T, undefined>> {
    const s = this.s;
    const g = s.current;
    if (g === undefined || ++s.ops >= s.checkAt) return this.recvSlow(FORM_ITER) as Promise<IteratorResult<T, undefined>>;
    return this.recvAs(g, FORM_ITER) as Promise<IteratorResult<T, undefined>>;
  }

  private recvSlow(form: number): Promise<unknown> {
    const s = this.s;
    switch (s.slowOp()) {
      case PROCEED:
        return this.recvAs(s.current!, form);
      case PREEMPT:
        return s.yieldCurrent().then(() => this.recvAs(s.current!, form));
      case FROZEN:
        return NEVER;
    }
  }

  private recvAs(g: Goroutine, form: number): Promise<unknown> {
    if (this.recvReady()) {
      this.takeNow(g.id, -1);
      const s = this.s;
      return Promise.resolve(formResult(form, s.rv, s.rok));
    }
    return this.parkRecv(g, form);
  }

  close(): void {
    const g = this.s.syncEnter();
    if (g === undefined) return;
    this.closeAs(g.id);
  }

  /** Closes as goroutine `by` (0: the runtime, e.g. a context deadline). */
  closeAs(by: number): void {
    if (this.closed) throw new GoPanic("close of closed channel");
    this.closed = true;
    const s = this.s;
    const rec = s.rec;
    rec.close(s.now, by, this.id, this.len());
    // Every blocked receiver gets (undefined, false), in queue order; a blocked
    // select is decided on this case, as Go's closechan completes it.
    for (let w = this.recvq.shift(); w !== undefined; w = this.recvq.shift()) {
      const rg = w.g;
      const sw = w.sw;
      if (sw !== undefined) this.decideSelect(sw, w);
      rec.recv(s.now, rg.id, this.id, undefined, false, 0, -1, -1, w.sel);
      rec.unblock(s.now, rg.id, by);
      s.wake(rg, sw === undefined ? formResult(w.form, undefined, false) : sw.fired(w, undefined, false));
    }
    // …then every blocked sender, a select's send case included, panics "send on closed channel" when it resumes.
    for (let w = this.sendq.shift(); w !== undefined; w = this.sendq.shift()) {
      w.value = undefined;
      const sw = w.sw;
      if (sw !== undefined) {
        this.decideSelect(sw, w);
        sw.failed();
      }
      rec.unblock(s.now, w.g.id, by);
      s.wakeWithError(w.g, new GoPanic(SEND_ON_CLOSED_CHANNEL));
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    return {
      next: () => this.recvIter(),
      // Breaking out of a range loop just stops receiving.
      return: () => Promise.resolve({ value: undefined, done: true }),
    };
  }
}

/** A nil channel: every send and receive blocks forever, close panics. */
export class NilChannel<T> implements Chan<T> {
  readonly id = null;
  readonly name = undefined;

  len(): number {
    return 0;
  }
  cap(): number {
    return 0;
  }
  send(_v: T): Promise<void> {
    return blockOnNil(REASON["chan send (nil chan)"]);
  }
  recv(): Promise<T | undefined> {
    return blockOnNil(REASON["chan receive (nil chan)"]);
  }
  recvOk(): Promise<RecvResult<T>> {
    return blockOnNil(REASON["chan receive (nil chan)"]);
  }
  close(): void {
    const s = activeScheduler("close");
    if (s.syncEnter() === undefined) return;
    throw new GoPanic("close of nil channel");
  }
  [Symbol.asyncIterator](): AsyncIterator<T, undefined> {
    return { next: () => blockOnNil(REASON["chan receive (nil chan)"]) };
  }
}

function blockOnNil(reason: number): Promise<never> {
  const s = activeScheduler("an operation on a nil channel");
  return s.enter((g) => s.blockForever(g, reason, undefined));
}

const NIL: NilChannel<never> = new NilChannel<never>();

/**
 * Go's `make(chan T, capacity)`. capacity 0 (the default) is unbuffered.
 * `name` labels the channel in the trace. Must be called inside a run.
 */
export function chan<T>(capacity = 0, name?: string): Chan<T> {
  const s = activeScheduler("chan()");
  // A trace holds capacities up to MAX_INT32 (Go's own limit is memory).
  if (!Number.isInteger(capacity) || capacity < 0 || capacity > MAX_INT32) throw new GoPanic("makechan: size out of range");
  const g = s.syncEnter();
  return new Channel<T>(s, capacity, name, g === undefined ? 0 : g.id);
}

/** A nil channel of type T (Go's `var ch chan T`): sends and receives block forever, close panics. `null` and `undefined` work as nil channels in select cases too. */
export function nilChan<T>(): Chan<T> {
  return NIL;
}

/** A channel value, or null/undefined standing for a nil channel (usable in select cases). */
export type MaybeChan<C> = C | null | undefined;

export function isChan(x: unknown): x is Chan<unknown> {
  return x instanceof Channel || x instanceof NilChannel;
}
