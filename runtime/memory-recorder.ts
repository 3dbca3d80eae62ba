// The in-memory recorder: events as variable-length rows in Int32Array chunks,
// side tables for everything else.
//
// A row is a header word (kind, value tag, flags, select case index), the
// goroutine, the fields the event has, and a payload word when the value needs
// one. Fields that are usually absent or implied cost no word: a block stores
// only the channel, object or case list it has; a len of 0 is a flag; a recv
// that takes the value of the send just before it (every handoff) takes its
// `from` and `peer` from that row. So a `run` is 2 words, a handoff's `recv` 4,
// channel traffic about 3.4 words (14 bytes) an event. Fresh memory is what
// tracing costs most (every new page faults, and the words must be written), so
// bytes per event is the figure to keep small: see HACKING.md, "What the
// recorder stores". Rows are found by seq through a checkpoint every 64 events
// plus a short forward scan.
//
// Time is not in the row: the virtual clock changes rarely, so a change log
// (seq, t) holds it. Doubles (non-int32 numbers, times) go to a Float64 pool;
// strings (names, messages) to a deduplicated table; select case lists are
// interned (a loop's select records the same list again and again) and ready
// sets are bitmasks. Event objects and value previews are built only when
// events are materialized.
//
// Values: int32 numbers sit in the payload word; other numbers in the float
// pool; booleans, undefined and null in the tag; other primitives (strings,
// bigints, symbols) and functions are kept by reference and previewed lazily,
// since they cannot change. Objects are previewed when recorded: they can be
// mutated after the send, and a preview taken later would show a state the
// program never sent and would depend on when the host asked for events
// (streaming batches), breaking determinism.

import {
  EVENT_KINDS,
  KIND_CODE,
  WAIT_REASONS,
  type SelectCase,
  type BlockEvent,
  type ContextMakeEvent,
  type EndEvent,
  type IoEvent,
  type LeakEvent,
  type PanicEvent,
  type RecvEvent,
  type SendEvent,
  type TraceEvent,
} from "../traces/events";
import { nanos, type Nanos } from "../traces/units";
import {
  CONTEXT_TYPES,
  LIMITS,
  LOCK_MODES,
  RUN_STATUSES,
  SYNC_TYPES,
  TIMER_OPS,
  TIMER_PURPOSES,
  type ReasonCode,
} from "./codes";
import { preview } from "./preview";
import { NO_VALUE, type CaseList, type MaybeValue, type Recorder } from "./recorder";

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

/** Words per row chunk (256 KiB: zeroed and then filled while still in L2). A row never straddles two chunks. */
const CHUNK_WORDS = 1 << 16;
/** The longest row: header, g, 4 fields, payload. */
const MAX_ROW = 7;
/** A checkpoint (chunk, offset) every 64 events. */
const MARK_BITS = 6;
const MARK_MASK = (1 << MARK_BITS) - 1;
/** Source-location column chunks, indexed by seq. */
const LOC_BITS = 14;
const LOC_CHUNK = 1 << LOC_BITS;

// Header word: kind | tag << 5 | ok << 9 | flags (bits 10, 11) | (sel + 1) << 12.
const TAG_SHIFT = 5;
const OK_BIT = 1 << 9;
/** send/recv: len is 0 and has no word. */
const F_LEN0 = 1 << 10;
/** recv: its value came from the row just before (a handoff): from = seq - 1, peer = that row's g; no words. */
const F_PREV = 1 << 11;
const SEL_SHIFT = 12;
// A block row's header holds its reason and which optional fields follow (in this order).
const B_REASON_SHIFT = 10;
const B_CH = 1 << 14;
const B_OBJ = 1 << 15; // obj, or the io id for reason io
const B_LIST = 1 << 16;
// A select row's header holds chosen + 2 (chosen is -1 for default) and hasDefault (bit 9).
const S_CHOSEN_SHIFT = 10;
const S_DEFAULT = 1 << 9;

// Value tags; the starred ones have a payload word after the fields.
const V_NONE = 0;
const V_INT = 1; // * the number
const V_F64 = 2; // * index into nums
const V_UNDEFINED = 3;
const V_NULL = 4;
const V_TRUE = 5;
const V_FALSE = 6;
const V_RAW = 7; // * index into refs: the value itself, previewed on materialization
const V_PREVIEW = 8; // * index into refs: a preview string taken when recorded
const V_TIME = 9; // * index into nums: a time (block's until, timer's at, ctx's deadline)
const HAS_PAYLOAD = (1 << V_INT) | (1 << V_F64) | (1 << V_RAW) | (1 << V_PREVIEW) | (1 << V_TIME);

/** Ready sets of selects with at most this many cases are stored as a bitmask. */
const MASK_CASES = 30;

const K = KIND_CODE;
const K_SPAWN = K.spawn;
const K_RUN = K.run;
const K_YIELD = K.yield;
const K_EXIT = K.exit;
const K_MAKE = K.make;
const K_SEND = K.send;
const K_RECV = K.recv;
const K_CLOSE = K.close;
const K_BLOCK = K.block;
const K_UNBLOCK = K.unblock;
const K_SELECT = K.select;
const K_TIMER = K.timer;
const K_SYNC_MAKE = K["sync.make"];
const K_LOCK = K.lock;
const K_UNLOCK = K.unlock;
const K_WG_ADD = K["wg.add"];
const K_WG_WAIT = K["wg.wait"];
const K_ONCE = K.once;
const K_CTX_MAKE = K["ctx.make"];
const K_CTX_CANCEL = K["ctx.cancel"];
const K_IO = K.io;
const K_WARN = K.warn;
const K_PANIC = K.panic;
const K_LEAK = K.leak;
const K_DEADLOCK = K.deadlock;
const K_END = K.end;

