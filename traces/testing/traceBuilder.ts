// The traces test kit's one trace builder: it numbers events densely from 0
// and keeps time (each event `tick` ns after the one before, plus any wait), so
// a test reads as the story of a run:
//
//   trace().main().make(1, 1, 0, "jobs").spawn(1, 2, "worker").send(1, 1, "42", 0, { peer: 2 })…
//
// Ids are plain numbers here (tests name them: goroutine 2, channel 1); the
// builder is where they become the schema's ids.

import { buildModel, type BuildOptions } from "../model/builder";
import type { TraceModel } from "../model/traceModel";
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  type BlockEvent,
  type ChannelId,
  type ContextId,
  type ContextType,
  type EndEvent,
  type EventIndex,
  type GoroutineId,
  type LockMode,
  type ObjectId,
  type OutputStream,
  type RunStatus,
  type SelectCase,
  type SourceLoc,
  type SyncType,
  type TimerId,
  type TraceEvent,
  type TraceHeader,
  type WaitReason,
} from "../events";
import type { Nanos } from "../units";

/** Ids as plain numbers, in an event's fields and in select cases. */
type Loose<T> = T extends GoroutineId | ChannelId | ObjectId | ContextId | TimerId | EventIndex
  ? number
  : T extends readonly (infer U)[]
    ? readonly Loose<U>[]
    : T extends string | number | boolean | undefined | null
      ? T
      : { readonly [K in keyof T]: Loose<T[K]> };

// The event shapes without seq/t, distributed over the union so each kind keeps its own fields.
type Draft<E> = E extends TraceEvent ? Loose<Omit<E, "seq" | "t">> : never;
/** An event without seq and t (the builder fills them in), its ids plain numbers. */
export type EventDraft = Draft<TraceEvent>;
type LooseCase = Loose<SelectCase>;
type Loc = { readonly loc?: SourceLoc };

/** A trace as a file holds it. */
export interface FixtureTrace {
  readonly header: TraceHeader;
  readonly events: readonly TraceEvent[];
}

export function fixtureHeader(overrides: Partial<TraceHeader> = {}): TraceHeader {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    program: { name: "fixture" },
    seed: 1,
    strategy: "fifo",
    clock: "virtual",
    runtime: "0.1.0",
    createdAt: "2025-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export interface TraceBuilderOptions {
  /** Time between one event and the next (default 10 ns; 0: events share the time until a `wait`). */
  readonly tick?: number;
  readonly header?: TraceHeader;
}

export class TraceBuilder {
  readonly events: TraceEvent[] = [];
  readonly header: TraceHeader;
  private readonly tick: number;
  private now = 0;

  constructor(options: TraceBuilderOptions = {}) {
    this.tick = options.tick ?? 10;
    this.header = options.header ?? fixtureHeader();
  }

  /** Seq of the last event added. */
  get last(): number {
    return this.events.length - 1;
  }

  /** The time of the last event (0 before the first). */
  get time(): Nanos {
    return this.now as Nanos;
  }

  /** Moves the clock forward by ns before the next event. */
  wait(ns: number): this {
    this.now += ns;
    return this;
  }

  add(e: EventDraft): this {
    const seq = this.events.length;
    if (seq > 0) this.now += this.tick;
    this.events.push({ ...e, seq, t: this.now as Nanos } as unknown as TraceEvent);
    return this;
  }

  /** spawn{g:0, child:1, "main"} then run{1}. */
  main(): this {
    return this.spawn(0, 1, "main").run(1);
  }

