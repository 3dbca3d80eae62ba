// The state of a run after a prefix of its events: who runs, what each
// goroutine waits on, every channel's buffer and wait queues, lock holders and
// WaitGroup counters. It is the one place that gives events their meaning for
// "what is true at this moment": the builder drives it to produce spans, and
// stateAt replays it from a checkpoint (checkpoint.ts: its compact copies).

import { EVENT_KINDS, StateCode, type GoroutineStateCode } from "../codes";
import { assertNever, RUNTIME_G, type EventKind, type GoroutineId, type SelectCase } from "../events";
import { encodeChannels, encodeObjects, decodeChan, decodeObj, type Checkpoint } from "./checkpoint";
import { NONE, reasonCodeAt } from "./columns";
import { isBlockedCode, isWaitingCode, STATE_OF_REASON_CODE } from "./goroutineState";
import { IdSlots } from "./idSlots";
import { ChanRun, ObjRun, OnceState } from "./runRecords";

/** What the fold reads: the event columns (mutable store or read-only views alike). */
interface FoldColumns {
  readonly g: { readonly [i: number]: number };
  readonly kind: { readonly [i: number]: number };
  readonly ch: { readonly [i: number]: number };
  readonly obj: { readonly [i: number]: number };
  readonly peer: { readonly [i: number]: number };
  readonly len: { readonly [i: number]: number };
  readonly from: { readonly [i: number]: number };
  readonly detail: { readonly [i: number]: number };
  readonly caseLists: readonly (readonly SelectCase[])[];
}

/** Called when a goroutine changes state: the builder turns these into spans. `wait` is the event it waits since (block or leak), or NONE. */
type StateChange = (g: GoroutineId, code: GoroutineStateCode, index: number, wait: number) => void;

/**
 * Goroutines, channels and objects get dense slots (idSlots.ts): every table
 * below is indexed by slot, so a large id costs no more than a small one. The
 * slots are shared by a state, its checkpoints and the states restored from
 * them: they only grow, and a checkpoint covers the slots it was taken with.
 */
export interface RunSlots {
  readonly g: IdSlots;
  readonly ch: IdSlots;
  readonly obj: IdSlots;
}

export const newRunSlots = (): RunSlots => ({ g: new IdSlots(), ch: new IdSlots(), obj: new IdSlots() });

/** Selects with more cases than this find duplicate cases through a set. */
const SHORT_SELECT = 16;

/**
 * A select's cases on a channel (not nil), each channel and side once: two cases
 * on the same channel and side park there once. A set keeps a select of tens of
 * thousands of cases linear; a short one scans back.
 */
function* distinctCases(cases: readonly SelectCase[]): Generator<SelectCase> {
  const seen = cases.length > SHORT_SELECT ? new Set<number>() : undefined;
  for (let k = 0; k < cases.length; k++) {
    const sc = cases[k] as SelectCase;
    if (sc.ch === null) continue;
    if (seen !== undefined) {
      const key = sc.ch * 2 + (sc.dir === "send" ? 0 : 1);
      if (seen.has(key)) continue;
      seen.add(key);
    } else {
      let dup = false;
      for (let j = 0; j < k && !dup; j++) dup = cases[j]?.ch === sc.ch && cases[j]?.dir === sc.dir;
      if (dup) continue;
    }
    yield sc;
  }
}

export class RunState {
  /** Per goroutine slot: its state. */
  gState = new Uint8Array(64).fill(StateCode.none);
  /** Event index where the current state began. */
  gSince = new Int32Array(64).fill(NONE);
  /** Block (or leak) event the goroutine waits since, or NONE. */
  gWait = new Int32Array(64).fill(NONE);
  /** 1 while the goroutine sits in wait queues (a parked sender leaves them when its value is taken, before it is unblocked). */
  gQueued = new Uint8Array(64);
  /** Goroutine slots the tables cover. */
  gCount = 0;
  running = NONE;
  /** Channels and objects by slot: live ones, or decoded from `base` on first use. */
  private chans: (ChanRun | undefined)[] = [];
  private objs: (ObjRun | undefined)[] = [];
  private base: Checkpoint | undefined;

  constructor(
    private readonly onChange?: StateChange,
    readonly slots: RunSlots = newRunSlots(),
  ) {}