/** Fixed fields after the header and g, per kind code. */
const FIELDS: Uint8Array = (() => {
  const n: Record<TraceEvent["kind"], number> = {
    spawn: 2, // child, name
    run: 0,
    yield: 0,
    exit: 0,
    make: 3, // ch, cap, name
    send: 0, // ch, [len], peer (+ value): decoded by its flags
    recv: 0, // ch, [len], [peer, from] (+ value): decoded by its flags
    close: 2, // ch, len
    block: 0, // header: reason and flags; then ch, obj or io, case list as flagged (+ value or until)
    unblock: 1, // by
    select: 2, // header: chosen and hasDefault; case list, ready set
    timer: 4, // timer, op, purpose, ch (+ at)
    "sync.make": 3, // obj, type, name
    lock: 2, // obj, mode
    unlock: 2,
    "wg.add": 3, // obj, delta, count
    "wg.wait": 1, // obj
    once: 2, // obj, op
    "ctx.make": 4, // ctx, parent, type, done (+ deadline)
    "ctx.cancel": 4, // ctx, source, err, cause
    io: 4, // io, op, label, ok
    warn: 1, // message
    panic: 3, // message, fatal, stack
    leak: 3, // reason, ch, obj
    deadlock: 1, // message
    end: 3, // status, message, limit
  };
  return Uint8Array.from(EVENT_KINDS.map((k) => n[k]));
})();

export interface MemoryRecorderOptions {
  /** Events beyond this many are dropped (except `end`); `onLimit` is called once when it is reached. */
  readonly maxEvents?: number;
  readonly onLimit?: () => void;
  /** Keep a source-location column (see Recorder.setLocation). */
  readonly locations?: boolean;
}

/** Growable Int32 / Float64 pools (doubling; only side data lives here). */
class Int32Pool {
  data = new Int32Array(64);
  length = 0;
  reserve(n: number): void {
    if (this.length + n <= this.data.length) return;
    const next = new Int32Array(Math.max(this.data.length * 2, this.length + n));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
  push(x: number): number {
    this.reserve(1);
    this.data[this.length] = x;
    return this.length++;
  }
}
class Float64Pool {
  data = new Float64Array(64);
  length = 0;
  push(x: number): number {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = x;
    return this.length++;
  }
}

/** A row chunk: always a plain (not shared) buffer of CHUNK_WORDS. */
type Chunk = Int32Array<ArrayBuffer>;

/**
 * Row chunks of recorders that were released or garbage collected, for the
 * next recorders to fill. A fresh chunk costs a page fault per 4 KiB page on first write
 * (1.5–4 µs each on this kind of VM, 5–15 ms for a 200k-operation run, more
 * than writing the rows), and a process that runs program after program (tests,
 * seed sweeps, the benchmark) would pay it on every run. Rows are read only up
 * to the count written, so a reused chunk needs no zeroing. Bounded, so a
 * burst of large traces is not kept alive once they are dropped.
 */
const spareChunks: Chunk[] = [];
const SPARE_CHUNKS_MAX = 128; // 32 MiB

function keepSpares(chunks: readonly Chunk[]): void {
  for (const c of chunks) {
    if (spareChunks.length >= SPARE_CHUNKS_MAX) return;
    spareChunks.push(c);
  }
}

const chunkReclaimer = typeof FinalizationRegistry === "function" ? new FinalizationRegistry<Chunk[]>(keepSpares) : undefined;

/** Row chunks waiting for reuse (for tests and diagnostics). */
export function spareRowChunks(): number {
  return spareChunks.length;
}

/** A decoded row: where it is and its words (fields beyond the kind's count are -1). */
interface Row {
  chunk: number;
  off: number;
  end: number;
  h: number;
  g: number;
  /** g of the row before (for a recv's F_PREV); -1 at a checkpoint. */
  prevG: number;
  a: number;
  b: number;
  c: number;
  d: number;
  payload: number;
}

export class MemoryRecorder implements Recorder {
  readonly enabled = true;
  count = 0;

  private limit: number;
  private readonly onLimit: (() => void) | undefined;
  private limitHit = false;
  private released = false;
  /** begin() takes its slow path when count reaches this (the next checkpoint, the limit). */
  private slowAt = 0;

  private readonly chunks: Chunk[] = [];
  /** The chunk being appended to, and the next free word in it (CHUNK_WORDS: none yet). */
  private rows = new Int32Array(0);
  private wpos = CHUNK_WORDS;
  /** (chunk, offset) of every 64th event. */
  private readonly marks = new Int32Pool();

  private readonly locChunks: Int32Array[] | undefined;
  /** String id of each goroutine's current location (index = goroutine id). */
  private readonly gLoc: number[] = [];

  // Time change log: from event timeSeq[k] on, t is timeVal[k].
  private readonly timeSeq = new Int32Pool();
  private readonly timeVal = new Float64Pool();
  private lastT = Number.NaN;

  private readonly nums = new Float64Pool();
  private readonly refs: unknown[] = [];
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  /** Interned case lists ([n, codes…]) and long ready lists ([n, indices…]). */
  private readonly lists = new Int32Pool();
  private readonly listIds = new Map<number, number>();
  private lastList = -1;

  constructor(options: MemoryRecorderOptions = {}) {
    this.limit = options.maxEvents ?? Number.POSITIVE_INFINITY;
    this.onLimit = options.onLimit;
    this.locChunks = options.locations ? [] : undefined;
    // The registry holds the chunk list (not the recorder): once the recorder is collected, its chunks go to the spares.
    chunkReclaimer?.register(this, this.chunks);
  }

