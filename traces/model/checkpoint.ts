// Checkpoints: compact copies of a RunState, typed arrays only, cheap to keep
// hundreds of. Channels and objects are variable-length records in one
// Int32Array each, found through an offset table, so a restored state decodes
// only the channels it touches; a new checkpoint copies the records nothing
// touched since the previous one in blocks.

import { NONE } from "./columns";
import { ChanRun, EventQueue, ObjRun } from "./runRecords";
import type { RunSlots } from "./runState";

/**
 * A compact copy of a RunState: typed arrays only, cheap to keep hundreds of.
 * Channels and objects are variable-length records in one Int32Array each,
 * found through an offset table, so a restored state decodes only the channels
 * it touches.
 */
export interface Checkpoint {
  /** The state after events [0, at). */
  readonly at: number;
  readonly running: number;
  readonly gState: Uint8Array;
  readonly gSince: Int32Array;
  readonly gWait: Int32Array;
  readonly gQueued: Uint8Array;
  /** Per channel: cap, len, closedAt, nbuf, buf..., nsend, sendq..., nrecv, recvq... */
  readonly chans: Int32Array;
  /** Offset of each channel slot's record in `chans`, or -1. */
  readonly chanAt: Int32Array;
  /** Per object: type, holder, holderSince, count, once, onceBy, nreaders, readers..., nwaiters, waiters... */
  readonly objs: Int32Array;
  readonly objAt: Int32Array;
  /**
   * Which id each slot is: the g* arrays, chanAt and objAt are indexed by slot.
   * Shared with the state it was taken from (slots only grow; this checkpoint
   * covers the first gState.length, chanAt.length and objAt.length of them).
   */
  readonly slots: RunSlots;
}

export const checkpointWords = (cp: Checkpoint): number =>
  cp.gState.length * 3 + cp.chans.length + cp.chanAt.length + cp.objs.length + cp.objAt.length;

/** A checkpoint's channel records, from the live channels and the previous checkpoint (see encodeRecords). */
export const encodeChannels = (
  count: number,
  live: readonly (ChanRun | undefined)[],
  dirty: Uint8Array,
  base: Checkpoint | undefined,
): { data: Int32Array; at: Int32Array } =>
  encodeRecords(count, live, dirty, base?.chans, base?.chanAt, chanWords, encodeChan, chanRecordWords);

/** A checkpoint's sync object records (see encodeRecords). */
export const encodeObjects = (
  count: number,
  live: readonly (ObjRun | undefined)[],
  dirty: Uint8Array,
  base: Checkpoint | undefined,
): { data: Int32Array; at: Int32Array } => encodeRecords(count, live, dirty, base?.objs, base?.objAt, objWords, encodeObj, objRecordWords);

/**
 * Writes every record: those touched since the base was taken are encoded from
 * the live objects, the others copied from the base in contiguous runs.
 */
function encodeRecords<R>(
  count: number,
  live: readonly (R | undefined)[],
  dirty: Uint8Array,
  baseData: Int32Array | undefined,
  baseAt: Int32Array | undefined,
  words: (r: R) => number,
  encode: (r: R, out: Int32Array, p: number) => number,
  baseWords: (data: Int32Array, at: number) => number,
): { data: Int32Array; at: Int32Array } {
  const inBase = (id: number): boolean => baseAt !== undefined && id < baseAt.length && (baseAt[id] as number) >= 0;
  const fresh = (id: number): boolean => live[id] !== undefined && (dirty[id] === 1 || !inBase(id));
  const at = new Int32Array(count).fill(NONE);
  let size = 0;
  for (let id = 0; id < count; id++) {
    if (fresh(id)) size += words(live[id] as R);
    else if (inBase(id)) size += baseWords(baseData as Int32Array, baseAt?.[id] as number);
  }
  const data = new Int32Array(size);
  let p = 0;
  for (let id = 0; id < count;) {
    if (fresh(id)) {
      at[id] = p;
      p = encode(live[id] as R, data, p);
      id++;
    } else if (inBase(id)) {
      // A run of untouched records is one block in the base: copy it at once.
      const base = baseData as Int32Array;
      const offsets = baseAt as Int32Array;
      const start = offsets[id] as number;
      let end = start;
      for (; id < count && !fresh(id) && inBase(id); id++) {
        at[id] = p + ((offsets[id] as number) - start);
        end = (offsets[id] as number) + baseWords(base, offsets[id] as number);
      }
      data.set(base.subarray(start, end), p);
      p += end - start;
    } else {
      id++;
    }
  }
  return { data, at };
}

const chanWords = (ch: ChanRun): number => 6 + ch.buf.length + ch.sendq.length + ch.recvq.length;

function chanRecordWords(a: Int32Array, at: number): number {
  let p = at + 3;
  p += 1 + (a[p] as number);
  p += 1 + (a[p] as number);
  p += 1 + (a[p] as number);
  return p - at;
}

function encodeChan(ch: ChanRun, out: Int32Array, p: number): number {
  out[p++] = ch.cap;
  out[p++] = ch.len;
  out[p++] = ch.closedAt;
  p = writeList(out, p, ch.buf);
  p = writeList(out, p, ch.sendq);
  return writeList(out, p, ch.recvq);
}

/** Writes xs as its length, then its elements; returns the position after them. */
function writeList(out: Int32Array, p: number, xs: readonly number[] | EventQueue): number {
  out[p++] = xs.length;
  xs.forEach((x) => (out[p++] = x));
  return p;
}

/** Reads a checkpoint record's words in order. */
class WordReader {
  constructor(
    private readonly a: Int32Array,
    private p: number,
  ) {}

  word(): number {
    return this.a[this.p++] as number;
  }

  /** A list written by writeList. */
  list(): number[] {
    const n = this.word();
    const out = Array.from(this.a.subarray(this.p, this.p + n));
    this.p += n;
    return out;
  }
}

/** A channel of a checkpoint, as a fresh ChanRun. */
export function decodeChan(a: Int32Array, at: number): ChanRun {
  const r = new WordReader(a, at);
  const ch = new ChanRun(r.word());
  ch.len = r.word();
  ch.closedAt = r.word();
  ch.buf = new EventQueue(r.list());
  ch.sendq = new EventQueue(r.list());
  ch.recvq = new EventQueue(r.list());
  return ch;
}

const objWords = (o: ObjRun): number => 8 + o.readers.length + o.waiters.length;

function objRecordWords(a: Int32Array, at: number): number {
  let p = at + 6;
  p += 1 + (a[p] as number);
  p += 1 + (a[p] as number);
  return p - at;
}

function encodeObj(o: ObjRun, out: Int32Array, p: number): number {
  out[p++] = o.type;
  out[p++] = o.holder;
  out[p++] = o.holderSince;
  out[p++] = o.count;
  out[p++] = o.once;
  out[p++] = o.onceBy;
  p = writeList(out, p, o.readers);
  return writeList(out, p, o.waiters);
}

/** A sync object of a checkpoint, as a fresh ObjRun. */
export function decodeObj(a: Int32Array, at: number): ObjRun {
  const r = new WordReader(a, at);
  const o = new ObjRun(r.word());
  o.holder = r.word();
  o.holderSince = r.word();
  o.count = r.word();
  o.once = r.word();
  o.onceBy = r.word();
  o.readers = r.list();
  o.waiters = new EventQueue(r.list());
  return o;
}
