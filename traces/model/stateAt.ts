// The full state of the run after one event, as views read it: every
// goroutine's state and wait, every channel's buffer and queues, sync objects,
// contexts, and the wait-for graph. Built from a RunState (replayed from the
// nearest checkpoint by the model) and the model's static tables.

import type { ChannelId, ContextId, EventIndex, GoroutineId, ObjectId, SyncType, WaitReason } from "../events";
import type { Nanos } from "../units";
import type { ChannelInfo } from "./channels";
import { NONE, reasonCodeAt, valueAt, type EventColumns } from "./columns";
import type { ContextInfo } from "./contexts";
import { refAt, type EventRef } from "./eventRef";
import { reasonName, StateCode, stateName, SYNC_TYPES, type GoroutineState, type GoroutineStateCode } from "../codes";
import { isWaitingCode } from "./goroutineState";
import type { IdSlots } from "./idSlots";
import { decodeChan, decodeObj, type Checkpoint } from "./checkpoint";
import { OnceState } from "./runRecords";
import type { SyncObjectInfo } from "./syncObjects";
import type { TimerInfo } from "./timers";
import { buildWaitForGraph, type WaitForGraph } from "./waitForGraph";
import { waitInfoAt, type WaitInfo } from "./waitInfo";

export interface GoroutineStateAt {
  readonly id: GoroutineId;
  readonly name: string | undefined;
  readonly state: GoroutineState;
  /** When it entered this state. */
  readonly since: EventRef;
  /** For blocked, deadlocked and leaked goroutines: what it waits on, since when, where. */
  readonly wait: WaitInfo | undefined;
}

export interface BufferedValue {
  readonly v: string;
  /** The send that put it there. */
  readonly send: EventRef;
  readonly g: GoroutineId;
}

export interface ChannelWaiter {
  readonly g: GoroutineId;
  /** Its block event. */
  readonly block: EventRef;
  /** Parked in a select (so it waits on other channels too). */
  readonly select: boolean;
  /** The value a parked sender holds. */
  readonly v: string | undefined;
}

export interface ChannelStateAt {
  readonly id: ChannelId;
  readonly name: string | undefined;
  readonly cap: number;
  /** The buffer length the runtime reported after the channel's last operation. */
  readonly len: number;
  readonly closed: boolean;
  /** Head (next to be received) first. */
  readonly buffer: readonly BufferedValue[];
  /** Parked senders, first to be served first. */
  readonly sendq: readonly ChannelWaiter[];
  /** Parked receivers, first to be served first. */
  readonly recvq: readonly ChannelWaiter[];
}

export interface ObjectWaiter {
  readonly g: GoroutineId;
  readonly block: EventRef;
  readonly reason: WaitReason;
}

export interface SyncObjectStateAt {
  readonly id: ObjectId;
  readonly type: SyncType;
  readonly name: string | undefined;
  /** Mutex holder, or RWMutex writer. */
  readonly holder: GoroutineId | undefined;
  readonly holderSince: EventRef | undefined;
  /** RWMutex readers. */
  readonly readers: readonly GoroutineId[];
  readonly waiters: readonly ObjectWaiter[];
  /** WaitGroup counter. */
  readonly counter: number | undefined;
  /** Once: whether its function has not run, is running or is done. */
  readonly once: "idle" | "running" | "done" | undefined;
  readonly onceBy: GoroutineId | undefined;
}

export interface ContextStateAt {
  readonly id: ContextId;
  readonly cancelled: boolean;
  readonly err: string | undefined;
}

export interface ModelState {
  /** The state is the one after this event; -1 is before the first. */
  readonly index: EventIndex;
  readonly t: Nanos;
  readonly running: GoroutineId | undefined;
  /** Goroutines spawned so far, by id. Built on first read, like the other lists. */
  readonly goroutines: readonly GoroutineStateAt[];
  /** Channels made so far, by id. */
  readonly channels: readonly ChannelStateAt[];
  readonly objects: readonly SyncObjectStateAt[];
  /** Contexts made so far, by id. */
  readonly contexts: readonly ContextStateAt[];
  /** Computed on first read (it is the costly part). */
  readonly waitFor: WaitForGraph;
  goroutine(id: GoroutineId): GoroutineStateAt | undefined;
  channel(id: ChannelId): ChannelStateAt | undefined;
  object(id: ObjectId): SyncObjectStateAt | undefined;
}

