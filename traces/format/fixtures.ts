// Hand-built traces for tests and benchmarks, written while the runtime does not exist
// yet: a small builder that numbers events and keeps time, a sample program's trace,
// one with every kind and optional field, and a generator of large realistic traces.
// Shared with traces/model and the renderer tests; nothing here is used at run time.
import {
  FORMAT_NAME,
  FORMAT_VERSION,
  MAIN_G,
  RUNTIME_G,
  type ContextType,
  type SyncType,
  type TraceEvent,
  type TraceHeader,
} from "../events";
import { nanos, type Nanos } from "../units";
import { serializeHeader } from "./encode";

type Draft<E> = E extends TraceEvent ? Omit<E, "seq" | "t"> : never;
/** An event without seq and t: the builder fills them in. */
export type EventDraft = Draft<TraceEvent>;

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

/** Numbers events densely from 0 and stamps them with the current time. */
export class TraceBuilder {
  readonly header: TraceHeader;
  private readonly list: TraceEvent[] = [];
  private now = 0;
  private nextG = MAIN_G;
  private nextCh = 1;
  private nextObj = 1;
  private nextCtx = 1;

  constructor(header: TraceHeader = fixtureHeader()) {
    this.header = header;
  }

  get events(): readonly TraceEvent[] {
    return this.list;
  }

  get time(): Nanos {
    return nanos(this.now);
  }

  trace(): FixtureTrace {
    return { header: this.header, events: this.list };
  }

  advance(ns: number): this {
    this.now += ns;
    return this;
  }

  add<D extends EventDraft>(draft: D): D & { readonly seq: number; readonly t: Nanos } {
    const e = { seq: this.list.length, t: nanos(this.now), ...draft };
    this.list.push(e as unknown as TraceEvent);
    return e;
  }

  /** Spawns the next goroutine (main first, from the runtime) and returns its id. */
  spawn(parent: number, name?: string): number {
    const child = this.nextG++;
    this.add(name === undefined ? { kind: "spawn", g: parent, child } : { kind: "spawn", g: parent, child, name });
    return child;
  }

  /** Makes the next channel and returns its id. */
  make(g: number, cap: number, name?: string): number {
    const ch = this.nextCh++;
    this.add(name === undefined ? { kind: "make", g, ch, cap } : { kind: "make", g, ch, cap, name });
    return ch;
  }

  syncMake(g: number, type: SyncType, name?: string): number {
    const obj = this.nextObj++;
    this.add(name === undefined ? { kind: "sync.make", g, obj, type } : { kind: "sync.make", g, obj, type, name });
    return obj;
  }

  /** Makes a context with its own done channel; returns both ids. */
  ctxMake(g: number, type: ContextType, parent?: number, deadline?: Nanos): { readonly ctx: number; readonly done: number } {
    const ctx = this.nextCtx++;
    const done = this.nextCh++;
    this.add({
      kind: "ctx.make",
      g,
      ctx,
      type,
      done,
      ...(parent === undefined ? {} : { parent }),
      ...(deadline === undefined ? {} : { deadline }),
    });
    return { ctx, done };
  }
}

/**
 * A fan-in pipeline as the runtime would record it: main feeds two workers through a
 * buffered channel, collects results over an unbuffered one, waits with a timeout,
 * and returns while worker 2 is still blocked (a leak).
 */
