// The per-event columns: one typed array per field, so a million events cost
// tens of megabytes rather than a million objects kept alive. Which field a
// column holds depends on the event's kind (below); this encoding stays inside
// traces/model: the model's accessors read it for the views. Nearly every kind
// is stored in the columns alone (columnStore.ts appends, eventAt.ts rebuilds
// the event); strings go to dictionaries, select case lists and ready sets are
// interned (dictionaries.ts). The few kinds with free text (panic, warn, end,
// deadlock, io) and any event with a field combination the columns do not
// cover are kept whole in a side table, their numeric fields copied into the
// columns too so the fold reads every kind the same way.

import { EVENT_KINDS, KIND_CODE } from "../codes";
import type { EventKind, ObjectId, SelectCase, TraceEvent } from "../events";
import type { ReadonlyFloat64Array, ReadonlyInt32Array, ReadonlyUint8Array } from "./readonlyArrays";

/** Marks an absent field in an Int32 column (NaN in `until`). */
export const NONE = -1;

/** In a block's `detail`, above the reason code: the `obj` column holds the block's `io`. */
export const BLOCK_IO = 0x80;

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
 * - `value`: index into `values`: send/recv/block value; spawn/make/sync.make name; ctx.cancel err; output text.
 * - `loc`: index into `locs`.
 * - `detail`: wait reason code (block, leak); recv ok; lock mode (1 = "w"); once op (1 = "done"); sync.make, ctx.make type;
 *   timer op | purpose << 2; select hasDefault; output stream (1 = "stderr").
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
  readonly sel: ReadonlyInt32Array;
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
  ((cols.detail[i] as number) & BLOCK_IO) !== 0 ? cols.obj[i] : undefined;

/** The sync object a block event waits for, or undefined. */
export const blockObjAt = (cols: EventColumns, i: number): ObjectId | undefined => {
  if (((cols.detail[i] as number) & BLOCK_IO) !== 0) {
    const whole = sideEventAt(cols, i);
    return whole?.kind === "block" ? whole.obj : undefined;
  }
  const o = cols.obj[i] as number;
  return o === NONE ? undefined : (o as ObjectId);
};

/** The wait reason code of a block or leak event (without the io flag). */
export const reasonCodeAt = (cols: { readonly detail: { readonly [i: number]: number } }, i: number): number =>
  (cols.detail[i] as number) & ~BLOCK_IO;
