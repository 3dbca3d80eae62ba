// The per-event columns: one typed array per field, so a million events cost
// tens of megabytes rather than a million objects kept alive. Nearly every
// kind is stored in the columns alone and rebuilt on demand by `eventAt`;
// strings go to dictionaries, select case lists and ready sets are interned.
// The few kinds with free text (panic, warn, end, deadlock, io) and any event
// with a field combination the columns do not cover are kept whole in a side
// table, their numeric fields copied into the columns too so the fold reads
// every kind the same way.

import {
  assertNever,
  EVENT_KINDS,
  KIND_CODE,
  type ContextType,
  type EventKind,
  type SelectCase,
  type SyncType,
  type TimerPurpose,
  type TraceEvent,
} from "../events";
import type { Nanos } from "../units";
import { REASON_CODE, reasonName } from "./goroutineState";
import type { ReadonlyFloat64Array, ReadonlyInt16Array, ReadonlyInt32Array, ReadonlyUint8Array } from "./readonlyArrays";

/** Marks an absent field in an Int32/Int16 column (NaN in `until`). */
export const NONE = -1;

export const SYNC_TYPES: readonly SyncType[] = ["Mutex", "RWMutex", "WaitGroup", "Once"];
const SYNC_TYPE_CODE: Readonly<Record<SyncType, number>> = { Mutex: 0, RWMutex: 1, WaitGroup: 2, Once: 3 };
const CONTEXT_TYPES: readonly ContextType[] = ["background", "cancel", "timeout", "deadline"];
const CONTEXT_TYPE_CODE: Readonly<Record<ContextType, number>> = { background: 0, cancel: 1, timeout: 2, deadline: 3 };
const TIMER_OPS = ["set", "fire", "stop"] as const;
const TIMER_OP_CODE = { set: 0, fire: 1, stop: 2 } as const;
const TIMER_PURPOSES: readonly TimerPurpose[] = ["sleep", "after", "ticker", "timer", "deadline"];
const TIMER_PURPOSE_CODE: Readonly<Record<TimerPurpose, number>> = { sleep: 0, after: 1, ticker: 2, timer: 3, deadline: 4 };
/** In a block's `detail`, above the reason code: the `obj` column holds the block's `io`. */
const BLOCK_IO = 0x80;

/** Kind codes the fold compares against. */
export const K = {
  spawn: KIND_CODE.spawn,
  send: KIND_CODE.send,
  recv: KIND_CODE.recv,
  block: KIND_CODE.block,
  select: KIND_CODE.select,
} as const;

/**
 * The columns, read-only. Which field a column holds depends on the kind:
 * - `ch`: the channel (send, recv, close, make, block, leak); timer's delivery channel; ctx.make's done channel.
 * - `obj`: sync object (sync kinds, block, leak); context (ctx.*); timer id; io id (io; block with `io`).
 * - `peer`: send/recv partner; unblock's `by`; spawn's child; ctx.make's parent; ctx.cancel's source; select's ready set (index into `readyLists`).
 * - `len`: send/recv/close buffer length after; make's capacity; wg.add's counter after.
 * - `from`: recv's matching send; wg.add's delta; select's and block's cases (index into `caseLists`).
 * - `value`: index into `values`: send/recv/block value; spawn/make/sync.make name; ctx.cancel err.
 * - `loc`: index into `locs`.
 * - `detail`: wait reason code (block, leak); recv ok; lock mode (1 = "w"); once op (1 = "done"); sync.make, ctx.make type;
 *   timer op | purpose << 2; select hasDefault.
 * - `sel`: send/recv case index; select's chosen case.
 * - `until`: block's wake-up time; timer's `at`; ctx.make's deadline (NaN when absent).
 * - `side`: index into `sideEvents` for events kept whole.
 * Absent numbers are NONE (-1).
 */
