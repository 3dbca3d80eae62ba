// Builds the trace model one event at a time, as a streaming reader or a live
// run delivers them. `snapshot()` gives a frozen model of the events so far
// without stopping the builder (a live view re-snapshots after each batch: the
// big arrays are shared, only per-entity records are copied); `finish()` gives
// the final one.

import {
  assertNever,
  RUNTIME_G,
  type ChannelId,
  type EndEvent,
  type EventIndex,
  type GoroutineId,
  type ObjectId,
  type TraceEvent,
  type TraceHeader,
} from "../events";
import { ChannelRecord } from "./channels";
import { ColumnStore } from "./columnStore";
import { K, NONE } from "./columns";
import { ContextRecorder } from "./contexts";
import { refAt } from "./eventRef";
import { FlowRecorder } from "./flows";
import { growableInt32 } from "./growableArray";
import { IdTable } from "./idSlots";
import { SpanRecorder } from "./goroutineSpans";
import { StateCode, stateName, type GoroutineStateCode } from "../codes";
import { checkpointWords, type Checkpoint } from "./checkpoint";
import { RunState } from "./runState";
import { SelectRecorder } from "./selects";
import { SyncObjectRecord } from "./syncObjects";
import { TimerRecorder } from "./timers";
import { createModel } from "./createModel";
import { columnOf } from "./readonlyArrays";
import type { Anomaly, GoroutineInfo, TraceModel } from "./traceModel";

export interface BuildOptions {
  /**
   * Events between checkpoints (default 1024): stateAt replays at most this many.
   * When the state itself is large (W words: goroutines, channel buffers and
   * queues) the spacing grows to W/8 events, so checkpoints never cost more than
   * about 32 bytes per event, and a replay stays short next to reading the state.
   */
  readonly checkpointEvery?: number;
}

const DEFAULT_CHECKPOINT_EVERY = 1024;
const MAX_ANOMALIES = 200;

class GoroutineRecord {
  name: string | undefined;
  parent: GoroutineId | undefined;
  spawn = NONE;
  end = NONE;
  endState: GoroutineStateCode = StateCode.none;
  readonly spans = new SpanRecorder();
  constructor(readonly id: GoroutineId) {}
}

const isEndState = (code: GoroutineStateCode): boolean =>
  code === StateCode.exited || code === StateCode.panicked || code === StateCode.leaked || code === StateCode.deadlocked;

export class TraceModelBuilder {
  private readonly cols = new ColumnStore();
  // By id, stored densely: a large id costs what a small one does.
  private readonly goroutines = new IdTable<GoroutineRecord>();
  private readonly channels = new IdTable<ChannelRecord>();
  private readonly objects = new IdTable<SyncObjectRecord>();
  /** The WaitGroups each goroutine raised the counter of: what it starts next is counted by them. */
  private readonly raised = new Map<GoroutineId, Set<SyncObjectRecord>>();
  private readonly flows = new FlowRecorder();
  private readonly selects = new SelectRecorder();
  private readonly contexts = new ContextRecorder();
  private readonly timers = new TimerRecorder();
  private readonly run: RunState;
  private readonly checkpoints: Checkpoint[] = [];
  private readonly every: number;
  private nextCheckpoint: number;
  private readonly anomalies: Anomaly[] = [];
  private end: EndEvent | undefined;
  private endIndex = NONE;
  private deadlock = NONE;
  private readonly panics: number[] = [];
  private readonly leaks: number[] = [];
  private readonly warnings: number[] = [];
  /** The output events, in order: shared with snapshots, which read no further than their own length. */
  private readonly output = growableInt32();
  private lastT = 0;
  private finished = false;

  constructor(
    private readonly header?: TraceHeader,
    options: BuildOptions = {},
  ) {
    this.every = Math.max(1, options.checkpointEvery ?? DEFAULT_CHECKPOINT_EVERY);
    this.run = new RunState((g, code, index, wait) => this.stateChanged(g, code, index, wait));
    this.checkpoints.push(this.run.checkpoint(0, true));
    this.nextCheckpoint = this.every;
  }

  get length(): number {
    return this.cols.length;
  }

