// Reads a recorder's rows back (rowFormat.ts): decodes a row, finds event seq
// from the checkpoint before it, and materializes events as the schema's
// objects, previewing the values kept by reference.

import {
  CONTEXT_TYPES,
  EVENT_KINDS,
  KIND_CODE,
  LIMITS,
  LOCK_MODES,
  OUTPUT_STREAMS,
  RUN_STATUSES,
  SYNC_OPS,
  SYNC_TYPES,
  TIMER_OPS,
  TIMER_PURPOSES,
  WAIT_REASONS,
} from "../traces/codes";
import {
  type SelectCase,
  type BlockEvent,
  type ChannelId,
  type ContextMakeEvent,
  type EndEvent,
  type IoEvent,
  type LeakEvent,
  type PanicEvent,
  type RecvEvent,
  type SendEvent,
  type SyncOpEvent,
  type TraceEvent,
  type WarnEvent,
} from "../traces/events";
import { nanos, type Nanos } from "../traces/units";
import type { Float64Pool, Int32Pool } from "./numberPools";
import { preview } from "./preview";
import * as format from "./rowFormat";
import type { Chunk } from "./rowFormat";

// The format's constants as this module's own (see rowFormat.ts).
const {
  CHUNK_WORDS,
  MAX_ROW,
  MARK_BITS,
  MARK_MASK,
  LOC_BITS,
  LOC_CHUNK,
  KIND_MASK,
  TAG_SHIFT,
  TAG_MASK,
  OK_BIT,
  F_LEN0,
  F_PREV,
  SEL_SHIFT,
  B_REASON_SHIFT,
  B_REASON_MASK,
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
  FIELDS,
} = format;

/** A row word, assignable to any id type (the row format says which id a field holds). */
type RowWord = number & { readonly __brand: never };
const K_SEND = KIND_CODE.send;
const K_RECV = KIND_CODE.recv;
const K_BLOCK = KIND_CODE.block;
const K_SELECT = KIND_CODE.select;

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

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

/**
 * A recorder's storage as the reader sees it: the very objects the writer
 * appends to (pools grow in place; the chunk list is emptied in place on
 * release), so the reader always sees every row written so far.
 */
export interface RowTables {
  readonly chunks: readonly Chunk[];
  /** (chunk, offset) of every 64th event. */
  readonly marks: Int32Pool;
  /** Time change log: from event timeSeq[k] on, t is timeVal[k]. */
  readonly timeSeq: Int32Pool;
  readonly timeVal: Float64Pool;
  readonly nums: Float64Pool;
  readonly refs: readonly unknown[];
  readonly strings: readonly string[];
  /** Interned case lists ([n, codes…]) and long ready lists ([n, indices…]). */
  readonly lists: Int32Pool;
  /** Each event's source-location string id, in chunks of LOC_CHUNK; undefined without locations. */
  readonly locChunks: readonly Int32Array[] | undefined;
}

export class RowReader {
  private readonly chunks: readonly Chunk[];
  private readonly marks: Int32Pool;
  private readonly timeSeq: Int32Pool;
  private readonly timeVal: Float64Pool;
  private readonly nums: Float64Pool;
  private readonly refs: readonly unknown[];
  private readonly strings: readonly string[];
  private readonly lists: Int32Pool;
  private readonly locChunks: readonly Int32Array[] | undefined;

  constructor(t: RowTables) {
    this.chunks = t.chunks;
    this.marks = t.marks;
    this.timeSeq = t.timeSeq;
    this.timeVal = t.timeVal;
    this.nums = t.nums;
    this.refs = t.refs;
    this.strings = t.strings;
    this.lists = t.lists;
    this.locChunks = t.locChunks;
  }

  /**
   * Decodes the row at (chunk, off) into `row`, as a–d in the order the event
   * kinds' materializers expect (block: reason, ch, obj or io, case list;
   * select: chosen, hasDefault, case list, ready set).
   */
  private decode(row: Row, chunk: number, off: number): void {
    const r = this.chunks[chunk]!;
    const h = r[off]!;
    const kind = h & KIND_MASK;
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
      row.a = (h >> B_REASON_SHIFT) & B_REASON_MASK;
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
    const tag = (h >> TAG_SHIFT) & TAG_MASK;
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
  sentPreview(from: number): number {
    const row = this.seek(from);
    return ((row.h >> TAG_SHIFT) & TAG_MASK) === V_PREVIEW ? row.payload : -1;
  }

  /** Materializes events [from, end) (the caller keeps them within the count written). */
  events(from: number, end: number): TraceEvent[] {
    const out: TraceEvent[] = [];
    let i = from;
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
      cases.push({ ch: ch === 0 ? null : (ch as ChannelId), dir: (code & 1) === 1 ? "recv" : "send" });
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
      EVENT_KINDS[h & KIND_MASK]!,
      seq,
      nanos(tv),
      row.g as RowWord,
      row.a as RowWord,
      row.b as RowWord,
      row.c as RowWord,
      (row.d === -2 ? seq - 1 : row.d) as RowWord,
      (h & KIND_MASK) === K_SEND || (h & KIND_MASK) === K_RECV ? (h >>> SEL_SHIFT) - 1 : -1,
      (h >> TAG_SHIFT) & TAG_MASK,
      (h & OK_BIT) !== 0,
      row.payload,
    ) as { loc?: string };
    if (this.locChunks !== undefined) {
      const loc = this.s(this.locChunks[seq >>> LOC_BITS]![seq & (LOC_CHUNK - 1)]!);
      if (loc !== undefined) ev.loc = loc;
    }
    return ev as TraceEvent;
  }

  /** The row's words hold ids of the kinds its event has: ids are born here, typed by the field they go to. */
  private fields(
    kind: TraceEvent["kind"],
    seq: number,
    t: Nanos,
    g: RowWord,
    a: RowWord,
    b: RowWord,
    c: RowWord,
    d: RowWord,
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
        const ev = { seq, t, g, kind, ctx: a } as unknown as Mutable<ContextMakeEvent>;
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
      case "warn": {
        const ev: Mutable<WarnEvent> = { seq, t, g, kind, message: this.s(a) ?? "" };
        if (b === 1) ev.unawaited = true;
        return ev;
      }
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
      case "output":
        return { seq, t, g, kind, stream: OUTPUT_STREAMS[a]!, text: this.s(b) ?? "" };
      case "sync.op": {
        const ev: Mutable<SyncOpEvent> = { seq, t, g, kind, obj: a, op: SYNC_OPS[b & 0xff]! };
        if (tag === V_INT) ev.n = payload;
        const v = this.s(c);
        if (v !== undefined) ev.v = v;
        const old = this.s(d);
        if (old !== undefined) ev.old = old;
        const okCode = (b >> 8) - 1;
        if (okCode >= 0) ev.ok = okCode === 1;
        return ev;
      }
      case "end": {
        const ev: Mutable<EndEvent> = { seq, t, g, kind, status: RUN_STATUSES[a]! };
        const message = this.s(b);
        if (message !== undefined) ev.message = message;
        if (c >= 0) ev.limit = LIMITS[c]!;
        if (d !== 0) ev.exitCode = d;
        return ev;
      }
    }
  }
}