export interface EventColumns {
  readonly length: number;
  readonly t: ReadonlyFloat64Array;
  readonly g: ReadonlyInt32Array;
  readonly kind: ReadonlyUint8Array;
  readonly ch: ReadonlyInt32Array;
  readonly obj: ReadonlyInt32Array;
  readonly peer: ReadonlyInt32Array;
  readonly len: ReadonlyInt32Array;
  readonly from: ReadonlyInt32Array;
  readonly value: ReadonlyInt32Array;
  readonly loc: ReadonlyInt32Array;
  readonly detail: ReadonlyUint8Array;
  readonly sel: ReadonlyInt16Array;
  readonly until: ReadonlyFloat64Array;
  readonly side: ReadonlyInt32Array;
  /** Value previews, names and error texts (recent repeats deduplicated). */
  readonly values: readonly string[];
  /** Source locations (deduplicated). */
  readonly locs: readonly string[];
  /** Select case lists (recent repeats deduplicated). */
  readonly caseLists: readonly (readonly SelectCase[])[];
  /** Select ready sets (recent repeats deduplicated). */
  readonly readyLists: readonly (readonly number[])[];
  /** Events kept whole. */
  readonly sideEvents: readonly TraceEvent[];
}

/**
 * Deduplication is opportunistic: a small direct-mapped cache keyed by a cheap
 * hash finds recent repeats ("true", "{}", the same select statement) without
 * hashing every string into a map, which cost more than it saved on a million
 * mostly unique previews.
 */
const CACHE_SIZE = 4096;
const stringSlot = (s: string): number =>
  s.length === 0 ? 0 : (s.length * 31 + s.charCodeAt(0) * 7 + s.charCodeAt(s.length - 1) * 131 + s.charCodeAt(s.length >> 1)) & (CACHE_SIZE - 1);

/** The growing store the builder appends to. All columns share one capacity and grow together. */
export class ColumnStore {
  t = new Float64Array(1024);
  g = new Int32Array(1024);
  kind = new Uint8Array(1024);
  ch = new Int32Array(1024);
  obj = new Int32Array(1024);
  peer = new Int32Array(1024);
  len = new Int32Array(1024);
  from = new Int32Array(1024);
  value = new Int32Array(1024);
  loc = new Int32Array(1024);
  detail = new Uint8Array(1024);
  sel = new Int16Array(1024);
  until = new Float64Array(1024);
  side = new Int32Array(1024);
  readonly values: string[] = [];
  readonly locs: string[] = [];
  readonly caseLists: (readonly SelectCase[])[] = [];
  readonly readyLists: (readonly number[])[] = [];
  readonly sideEvents: TraceEvent[] = [];
  private readonly valueCache = new Int32Array(CACHE_SIZE).fill(NONE);
  private readonly caseCache = new Int32Array(CACHE_SIZE).fill(NONE);
  private readonly readyCache = new Int32Array(CACHE_SIZE).fill(NONE);
  private readonly locIndex = new Map<string, number>();
  length = 0;

