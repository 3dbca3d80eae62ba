// A tiny typed helper for writing event sequences by hand in tests: it fills
// seq and t (10ns apart unless told otherwise), so a test reads as the story of
// a run: trace().main().make(1, 1, 0, "jobs").send(...)...

import type {
  BlockEvent,
  ChannelId,
  ContextId,
  ContextType,
  EndEvent,
  GoroutineId,
  LockMode,
  ObjectId,
  RunStatus,
  SelectCase,
  SourceLoc,
  SyncType,
  TraceEvent,
  WaitReason,
} from "../events";
import type { Nanos } from "../units";
import { buildModel, type BuildOptions } from "./builder";
import type { TraceModel } from "./traceModel";

type Loc = { readonly loc?: SourceLoc };
// The event shapes without seq/t, distributed over the union so each kind keeps its own fields.
type Draft<E> = E extends TraceEvent ? Omit<E, "seq" | "t"> : never;

export class TraceFixture {
  readonly events: TraceEvent[] = [];
  private now = 0;

  constructor(private readonly tick = 10) {}

  /** Seq of the last event added. */
  get last(): number {
    return this.events.length - 1;
  }

  /** Moves the clock forward by ns before the next event. */
  wait(ns: number): this {
    this.now += ns;
    return this;
  }

  add(e: Draft<TraceEvent>): this {
    const seq = this.events.length;
    if (seq > 0) this.now += this.tick;
    this.events.push({ ...e, seq, t: this.now as Nanos } as TraceEvent);
    return this;
  }

  /** spawn{g:0, child:1, "main"} then run{1}. */
  main(): this {
    return this.spawn(0, 1, "main").run(1);
  }

  spawn(parent: GoroutineId, child: GoroutineId, name?: string): this {
    return this.add({ kind: "spawn", g: parent, child, ...(name === undefined ? {} : { name }) });
  }
  run(g: GoroutineId): this {
    return this.add({ kind: "run", g });
  }
  yield(g: GoroutineId): this {
    return this.add({ kind: "yield", g });
  }
  exit(g: GoroutineId): this {
    return this.add({ kind: "exit", g });
  }
  make(g: GoroutineId, ch: ChannelId, cap: number, name?: string): this {
    return this.add({ kind: "make", g, ch, cap, ...(name === undefined ? {} : { name }) });
  }
  send(
    g: GoroutineId,
    ch: ChannelId,
    v: string,
    len: number,
    o: { readonly peer?: GoroutineId; readonly sel?: number } & Loc = {},
  ): this {
    return this.add({ kind: "send", g, ch, v, len, ...o });
  }
  recv(
    g: GoroutineId,
    ch: ChannelId,
    v: string,
    o: { readonly ok?: boolean; readonly len?: number; readonly peer?: GoroutineId; readonly from?: number; readonly sel?: number } & Loc = {},
  ): this {
    const { ok = true, len = 0, ...rest } = o;
    return this.add({ kind: "recv", g, ch, v, ok, len, ...rest });
  }
  close(g: GoroutineId, ch: ChannelId, len = 0): this {
    return this.add({ kind: "close", g, ch, len });
  }
  block(g: GoroutineId, reason: WaitReason, o: Omit<Draft<BlockEvent>, "kind" | "g" | "reason"> = {}): this {
    return this.add({ kind: "block", g, reason, ...o });
  }
  unblock(g: GoroutineId, by: GoroutineId): this {
    return this.add({ kind: "unblock", g, by });
  }
  select(g: GoroutineId, cases: readonly SelectCase[], ready: readonly number[], chosen: number, hasDefault = false): this {
    return this.add({ kind: "select", g, cases, ready, chosen, hasDefault });
  }
  syncMake(g: GoroutineId, obj: ObjectId, type: SyncType, name?: string): this {
    return this.add({ kind: "sync.make", g, obj, type, ...(name === undefined ? {} : { name }) });
  }
  lock(g: GoroutineId, obj: ObjectId, mode: LockMode = "w"): this {
    return this.add({ kind: "lock", g, obj, mode });
  }
  unlock(g: GoroutineId, obj: ObjectId, mode: LockMode = "w"): this {
    return this.add({ kind: "unlock", g, obj, mode });
  }
  wgAdd(g: GoroutineId, obj: ObjectId, delta: number, count: number): this {
    return this.add({ kind: "wg.add", g, obj, delta, count });
  }
  wgWait(g: GoroutineId, obj: ObjectId): this {
    return this.add({ kind: "wg.wait", g, obj });
  }
  ctxMake(
    g: GoroutineId,
    ctx: ContextId,
    type: ContextType,
    done: ChannelId,
    o: { readonly parent?: ContextId; readonly deadline?: Nanos } = {},
  ): this {
    return this.add({ kind: "ctx.make", g, ctx, type, done, ...o });
  }
  ctxCancel(g: GoroutineId, ctx: ContextId, err: string, source: ContextId, cause?: string): this {
    return this.add({ kind: "ctx.cancel", g, ctx, err, source, ...(cause === undefined ? {} : { cause }) });
  }
  panic(g: GoroutineId, message: string, o: { readonly fatal?: boolean; readonly stack?: string } & Loc = {}): this {
    return this.add({ kind: "panic", g, message, ...o });
  }
  leak(g: GoroutineId, reason: WaitReason, o: { readonly ch?: ChannelId; readonly obj?: ObjectId } = {}): this {
    return this.add({ kind: "leak", g, reason, ...o });
  }
  deadlock(message = "all goroutines are asleep - deadlock!"): this {
    return this.add({ kind: "deadlock", g: 0, message });
  }
  end(status: RunStatus, o: { readonly message?: string; readonly limit?: EndEvent["limit"] } = {}): this {
    return this.add({ kind: "end", g: 0, status, ...o });
  }

  model(options?: BuildOptions): TraceModel {
    return buildModel(this.events, undefined, options);
  }
}

export const trace = (tick?: number): TraceFixture => new TraceFixture(tick);

/** ping (G2) and pong (G3) trade a value each way, then each waits for the other; main waits on `done`. */
export const pingPongDeadlock = (): TraceFixture =>
  trace()
    .main() // 0, 1
    .make(1, 1, 0, "a") // 2
    .make(1, 2, 0, "b") // 3
    .make(1, 3, 0, "done") // 4
    .spawn(1, 2, "ping") // 5
    .spawn(1, 3, "pong") // 6
    .block(1, "chan receive", { ch: 3, loc: "main.ts:9" }) // 7
    .run(2) // 8
    .block(2, "chan send", { ch: 2, v: "ping" }) // 9
    .run(3) // 10
    .send(2, 2, "ping", 0, { peer: 3 }) // 11
    .recv(3, 2, "ping", { peer: 2, from: 11 }) // 12
    .unblock(2, 3) // 13
    .block(3, "chan send", { ch: 1, v: "pong" }) // 14
    .run(2) // 15
    .send(3, 1, "pong", 0, { peer: 2 }) // 16
    .recv(2, 1, "pong", { peer: 3, from: 16 }) // 17
    .unblock(3, 2) // 18
    .block(2, "chan receive", { ch: 1, loc: "pingpong.ts:12" }) // 19
    .run(3) // 20
    .block(3, "chan receive", { ch: 2, loc: "pingpong.ts:20" }) // 21
    .deadlock() // 22
    .end("deadlock", { message: "all goroutines are asleep - deadlock!" }); // 23