  // ---- append path -------------------------------------------------------

  /** Starts a row (header and g written) and returns its offset in `rows`, or -1 when the event limit drops it. */
  private begin(kind: number, t: number, g: number, sel: number): number {
    let o = this.wpos;
    // One branch for everything rare: a full chunk, a checkpoint, the limit, a new time, locations.
    if (o > CHUNK_WORDS - MAX_ROW || this.count >= this.slowAt || t !== this.lastT) {
      o = this.beginSlow(t, g);
      if (o < 0) return -1;
    }
    this.count++;
    const r = this.rows;
    r[o] = kind | ((sel + 1) << SEL_SHIFT);
    r[o + 1] = g;
    return o;
  }

  private beginSlow(t: number, g: number): number {
    if (this.count >= this.limit) return this.overLimit();
    let o = this.wpos;
    if (o > CHUNK_WORDS - MAX_ROW) o = this.grow();
    if (t !== this.lastT) this.timeChange(t);
    if ((this.count & MARK_MASK) === 0) this.mark(o);
    if (this.locChunks !== undefined) this.putLoc(g);
    // With locations every row takes this path; otherwise the next checkpoint or the limit.
    this.slowAt = this.locChunks !== undefined ? this.count + 1 : Math.min(this.limit, (this.count | MARK_MASK) + 1);
    return o;
  }

  private grow(): number {
    this.chunks.push((this.rows = spareChunks.pop() ?? new Int32Array(CHUNK_WORDS)));
    this.wpos = 0;
    return 0;
  }

  private mark(o: number): void {
    this.marks.reserve(2);
    this.marks.data[this.marks.length++] = this.chunks.length - 1;
    this.marks.data[this.marks.length++] = o;
  }

  private putLoc(g: number): void {
    const chunks = this.locChunks!;
    const i = this.count & (LOC_CHUNK - 1);
    if (i === 0) chunks.push(new Int32Array(LOC_CHUNK));
    chunks[chunks.length - 1]![i] = g < this.gLoc.length ? (this.gLoc[g] ?? -1) : -1;
  }

  private timeChange(t: number): void {
    this.lastT = t;
    this.timeVal.push(t);
    this.timeSeq.push(this.count);
  }

  private overLimit(): number {
    if (!this.limitHit) {
      this.limitHit = true;
      this.onLimit?.();
    }
    return -1;
  }

  /** A row without a value: ends after its fields. */
  private plain(o: number, fields: number): void {
    this.wpos = o + 2 + fields;
  }

  /** Stores value v of the row at o whose fields end at `at`: tag (and ok) into the header, payload at `at`; ends the row. */
  private value(o: number, at: number, v: MaybeValue, ok: number): void {
    const r = this.rows;
    let tag: number;
    switch (typeof v) {
      case "number":
        if ((v | 0) === v && (v !== 0 || 1 / v > 0)) {
          r[at] = v;
          tag = V_INT;
        } else {
          r[at] = this.nums.push(v);
          tag = V_F64;
        }
        break;
      case "undefined":
        tag = V_UNDEFINED;
        break;
      case "boolean":
        tag = v ? V_TRUE : V_FALSE;
        break;
      case "object":
        if (v === null) {
          tag = V_NULL;
        } else {
          r[at] = this.refs.push(preview(v)) - 1;
          tag = V_PREVIEW;
        }
        break;
      case "symbol":
        if (v === NO_VALUE) {
          tag = V_NONE;
        } else {
          r[at] = this.refs.push(v) - 1;
          tag = V_RAW;
        }
        break;
      case "string":
      case "bigint":
      case "function":
        r[at] = this.refs.push(v) - 1;
        tag = V_RAW;
        break;
    }
    r[o] = r[o]! | (tag << TAG_SHIFT) | ok;
    this.wpos = (HAS_PAYLOAD & (1 << tag)) !== 0 ? at + 1 : at;
  }

  /** Ends the row at o with a time payload (or none for NaN). */
  private time(o: number, at: number, ns: number): void {
    if (Number.isNaN(ns)) {
      this.wpos = at;
      return;
    }
    this.rows[at] = this.nums.push(ns);
    this.rows[o] = this.rows[o]! | (V_TIME << TAG_SHIFT);
    this.wpos = at + 1;
  }

  private str(s: string | undefined): number {
    if (s === undefined) return -1;
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.push(s) - 1;
      this.stringIds.set(s, id);
    }
    return id;
  }

  /** The id (pool offset) of a case list, recording it the first time it is seen. */
  private internCases(cases: CaseList): number {
    const n = cases.n;
    const codes = cases.codes;
    // A select in a loop records the same list again: check the last one before hashing.
    const last = this.lastList;
    const pool = this.lists;
    if (last >= 0 && pool.data[last] === n) {
      let k = 0;
      while (k < n && pool.data[last + 1 + k] === codes[k]) k++;
      if (k === n) return last;
    }
    const id = this.internHashed(cases);
    this.lastList = id;
    return id;
  }

