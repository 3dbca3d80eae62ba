// Makes the frozen TraceModel object from the builder's parts: the lookups by
// id, stateAt (a checkpoint plus a short replay, or a step forward from the last
// state read), and the explanation on first read.

import { EVENT_KINDS } from "../codes";
import type { ChannelId, EventIndex, EventKind, GoroutineId, TraceHeader } from "../events";
import type { Nanos } from "../units";
import type { ChannelInfo } from "./channels";
import { channelWaits, type ChannelWaits } from "./channelWaits";
import { casesAt, K, NONE, type EventColumns } from "./columns";
import { eventAt } from "./eventAt";
import type { CancelPropagation, ContextInfo } from "./contexts";
import { explainRun } from "./explain";
import type { RunExplanation } from "./explanation";
import type { FlowTable } from "./flows";
import { lowerBound, upperBound } from "./growableArray";
import type { Checkpoint } from "./checkpoint";
import { RunState } from "./runState";
import type { SelectTable } from "./selects";
import { materializeState, type ModelState, type StateSources } from "./stateAt";
import type { SyncObjectInfo } from "./syncObjects";
import type { TimerInfo } from "./timers";
import { columnOf, type EventColumn } from "./readonlyArrays";
import type { Anomaly, GoroutineInfo, HotColumns, RunEnding, TraceModel } from "./traceModel";

interface ModelParts {
  readonly header: TraceHeader | undefined;
  readonly columns: EventColumns;
  readonly goroutines: readonly GoroutineInfo[];
  readonly channels: readonly ChannelInfo[];
  readonly objects: readonly SyncObjectInfo[];
  readonly contexts: readonly ContextInfo[];
  readonly cancellations: readonly CancelPropagation[];
  readonly timers: readonly TimerInfo[];
  readonly timersOn: (ch: ChannelId) => readonly TimerInfo[];
  readonly flows: FlowTable;
  readonly selects: SelectTable;
  readonly output: EventColumn<EventIndex>;
  readonly ending: RunEnding;
  /** Sorted by `at`; the first is at 0. */
  readonly checkpoints: readonly Checkpoint[];
  readonly anomalies: readonly Anomaly[];
}

const byId = <T extends { readonly id: number }>(items: readonly T[]): ((id: number) => T | undefined) => {
  const table = new Map<number, T>();
  for (const it of items) table.set(it.id, it);
  return (id) => table.get(id);
};

/** What stateAt reads, per model: for replayStateAt and the model's own tests. */
const sourcesOf = new WeakMap<TraceModel, StateSources>();

/** What the model's stateAt reads (its full columns, its lookups): for code inside traces/model only. */
export const stateSourcesOf = (model: TraceModel): StateSources => {
  const sources = sourcesOf.get(model);
  if (sources === undefined) throw new Error("not a model made by createModel");
  return sources;
};

/** The model's full columns (their encoding is in columns.ts): for code inside traces/model only. */
export const columnsOf = (model: TraceModel): EventColumns => stateSourcesOf(model).columns;