  step(c: FoldColumns, i: number): void {
    const g = c.g[i] as number;
    const kind = EVENT_KINDS[c.kind[i] as number] as EventKind;
    switch (kind) {
      case "run": {
        const prev = this.running;
        // "g running until its next block/exit/yield/run of another goroutine".
        if (prev !== NONE && prev !== g && this.stateOf(prev) === StateCode.running) {
          this.set(prev, StateCode.runnable, i, NONE);
        }
        this.leaveQueues(c, g);
        this.set(g, StateCode.running, i, NONE);
        if (g !== RUNTIME_G) this.running = g;
        break;
      }
      case "block":
        this.block(c, i, g);
        break;
      case "unblock":
        this.leaveQueues(c, g);
        if (isWaitingCode(this.stateOf(g))) this.set(g, StateCode.runnable, i, NONE);
        break;
      case "send": {
        const ch = this.chan(c.ch[i] as number);
        // No peer: the value went into the buffer (len counts it).
        if (c.peer[i] === NONE) ch.push(i);
        ch.len = c.len[i] as number;
        // A parked sender whose value was taken leaves the queue now, before its unblock.
        this.leaveQueues(c, g);
        break;
      }
      case "recv": {
        const ch = this.chan(c.ch[i] as number);
        const from = c.from[i] as number;
        if (from !== NONE)
          ch.take(from); // a no-op for a direct handoff: that send was never buffered
        else if (c.detail[i] === 1 && c.peer[i] === NONE) ch.popHead(); // ok without `from`: trust FIFO
        ch.len = c.len[i] as number;
        this.leaveQueues(c, g);
        break;
      }
      case "spawn":
        this.set(c.peer[i] as number, StateCode.runnable, i, NONE);
        break;
      case "yield":
        this.set(g, StateCode.runnable, i, NONE);
        break;
      case "exit":
        this.leaveQueues(c, g);
        this.set(g, StateCode.exited, i, NONE);
        break;
      case "make": {
        const slot = this.slots.ch.slot(c.ch[i] as number);
        this.chans[slot] = new ChanRun(c.len[i] as number);
        this.touchChan(slot);
        break;
      }
      case "close": {
        const ch = this.chan(c.ch[i] as number);
        ch.closedAt = i;
        ch.len = c.len[i] as number;
        break;
      }
      case "sync.make": {
        const slot = this.slots.obj.slot(c.obj[i] as number);
        this.objs[slot] = new ObjRun(c.detail[i] as number);
        this.touchObj(slot);
        break;
      }
      case "lock": {
        const o = this.obj(c.obj[i] as number);
        this.leaveQueues(c, g);
        if (c.detail[i] === 1) {
          o.holder = g;
          o.holderSince = i;
        } else {
          o.readers.push(g);
        }
        break;
      }
      case "unlock": {
        const o = this.obj(c.obj[i] as number);
        if (c.detail[i] === 1) {
          o.holder = NONE;
          o.holderSince = NONE;
        } else {
          const k = o.readers.indexOf(g);
          if (k >= 0) o.readers.splice(k, 1);
          else o.readers.shift(); // an RUnlock by another goroutine is legal in Go
        }
        break;
      }
      case "wg.add":
        this.obj(c.obj[i] as number).count = c.len[i] as number;
        break;
      case "wg.wait":
        this.leaveQueues(c, g);
        break;
      case "once": {
        const o = this.obj(c.obj[i] as number);
        this.leaveQueues(c, g);
        if (c.detail[i] === 1) o.once = OnceState.done;
        else {
          o.once = OnceState.running;
          o.onceBy = g;
        }
        break;
      }
      case "panic":
        if (g !== RUNTIME_G) {
          this.leaveQueues(c, g);
          this.set(g, StateCode.panicked, i, NONE);
        }
        break;
      case "leak": {
        // A leaked goroutine stays in its queues: it waits there for ever.
        const w = this.waitOf(g);
        this.set(g, StateCode.leaked, i, w === NONE ? i : w);
        break;
      }
      case "deadlock":
        for (let s = 0; s < this.gCount; s++) {
          if (isBlockedCode(this.gState[s] as GoroutineStateCode)) {
            this.set(this.slots.g.ids[s] as number, StateCode.deadlocked, i, this.gWait[s] as number);
          }
        }
        break;
      case "select": // the chosen case's op follows as its own send/recv
      case "timer": // a timer's delivery arrives as a send; its wake-up as an unblock
      case "ctx.make":
      case "ctx.cancel": // cancelling closes the done channel with its own close event
      case "io":
      case "sync.op": // who holds a semaphore's units or waits on a Cond follows from block and unblock
      case "warn":
      case "output":
      case "end":
        break;
      default:
        assertNever(kind, "event kind");
    }
  }