export function sampleTrace(): FixtureTrace {
  const b = new TraceBuilder(fixtureHeader({ program: { name: "fan-in", id: "samples/fan-in" }, seed: 42 }));
  const main = b.spawn(RUNTIME_G, "main");
  b.add({ kind: "run", g: main, loc: "fan-in.ts:3" });
  const jobs = b.make(main, 2, "jobs");
  const results = b.make(main, 0, "results");
  const w1 = b.spawn(main, "worker 1");
  const w2 = b.spawn(main, "worker 2");
  const s1 = b.add({ kind: "send", g: main, ch: jobs, v: "1", len: 1 });
  const s2 = b.add({ kind: "send", g: main, ch: jobs, v: "2", len: 2 });
  b.add({ kind: "block", g: main, reason: "chan send", ch: jobs, v: "3" });

  b.advance(1_000);
  b.add({ kind: "run", g: w1 });
  b.add({ kind: "recv", g: w1, ch: jobs, v: "1", ok: true, len: 1, from: s1.seq });
  // The parked sender's value moves into the freed buffer slot.
  const s3 = b.add({ kind: "send", g: main, ch: jobs, v: "3", len: 2 });
  b.add({ kind: "unblock", g: main, by: w1 });
  b.add({ kind: "block", g: w1, reason: "chan send", ch: results, v: "2" });
  b.add({ kind: "run", g: w2 });
  b.add({ kind: "recv", g: w2, ch: jobs, v: "2", ok: true, len: 1, from: s2.seq });
  b.add({ kind: "block", g: w2, reason: "chan send", ch: results, v: "4" });

  b.advance(500);
  b.add({ kind: "run", g: main });
  b.add({ kind: "close", g: main, ch: jobs, len: 1 });
  // main receives while worker 1 is parked sending: a direct handoff.
  const r1 = b.add({ kind: "send", g: w1, ch: results, v: "2", len: 0, peer: main });
  b.add({ kind: "recv", g: main, ch: results, v: "2", ok: true, len: 0, peer: w1, from: r1.seq });
  b.add({ kind: "unblock", g: w1, by: main });

  // select { case r := <-results: … case <-time.After(5ms): … }
  const after = b.make(main, 1, "time.After");
  b.add({ kind: "timer", g: main, timer: 1, op: "set", purpose: "after", at: nanos(b.time + 5_000_000), ch: after });
  const r2 = b.add({ kind: "send", g: w2, ch: results, v: "4", len: 0, peer: main, loc: "fan-in.ts:12" });
  b.add({
    kind: "select",
    g: main,
    cases: [
      { ch: results, dir: "recv" },
      { ch: after, dir: "recv" },
    ],
    ready: [0],
    chosen: 0,
    hasDefault: false,
  });
  b.add({ kind: "recv", g: main, ch: results, v: "4", ok: true, len: 0, peer: w2, from: r2.seq, sel: 0 });
  b.add({ kind: "unblock", g: w2, by: main });
  b.add({ kind: "timer", g: main, timer: 1, op: "stop", purpose: "after", at: nanos(b.time + 5_000_000), ch: after });

  b.advance(2_000);
  b.add({ kind: "run", g: w1 });
  b.add({ kind: "recv", g: w1, ch: jobs, v: "3", ok: true, len: 0, from: s3.seq });
  b.add({ kind: "block", g: w1, reason: "chan send", ch: results, v: "6" });
  b.add({ kind: "run", g: w2 });
  b.add({ kind: "recv", g: w2, ch: jobs, v: "0", ok: false, len: 0 });
  b.add({ kind: "exit", g: w2 });
  b.add({ kind: "run", g: main });
  b.add({ kind: "leak", g: w1, reason: "chan send", ch: results });
  b.add({ kind: "end", g: main, status: "ok" });
  return b.trace();
}

