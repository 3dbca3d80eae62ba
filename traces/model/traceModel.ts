// The trace model's interface: what every view draws from. A pure function of
// the events, frozen; per-event data in columns, per-entity tables, and stateAt
// for any moment (a checkpoint plus a short replay). Types only: createModel.ts
// builds the object.

import type { GoroutineState } from "../codes";
import type {
  ChannelId,
  ContextId,
  EndEvent,
  EventIndex,
  EventKind,
  GoroutineId,
  ObjectId,
  RunStatus,
  SelectCase,
  TraceEvent,
  TraceHeader,
} from "../events";
import type { Nanos } from "../units";
import type { ChannelInfo } from "./channels";
import type { ChannelWaits } from "./channelWaits";
import type { CancelPropagation, ContextInfo } from "./contexts";
import type { EventRef } from "./eventRef";
import type { RunExplanation } from "./explanation";
import type { FlowTable } from "./flows";
import type { SpanTrack } from "./goroutineSpans";
import type { SelectTable } from "./selects";
import type { EventColumn } from "./readonlyArrays";
import type { ModelState } from "./stateAt";
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
  readonly index: EventIndex;
  readonly message: string;
}

/**
 * The per-event columns a hot loop (the layout, a sweep over a million events)
 * may read directly. Everything else about an event is read through the
 * model's accessors, so the columns' encoding stays inside the model.
 */
export interface HotColumns {
  readonly length: number;
  /** When event i happened. */
  readonly t: EventColumn<Nanos>;
  /** The goroutine event i is about (0: the runtime). */
  readonly g: EventColumn<GoroutineId>;
}

export interface TraceModel {
  readonly header: TraceHeader | undefined;
  /** Number of events. Event i has seq i. */
  readonly length: number;
  /** The trace has its end event. */
  readonly complete: boolean;
  readonly startTime: Nanos;
  readonly endTime: Nanos;
  readonly columns: HotColumns;
  time(index: EventIndex): Nanos;
  kind(index: EventIndex): EventKind;
  /** Event i as a TraceEvent object (rebuilt from the columns, or the stored original). */
  event(index: EventIndex): TraceEvent;

  // What views ask about one event, without building it. Plain reads: no checks, no allocation.
  /**
   * The channel event i is about: a send, recv, close or make; a block or leak on
   * one channel; a timer's delivery channel; a new context's done channel.
   */
  channelOf(index: EventIndex): ChannelId | undefined;
  /** The goroutine a spawn event started (undefined for other kinds). */
  spawned(index: EventIndex): GoroutineId | undefined;
  /** Whether a recv got a value (false: closed and drained); undefined for other kinds. */
  receivedOk(index: EventIndex): boolean | undefined;
  /** The cases of a select, or of a block in a select. */
  casesOf(index: EventIndex): readonly SelectCase[] | undefined;
  /** Event i is goroutine g's own, or the spawn that started g. */
  isEventOf(index: EventIndex, g: GoroutineId): boolean;
  /** Event i is an operation on channel ch, or a select (or a block in one) with a case on it. */
  isEventOn(index: EventIndex, ch: ChannelId): boolean;
  /** The first event at or after time t (length if none): binary search. */
  firstIndexAtOrAfter(t: Nanos): EventIndex;
  /** The last event at or before time t (-1 if none). */
  lastIndexAtOrBefore(t: Nanos): EventIndex;

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
  /** How many goroutines wait to send on and to receive from each channel, over time. Computed on first read. */
  readonly channelWaits: ChannelWaits;
  /** What the program printed: the `output` events' indices, in order (one per line). */
  readonly output: EventColumn<EventIndex>;
  readonly ending: RunEnding;
  /** How the run ended, in words and as data. Computed on first read. */
  readonly explanation: RunExplanation;

  /** The full state after event `index` (-1: before the first event). */
  stateAt(index: EventIndex): ModelState;
  /** Where full states are kept: checkpoint k holds the state after events [0, checkpoints[k]). */
  readonly checkpoints: readonly number[];
  readonly anomalies: readonly Anomaly[];
}