  private internHashed(cases: CaseList): number {
    const n = cases.n;
    const codes = cases.codes;
    let h = 0x811c9dc5 ^ n;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ codes[k]!, 0x01000193);
    const known = this.listIds.get(h);
    const pool = this.lists;
    if (known !== undefined && pool.data[known] === n) {
      let same = true;
      for (let k = 0; k < n; k++) {
        if (pool.data[known + 1 + k] !== codes[k]) {
          same = false;
          break;
        }
      }
      if (same) return known;
    }
    pool.reserve(n + 1);
    const at = pool.length;
    pool.data[at] = n;
    for (let k = 0; k < n; k++) pool.data[at + 1 + k] = codes[k]!;
    pool.length = at + 1 + n;
    // On a hash collision the newer list takes the slot; the older keeps its id.
    this.listIds.set(h, at);
    return at;
  }

  /** A ready set: a bitmask for small selects, else -2 - (pool offset of [n, indices…]). */
  private readySet(n: number, ready: Int32Array, nReady: number): number {
    if (n <= MASK_CASES) {
      let m = 0;
      for (let k = 0; k < nReady; k++) m |= 1 << ready[k]!;
      return m;
    }
    const pool = this.lists;
    pool.reserve(nReady + 1);
    const at = pool.length;
    pool.data[at] = nReady;
    for (let k = 0; k < nReady; k++) pool.data[at + 1 + k] = ready[k]!;
    pool.length = at + 1 + nReady;
    return -2 - at;
  }

  /** A row of 0–4 plain fields. */
  private fields4(kind: number, t: number, g: number, n: number, a: number, b: number, c: number, d: number): void {
    const o = this.begin(kind, t, g, -1);
    if (o < 0) return;
    const r = this.rows;
    r[o + 2] = a;
    r[o + 3] = b;
    r[o + 4] = c;
    r[o + 5] = d;
    this.wpos = o + 2 + n;
  }

  spawn(t: Nanos, g: number, child: number, name: string | undefined): void {
    this.fields4(K_SPAWN, t, g, 2, child, this.str(name), 0, 0);
  }
  run(t: Nanos, g: number): void {
    // The hottest rows spell begin()'s fast path out: V8 did not inline it everywhere.
    let o = this.wpos;
    if (o > CHUNK_WORDS - MAX_ROW || this.count >= this.slowAt || t !== this.lastT) {
      o = this.beginSlow(t, g);
      if (o < 0) return;
    }
    this.count++;
    const r = this.rows;
    r[o] = K_RUN;
    r[o + 1] = g;
    this.wpos = o + 2;
  }
  yield(t: Nanos, g: number): void {
    const o = this.begin(K_YIELD, t, g, -1);
    if (o >= 0) this.plain(o, 0);
  }
  exit(t: Nanos, g: number): void {
    const o = this.begin(K_EXIT, t, g, -1);
    if (o >= 0) this.plain(o, 0);
  }
  make(t: Nanos, g: number, ch: number, cap: number, name: string | undefined): void {
    this.fields4(K_MAKE, t, g, 3, ch, cap, this.str(name), 0);
  }
  send(t: Nanos, g: number, ch: number, v: MaybeValue, len: number, peer: number, sel: number): number {
    // The hottest rows spell begin()'s fast path out: V8 did not inline it everywhere.
    let o = this.wpos;
    if (o > CHUNK_WORDS - MAX_ROW || this.count >= this.slowAt || t !== this.lastT) {
      o = this.beginSlow(t, g);
      if (o < 0) return -1;
    }
    const seq = this.count++;
    const r = this.rows;
    let h = K_SEND | ((sel + 1) << SEL_SHIFT);
    r[o + 1] = g;
    r[o + 2] = ch;
    let at = o + 3;
    if (len === 0) h |= F_LEN0;
    else r[at++] = len;
    r[at++] = peer;
    if (typeof v === "number" && (v | 0) === v && (v !== 0 || 1 / v > 0)) {
      // An int32 value, the common case, without the general value() switch.
      r[o] = h | (V_INT << TAG_SHIFT);
      r[at] = v;
      this.wpos = at + 1;
    } else {
      r[o] = h;
      this.value(o, at, v, 0);
    }
    return seq;
  }
  recv(t: Nanos, g: number, ch: number, v: MaybeValue, ok: boolean, len: number, peer: number, from: number, sel: number): void {
    let o = this.wpos;
    if (o > CHUNK_WORDS - MAX_ROW || this.count >= this.slowAt || t !== this.lastT) {
      o = this.beginSlow(t, g);
      if (o < 0) return;
    }
    const seq = this.count++;
    const r = this.rows;
    let h = K_RECV | (ok ? OK_BIT : 0) | ((sel + 1) << SEL_SHIFT);
    r[o + 1] = g;
    r[o + 2] = ch;
    let at = o + 3;
    if (len === 0) h |= F_LEN0;
    else r[at++] = len;
    // A handoff's recv follows its send; a checkpoint row never leans on the row before it.
    if (from === seq - 1 && from >= 0 && (seq & MARK_MASK) !== 0) h |= F_PREV;
    else {
      r[at++] = peer;
      r[at++] = from;
    }
    if (typeof v === "object" && v !== null && from >= 0) {
      // A received object shows the preview taken when it was sent (it may have been mutated since).
      const ref = this.sentPreview(from);
      if (ref >= 0) {
        r[o] = h | (V_PREVIEW << TAG_SHIFT) | OK_BIT;
        r[at] = ref;
        this.wpos = at + 1;
        return;
      }
    }
    if (typeof v === "number" && (v | 0) === v && (v !== 0 || 1 / v > 0)) {
      r[o] = h | (V_INT << TAG_SHIFT);
      r[at] = v;
      this.wpos = at + 1;
      return;
    }
    r[o] = h;
    this.value(o, at, v, 0);
  }
  handoff(t: Nanos, sender: number, receiver: number, ch: number, v: MaybeValue, len: number, sendSel: number, recvSel: number, woken: number, by: number): void {
    const o = this.wpos;
    // The fast path writes the three rows at once: room for all three in the chunk, no checkpoint or
    // limit among them (so the recv may lean on the send row), the same time, an int32 value.
    // Anything else records them one by one, which writes the same words.
    if (
      o > CHUNK_WORDS - 3 * MAX_ROW ||
      this.count + 3 > this.slowAt ||
      t !== this.lastT ||
      typeof v !== "number" ||
      (v | 0) !== v ||
      (v === 0 && 1 / v < 0)
    ) {
      const seq = this.send(t, sender, ch, v, len, receiver, sendSel);
      this.recv(t, receiver, ch, v, true, len, sender, seq, recvSel);
      this.unblock(t, woken, by);
      return;
    }
    this.count += 3;
    const r = this.rows;
    const lenFlag = len === 0 ? F_LEN0 : 0;
    // send: header, g, ch, [len], peer, value.
    r[o] = K_SEND | lenFlag | (V_INT << TAG_SHIFT) | ((sendSel + 1) << SEL_SHIFT);
    r[o + 1] = sender;
    r[o + 2] = ch;
    let at = o + 3;
    if (len !== 0) r[at++] = len;
    r[at++] = receiver;
    r[at++] = v;
    // recv: header, g, ch, [len], value (from and peer are the send row's: F_PREV).
    const q = at;
    r[q] = K_RECV | OK_BIT | lenFlag | F_PREV | (V_INT << TAG_SHIFT) | ((recvSel + 1) << SEL_SHIFT);
    r[q + 1] = receiver;
    r[q + 2] = ch;
    at = q + 3;
    if (len !== 0) r[at++] = len;
    r[at++] = v;
    // unblock: header, g, by.
    r[at] = K_UNBLOCK;
    r[at + 1] = woken;
    r[at + 2] = by;
    this.wpos = at + 3;
  }
  close(t: Nanos, g: number, ch: number, len: number): void {
    this.fields4(K_CLOSE, t, g, 2, ch, len, 0, 0);
  }
  block(
    t: Nanos,
    g: number,
    reason: ReasonCode,
    ch: number,
    obj: number,
    v: MaybeValue,
    until: number,
    io: number,
    cases: CaseList | undefined,
  ): void {
    const list = cases === undefined ? -1 : this.internCases(cases);
    let o = this.wpos;
    if (o > CHUNK_WORDS - MAX_ROW || this.count >= this.slowAt || t !== this.lastT) {
      o = this.beginSlow(t, g);
      if (o < 0) return;
    }
    this.count++;
    const r = this.rows;
    r[o + 1] = g;
    // Only the fields this block has: a channel receive is 3 words.
    const objOrIo = io >= 0 ? io : obj;
    let h = K_BLOCK | (reason << B_REASON_SHIFT);
    let at = o + 2;
    if (ch >= 0) {
      h |= B_CH;
      r[at++] = ch;
    }
    if (objOrIo >= 0) {
      h |= B_OBJ;
      r[at++] = objOrIo;
    }
    if (list >= 0) {
      h |= B_LIST;
      r[at++] = list;
    }
    if (typeof v === "number" && (v | 0) === v && (v !== 0 || 1 / v > 0)) {
      // A sender blocking with an int32 value (fan-in's every block), without the general value() switch.
      r[o] = h | (V_INT << TAG_SHIFT);
      r[at] = v;
      this.wpos = at + 1;
      return;
    }
    r[o] = h;
    if (v !== NO_VALUE) this.value(o, at, v, 0);
    else this.time(o, at, until);
  }
  unblock(t: Nanos, g: number, by: number): void {
    let o = this.wpos;
    if (o > CHUNK_WORDS - MAX_ROW || this.count >= this.slowAt || t !== this.lastT) {
      o = this.beginSlow(t, g);
      if (o < 0) return;
    }
    this.count++;
    const r = this.rows;
    r[o] = K_UNBLOCK;
    r[o + 1] = g;
    r[o + 2] = by;
    this.wpos = o + 3;
  }
  select(t: Nanos, g: number, cases: CaseList, ready: Int32Array, nReady: number, chosen: number, hasDefault: boolean): void {
    // The common case spelled out (a loop's select: the list recorded last, a bitmask ready set);
    // internCases and readySet as calls cost more than the rest of the row.
    const n = cases.n;
    const codes = cases.codes;
    let list = this.lastList;
    const data = this.lists.data;
    if (list >= 0 && data[list] === n) {
      for (let k = 0; k < n; k++) {
        if (data[list + 1 + k] !== codes[k]) {
          list = -1;
          break;
        }
      }
    } else list = -1;
    if (list < 0) list = this.internCases(cases);
    let set = 0;
    if (n <= MASK_CASES) for (let k = 0; k < nReady; k++) set |= 1 << ready[k]!;
    else set = this.readySet(n, ready, nReady);
    let o = this.wpos;
    if (o > CHUNK_WORDS - MAX_ROW || this.count >= this.slowAt || t !== this.lastT) {
      o = this.beginSlow(t, g);
      if (o < 0) return;
    }
    this.count++;
    const r = this.rows;
    r[o] = K_SELECT | ((chosen + 2) << S_CHOSEN_SHIFT) | (hasDefault ? S_DEFAULT : 0);
    r[o + 1] = g;
    r[o + 2] = list;
    r[o + 3] = set;
    this.wpos = o + 4;
  }
  timer(t: Nanos, g: number, timer: number, op: number, purpose: number, at: number, ch: number): void {
    const o = this.begin(K_TIMER, t, g, -1);
    if (o < 0) return;
    const r = this.rows;
    r[o + 2] = timer;
    r[o + 3] = op;
    r[o + 4] = purpose;
    r[o + 5] = ch;
    this.time(o, o + 6, at);
  }
  syncMake(t: Nanos, g: number, obj: number, type: number, name: string | undefined): void {
    this.fields4(K_SYNC_MAKE, t, g, 3, obj, type, this.str(name), 0);
  }
  lock(t: Nanos, g: number, obj: number, mode: number): void {
    this.fields4(K_LOCK, t, g, 2, obj, mode, 0, 0);
  }
  unlock(t: Nanos, g: number, obj: number, mode: number): void {
    this.fields4(K_UNLOCK, t, g, 2, obj, mode, 0, 0);
  }
  wgAdd(t: Nanos, g: number, obj: number, delta: number, count: number): void {
    this.fields4(K_WG_ADD, t, g, 3, obj, delta, count, 0);
  }
  wgWait(t: Nanos, g: number, obj: number): void {
    this.fields4(K_WG_WAIT, t, g, 1, obj, 0, 0, 0);
  }
  once(t: Nanos, g: number, obj: number, done: boolean): void {
    this.fields4(K_ONCE, t, g, 2, obj, done ? 1 : 0, 0, 0);
  }
  ctxMake(t: Nanos, g: number, ctx: number, parent: number, type: number, deadline: number, done: number): void {
    const o = this.begin(K_CTX_MAKE, t, g, -1);
    if (o < 0) return;
    const r = this.rows;
    r[o + 2] = ctx;
    r[o + 3] = parent;
    r[o + 4] = type;
    r[o + 5] = done;
    this.time(o, o + 6, deadline);
  }
  ctxCancel(t: Nanos, g: number, ctx: number, err: string, cause: string | undefined, source: number): void {
    this.fields4(K_CTX_CANCEL, t, g, 4, ctx, source, this.str(err), this.str(cause));
  }
  io(t: Nanos, g: number, io: number, end: boolean, label: string | undefined, ok: number): void {
    this.fields4(K_IO, t, g, 4, io, end ? 1 : 0, this.str(label), ok);
  }
  warn(t: Nanos, g: number, message: string): void {
    this.fields4(K_WARN, t, g, 1, this.str(message), 0, 0, 0);
  }
  panic(t: Nanos, g: number, message: string, fatal: boolean, stack: string | undefined): void {
    this.fields4(K_PANIC, t, g, 3, this.str(message), fatal ? 1 : 0, this.str(stack), 0);
  }
  leak(t: Nanos, g: number, reason: ReasonCode, ch: number, obj: number): void {
    this.fields4(K_LEAK, t, g, 3, reason, ch, obj, 0);
  }
  deadlock(t: Nanos, g: number, message: string): void {
    this.fields4(K_DEADLOCK, t, g, 1, this.str(message), 0, 0, 0);
  }
  end(t: Nanos, status: number, message: string | undefined, limit: number): void {
    // The end event is the one row the event limit never drops.
    const saved = this.limit;
    this.limit = Number.POSITIVE_INFINITY;
    this.slowAt = this.count;
    this.fields4(K_END, t, 0, 3, status, this.str(message), limit, 0);
    this.limit = saved;
  }

  setLocation(g: number, loc: string | undefined): void {
    if (this.locChunks === undefined) return;
    this.gLoc[g] = this.str(loc);
  }

  // ---- reading -----------------------------------------------------------

  /** Approximate bytes held: row chunks (the used part), side pools and tables (strings at 2 bytes a char). */
  byteSize(): number {
    let bytes =
      (this.chunks.length === 0 ? 0 : ((this.chunks.length - 1) * CHUNK_WORDS + this.wpos) * 4) +
      this.marks.data.byteLength +
      this.timeSeq.data.byteLength +
      this.timeVal.data.byteLength +
      this.nums.data.byteLength +
      this.lists.data.byteLength +
      this.refs.length * 8 +
      (this.locChunks?.length ?? 0) * LOC_CHUNK * 4;
    for (const s of this.strings) bytes += 16 + s.length * 2;
    for (const r of this.refs) if (typeof r === "string") bytes += 16 + r.length * 2;
    return bytes;
  }

  /**
   * Decodes the row at (chunk, off) into `row`, as a–d in the order the event
   * kinds' materializers expect (block: reason, ch, obj or io, case list;
   * select: chosen, hasDefault, case list, ready set).
   */
  private decode(row: Row, chunk: number, off: number): void {
    const r = this.chunks[chunk]!;
    const h = r[off]!;
    const kind = h & 0x1f;
    row.chunk = chunk;
    row.off = off;
    row.h = h;
    row.g = r[off + 1]!;
    let at = off + 2;
    if (kind === K_SEND || kind === K_RECV) {
      // a ch, b len, c peer, d from (recv) — what the flags left out is implied.
      row.a = r[at++]!;
      row.b = (h & F_LEN0) !== 0 ? 0 : r[at++]!;
      if (kind === K_SEND) {
        row.c = r[at++]!;
        row.d = -1;
      } else if ((h & F_PREV) !== 0) {
        row.c = row.prevG;
        row.d = -2; // from = seq - 1, filled in by build()
      } else {
        row.c = r[at++]!;
        row.d = r[at++]!;
      }
    } else if (kind === K_BLOCK) {
      row.a = (h >> B_REASON_SHIFT) & 0xf;
      row.b = (h & B_CH) !== 0 ? r[at++]! : -1;
      row.c = (h & B_OBJ) !== 0 ? r[at++]! : -1;
      row.d = (h & B_LIST) !== 0 ? r[at++]! : -1;
    } else if (kind === K_SELECT) {
      row.a = (h >>> S_CHOSEN_SHIFT) - 2;
      row.b = (h & S_DEFAULT) !== 0 ? 1 : 0;
      row.c = r[at]!;
      row.d = r[at + 1]!;
      at += 2;
    } else {
      const n = FIELDS[kind]!;
      row.a = n > 0 ? r[at]! : -1;
      row.b = n > 1 ? r[at + 1]! : -1;
      row.c = n > 2 ? r[at + 2]! : -1;
      row.d = n > 3 ? r[at + 3]! : -1;
      at += n;
    }
    const tag = (h >> TAG_SHIFT) & 0xf;
    const has = (HAS_PAYLOAD & (1 << tag)) !== 0;
    row.payload = has ? r[at]! : -1;
    row.end = at + (has ? 1 : 0);
  }

  /** Moves `row` to the next event's row. */
  private advance(row: Row): void {
    row.prevG = row.g;
    if (row.end > CHUNK_WORDS - MAX_ROW) this.decode(row, row.chunk + 1, 0);
    else this.decode(row, row.chunk, row.end);
  }

  /** The decoded row of event seq (from the checkpoint before it, scanning forward). */
  private seek(seq: number): Row {
    const m = (seq >> MARK_BITS) * 2;
    const row: Row = { chunk: 0, off: 0, end: 0, h: 0, g: 0, prevG: -1, a: -1, b: -1, c: -1, d: -1, payload: -1 };
    this.decode(row, this.marks.data[m]!, this.marks.data[m + 1]!);
    for (let k = seq & ~MARK_MASK; k < seq; k++) this.advance(row);
    return row;
  }

  /** The refs index of the preview recorded for the object sent by event `from`, or -1. */
  private sentPreview(from: number): number {
    const row = this.seek(from);
    return ((row.h >> TAG_SHIFT) & 0xf) === V_PREVIEW ? row.payload : -1;
  }

  /**
   * Hands the row chunks to the next recorders in this realm (up to the spare
   * pool's bound) and forgets the events: for a process that runs program after
   * program and is done with this trace. Reading events afterwards throws.
   */
  release(): void {
    if (this.released) return;
    this.released = true;
    keepSpares(this.chunks);
    // Emptied in place: the finalization registry holds this same list.
    this.chunks.length = 0;
    this.rows = new Int32Array(0);
    this.wpos = CHUNK_WORDS;
  }

  private checkLive(): void {
    if (this.released) {
      throw new Error("chanscope: this trace was released (RunResult.release()); read its events before releasing it.");
    }
  }

  events(from: number, to: number): TraceEvent[] {
    this.checkLive();
    const end = Math.min(to, this.count);
    const out: TraceEvent[] = [];
    let i = Math.max(0, from);
    if (i >= end) return out;
    let k = this.timeIndex(i);
    const row = this.seek(i);
    for (;;) {
      while (k + 1 < this.timeSeq.length && this.timeSeq.data[k + 1]! <= i) k++;
      out.push(this.build(i, this.timeVal.data[k]!, row));
      if (++i >= end) return out;
      this.advance(row);
    }
  }

  /** Materializes event `seq` as the schema's object. */
  event(seq: number): TraceEvent {
    this.checkLive();
    return this.build(seq, this.timeVal.data[this.timeIndex(seq)]!, this.seek(seq));
  }

  /** Index in the time log of the entry in force at seq (binary search). */
  private timeIndex(seq: number): number {
    let lo = 0;
    let hi = this.timeSeq.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.timeSeq.data[mid]! <= seq) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private s(id: number): string | undefined {
    return id < 0 ? undefined : this.strings[id];
  }

  private valueText(tag: number, payload: number): string {
    switch (tag) {
      case V_INT:
        return String(payload);
      case V_F64:
        return preview(this.nums.data[payload]!);
      case V_UNDEFINED:
        return "undefined";
      case V_NULL:
        return "null";
      case V_TRUE:
        return "true";
      case V_FALSE:
        return "false";
      case V_RAW:
        return preview(this.refs[payload]);
      case V_PREVIEW:
        return this.refs[payload] as string;
      default:
        return "";
    }
  }

  private caseList(id: number): SelectCase[] {
    const p = this.lists.data;
    const n = p[id]!;
    const cases: SelectCase[] = [];
    for (let k = 0; k < n; k++) {
      const code = p[id + 1 + k]!;
      const ch = code >> 1;
      cases.push({ ch: ch === 0 ? null : ch, dir: (code & 1) === 1 ? "recv" : "send" });
    }
    return cases;
  }

  private readyList(set: number, n: number): number[] {
    const ready: number[] = [];
    if (set >= 0) {
      for (let k = 0; k < n && k <= MASK_CASES; k++) if ((set & (1 << k)) !== 0) ready.push(k);
      return ready;
    }
    const at = -2 - set;
    const p = this.lists.data;
    for (let k = 0; k < p[at]!; k++) ready.push(p[at + 1 + k]!);
    return ready;
  }

  /** One event as the schema's object, fields in a fixed order so JSON is byte-stable. */
  private build(seq: number, tv: number, row: Row): TraceEvent {
    const h = row.h;
    const ev = this.fields(
      EVENT_KINDS[h & 0x1f]!,
      seq,
      nanos(tv),
      row.g,
      row.a,
      row.b,
      row.c,
      row.d === -2 ? seq - 1 : row.d,
      (h & 0x1f) === K_SEND || (h & 0x1f) === K_RECV ? (h >>> SEL_SHIFT) - 1 : -1,
      (h >> TAG_SHIFT) & 0xf,
      (h & OK_BIT) !== 0,
      row.payload,
    ) as { loc?: string };
    if (this.locChunks !== undefined) {
      const loc = this.s(this.locChunks[seq >>> LOC_BITS]![seq & (LOC_CHUNK - 1)]!);
      if (loc !== undefined) ev.loc = loc;
    }
    return ev as TraceEvent;
  }

  private fields(
    kind: TraceEvent["kind"],
    seq: number,
    t: Nanos,
    g: number,
    a: number,
    b: number,
    c: number,
    d: number,
    sel: number,
    tag: number,
    ok: boolean,
    payload: number,
  ): TraceEvent {
    switch (kind) {
      case "spawn": {
        const name = this.s(b);
        return name === undefined ? { seq, t, g, kind, child: a } : { seq, t, g, kind, child: a, name };
      }
      case "run":
      case "yield":
      case "exit":
        return { seq, t, g, kind };
      case "make": {
        const name = this.s(c);
        return name === undefined ? { seq, t, g, kind, ch: a, cap: b } : { seq, t, g, kind, ch: a, cap: b, name };
      }
      case "send": {
        const ev: Mutable<SendEvent> = { seq, t, g, kind, ch: a, v: this.valueText(tag, payload), len: b };
        if (c >= 0) ev.peer = c;
        if (sel >= 0) ev.sel = sel;
        return ev;
      }
      case "recv": {
        const ev: Mutable<RecvEvent> = { seq, t, g, kind, ch: a, v: this.valueText(tag, payload), ok, len: b };
        if (c >= 0) ev.peer = c;
        if (d >= 0) ev.from = d;
        if (sel >= 0) ev.sel = sel;
        return ev;
      }
      case "close":
        return { seq, t, g, kind, ch: a, len: b };
      case "block": {
        const reason = WAIT_REASONS[a]!;
        const ev: Mutable<BlockEvent> = { seq, t, g, kind, reason };
        if (b >= 0) ev.ch = b;
        if (c >= 0 && reason !== "io") ev.obj = c;
        if (d >= 0) ev.cases = this.caseList(d);
        if (tag === V_TIME) ev.until = nanos(this.nums.data[payload]!);
        else if (tag !== V_NONE) ev.v = this.valueText(tag, payload);
        if (c >= 0 && reason === "io") ev.io = c;
        return ev;
      }
      case "unblock":
        return { seq, t, g, kind, by: a };
      case "select": {
        const cases = this.caseList(c);
        return { seq, t, g, kind, cases, ready: this.readyList(d, cases.length), chosen: a, hasDefault: b === 1 };
      }
      case "timer": {
        const base = { seq, t, g, kind, timer: a, op: TIMER_OPS[b]!, purpose: TIMER_PURPOSES[c]!, at: nanos(this.nums.data[payload]!) };
        return d >= 0 ? { ...base, ch: d } : base;
      }
      case "sync.make": {
        const name = this.s(c);
        const base = { seq, t, g, kind, obj: a, type: SYNC_TYPES[b]! };
        return name === undefined ? base : { ...base, name };
      }
      case "lock":
      case "unlock":
        return { seq, t, g, kind, obj: a, mode: LOCK_MODES[b]! };
      case "wg.add":
        return { seq, t, g, kind, obj: a, delta: b, count: c };
      case "wg.wait":
        return { seq, t, g, kind, obj: a };
      case "once":
        return { seq, t, g, kind, obj: a, op: b === 1 ? "done" : "start" };
      case "ctx.make": {
        const ev = { seq, t, g, kind, ctx: a } as Mutable<ContextMakeEvent>;
        if (b >= 0) ev.parent = b;
        ev.type = CONTEXT_TYPES[c]!;
        if (tag === V_TIME) ev.deadline = nanos(this.nums.data[payload]!);
        ev.done = d;
        return ev;
      }
      case "ctx.cancel": {
        const cause = this.s(d);
        const base = { seq, t, g, kind, ctx: a, err: this.s(c) ?? "" };
        return cause === undefined ? { ...base, source: b } : { ...base, cause, source: b };
      }
      case "io": {
        const ev: Mutable<IoEvent> = { seq, t, g, kind, io: a, op: b === 1 ? "end" : "start" };
        const label = this.s(c);
        if (label !== undefined) ev.label = label;
        if (d >= 0) ev.ok = d === 1;
        return ev;
      }
      case "warn":
        return { seq, t, g, kind, message: this.s(a) ?? "" };
      case "panic": {
        const ev: Mutable<PanicEvent> = { seq, t, g, kind, message: this.s(a) ?? "" };
        if (b === 1) ev.fatal = true;
        const stack = this.s(c);
        if (stack !== undefined) ev.stack = stack;
        return ev;
      }
      case "leak": {
        const ev: Mutable<LeakEvent> = { seq, t, g, kind, reason: WAIT_REASONS[a]! };
        if (b >= 0) ev.ch = b;
        if (c >= 0) ev.obj = c;
        return ev;
      }
      case "deadlock":
        return { seq, t, g, kind, message: this.s(a) ?? "" };
      case "end": {
        const ev: Mutable<EndEvent> = { seq, t, g, kind, status: RUN_STATUSES[a]! };
        const message = this.s(b);
        if (message !== undefined) ev.message = message;
        if (c >= 0) ev.limit = LIMITS[c]!;
        return ev;
      }
    }
  }
}