  add(e: TraceEvent): void {
    if (this.finished) throw new Error("TraceModelBuilder: add after finish");
    const i = this.cols.length;
    if (e.seq !== i) this.anomaly(i, `seq ${e.seq} where ${i} was expected (seqs are dense from 0)`);
    if (e.t < this.lastT) this.anomaly(i, `time goes back from ${this.lastT} to ${e.t}`);
    this.lastT = e.t;
    this.cols.append(e);
    this.run.step(this.cols, i);
    this.record(e, i);
    if (i + 1 >= this.nextCheckpoint) {
      const cp = this.run.checkpoint(i + 1, true);
      this.checkpoints.push(cp);
      this.nextCheckpoint = i + 1 + Math.max(this.every, Math.ceil(checkpointWords(cp) / 8));
    }
  }

  addAll(events: Iterable<TraceEvent>): this {
    for (const e of events) this.add(e);
    return this;
  }

  /** A frozen model of the events added so far; the builder goes on accepting events. */
  snapshot(): TraceModel {
    return this.model(false);
  }

  /** The final model; the builder accepts no more events. */
  finish(): TraceModel {
    this.finished = true;
    return this.model(true);
  }

  private model(final: boolean): TraceModel {
    const cols = this.cols.view(final);
    const n = cols.length;
    const goroutines: GoroutineInfo[] = [];
    for (const r of this.goroutines.inIdOrder()) {
      goroutines.push(
        Object.freeze({
          id: r.id,
          name: r.name,
          parent: r.parent,
          spawn: r.spawn === NONE ? undefined : refAt(cols.t, r.spawn),
          end: r.end === NONE ? undefined : Object.freeze({ at: refAt(cols.t, r.end), state: stateName(r.endState) }),
          spans: r.spans.view(cols),
        }),
      );
    }
    const { contexts, cancellations } = this.contexts.view(cols.t);
    const { timers, onChannel } = this.timers.view(cols);
    const refs = (xs: readonly number[]) => Object.freeze(xs.map((x) => refAt(cols.t, x)));
    return createModel({
      header: this.header,
      columns: cols,
      goroutines: Object.freeze(goroutines),
      channels: Object.freeze(this.channels.inIdOrder().map((c) => c.info(cols))),
      objects: Object.freeze(this.objects.inIdOrder().map((o) => o.info(cols))),
      contexts,
      cancellations,
      timers,
      timersOn: onChannel,
      flows: this.flows.view(cols),
      selects: this.selects.view(cols),
      output: columnOf<EventIndex>(this.output.view()),
      ending: Object.freeze({
        end: this.endIndex === NONE ? undefined : refAt(cols.t, this.endIndex),
        status: this.end?.status,
        message: this.end?.message,
        limit: this.end?.limit,
        deadlock: this.deadlock === NONE ? undefined : refAt(cols.t, this.deadlock),
        panics: refs(this.panics),
        leaks: refs(this.leaks),
        warnings: refs(this.warnings),
      }),
      checkpoints: Object.freeze(this.checkpoints.filter((c) => c.at <= n)),
      anomalies: Object.freeze(this.anomalies.slice()),
    });
  }

  private stateChanged(g: GoroutineId, code: GoroutineStateCode, index: number, wait: number): void {
    const r = this.goroutine(g, index);
    r.spans.add(code, index, wait);
    if (isEndState(code)) {
      r.end = index;
      r.endState = code;
    } else if (r.end !== NONE) {
      // Back from the dead (a recovered panic, say): it has not ended after all.
      r.end = NONE;
      r.endState = StateCode.none;
    }
  }

  private goroutine(g: GoroutineId, index: number): GoroutineRecord {
    let r = this.goroutines.get(g);
    if (r === undefined) {
      r = new GoroutineRecord(g);
      this.goroutines.set(g, r);
      const k = this.cols.kind[index];
      if (!(k === K.spawn && this.cols.peer[index] === g)) {
        this.anomaly(index, `goroutine ${g} appears without a spawn event`);
      }
    }
    return r;
  }

  private channel(id: ChannelId, index: number): ChannelRecord {
    let c = this.channels.get(id);
    if (c === undefined) {
      c = new ChannelRecord(id);
      this.channels.set(id, c);
      this.anomaly(index, `channel ${id} used without a make event`);
    }
    return c;
  }

  private object(id: ObjectId, index: number): SyncObjectRecord {
    let o = this.objects.get(id);
    if (o === undefined) {
      o = new SyncObjectRecord(id);
      this.objects.set(id, o);
      this.anomaly(index, `sync object ${id} used without a sync.make event`);
    }
    return o;
  }

  private anomaly(index: number, message: string): void {
    if (this.anomalies.length < MAX_ANOMALIES) this.anomalies.push(Object.freeze({ index: index as EventIndex, message }));
  }