/** Every event kind and every optional field at least once (not a plausible program). */
export function everyKindTrace(): FixtureTrace {
  const b = new TraceBuilder(
    fixtureHeader({
      program: { name: "everything", id: "user/everything.ts", source: 'import { go } from "chanscope";\n// é ✓ 🎉\n' },
      seed: 7,
      strategy: "random",
      clock: "real",
    }),
  );
  const main = b.spawn(RUNTIME_G, "main");
  b.add({ kind: "run", g: main, loc: "everything.ts:1:1" });
  const g2 = b.spawn(main);
  const ch = b.make(main, 3);
  const named = b.make(main, 0, "named \"quoted\" ✓");
  b.add({ kind: "yield", g: main });
  b.add({ kind: "run", g: g2 });
  const s = b.add({ kind: "send", g: g2, ch, v: "{a: 1}", len: 1, sel: 1, loc: "everything.ts:9" });
  b.add({ kind: "block", g: g2, reason: "select", cases: [{ ch: null, dir: "send" }, { ch: named, dir: "recv" }] });
  b.add({ kind: "block", g: main, reason: "chan receive (nil chan)" });
  b.add({ kind: "unblock", g: g2, by: RUNTIME_G });
  b.add({ kind: "select", g: g2, cases: [{ ch: null, dir: "recv" }], ready: [], chosen: -1, hasDefault: true });
  b.add({ kind: "recv", g: g2, ch, v: "{a: 1}", ok: true, len: 0, peer: main, from: s.seq, sel: 0 });
  b.add({ kind: "timer", g: RUNTIME_G, timer: 9, op: "fire", purpose: "sleep", at: nanos(0) });
  b.add({ kind: "block", g: g2, reason: "sleep", until: nanos(1_000_000) });
  b.advance(1_000_000);
  b.add({ kind: "timer", g: RUNTIME_G, timer: 3, op: "fire", purpose: "ticker", at: b.time, ch });
  const mu = b.syncMake(main, "Mutex");
  const rw = b.syncMake(main, "RWMutex", "table");
  const wg = b.syncMake(main, "WaitGroup", "wg");
  const once = b.syncMake(main, "Once");
  b.add({ kind: "lock", g: main, obj: mu, mode: "w" });
  b.add({ kind: "unlock", g: main, obj: mu, mode: "w" });
  b.add({ kind: "lock", g: main, obj: rw, mode: "r" });
  b.add({ kind: "block", g: g2, reason: "sync.RWMutex.Lock", obj: rw });
  b.add({ kind: "unlock", g: main, obj: rw, mode: "r" });
  b.add({ kind: "wg.add", g: main, obj: wg, delta: -1, count: -1 });
  b.add({ kind: "wg.wait", g: main, obj: wg });
  b.add({ kind: "once", g: main, obj: once, op: "start" });
  b.add({ kind: "once", g: main, obj: once, op: "done" });
  const bg = b.ctxMake(main, "background");
  const tm = b.ctxMake(main, "timeout", bg.ctx, nanos(5_000_000));
  b.add({ kind: "ctx.cancel", g: RUNTIME_G, ctx: tm.ctx, err: "context deadline exceeded", source: tm.ctx });
  b.add({ kind: "ctx.cancel", g: main, ctx: bg.ctx, err: "context canceled", cause: "shutdown", source: bg.ctx });
  b.add({ kind: "close", g: main, ch: tm.done, len: 0 });
  b.add({ kind: "io", g: main, io: 1, op: "start", label: "fetch(\"/api\")" });
  b.add({ kind: "block", g: main, reason: "io", io: 1 });
  b.add({ kind: "io", g: RUNTIME_G, io: 1, op: "end", ok: false });
  b.add({ kind: "warn", g: main, message: "a foreign promise was awaited outside io()" });
  b.add({ kind: "panic", g: g2, message: "send on closed channel" });
  b.add({ kind: "panic", g: main, message: "sync: unlock of unlocked mutex", fatal: true, stack: "Error: boom\n    at main (everything.ts:20:3)" });
  b.add({ kind: "leak", g: g2, reason: "sync.Mutex.Lock", obj: mu });
  b.add({ kind: "leak", g: main, reason: "chan receive", ch: named });
  b.add({ kind: "deadlock", g: RUNTIME_G, message: "fatal error: all goroutines are asleep - deadlock!" });
  b.add({ kind: "exit", g: g2 });
  b.add({ kind: "end", g: RUNTIME_G, status: "timeout", message: "stopped by the user", limit: "stopped" });
  return b.trace();
}

