// The trace model: what every view draws from. A pure function of the events,
// frozen; per-event data in columns, per-entity tables, and stateAt for any
// moment (a checkpoint plus a short replay).

import {
  EVENT_KINDS,
  type ChannelId,
  type ContextId,
  type EndEvent,
  type EventKind,
  type GoroutineId,
  type ObjectId,
  type RunStatus,
  type TraceEvent,
  type TraceHeader,
} from "../events";
import type { Nanos } from "../units";
import type { ChannelInfo } from "./channels";
import { eventAt, type EventColumns } from "./columns";
import type { CancelPropagation, ContextInfo } from "./contexts";
import type { EventRef } from "./eventRef";
import { explainRun, type RunExplanation } from "./explain";
import type { FlowTable } from "./flows";
import type { SpanTrack } from "./goroutineSpans";
import type { GoroutineState } from "./goroutineState";
import { lowerBound, upperBound } from "./growableArray";
import { RunState, type Checkpoint } from "./runState";
import type { SelectTable } from "./selects";
import { materializeState, type ModelState } from "./stateAt";
import type { SyncObjectInfo } from "./syncObjects";
import type { TimerInfo } from "./timers";

export interface GoroutineInfo {
  readonly id: GoroutineId;
  readonly name: string | undefined;
  /** Who spawned it (0, the runtime, for main); undefined when its spawn is not in the trace. */
  readonly parent: GoroutineId | undefined;
  readonly spawn: EventRef | undefined;
  /** How its life ended, if it did: exited or panicked, or leaked/deadlocked (parked for good). */
  readonly end: { readonly at: EventRef; readonly state: GoroutineState } | undefined;
  readonly spans: SpanTrack;
}

export interface RunEnding {
  /** The end event; undefined when the trace was cut off (or the run is still going). */
  readonly end: EventRef | undefined;
  readonly status: RunStatus | undefined;
  readonly message: string | undefined;
  readonly limit: EndEvent["limit"];
  readonly deadlock: EventRef | undefined;
  readonly panics: readonly EventRef[];
  readonly leaks: readonly EventRef[];
  readonly warnings: readonly EventRef[];
}

/** Something in the events that contradicts the schema's rules; the model carries on. */
export interface Anomaly {
  readonly index: number;
  readonly message: string;
}

export interface TraceModel {
  readonly header: TraceHeader | undefined;
  /** Number of events. Event i has seq i. */
  readonly length: number;
  /** The trace has its end event. */
  readonly complete: boolean;
  readonly startTime: Nanos;
  readonly endTime: Nanos;
  readonly columns: EventColumns;
  time(index: number): Nanos;
  kind(index: number): EventKind;
  /** Event i as a TraceEvent object (rebuilt from the columns, or the stored original). */
  event(index: number): TraceEvent;
  /** The first event at or after time t (length if none): binary search. */
  firstIndexAtOrAfter(t: Nanos): number;
  /** The last event at or before time t (-1 if none). */
  lastIndexAtOrBefore(t: Nanos): number;

  /** By id. */
  readonly goroutines: readonly GoroutineInfo[];
  goroutine(id: GoroutineId): GoroutineInfo | undefined;
  readonly channels: readonly ChannelInfo[];
  channel(id: ChannelId): ChannelInfo | undefined;
  readonly objects: readonly SyncObjectInfo[];
  object(id: ObjectId): SyncObjectInfo | undefined;
  readonly contexts: readonly ContextInfo[];
  context(id: ContextId): ContextInfo | undefined;
  /** The context whose done channel this is. */
  contextOfDone(ch: ChannelId): ContextInfo | undefined;
  readonly cancellations: readonly CancelPropagation[];
  /** Timers (sleep, after, timer, ticker, context deadlines) by first appearance. */
  readonly timers: readonly TimerInfo[];
  /** The timers that deliver to a channel. */
  timersOn(ch: ChannelId): readonly TimerInfo[];
  readonly flows: FlowTable;
  readonly selects: SelectTable;
  readonly ending: RunEnding;
  /** How the run ended, in words and as data. Computed on first read. */
  readonly explanation: RunExplanation;