/** What the state reads from the model besides the RunState. */
export interface StateSources {
  readonly columns: EventColumns;
  goroutine(id: GoroutineId): { readonly name: string | undefined } | undefined;
  channel(id: ChannelId): ChannelInfo | undefined;
  object(id: ObjectId): SyncObjectInfo | undefined;
  readonly contexts: readonly ContextInfo[];
  timersOn(ch: ChannelId): readonly TimerInfo[];
  contextOfDone(ch: ChannelId): ContextInfo | undefined;
}

const ONCE_NAMES = ["idle", "running", "done"] as const;

/**
 * The state after event `index`, read from a compact capture of the RunState.
 * Each part is built on first read and kept: asking for one goroutine or one
 * channel costs that one, which keeps stateAt cheap on traces with tens of
 * thousands of goroutines and channels.
 */
export function materializeState(src: StateSources, cp: Checkpoint, index: EventIndex): ModelState {
  const cols = src.columns;
  const t = (index >= 0 ? cols.t[index] : 0) as Nanos;

  // The checkpoint's tables are indexed by slot (idSlots.ts); a slot past their end is newer than the checkpoint.
  const slotIn = (slots: IdSlots, id: number, count: number): number => {
    const s = slots.slotOf(id);
    return s < count ? s : NONE;
  };
  const gSlot = (g: number): number => (g >= 1 ? slotIn(cp.slots.g, g, cp.gState.length) : NONE);
  const codeOf = (g: number): GoroutineStateCode => {
    const s = gSlot(g);
    return s === NONE ? StateCode.none : (cp.gState[s] as GoroutineStateCode);
  };

  const gCache = new Map<number, GoroutineStateAt>();
  const goroutine = (g: GoroutineId): GoroutineStateAt | undefined => {
    const s = gSlot(g);
    if (s === NONE) return undefined;
    const code = cp.gState[s] as GoroutineStateCode;
    if (code === StateCode.none) return undefined;
    let gs = gCache.get(g);
    if (gs === undefined) {
      const w = cp.gWait[s] as number;
      gs = Object.freeze({
        id: g,
        name: src.goroutine(g)?.name,
        state: stateName(code),
        since: refAt(cols.t, cp.gSince[s] as number),
        wait: isWaitingCode(code) && w !== NONE ? waitInfoAt(cols, w) : undefined,
      });
      gCache.set(g, gs);
    }
    return gs;
  };

  const waiter = (w: number): ChannelWaiter =>
    Object.freeze({
      g: cols.g[w] as GoroutineId,
      block: refAt(cols.t, w),
      select: reasonName(reasonCodeAt(cols, w)) === "select",
      v: valueAt(cols, w),
    });
  const chCache = new Map<number, ChannelStateAt>();
  const channel = (id: ChannelId): ChannelStateAt | undefined => {
    const s = slotIn(cp.slots.ch, id, cp.chanAt.length);
    const at = s === NONE ? NONE : (cp.chanAt[s] as number);
    if (at < 0) return undefined;
    let cs = chCache.get(id);
    if (cs === undefined) {
      const ch = decodeChan(cp.chans, at);
      const info = src.channel(id);
      const buffer = ch.buf
        .toArray()
        .map((s): BufferedValue => Object.freeze({ v: valueAt(cols, s) ?? "", send: refAt(cols.t, s), g: cols.g[s] as GoroutineId }));
      cs = Object.freeze({
        id,
        name: info?.name,
        cap: info?.cap ?? ch.cap,
        len: ch.len,
        closed: ch.closedAt !== NONE,
        buffer: Object.freeze(buffer),
        sendq: Object.freeze(ch.sendq.toArray().map(waiter)),
        recvq: Object.freeze(ch.recvq.toArray().map(waiter)),
      });
      chCache.set(id, cs);
    }
    return cs;
  };

  const objCache = new Map<number, SyncObjectStateAt>();
  const object = (id: ObjectId): SyncObjectStateAt | undefined => {
    const s = slotIn(cp.slots.obj, id, cp.objAt.length);
    const at = s === NONE ? NONE : (cp.objAt[s] as number);
    if (at < 0) return undefined;
    let os = objCache.get(id);
    if (os === undefined) {
      const o = decodeObj(cp.objs, at);
      const info = src.object(id);
      const type = info?.type ?? SYNC_TYPES[o.type]!;
      os = Object.freeze({
        id,
        type,
        name: info?.name,
        holder: o.holder === NONE ? undefined : (o.holder as GoroutineId),
        holderSince: o.holderSince === NONE ? undefined : refAt(cols.t, o.holderSince),
        readers: Object.freeze(o.readers as GoroutineId[]),
        waiters: Object.freeze(
          o.waiters
            .toArray()
            .map((w) => Object.freeze({ g: cols.g[w] as GoroutineId, block: refAt(cols.t, w), reason: reasonName(reasonCodeAt(cols, w)) })),
        ),
        counter: type === "WaitGroup" ? o.count : undefined,
        once: type === "Once" ? ONCE_NAMES[o.once] : undefined,
        onceBy: type === "Once" && o.once !== OnceState.idle && o.onceBy !== NONE ? (o.onceBy as GoroutineId) : undefined,
      });
      objCache.set(id, os);
    }
    return os;
  };

  /** Everything the checkpoint's first `count` slots hold, in ascending id order. */
  const all = <I extends number, T>(slots: IdSlots, count: number, one: (id: I) => T | undefined): readonly T[] => {
    const out: T[] = [];
    for (const id of slots.sortedIds(Math.min(count, slots.count))) {
      const x = one(id as I);
      if (x !== undefined) out.push(x);
    }
    return Object.freeze(out);
  };

  let goroutines: readonly GoroutineStateAt[] | undefined;
  let channels: readonly ChannelStateAt[] | undefined;
  let objects: readonly SyncObjectStateAt[] | undefined;
  let contexts: readonly ContextStateAt[] | undefined;
  let graph: WaitForGraph | undefined;
  return Object.freeze({
    index,
    t,
    running: cp.running === NONE ? undefined : (cp.running as GoroutineId),
    get goroutines(): readonly GoroutineStateAt[] {
      return (goroutines ??= all(cp.slots.g, cp.gState.length, goroutine));
    },
    get channels(): readonly ChannelStateAt[] {
      return (channels ??= all(cp.slots.ch, cp.chanAt.length, channel));
    },
    get objects(): readonly SyncObjectStateAt[] {
      return (objects ??= all(cp.slots.obj, cp.objAt.length, object));
    },
    get contexts(): readonly ContextStateAt[] {
      if (contexts === undefined) {
        const out: ContextStateAt[] = [];
        for (const c of src.contexts) {
          if (c.made.index > index) continue;
          const cancelled = c.cancel !== undefined && c.cancel.at.index <= index;
          out.push(Object.freeze({ id: c.id, cancelled, err: cancelled ? c.cancel?.err : undefined }));
        }
        contexts = Object.freeze(out);
      }
      return contexts;
    },
    get waitFor(): WaitForGraph {
      if (graph === undefined) {
        const waiters: GoroutineStateAt[] = [];
        for (const g of cp.slots.g.sortedIds(Math.min(cp.gState.length, cp.slots.g.count))) {
          if (g >= 1 && isWaitingCode(codeOf(g))) waiters.push(goroutine(g as GoroutineId) as GoroutineStateAt);
        }
        graph = buildWaitForGraph({
          index,
          waiters,
          stateOf: (g) => {
            const code = codeOf(g);
            return code === StateCode.none ? undefined : stateName(code);
          },
          channel,
          object,
          channelUsers: (id) => src.channel(id)?.users ?? [],
          objectUsers: (id) => src.object(id)?.users ?? [],
          objectCounted: (id) => src.object(id)?.counted ?? [],
          timerArmedOn: (ch) => {
            if (src.timersOn(ch).some((tm) => tm.armedAt(index))) return true;
            // A context's deadline closes its done channel (through its own timer or its parent's).
            const ctx = src.contextOfDone(ch);
            return ctx?.deadline !== undefined && !(ctx.cancel !== undefined && ctx.cancel.at.index <= index) && ctx.deadline >= t;
          },
        });
      }
      return graph;
    },
    goroutine,
    channel,
    object,
  });
}
