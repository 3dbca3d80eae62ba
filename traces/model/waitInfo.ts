// What a parked goroutine waits on, read back from its block event (or its leak
// event when the block was not seen).

import type { ChannelId, ObjectId, SelectCase, SourceLoc, WaitReason } from "../events";
import type { Nanos } from "../units";
import { blockObjAt, casesAt, locAt, NONE, reasonCodeAt, valueAt, type EventColumns } from "./columns";
import { refAt, type EventRef } from "./eventRef";
import { reasonName } from "./goroutineState";

export interface WaitInfo {
  readonly reason: WaitReason;
  /** The block event (the leak event if no block was seen): "jump to its last block". */
  readonly block: EventRef;
  readonly ch?: ChannelId;
  readonly obj?: ObjectId;
  readonly cases?: readonly SelectCase[];
  /** The value a parked sender holds. */
  readonly v?: string;
  /** Wake-up time of a sleep. */
  readonly until?: Nanos;
  readonly loc?: SourceLoc;
}

export function waitInfoAt(cols: EventColumns, index: number): WaitInfo {
  const w: {
    reason: WaitReason;
    block: EventRef;
    ch?: ChannelId;
    obj?: ObjectId;
    cases?: readonly SelectCase[];
    v?: string;
    until?: Nanos;
    loc?: SourceLoc;
  } = { reason: reasonName(reasonCodeAt(cols, index)), block: refAt(cols.t, index) };
  const ch = cols.ch[index] as number;
  if (ch !== NONE) w.ch = ch;
  const obj = blockObjAt(cols, index);
  if (obj !== undefined) w.obj = obj;
  const cases = casesAt(cols, index);
  if (cases !== undefined) w.cases = cases;
  const v = valueAt(cols, index);
  if (v !== undefined) w.v = v;
  const until = cols.until[index] as number;
  if (!Number.isNaN(until)) w.until = until as Nanos;
  const loc = locAt(cols, index);
  if (loc !== undefined) w.loc = loc;
  return Object.freeze(w);
}