  /** Appends one event; returns its index. */
  append(e: TraceEvent): number {
    const i = this.length;
    if (i === this.t.length) this.grow();
    this.t[i] = e.t;
    this.g[i] = e.g;
    this.kind[i] = KIND_CODE[e.kind];
    let ch = NONE;
    let obj = NONE;
    let peer = NONE;
    let len = NONE;
    let from = NONE;
    let value = NONE;
    let detail = 0;
    let sel = NONE;
    let until = NaN;
    let side = false;
    switch (e.kind) {
      case "run":
      case "yield":
      case "exit":
        break;
      case "send":
        ch = e.ch;
        value = this.intern(e.v);
        len = e.len;
        if (e.peer !== undefined) peer = e.peer;
        if (e.sel !== undefined) sel = e.sel;
        break;
      case "recv":
        ch = e.ch;
        // A received value is normally the very string its send carried: share its entry.
        value = e.from !== undefined && e.from >= 0 && e.from < i && this.values[this.value[e.from] as number] === e.v
          ? (this.value[e.from] as number)
          : this.intern(e.v);
        detail = e.ok ? 1 : 0;
        len = e.len;
        if (e.peer !== undefined) peer = e.peer;
        if (e.from !== undefined) from = e.from;
        if (e.sel !== undefined) sel = e.sel;
        break;
      case "block":
        detail = REASON_CODE[e.reason];
        if (e.ch !== undefined) ch = e.ch;
        if (e.io !== undefined) {
          obj = e.io;
          detail |= BLOCK_IO;
          side = e.obj !== undefined; // both: no column for the second
        } else if (e.obj !== undefined) obj = e.obj;
        if (e.v !== undefined) value = this.intern(e.v);
        if (e.until !== undefined) until = e.until;
        if (e.cases !== undefined) from = this.internCases(e.cases);
        break;
      case "unblock":
        peer = e.by;
        break;
      case "select":
        from = this.internCases(e.cases);
        peer = this.internReady(e.ready);
        sel = e.chosen;
        detail = e.hasDefault ? 1 : 0;
        break;
      case "close":
        ch = e.ch;
        len = e.len;
        break;
      case "spawn":
        peer = e.child;
        if (e.name !== undefined) value = this.intern(e.name);
        break;
      case "make":
        ch = e.ch;
        len = e.cap;
        if (e.name !== undefined) value = this.intern(e.name);
        break;
      case "timer":
        obj = e.timer;
        detail = TIMER_OP_CODE[e.op] | (TIMER_PURPOSE_CODE[e.purpose] << 2);
        until = e.at;
        if (e.ch !== undefined) ch = e.ch;
        break;
      case "sync.make":
        obj = e.obj;
        detail = SYNC_TYPE_CODE[e.type];
        if (e.name !== undefined) value = this.intern(e.name);
        break;
      case "lock":
      case "unlock":
        obj = e.obj;
        detail = e.mode === "w" ? 1 : 0;
        break;
      case "wg.add":
        obj = e.obj;
        len = e.count;
        from = e.delta;
        break;
      case "wg.wait":
        obj = e.obj;
        break;
      case "once":
        obj = e.obj;
        detail = e.op === "done" ? 1 : 0;
        break;
      case "ctx.make":
        obj = e.ctx;
        ch = e.done;
        detail = CONTEXT_TYPE_CODE[e.type];
        if (e.parent !== undefined) peer = e.parent;
        if (e.deadline !== undefined) until = e.deadline;
        break;
      case "ctx.cancel":
        obj = e.ctx;
        peer = e.source;
        value = this.intern(e.err);
        side = e.cause !== undefined;
        break;
      case "leak":
        detail = REASON_CODE[e.reason];
        if (e.ch !== undefined) ch = e.ch;
        if (e.obj !== undefined) obj = e.obj;
        break;
      case "io":
        obj = e.io;
        side = true;
        break;
      case "warn":
      case "panic":
      case "deadlock":
      case "end":
        side = true;
        break;
      default:
        assertNever(e, "event kind");
    }
    this.ch[i] = ch;
    this.obj[i] = obj;
    this.peer[i] = peer;
    this.len[i] = len;
    this.from[i] = from;
    this.value[i] = value;
    this.loc[i] = e.loc === undefined ? NONE : this.internLoc(e.loc);
    this.detail[i] = detail;
    this.sel[i] = sel;
    this.until[i] = until;
    if (side) {
      this.side[i] = this.sideEvents.length;
      this.sideEvents.push(e);
    } else {
      this.side[i] = NONE;
    }
    this.length = i + 1;
    return i;
  }

  /**
   * Views of what is stored so far; they never change afterwards (appends write
   * past them or into new buffers). `final`: nothing will be appended any more,
   * so the dictionaries are handed over rather than copied.
   */
  view(final = false): EventColumns {
    const n = this.length;
    return Object.freeze({
      length: n,
      t: this.t.subarray(0, n),
      g: this.g.subarray(0, n),
      kind: this.kind.subarray(0, n),
      ch: this.ch.subarray(0, n),
      obj: this.obj.subarray(0, n),
      peer: this.peer.subarray(0, n),
      len: this.len.subarray(0, n),
      from: this.from.subarray(0, n),
      value: this.value.subarray(0, n),
      loc: this.loc.subarray(0, n),
      detail: this.detail.subarray(0, n),
      sel: this.sel.subarray(0, n),
      until: this.until.subarray(0, n),
      side: this.side.subarray(0, n),
      // Copies: the dictionaries keep growing, and a model must not see its own arrays change.
      values: final ? this.values : Object.freeze(this.values.slice()),
      locs: final ? this.locs : Object.freeze(this.locs.slice()),
      caseLists: final ? this.caseLists : Object.freeze(this.caseLists.slice()),
      readyLists: final ? this.readyLists : Object.freeze(this.readyLists.slice()),
      sideEvents: final ? this.sideEvents : Object.freeze(this.sideEvents.slice()),
    });
  }