  /** The full state after event `index` (-1: before the first event). */
  stateAt(index: number): ModelState;
  /** Where full states are kept: checkpoint k holds the state after events [0, checkpoints[k]). */
  readonly checkpoints: readonly number[];
  readonly anomalies: readonly Anomaly[];
}

export interface ModelParts {
  readonly header: TraceHeader | undefined;
  readonly columns: EventColumns;
  readonly goroutines: readonly GoroutineInfo[];
  readonly channels: readonly ChannelInfo[];
  readonly objects: readonly SyncObjectInfo[];
  readonly contexts: readonly ContextInfo[];
  readonly cancellations: readonly CancelPropagation[];
  readonly timers: readonly TimerInfo[];
  timersOn(ch: ChannelId): readonly TimerInfo[];
  readonly flows: FlowTable;
  readonly selects: SelectTable;
  readonly ending: RunEnding;
  /** Sorted by `at`; the first is at 0. */
  readonly checkpoints: readonly Checkpoint[];
  readonly anomalies: readonly Anomaly[];
}

const byId = <T extends { readonly id: number }>(items: readonly T[]): ((id: number) => T | undefined) => {
  const table: (T | undefined)[] = [];
  for (const it of items) table[it.id] = it;
  return (id) => table[id];
};

export function createModel(p: ModelParts): TraceModel {
  const cols = p.columns;
  const n = cols.length;
  const goroutine = byId(p.goroutines);
  const channel = byId(p.channels);
  const object = byId(p.objects);
  const context = byId(p.contexts);
  const byDone = new Map<ChannelId, ContextInfo>(p.contexts.map((c) => [c.done, c]));
  const cpAt = Int32Array.from(p.checkpoints, (c) => c.at);

  // The last replayed state: stepping forward (playback) continues from it instead of a checkpoint.
  let cursor: RunState | undefined;
  let cursorNext = 0;

  const checkIndex = (i: number): void => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new RangeError(`event index ${i} out of range [0, ${n})`);
  };

  let explanation: RunExplanation | undefined;
  const model: TraceModel = {
    header: p.header,
    length: n,
    complete: p.ending.end !== undefined,
    startTime: (n > 0 ? cols.t[0] : 0) as Nanos,
    endTime: (n > 0 ? cols.t[n - 1] : 0) as Nanos,
    columns: cols,
    time: (i) => {
      checkIndex(i);
      return cols.t[i] as Nanos;
    },
    kind: (i) => {
      checkIndex(i);
      return EVENT_KINDS[cols.kind[i] as number] as EventKind;
    },
    event: (i) => eventAt(cols, i),
    firstIndexAtOrAfter: (t) => lowerBound(cols.t, n, t),
    lastIndexAtOrBefore: (t) => upperBound(cols.t, n, t) - 1,
    goroutines: p.goroutines,
    goroutine,
    channels: p.channels,
    channel,
    objects: p.objects,
    object,
    contexts: p.contexts,
    context,
    contextOfDone: (ch) => byDone.get(ch),
    cancellations: p.cancellations,
    timers: p.timers,
    timersOn: p.timersOn,
    flows: p.flows,
    selects: p.selects,
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
      return materializeState(model, cursor.checkpoint(target), i);
    },
    checkpoints: Object.freeze(Array.from(cpAt)),
    anomalies: p.anomalies,
  };
  return Object.freeze(model);
}

/** stateAt without checkpoints: a replay from the first event. For tests and as the reference semantics. */
export function replayStateAt(model: TraceModel, index: number): ModelState {
  const rs = new RunState();
  for (let i = 0; i <= index; i++) rs.step(model.columns, i);
  return materializeState(model, rs.checkpoint(index + 1), index);
}
