// The in-memory recorder's row format: events as variable-length rows in
// Int32Array chunks, written by memoryRecorder.ts and read by rowReader.ts.
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
//
// The writer and the reader copy these constants into `const`s of their own
// module: V8 folds a module's own constants into the code it compiles, but
// reads an imported binding through its cell, with a hole check, at every use
// (a row write took about 1.4x as long with imported constants).

import { EVENT_KINDS } from "../traces/codes";
import type { TraceEvent } from "../traces/events";

/** A row chunk: always a plain (not shared) buffer of CHUNK_WORDS. */
export type Chunk = Int32Array<ArrayBuffer>;

/** Words per row chunk (256 KiB: zeroed and then filled while still in L2). A row never straddles two chunks. */
export const CHUNK_WORDS = 1 << 16;
/** The longest row: header, g, 4 fields, payload. */
export const MAX_ROW = 7;
/** A checkpoint (chunk, offset) every 64 events. */
export const MARK_BITS = 6;
export const MARK_MASK = (1 << MARK_BITS) - 1;
/** Source-location column chunks, indexed by seq. */
export const LOC_BITS = 14;
export const LOC_CHUNK = 1 << LOC_BITS;

// Header word: kind | tag << 5 | ok << 9 | flags (bits 10, 11) | (sel + 1) << 12.
export const KIND_MASK = 0x1f;
export const TAG_SHIFT = 5;
export const TAG_MASK = 0xf;
export const OK_BIT = 1 << 9;
/** send/recv: len is 0 and has no word. */
export const F_LEN0 = 1 << 10;
/** recv: its value came from the row just before (a handoff): from = seq - 1, peer = that row's g; no words. */
export const F_PREV = 1 << 11;
export const SEL_SHIFT = 12;
// A block row's header holds its reason and which optional fields follow (in this order).
export const B_REASON_SHIFT = 10;
export const B_REASON_MASK = 0x1f;
export const B_CH = 1 << 15;
export const B_OBJ = 1 << 16; // obj, or the io id for reason io
export const B_LIST = 1 << 17;
// A select row's header holds chosen + 2 (chosen is -1 for default) and hasDefault (bit 9).
export const S_CHOSEN_SHIFT = 10;
export const S_DEFAULT = 1 << 9;

// Value tags; the starred ones have a payload word after the fields.
export const V_NONE = 0;
export const V_INT = 1; // * the number
export const V_F64 = 2; // * index into nums
export const V_UNDEFINED = 3;
export const V_NULL = 4;
export const V_TRUE = 5;
export const V_FALSE = 6;
export const V_RAW = 7; // * index into refs: the value itself, previewed on materialization
export const V_PREVIEW = 8; // * index into refs: a preview string taken when recorded
export const V_TIME = 9; // * index into nums: a time (block's until, timer's at, ctx's deadline)
export const HAS_PAYLOAD = (1 << V_INT) | (1 << V_F64) | (1 << V_RAW) | (1 << V_PREVIEW) | (1 << V_TIME);

/** Ready sets of selects with at most this many cases are stored as a bitmask. */
export const MASK_CASES = 30;

/** Fixed fields after the header and g, per kind code. */
export const FIELDS: Uint8Array = (() => {
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
    warn: 2, // message, unawaited
    panic: 3, // message, fatal, stack
    leak: 3, // reason, ch, obj
    deadlock: 1, // message
    end: 4, // status, message, limit, exit code (0: none)
    "sync.op": 4, // obj, op | (ok + 1) << 8, v, old (+ n as an int payload)
    output: 2, // stream, text
  };
  return Uint8Array.from(EVENT_KINDS.map((k) => n[k]));
})();