  private grow(): void {
    const cap = this.t.length * 2;
    const more = <A extends Float64Array | Int32Array | Int16Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a as never);
      return b;
    };
    this.t = more(this.t, (n) => new Float64Array(n));
    this.g = more(this.g, (n) => new Int32Array(n));
    this.kind = more(this.kind, (n) => new Uint8Array(n));
    this.ch = more(this.ch, (n) => new Int32Array(n));
    this.obj = more(this.obj, (n) => new Int32Array(n));
    this.peer = more(this.peer, (n) => new Int32Array(n));
    this.len = more(this.len, (n) => new Int32Array(n));
    this.from = more(this.from, (n) => new Int32Array(n));
    this.value = more(this.value, (n) => new Int32Array(n));
    this.loc = more(this.loc, (n) => new Int32Array(n));
    this.detail = more(this.detail, (n) => new Uint8Array(n));
    this.sel = more(this.sel, (n) => new Int16Array(n));
    this.until = more(this.until, (n) => new Float64Array(n));
    this.side = more(this.side, (n) => new Int32Array(n));
  }

  private intern(v: string): number {
    const slot = stringSlot(v);
    const known = this.valueCache[slot] as number;
    if (known !== NONE && this.values[known] === v) return known;
    const id = this.values.length;
    this.values.push(v);
    this.valueCache[slot] = id;
    return id;
  }

  private internLoc(loc: string): number {
    const known = this.locIndex.get(loc);
    if (known !== undefined) return known;
    const id = this.locs.length;
    this.locs.push(loc);
    this.locIndex.set(loc, id);
    return id;
  }

  private internCases(cases: readonly SelectCase[]): number {
    let h = cases.length;
    for (const c of cases) h = (h * 33 + (c.ch === null ? 0 : c.ch) * 2 + (c.dir === "send" ? 1 : 0)) | 0;
    const slot = h & (CACHE_SIZE - 1);
    const known = this.caseCache[slot] as number;
    if (known !== NONE && sameCases(this.caseLists[known] as readonly SelectCase[], cases)) return known;
    const id = this.caseLists.length;
    // Kept as received: events are not mutated once emitted.
    this.caseLists.push(cases);
    this.caseCache[slot] = id;
    return id;
  }

  private internReady(ready: readonly number[]): number {
    let h = ready.length;
    for (const r of ready) h = (h * 33 + r) | 0;
    const slot = h & (CACHE_SIZE - 1);
    const known = this.readyCache[slot] as number;
    if (known !== NONE && sameNumbers(this.readyLists[known] as readonly number[], ready)) return known;
    const id = this.readyLists.length;
    this.readyLists.push(ready);
    this.readyCache[slot] = id;
    return id;
  }
}

function sameCases(a: readonly SelectCase[], b: readonly SelectCase[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k]?.ch !== b[k]?.ch || a[k]?.dir !== b[k]?.dir) return false;
  return true;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

export const kindOf = (cols: EventColumns, i: number): EventKind => EVENT_KINDS[cols.kind[i] as number] as EventKind;

export const valueAt = (cols: EventColumns, i: number): string | undefined => {
  const v = cols.value[i] as number;
  return v === NONE ? undefined : cols.values[v];
};

export const locAt = (cols: EventColumns, i: number): string | undefined => {
  const l = cols.loc[i] as number;
  return l === NONE ? undefined : cols.locs[l];
};

export const sideEventAt = (cols: EventColumns, i: number): TraceEvent | undefined => {
  const s = cols.side[i] as number;
  return s === NONE ? undefined : cols.sideEvents[s];
};

/** The cases of a select or select-block event. */
export const casesAt = (cols: EventColumns, i: number): readonly SelectCase[] | undefined => {
  const k = cols.from[i] as number;
  return k === NONE ? undefined : cols.caseLists[k];
};

/** The io a block event waits for, or undefined. */
export const blockIoAt = (cols: EventColumns, i: number): number | undefined =>
  ((cols.detail[i] as number) & BLOCK_IO) !== 0 ? (cols.obj[i] as number) : undefined;

/** The sync object a block event waits for, or undefined. */
export const blockObjAt = (cols: EventColumns, i: number): number | undefined => {
  if (((cols.detail[i] as number) & BLOCK_IO) !== 0) {
    const whole = sideEventAt(cols, i);
    return whole?.kind === "block" ? whole.obj : undefined;
  }
  const o = cols.obj[i] as number;
  return o === NONE ? undefined : o;
};

/** The wait reason code of a block or leak event (without the io flag). */
export const reasonCodeAt = (cols: { readonly detail: { readonly [i: number]: number } }, i: number): number =>
  (cols.detail[i] as number) & ~BLOCK_IO;

