// The in-memory recorder: appends each event as a row (rowFormat.ts) to
// Int32Array chunks, and everything else to side tables; rowReader.ts reads
// them back. The append path is the tracing hot path: see HACKING.md, "What
// the recorder stores".

import { KIND_CODE, type ReasonCode } from "../traces/codes";
import type { TraceEvent } from "../traces/events";
import type { Nanos } from "../traces/units";
import { keepSpares, reclaimWhenCollected, takeChunk } from "./chunkPool";
import { Float64Pool, Int32Pool } from "./numberPools";
import { preview } from "./preview";
import { NO_VALUE, type CaseList, type MaybeValue, type Recorder } from "./recorder";
import * as format from "./rowFormat";
import type { Chunk } from "./rowFormat";
import { RowReader } from "./rowReader";

// The format's constants as this module's own (see rowFormat.ts).
const {
  CHUNK_WORDS,
  MAX_ROW,
  MARK_MASK,
  LOC_CHUNK,
  TAG_SHIFT,
  OK_BIT,
  F_LEN0,
  F_PREV,
  SEL_SHIFT,
  B_REASON_SHIFT,
  B_CH,
  B_OBJ,
  B_LIST,
  S_CHOSEN_SHIFT,
  S_DEFAULT,
  V_NONE,
  V_INT,
  V_F64,
  V_UNDEFINED,
  V_NULL,
  V_TRUE,
  V_FALSE,
  V_RAW,
  V_PREVIEW,
  V_TIME,
  HAS_PAYLOAD,
  MASK_CASES,
} = format;
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
const K_SYNC_OP = K["sync.op"];
const K_CTX_MAKE = K["ctx.make"];
const K_CTX_CANCEL = K["ctx.cancel"];
const K_IO = K.io;
const K_WARN = K.warn;
const K_OUTPUT = K.output;
const K_PANIC = K.panic;
const K_LEAK = K.leak;
const K_DEADLOCK = K.deadlock;
const K_END = K.end;

export interface MemoryRecorderOptions {
  /** Events beyond this many are dropped (except `end`); `onLimit` is called once when it is reached. */
  readonly maxEvents?: number;
  readonly onLimit?: () => void;
  /** Keep a source-location column (see Recorder.setLocation). */
  readonly locations?: boolean;
  /** Called as each row is begun (every row then takes the append path's slow branch). */
  readonly onAppend?: () => void;
}

export class MemoryRecorder implements Recorder {
  readonly enabled = true;
  count = 0;

  private limit: number;
  private readonly onLimit: (() => void) | undefined;
  private readonly onAppend: (() => void) | undefined;
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

  private readonly reader: RowReader;

  constructor(options: MemoryRecorderOptions = {}) {
    this.limit = options.maxEvents ?? Number.POSITIVE_INFINITY;
    this.onLimit = options.onLimit;
    this.onAppend = options.onAppend;
    this.locChunks = options.locations ? [] : undefined;
    reclaimWhenCollected(this, this.chunks);
    this.reader = new RowReader({
      chunks: this.chunks,
      marks: this.marks,
      timeSeq: this.timeSeq,
      timeVal: this.timeVal,
      nums: this.nums,
      refs: this.refs,
      strings: this.strings,
      lists: this.lists,
      locChunks: this.locChunks,
    });
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
    this.onAppend?.();
    // With locations or onAppend every row takes this path; otherwise the next checkpoint or the limit.
    this.slowAt =
      this.locChunks !== undefined || this.onAppend !== undefined ? this.count + 1 : Math.min(this.limit, (this.count | MARK_MASK) + 1);
    return o;
  }

  private grow(): number {
    this.chunks.push((this.rows = takeChunk()));
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
      const ref = this.reader.sentPreview(from);
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
  handoff(
    t: Nanos,
    sender: number,
    receiver: number,
    ch: number,
    v: MaybeValue,
    len: number,
    sendSel: number,
    recvSel: number,
    woken: number,
    by: number,
  ): void {
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
  syncOp(t: Nanos, g: number, obj: number, op: number, n: number, v: string | undefined, old: string | undefined, ok: number): void {
    const o = this.begin(K_SYNC_OP, t, g, -1);
    if (o < 0) return;
    const r = this.rows;
    r[o + 2] = obj;
    r[o + 3] = op | ((ok + 1) << 8);
    r[o + 4] = this.str(v);
    r[o + 5] = this.str(old);
    if (Number.isNaN(n)) {
      this.wpos = o + 6;
      return;
    }
    r[o + 6] = n;
    r[o] = r[o]! | (V_INT << TAG_SHIFT);
    this.wpos = o + 7;
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
  warn(t: Nanos, g: number, message: string, unawaited = false): void {
    this.fields4(K_WARN, t, g, 2, this.str(message), unawaited ? 1 : 0, 0, 0);
  }
  output(t: Nanos, g: number, stream: number, text: string, loc: string | undefined): void {
    if (this.locChunks === undefined) {
      this.fields4(K_OUTPUT, t, g, 2, stream, this.str(text), 0, 0);
      return;
    }
    // The print's own line for this row; g's next events keep the location of its last operation.
    const kept = this.gLoc[g];
    this.gLoc[g] = this.str(loc);
    this.fields4(K_OUTPUT, t, g, 2, stream, this.str(text), 0, 0);
    this.gLoc[g] = kept ?? -1;
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
  end(t: Nanos, status: number, message: string | undefined, limit: number, exitCode = 0): void {
    // The end event is the one row the event limit never drops.
    const saved = this.limit;
    this.limit = Number.POSITIVE_INFINITY;
    this.slowAt = this.count;
    this.fields4(K_END, t, 0, 4, status, this.str(message), limit, exitCode);
    this.limit = saved;
  }

  setLocation(g: number, loc: string | undefined): void {
    if (this.locChunks === undefined) return;
    // Compiled programs pass the same constant strings again and again: the last one's id is at hand.
    if (loc !== this.lastLoc || loc === undefined) {
      this.lastLoc = loc;
      this.lastLocId = this.str(loc);
    }
    this.gLoc[g] = this.lastLocId;
  }

  private lastLoc: string | undefined = undefined;
  private lastLocId = -1;

  // ---- size, release, reading (rowReader.ts) -------------------------------

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
    return this.reader.events(Math.max(0, from), Math.min(to, this.count));
  }

  /** Materializes event `seq` as the schema's object. */
  event(seq: number): TraceEvent {
    this.checkLive();
    return this.reader.event(seq);
  }
}