  private block(c: FoldColumns, i: number, g: number): void {
    this.leaveQueues(c, g);
    const state = STATE_OF_REASON_CODE[reasonCodeAt(c, i)] as GoroutineStateCode;
    this.set(g, state, i, i);
    let queued = true;
    switch (state) {
      case StateCode.blockedSend:
        this.chan(c.ch[i] as number).sendq.push(i);
        break;
      case StateCode.blockedRecv:
        this.chan(c.ch[i] as number).recvq.push(i);
        break;
      case StateCode.blockedSelect: {
        const k = c.from[i] as number;
        const cases = k === NONE ? [] : (c.caseLists[k] ?? []);
        for (const sc of distinctCases(cases)) {
          const ch = this.chan(sc.ch as number);
          (sc.dir === "send" ? ch.sendq : ch.recvq).push(i);
        }
        break;
      }
      case StateCode.blockedMutex:
      case StateCode.blockedRWMutexRead:
      case StateCode.blockedRWMutexWrite:
      case StateCode.blockedWaitGroup:
      case StateCode.blockedOnce:
      case StateCode.blockedCond:
      case StateCode.blockedSemaphore:
      case StateCode.blockedErrGroupWait:
      case StateCode.blockedErrGroupGo:
        this.obj(c.obj[i] as number).waiters.push(i);
        break;
      default:
        // nil channels, empty select, sleep, io: no queue to sit in.
        queued = false;
    }
    if (queued && g !== RUNTIME_G) this.gQueued[this.slots.g.slotOf(g)] = 1;
  }

  /** Removes g's wait from every queue it sits in (its block event names them). */
  leaveQueues(c: FoldColumns, g: number): void {
    const slot = this.slots.g.slotOf(g);
    if (slot === NONE || slot >= this.gCount || this.gQueued[slot] === 0) return;
    this.gQueued[slot] = 0;
    const w = this.gWait[slot] as number;
    const state = STATE_OF_REASON_CODE[reasonCodeAt(c, w)] as GoroutineStateCode;
    switch (state) {
      case StateCode.blockedSend:
      case StateCode.blockedRecv: {
        const ch = this.chanIf(c.ch[w] as number);
        if (ch !== undefined) (state === StateCode.blockedSend ? ch.sendq : ch.recvq).remove(w);
        break;
      }
      case StateCode.blockedSelect: {
        const k = c.from[w] as number;
        for (const sc of distinctCases(k === NONE ? [] : (c.caseLists[k] ?? []))) {
          const ch = this.chanIf(sc.ch as number);
          if (ch !== undefined) (sc.dir === "send" ? ch.sendq : ch.recvq).remove(w);
        }
        break;
      }
      default: {
        const o = this.objIf(c.obj[w] as number);
        if (o !== undefined) o.waiters.remove(w);
      }
    }
  }

  private stateOf(g: number): GoroutineStateCode {
    const slot = this.slots.g.slotOf(g);
    return slot === NONE || slot >= this.gCount ? StateCode.none : (this.gState[slot] as GoroutineStateCode);
  }

  /** The block (or leak) event g waits since, or NONE. */
  private waitOf(g: number): number {
    const slot = this.slots.g.slotOf(g);
    return slot === NONE || slot >= this.gCount ? NONE : (this.gWait[slot] as number);
  }

  private set(g: number, code: GoroutineStateCode, i: number, wait: number): void {
    if (g === RUNTIME_G) return; // the runtime has no state of its own
    const slot = this.slots.g.slot(g);
    if (slot >= this.gCount) this.ensure(slot);
    if (this.gState[slot] === code && this.gWait[slot] === wait) return;
    this.gState[slot] = code;
    this.gSince[slot] = i;
    this.gWait[slot] = wait;
    if (this.running === g && code !== StateCode.running) this.running = NONE;
    this.onChange?.(g as GoroutineId, code, i, wait);
  }

  private ensure(slot: number): void {
    if (slot >= this.gState.length) {
      let cap = this.gState.length * 2;
      while (cap <= slot) cap *= 2;
      const s = new Uint8Array(cap).fill(StateCode.none);
      s.set(this.gState);
      const since = new Int32Array(cap).fill(NONE);
      since.set(this.gSince);
      const wait = new Int32Array(cap).fill(NONE);
      wait.set(this.gWait);
      const queued = new Uint8Array(cap);
      queued.set(this.gQueued);
      this.gState = s;
      this.gSince = since;
      this.gWait = wait;
      this.gQueued = queued;
    }
    this.gCount = slot + 1;
  }