  spawn(parent: number, child: number, name?: string): this {
    return this.add({ kind: "spawn", g: parent, child, ...(name === undefined ? {} : { name }) });
  }
  run(g: number, o: Loc = {}): this {
    return this.add({ kind: "run", g, ...o });
  }
  yield(g: number): this {
    return this.add({ kind: "yield", g });
  }
  exit(g: number): this {
    return this.add({ kind: "exit", g });
  }
  make(g: number, ch: number, cap: number, name?: string): this {
    return this.add({ kind: "make", g, ch, cap, ...(name === undefined ? {} : { name }) });
  }
  send(g: number, ch: number, v: string, len: number, o: { readonly peer?: number; readonly sel?: number } & Loc = {}): this {
    return this.add({ kind: "send", g, ch, v, len, ...o });
  }
  recv(
    g: number,
    ch: number,
    v: string,
    o: { readonly ok?: boolean; readonly len?: number; readonly peer?: number; readonly from?: number; readonly sel?: number } & Loc = {},
  ): this {
    const { ok = true, len = 0, ...rest } = o;
    return this.add({ kind: "recv", g, ch, v, ok, len, ...rest });
  }
  close(g: number, ch: number, len = 0): this {
    return this.add({ kind: "close", g, ch, len });
  }
  block(g: number, reason: WaitReason, o: Omit<Draft<BlockEvent>, "kind" | "g" | "reason"> = {}): this {
    return this.add({ kind: "block", g, reason, ...o });
  }
  unblock(g: number, by: number): this {
    return this.add({ kind: "unblock", g, by });
  }
  select(g: number, cases: readonly LooseCase[], ready: readonly number[], chosen: number, hasDefault = false): this {
    return this.add({ kind: "select", g, cases, ready, chosen, hasDefault });
  }
  timer(
    g: number,
    timer: number,
    op: "set" | "fire" | "stop",
    purpose: "sleep" | "after" | "ticker" | "timer" | "deadline",
    at: number,
    ch?: number,
  ): this {
    return this.add({ kind: "timer", g, timer, op, purpose, at: at as Nanos, ...(ch === undefined ? {} : { ch }) });
  }
  syncMake(g: number, obj: number, type: SyncType, name?: string): this {
    return this.add({ kind: "sync.make", g, obj, type, ...(name === undefined ? {} : { name }) });
  }
  lock(g: number, obj: number, mode: LockMode = "w"): this {
    return this.add({ kind: "lock", g, obj, mode });
  }
  unlock(g: number, obj: number, mode: LockMode = "w"): this {
    return this.add({ kind: "unlock", g, obj, mode });
  }
  wgAdd(g: number, obj: number, delta: number, count: number): this {
    return this.add({ kind: "wg.add", g, obj, delta, count });
  }
  wgWait(g: number, obj: number): this {
    return this.add({ kind: "wg.wait", g, obj });
  }
  once(g: number, obj: number, op: "start" | "done"): this {
    return this.add({ kind: "once", g, obj, op });
  }
  ctxMake(g: number, ctx: number, type: ContextType, done: number, o: { readonly parent?: number; readonly deadline?: Nanos } = {}): this {
    return this.add({ kind: "ctx.make", g, ctx, type, done, ...o });
  }
  ctxCancel(g: number, ctx: number, err: string, source: number, cause?: string): this {
    return this.add({ kind: "ctx.cancel", g, ctx, err, source, ...(cause === undefined ? {} : { cause }) });
  }
  warn(g: number, message: string, o: { readonly unawaited?: true } & Loc = {}): this {
    return this.add({ kind: "warn", g, message, ...o });
  }
  /** A line g printed (stdout unless told). */
  output(g: number, text: string, o: { readonly stream?: OutputStream } & Loc = {}): this {
    return this.add({ kind: "output", g, stream: o.stream ?? "stdout", text, ...(o.loc === undefined ? {} : { loc: o.loc }) });
  }
  panic(g: number, message: string, o: { readonly fatal?: boolean; readonly stack?: string } & Loc = {}): this {
    return this.add({ kind: "panic", g, message, ...o });
  }
  leak(g: number, reason: WaitReason, o: { readonly ch?: number; readonly obj?: number } = {}): this {
    return this.add({ kind: "leak", g, reason, ...o });
  }
  deadlock(message = "all goroutines are asleep - deadlock!"): this {
    return this.add({ kind: "deadlock", g: 0, message });
  }
  end(status: RunStatus, o: { readonly g?: number; readonly message?: string; readonly limit?: EndEvent["limit"] } = {}): this {
    const { g = 0, ...rest } = o;
    return this.add({ kind: "end", g, status, ...rest });
  }

  /** The header and the events, as a file holds them. */
  trace(): FixtureTrace {
    return { header: this.header, events: this.events };
  }

  model(options?: BuildOptions): TraceModel {
    return buildModel(this.events, undefined, options);
  }
}

export const trace = (options?: TraceBuilderOptions): TraceBuilder => new TraceBuilder(options);