/** Event i as the object the runtime emitted (same fields; a fresh object unless kept whole). */
export function eventAt(cols: EventColumns, i: number): TraceEvent {
  if (i < 0 || i >= cols.length) throw new RangeError(`event index ${i} out of range [0, ${cols.length})`);
  const whole = sideEventAt(cols, i);
  if (whole !== undefined) return whole;
  const e: Record<string, unknown> = { seq: i, t: cols.t[i] as Nanos, g: cols.g[i] as number };
  const kind = kindOf(cols, i);
  e.kind = kind;
  const num = (name: string, column: ReadonlyInt32Array | ReadonlyInt16Array): void => {
    const v = column[i] as number;
    if (v !== NONE) e[name] = v;
  };
  const str = (name: string): void => {
    const v = valueAt(cols, i);
    if (v !== undefined) e[name] = v;
  };
  const time = (name: string): void => {
    const v = cols.until[i] as number;
    if (!Number.isNaN(v)) e[name] = v;
  };
  switch (kind) {
    case "run":
    case "yield":
    case "exit":
      break;
    case "send":
      e.ch = cols.ch[i];
      e.v = valueAt(cols, i) ?? "";
      e.len = cols.len[i];
      num("peer", cols.peer);
      num("sel", cols.sel);
      break;
    case "recv":
      e.ch = cols.ch[i];
      e.v = valueAt(cols, i) ?? "";
      e.ok = cols.detail[i] === 1;
      e.len = cols.len[i];
      num("peer", cols.peer);
      num("from", cols.from);
      num("sel", cols.sel);
      break;
    case "block": {
      e.reason = reasonName(reasonCodeAt(cols, i));
      num("ch", cols.ch);
      const io = blockIoAt(cols, i);
      if (io !== undefined) e.io = io;
      else num("obj", cols.obj);
      const cases = casesAt(cols, i);
      if (cases !== undefined) e.cases = cases;
      str("v");
      time("until");
      break;
    }
    case "unblock":
      e.by = cols.peer[i];
      break;
    case "select":
      e.cases = casesAt(cols, i) ?? [];
      e.ready = cols.readyLists[cols.peer[i] as number] ?? [];
      e.chosen = cols.sel[i];
      e.hasDefault = cols.detail[i] === 1;
      break;
    case "close":
      e.ch = cols.ch[i];
      e.len = cols.len[i];
      break;
    case "spawn":
      e.child = cols.peer[i];
      str("name");
      break;
    case "make":
      e.ch = cols.ch[i];
      e.cap = cols.len[i];
      str("name");
      break;
    case "timer": {
      const d = cols.detail[i] as number;
      e.timer = cols.obj[i];
      e.op = TIMER_OPS[d & 3];
      e.purpose = TIMER_PURPOSES[d >> 2];
      e.at = cols.until[i];
      num("ch", cols.ch);
      break;
    }
    case "sync.make":
      e.obj = cols.obj[i];
      e.type = SYNC_TYPES[cols.detail[i] as number];
      str("name");
      break;
    case "lock":
    case "unlock":
      e.obj = cols.obj[i];
      e.mode = cols.detail[i] === 1 ? "w" : "r";
      break;
    case "wg.add":
      e.obj = cols.obj[i];
      e.delta = cols.from[i];
      e.count = cols.len[i];
      break;
    case "wg.wait":
      e.obj = cols.obj[i];
      break;
    case "once":
      e.obj = cols.obj[i];
      e.op = cols.detail[i] === 1 ? "done" : "start";
      break;
    case "ctx.make":
      e.ctx = cols.obj[i];
      num("parent", cols.peer);
      e.type = CONTEXT_TYPES[cols.detail[i] as number];
      time("deadline");
      e.done = cols.ch[i];
      break;
    case "ctx.cancel":
      e.ctx = cols.obj[i];
      e.err = valueAt(cols, i) ?? "";
      e.source = cols.peer[i];
      break;
    case "leak":
      e.reason = reasonName(reasonCodeAt(cols, i));
      num("ch", cols.ch);
      num("obj", cols.obj);
      break;
    case "io":
    case "warn":
    case "panic":
    case "deadlock":
    case "end":
      throw new Error(`event ${i} (${kind}) should have been kept whole`);
    default:
      return assertNever(kind, "event kind");
  }
  const loc = locAt(cols, i);
  if (loc !== undefined) e.loc = loc;
  return e as unknown as TraceEvent;
}