  /**
   * Channels and objects touched since `base` was taken: a checkpoint re-encodes
   * those and copies the rest from `base` in contiguous runs (most channels of a
   * long trace sit idle between two checkpoints).
   */
  private chanDirty: Uint8Array = new Uint8Array(64);
  private objDirty: Uint8Array = new Uint8Array(64);

  private touchChan(slot: number): void {
    if (slot >= this.chanDirty.length) this.chanDirty = grown(this.chanDirty, slot);
    this.chanDirty[slot] = 1;
  }

  private touchObj(slot: number): void {
    if (slot >= this.objDirty.length) this.objDirty = grown(this.objDirty, slot);
    this.objDirty[slot] = 1;
  }

  /** The channel if it exists. Every access counts as a change (the fold only asks in order to change it). */
  chanIf(id: number): ChanRun | undefined {
    const slot = this.slots.ch.slotOf(id);
    return slot === NONE ? undefined : this.chanAt(slot);
  }

  private chanAt(slot: number): ChanRun | undefined {
    let ch = this.chans[slot];
    if (ch === undefined && this.base !== undefined) {
      const at = this.base.chanAt[slot];
      if (at !== undefined && at >= 0) this.chans[slot] = ch = decodeChan(this.base.chans, at);
    }
    if (ch !== undefined) this.touchChan(slot);
    return ch;
  }

  /** The channel, made on the fly if its make was not seen (a trace cut at the front, or a runtime bug). */
  chan(id: number): ChanRun {
    const slot = this.slots.ch.slot(id);
    const ch = this.chanAt(slot);
    if (ch !== undefined) return ch;
    this.touchChan(slot);
    return (this.chans[slot] = new ChanRun(0));
  }

  objIf(id: number): ObjRun | undefined {
    const slot = this.slots.obj.slotOf(id);
    return slot === NONE ? undefined : this.objAt(slot);
  }

  private objAt(slot: number): ObjRun | undefined {
    let o = this.objs[slot];
    if (o === undefined && this.base !== undefined) {
      const at = this.base.objAt[slot];
      if (at !== undefined && at >= 0) this.objs[slot] = o = decodeObj(this.base.objs, at);
    }
    if (o !== undefined) this.touchObj(slot);
    return o;
  }

  obj(id: number): ObjRun {
    const slot = this.slots.obj.slot(id);
    const o = this.objAt(slot);
    if (o !== undefined) return o;
    this.touchObj(slot);
    return (this.objs[slot] = new ObjRun(0));
  }

  /**
   * A compact copy. With `rebase`, the copy becomes this state's base: the
   * builder's live state does that so the next checkpoint copies what did not
   * change since this one.
   */
  checkpoint(at: number, rebase = false): Checkpoint {
    const n = this.gCount;
    const chans = encodeChannels(Math.max(this.chans.length, this.base?.chanAt.length ?? 0), this.chans, this.chanDirty, this.base);
    const objs = encodeObjects(Math.max(this.objs.length, this.base?.objAt.length ?? 0), this.objs, this.objDirty, this.base);
    const cp: Checkpoint = {
      at,
      running: this.running,
      gState: this.gState.slice(0, n),
      gSince: this.gSince.slice(0, n),
      gWait: this.gWait.slice(0, n),
      gQueued: this.gQueued.slice(0, n),
      chans: chans.data,
      chanAt: chans.at,
      objs: objs.data,
      objAt: objs.at,
      slots: this.slots,
    };
    if (rebase) {
      this.base = cp;
      this.chanDirty.fill(0);
      this.objDirty.fill(0);
    }
    return cp;
  }

  static fromCheckpoint(cp: Checkpoint): RunState {
    const rs = new RunState(undefined, cp.slots);
    const n = cp.gState.length;
    if (n > 0) rs.ensure(n - 1);
    rs.gState.set(cp.gState);
    rs.gSince.set(cp.gSince);
    rs.gWait.set(cp.gWait);
    rs.gQueued.set(cp.gQueued);
    rs.running = cp.running;
    rs.base = cp;
    return rs;
  }
}

const grown = (a: Uint8Array, id: number): Uint8Array => {
  let cap = a.length * 2;
  while (cap <= id) cap *= 2;
  const b = new Uint8Array(cap);
  b.set(a);
  return b;
};