export function createModel(p: ModelParts): TraceModel {
  const cols = p.columns;
  const n = cols.length;
  const goroutine = byId(p.goroutines);
  const channel = byId(p.channels);
  const object = byId(p.objects);
  const context = byId(p.contexts);
  const byDone = new Map<ChannelId, ContextInfo>(p.contexts.map((c) => [c.done, c]));
  const contextOfDone = (ch: ChannelId): ContextInfo | undefined => byDone.get(ch);
  const cpAt = Int32Array.from(p.checkpoints, (c) => c.at);

  // The last replayed state: stepping forward (playback) continues from it instead of a checkpoint.
  let cursor: RunState | undefined;
  let cursorNext = 0;

  const checkIndex = (i: number): void => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`event index ${i} out of range [0, ${n})`);
  };

  const hot: HotColumns = Object.freeze({
    length: n,
    t: columnOf<Nanos>(cols.t as Float64Array),
    g: columnOf<GoroutineId>(cols.g as Int32Array),
  });
  const channelOf = (i: number): ChannelId | undefined => {
    const ch = cols.ch[i];
    return ch === undefined || ch === NONE ? undefined : (ch as ChannelId);
  };
  const sources: StateSources = {
    columns: cols,
    goroutine,
    channel,
    object,
    contexts: p.contexts,
    timersOn: p.timersOn,
    contextOfDone,
  };

  let explanation: RunExplanation | undefined;
  let waits: ChannelWaits | undefined;
  const model: TraceModel = {
    header: p.header,
    length: n,
    complete: p.ending.end !== undefined,
    startTime: (n > 0 ? cols.t[0] : 0) as Nanos,
    endTime: (n > 0 ? cols.t[n - 1] : 0) as Nanos,
    columns: hot,
    time: (i) => {
      checkIndex(i);
      return cols.t[i] as Nanos;
    },
    kind: (i) => {
      checkIndex(i);
      return EVENT_KINDS[cols.kind[i] as number] as EventKind;
    },
    event: (i) => eventAt(cols, i),
    channelOf,
    spawned: (i) => (cols.kind[i] === K.spawn ? (cols.peer[i] as GoroutineId) : undefined),
    receivedOk: (i) => (cols.kind[i] === K.recv ? cols.detail[i] === 1 : undefined),
    casesOf: (i) => {
      const k = cols.kind[i];
      return k === K.select || k === K.block ? casesAt(cols, i) : undefined;
    },
    isEventOf: (i, g) => cols.g[i] === g || (cols.kind[i] === K.spawn && cols.peer[i] === g),
    isEventOn: (i, ch) => {
      if (cols.ch[i] === ch) return true;
      const k = cols.kind[i];
      if (k !== K.select && k !== K.block) return false;
      const cases = casesAt(cols, i);
      if (cases === undefined) return false;
      // A loop, not cases.some(...): no closure per call in a sweep over every event.
      for (const sc of cases) if (sc.ch === ch) return true;
      return false;
    },
    firstIndexAtOrAfter: (t) => lowerBound(cols.t, n, t) as EventIndex,
    lastIndexAtOrBefore: (t) => (upperBound(cols.t, n, t) - 1) as EventIndex,
    goroutines: p.goroutines,
    goroutine,
    channels: p.channels,
    channel,
    objects: p.objects,
    object,
    contexts: p.contexts,
    context,
    contextOfDone,
    cancellations: p.cancellations,
    timers: p.timers,
    timersOn: p.timersOn,
    flows: p.flows,
    selects: p.selects,
    get channelWaits(): ChannelWaits {
      waits ??= channelWaits(p.goroutines, cols);
      return waits;
    },
    output: p.output,
    ending: p.ending,
    get explanation(): RunExplanation {
      explanation ??= explainRun(model);
      return explanation;
    },
    stateAt: (i) => {
      if (i !== -1) checkIndex(i);
      const target = i + 1; // events to apply
      const k = upperBound(cpAt, cpAt.length, target) - 1;
      const cp = p.checkpoints[k] as Checkpoint;
      if (cursor === undefined || cursorNext > target || cursorNext < cp.at) {
        cursor = RunState.fromCheckpoint(cp);
        cursorNext = cp.at;
      }
      for (; cursorNext < target; cursorNext++) cursor.step(cols, cursorNext);
      return materializeState(sources, cursor.checkpoint(target), i);
    },
    checkpoints: Object.freeze(Array.from(cpAt)),
    anomalies: p.anomalies,
  };
  sourcesOf.set(model, sources);
  return Object.freeze(model);
}

/** stateAt without checkpoints: a replay from the first event. For tests and as the reference semantics. */
export function replayStateAt(model: TraceModel, index: EventIndex): ModelState {
  const rs = new RunState();
  const sources = stateSourcesOf(model);
  for (let i = 0; i <= index; i++) rs.step(sources.columns, i);
  return materializeState(sources, rs.checkpoint(index + 1), index);
}