/** mulberry32: a tiny seeded PRNG, so generated traces and fuzz runs are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A worker pool of `workers` goroutines as a long run would record it: jobs over a
 * buffered channel, a sleep per job, a mutex, results handed back to main. About
 * `eventCount` events (it stops at the first job boundary past it), then `end`.
 */
export function syntheticTrace(eventCount: number, seed = 1, workers = 8): FixtureTrace {
  const rand = seededRandom(seed);
  const b = new TraceBuilder(fixtureHeader({ program: { name: "worker pool", id: "samples/worker-pool" }, seed }));
  const main = b.spawn(RUNTIME_G, "main");
  b.add({ kind: "run", g: main, loc: "worker-pool.ts:4" });
  const cap = 16;
  const jobs = b.make(main, cap, "jobs");
  const results = b.make(main, 0, "results");
  const mu = b.syncMake(main, "Mutex", "stats");
  const pool: number[] = [];
  for (let i = 0; i < workers; i++) pool.push(b.spawn(main, `worker ${i + 1}`));
  let buffered = 0;
  let timer = 0;
  for (let job = 0; b.events.length < eventCount; job++) {
    const w = pool[Math.floor(rand() * workers)]!;
    b.advance(Math.floor(rand() * 2_000));
    b.add({ kind: "run", g: main });
    buffered = Math.min(cap, buffered + 1);
    const sent = b.add({ kind: "send", g: main, ch: jobs, v: `job ${job}`, len: buffered });
    b.add({ kind: "unblock", g: w, by: main });
    if (buffered === cap) b.add({ kind: "block", g: main, reason: "chan send", ch: jobs, v: `job ${job + 1}` });
    else b.add({ kind: "yield", g: main });
    b.add({ kind: "run", g: w });
    buffered = Math.max(0, buffered - 1 - Math.floor(rand() * 2));
    b.add({ kind: "recv", g: w, ch: jobs, v: `job ${job}`, ok: true, len: buffered, from: sent.seq });
    const sleep = 1_000 + Math.floor(rand() * 1_000_000);
    timer++;
    b.add({ kind: "timer", g: w, timer, op: "set", purpose: "sleep", at: nanos(b.time + sleep) });
    b.add({ kind: "block", g: w, reason: "sleep", until: nanos(b.time + sleep), loc: "worker-pool.ts:17" });
    b.advance(sleep);
    b.add({ kind: "timer", g: RUNTIME_G, timer, op: "fire", purpose: "sleep", at: b.time });
    b.add({ kind: "unblock", g: w, by: RUNTIME_G });
    b.add({ kind: "run", g: w });
    b.add({ kind: "lock", g: w, obj: mu, mode: "w" });
    b.add({ kind: "unlock", g: w, obj: mu, mode: "w" });
    const handed = b.add({ kind: "send", g: w, ch: results, v: `${job * 2}`, len: 0, peer: main });
    b.add({ kind: "recv", g: main, ch: results, v: `${job * 2}`, ok: true, len: 0, peer: w, from: handed.seq });
    b.add({ kind: "block", g: w, reason: "chan receive", ch: jobs });
  }
  b.add({ kind: "end", g: main, status: "ok" });
  return b.trace();
}

/**
 * A trace file's text from raw objects, each JSON-stringified onto its own line after a
 * valid header: for tests that need lines the writer would never produce.
 */
export function rawTraceText(lines: readonly unknown[], header: TraceHeader = fixtureHeader()): string {
  return [serializeHeader(header), ...lines.map((l) => JSON.stringify(l))].join("\n") + "\n";
}

/** The opening events most hand-written test traces need: main spawned and running. */
export function mainRunning(): readonly unknown[] {
  return [
    { seq: 0, t: 0, g: RUNTIME_G, kind: "spawn", child: MAIN_G, name: "main" },
    { seq: 1, t: 0, g: MAIN_G, kind: "run" },
  ];
}