  private record(e: TraceEvent, i: number): void {
    switch (e.kind) {
      case "send": {
        const c = this.channel(e.ch, i);
        c.sends++;
        c.ops.push(i);
        this.flows.sent(i, e.ch, e.g, e.peer ?? NONE);
        if (e.sel !== undefined) this.selects.opDone(i, e.g, e.sel);
        break;
      }
      case "recv": {
        const c = this.channel(e.ch, i);
        c.recvs++;
        c.ops.push(i);
        if (e.from !== undefined) {
          if (!this.flows.received(i, e.from, e.g)) this.anomaly(i, `recv.from ${e.from} is not a send in this trace`);
        } else if (e.ok) this.anomaly(i, "a successful recv without `from`");
        if (e.sel !== undefined) this.selects.opDone(i, e.g, e.sel);
        break;
      }
      case "timer":
        this.timers.event(i, e.timer, e.purpose, e.ch);
        break;
      case "run":
      case "yield":
      case "exit":
      case "unblock":
      case "io":
        break;
      case "block":
        // A goroutine that waited on a channel used it, even if a timeout or a close ended the wait.
        if (e.ch !== undefined && e.reason !== "chan send (nil chan)" && e.reason !== "chan receive (nil chan)") {
          this.channel(e.ch, i).waited(e.g, i);
        }
        for (const c of e.cases ?? []) if (c.ch !== null) this.channel(c.ch, i).waited(e.g, i);
        break;
      case "spawn": {
        const r = this.goroutine(e.child, i);
        r.name = e.name;
        r.parent = e.g;
        r.spawn = i;
        for (const o of this.raised.get(e.g) ?? []) o.startedUnder(e.child, i);
        break;
      }
      case "make": {
        if (this.channels.get(e.ch) !== undefined) this.anomaly(i, `channel ${e.ch} made twice`);
        const c = new ChannelRecord(e.ch);
        this.channels.set(e.ch, c);
        c.name = e.name;
        c.cap = e.cap;
        c.made = i;
        c.madeBy = e.g;
        break;
      }
      case "close": {
        const c = this.channel(e.ch, i);
        c.closedAt = i;
        c.closedBy = e.g;
        c.ops.push(i);
        break;
      }
      case "select":
        this.selects.decided(i, e);
        break;
      case "sync.make": {
        const o = new SyncObjectRecord(e.obj);
        this.objects.set(e.obj, o);
        o.type = e.type;
        o.name = e.name;
        o.made = i;
        o.madeBy = e.g;
        break;
      }
      case "lock":
      case "unlock":
      case "wg.wait":
        this.object(e.obj, i).use(e.g, i);
        break;
      case "once":
        if (e.op === "start") this.object(e.obj, i).use(e.g, i);
        else this.object(e.obj, i);
        break;
      case "sync.op":
        // The runtime's own acts (a goroutine the group started, g 0) make no user.
        if (e.g === RUNTIME_G) this.object(e.obj, i);
        else this.object(e.obj, i).use(e.g, i);
        break;
      case "wg.add": {
        const o = this.object(e.obj, i);
        o.use(e.g, i);
        o.count(i, e.count);
        if (e.delta > 0) {
          let set = this.raised.get(e.g);
          if (set === undefined) this.raised.set(e.g, (set = new Set()));
          set.add(o);
        }
        if (e.count < 0) this.anomaly(i, `WaitGroup ${e.obj} counter went negative`);
        break;
      }
      case "ctx.make":
        this.contexts.made(i, e);
        break;
      case "ctx.cancel":
        if (!this.contexts.cancelled(i, e)) this.anomaly(i, `context ${e.ctx} cancelled but never made`);
        break;
      case "warn":
        this.warnings.push(i);
        break;
      case "output":
        this.output.push(i);
        break;
      case "panic":
        this.panics.push(i);
        break;
      case "leak":
        this.leaks.push(i);
        break;
      case "deadlock":
        this.deadlock = i;
        break;
      case "end":
        this.end = e;
        this.endIndex = i;
        break;
      default:
        assertNever(e, "event kind");
    }
    if (e.g !== RUNTIME_G && this.goroutines.get(e.g) === undefined) this.goroutine(e.g, i);
  }
}

/** The model of a whole event sequence. */
export function buildModel(events: Iterable<TraceEvent>, header?: TraceHeader, options?: BuildOptions): TraceModel {
  return new TraceModelBuilder(header, options).addAll(events).finish();
}
