// The traces test kit's generator: a small deterministic simulator of the
// runtime's event stream. Goroutines do channel sends/receives (buffered and
// unbuffered), selects with and without default, sleeps, mutexes, WaitGroups,
// contexts with cancellation and closes, emitting events the way the runtime
// does (runtime/HACKING.md, "Event order"). Tests use it for property checks —
// it also reports, at every quiescent point, the true state it holds, an oracle
// independent of the model — and for big valid trace files; the benchmarks use
// it to make a million realistic events. Its randomness is the project's one
// PRNG, seeded: the same options give the same trace.

import {
  channelId,
  eventIndex,
  goroutineId,
  objectId,
  type ChannelId,
  type EventIndex,
  type GoroutineId,
  type ObjectId,
  type SelectCase,
  type TraceEvent,
  type WaitReason,
} from "../events";
import type { Nanos } from "../units";
import { Prng } from "../prng";
import { fixtureHeader, type EventDraft, type FixtureTrace } from "./traceBuilder";

export interface SyntheticOptions {
  readonly seed: number;
  /** Stop after about this many events (the ending adds a few). */
  readonly events: number;
  /** Most workers alive at once. */
  readonly goroutines: number;
  /** Data channels made at the start (more are made along the way, up to twice this). */
  readonly channels: number;
  readonly maxCap?: number;
  /** Let main block too, so the run can end in a natural deadlock. */
  readonly mainBlocks?: boolean;
  readonly sync?: boolean;
  readonly contexts?: boolean;
  /** How the run ends once `events` is reached: main returns (leaks), a timeout, or the trace is cut. */
  readonly ending?: "ok" | "timeout" | "cut";
  /** Record the simulator's own state at every quiescent point. */
  readonly truth?: boolean;
}

/** The benchmarks' busy program: many goroutines and channels, sync objects, contexts, main returns. */
export const BENCH_SHAPE = {
  goroutines: 300,
  channels: 120,
  maxCap: 8,
  sync: true,
  contexts: true,
  ending: "ok",
} as const satisfies Omit<SyntheticOptions, "seed" | "events">;

/** The simulator's own view of the state after event `index`. */
export interface TruthSnapshot {
  readonly index: EventIndex;
  readonly running: GoroutineId | undefined;
  readonly goroutines: ReadonlyMap<GoroutineId, string>;
  readonly channels: ReadonlyMap<
    ChannelId,
    {
      readonly buffer: readonly number[];
      readonly sendq: readonly GoroutineId[];
      readonly recvq: readonly GoroutineId[];
      readonly closed: boolean;
    }
  >;
  readonly holders: ReadonlyMap<ObjectId, GoroutineId | undefined>;
  readonly counters: ReadonlyMap<ObjectId, number>;
}

interface Waiter {
  readonly g: G;
  readonly blockSeq: number;
  /** Case index when parked in a select. */
  readonly sel: number | undefined;
  /** Value a sender holds. */
  readonly v: string | undefined;
  /** Every channel/side it waits on (a select waits on several). */
  readonly on: readonly { readonly ch: Ch; readonly dir: "send" | "recv"; readonly sel: number | undefined }[];
}

interface G {
  readonly id: GoroutineId;
  state: string;
  opsLeft: number;
  waiter: Waiter | undefined;
  /** Mutex it must unlock next. */
  holding: Mx | undefined;
  /** WaitGroup it calls Done on before exiting. */
  wg: Wg | undefined;
  /** Emitted when it next runs (wg.wait after being woken). */
  onRun: (() => void) | undefined;
  isMain: boolean;
  /** Waiting goroutines to collect on (the WaitGroup collector). */
  collects: Wg | undefined;
  /** Its select statements: like code, a goroutine selects over the same channels again and again. */
  selects: { readonly cases: SelectCase[]; readonly chans: Ch[] }[];
}

interface Ch {
  readonly id: ChannelId;
  readonly cap: number;
  readonly buf: { readonly seq: number; readonly v: string }[];
  readonly sendq: Waiter[];
  readonly recvq: Waiter[];
  closed: boolean;
  /** Done channels are only closed, never sent on. */
  readonly done: boolean;
}

interface Mx {
  readonly id: ObjectId;
  holder: G | undefined;
  readonly waiters: G[];
  readonly blockSeq: Map<GoroutineId, number>;
}

interface Wg {
  readonly id: ObjectId;
  count: number;
  readonly waiters: G[];
}

interface Ctx {
  readonly id: number;
  readonly done: Ch;
  readonly children: Ctx[];
  cancelled: boolean;
}

class Simulator {
  private readonly rand: () => number;
  private seq = 0;
  private now = 0;
  private out: TraceEvent[] = [];
  readonly truth: TruthSnapshot[] = [];
  private readonly gs = new Map<GoroutineId, G>();
  private readonly runq: G[] = [];
  private readonly chans: Ch[] = [];
  private readonly dataChans: Ch[] = [];
  private readonly doneChans: Ch[] = [];
  private readonly mutexes: Mx[] = [];
  private readonly ctxs: Ctx[] = [];
  private timers: { at: number; g: G; id: number }[] = [];
  private nextG = 1;
  private nextCh = 1;
  private nextObj = 1;
  private nextTimer = 1;
  private live = 0;
  private running: G | undefined;
  private main!: G;
  done = false;

  constructor(private readonly o: SyntheticOptions) {
    const random = new Prng(o.seed);
    this.rand = () => random.nextFloat();
  }

  drain(): TraceEvent[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)] as T;
  }

  private emit(e: EventDraft): number {
    const seq = this.seq++;
    this.now += 20 + Math.floor(this.rand() * 200);
    this.out.push({ ...e, seq, t: this.now as Nanos } as TraceEvent);
    return seq;
  }

  private snapshot(): void {
    if (this.o.truth !== true) return;
    const goroutines = new Map<GoroutineId, string>();
    for (const g of this.gs.values()) goroutines.set(g.id, g.state);
    const channels = new Map<ChannelId, { buffer: number[]; sendq: GoroutineId[]; recvq: GoroutineId[]; closed: boolean }>();
    for (const c of this.chans) {
      channels.set(c.id, {
        buffer: c.buf.map((b) => b.seq),
        sendq: c.sendq.map((w) => w.g.id),
        recvq: c.recvq.map((w) => w.g.id),
        closed: c.closed,
      });
    }
    const holders = new Map<ObjectId, GoroutineId | undefined>();
    for (const m of this.mutexes) holders.set(m.id, m.holder?.id);
    const counters = new Map<ObjectId, number>();
    for (const w of this.wgs) counters.set(w.id, w.count);
    this.truth.push({ index: eventIndex(this.seq - 1), running: this.running?.id, goroutines, channels, holders, counters });
  }
  private readonly wgs: Wg[] = [];
  private readonly ctxDone = new Set<ChannelId>();

  start(): void {
    this.main = this.spawn(0, "main", true);
    for (let k = 0; k < this.o.channels; k++) this.makeChan(this.main, false);
    if (this.o.contexts === true) {
      const done = this.makeChan(this.main, true, false);
      const bg: Ctx = { id: 1, done, children: [], cancelled: false };
      this.ctxs.push(bg);
      this.emit({ kind: "ctx.make", g: this.main.id, ctx: 1, type: "background", done: done.id });
    }
    this.snapshot();
  }

  private spawn(parent: number, name: string, isMain = false): G {
    const g: G = {
      id: goroutineId(this.nextG++),
      state: "runnable",
      opsLeft: isMain ? Infinity : 4 + Math.floor(this.rand() * 30),
      waiter: undefined,
      holding: undefined,
      wg: undefined,
      onRun: undefined,
      isMain,
      collects: undefined,
      selects: [],
    };
    this.gs.set(g.id, g);
    this.emit({ kind: "spawn", g: parent, child: g.id, name });
    this.runq.push(g);
    if (!isMain) this.live++;
    return g;
  }

  private makeChan(by: G, done: boolean, listed = true): Ch {
    const cap = done || this.rand() < 0.5 ? 0 : 1 + Math.floor(this.rand() * (this.o.maxCap ?? 4));
    const c: Ch = { id: channelId(this.nextCh++), cap, buf: [], sendq: [], recvq: [], closed: false, done };
    this.chans.push(c);
    if (listed) (done ? this.doneChans : this.dataChans).push(c);
    this.emit({ kind: "make", g: by.id, ch: c.id, cap, name: `${done ? "done" : "ch"}${c.id}` });
    return c;
  }

  /** One scheduling step: fire due timers, run the next goroutine for a few operations. */
  step(): void {
    if (this.seq >= this.o.events) {
      this.finish();
      return;
    }
    if (this.runq.length === 0) {
      if (this.timers.length === 0) {
        this.emit({ kind: "deadlock", g: 0, message: "all goroutines are asleep - deadlock!" });
        for (const g of this.gs.values()) if (g.state.startsWith("blocked")) g.state = "deadlocked";
        this.running = undefined;
        this.snapshot();
        this.emit({ kind: "end", g: 0, status: "deadlock", message: "all goroutines are asleep - deadlock!" });
        this.snapshot();
        this.done = true;
        return;
      }
      this.now = Math.max(this.now, Math.min(...this.timers.map((t) => t.at)));
    }
    this.fireTimers();
    const g = this.runq.shift();
    if (g === undefined) return;
    this.emit({ kind: "run", g: g.id });
    if (this.running !== undefined && this.running.state === "running") this.running.state = "runnable";
    this.running = g;
    g.state = "running";
    this.snapshot();
    if (g.onRun !== undefined) {
      const f = g.onRun;
      g.onRun = undefined;
      f();
      this.snapshot();
    }
    const burst = 1 + Math.floor(this.rand() * 3);
    for (let k = 0; k < burst && g.state === "running"; k++) {
      if (g.isMain) this.mainOp(g);
      else this.workerOp(g);
      this.snapshot();
    }
    if (g.state === "running") {
      this.emit({ kind: "yield", g: g.id });
      g.state = "runnable";
      this.running = undefined;
      this.runq.push(g);
      this.snapshot();
    }
  }

  private fireTimers(): void {
    const due = this.timers.filter((t) => t.at <= this.now).sort((a, b) => a.at - b.at);
    if (due.length === 0) return;
    this.timers = this.timers.filter((t) => t.at > this.now);
    for (const t of due) {
      this.emit({ kind: "timer", g: 0, timer: t.id, op: "fire", purpose: "sleep", at: t.at as Nanos });
      this.emit({ kind: "unblock", g: t.g.id, by: 0 });
      t.g.state = "runnable";
      t.g.waiter = undefined;
      this.runq.push(t.g);
      this.snapshot();
    }
  }

  private mainOp(g: G): void {
    const r = this.rand();
    if (this.live < this.o.goroutines && r < 0.35) {
      if (this.o.sync === true && this.rand() < 0.15) this.spawnGroup(g);
      else this.spawn(g.id, `worker ${this.nextG}`);
      return;
    }
    if (r < 0.4 && this.dataChans.length < this.o.channels * 2) {
      this.makeChan(g, this.rand() < 0.3);
      return;
    }
    if (this.o.contexts === true && r < 0.45) {
      this.contextOp(g);
      return;
    }
    if (this.o.mainBlocks === true && r < 0.5 && this.seq > this.o.events / 2) {
      this.workerOp(g);
      return;
    }
    if (r < 0.85) {
      this.select(g, true); // never blocks: main rescues parked goroutines
      return;
    }
    this.sleep(g);
  }

  private spawnGroup(main: G): void {
    const wg: Wg = { id: objectId(this.nextObj++), count: 0, waiters: [] };
    this.wgs.push(wg);
    this.emit({ kind: "sync.make", g: main.id, obj: wg.id, type: "WaitGroup", name: `wg${wg.id}` });
    const n = 1 + Math.floor(this.rand() * 3);
    wg.count = n;
    this.emit({ kind: "wg.add", g: main.id, obj: wg.id, delta: n, count: n });
    for (let k = 0; k < n; k++) this.spawn(main.id, `member ${this.nextG}`).wg = wg;
    const collector = this.spawn(main.id, `collector ${this.nextG}`);
    collector.collects = wg;
  }

  private contextOp(g: G): void {
    const open = this.ctxs.filter((c) => !c.cancelled);
    if (this.rand() < 0.6 || open.length < 2) {
      const parent = this.pick(open.length > 0 ? open : this.ctxs);
      if (parent === undefined) return;
      const done = this.makeChan(g, true);
      this.ctxDone.add(done.id);
      const ctx: Ctx = { id: this.ctxs.length + 1, done, children: [], cancelled: parent.cancelled };
      parent.children.push(ctx);
      this.ctxs.push(ctx);
      this.emit({ kind: "ctx.make", g: g.id, ctx: ctx.id, parent: parent.id, type: "cancel", done: done.id });
      if (parent.cancelled) this.cancel(g, ctx, ctx.id, true);
      return;
    }
    const victim = this.pick(open.filter((c) => c.id !== 1));
    if (victim !== undefined) this.cancel(g, victim, victim.id, false);
  }

  private cancel(g: G, ctx: Ctx, source: number, force: boolean): void {
    if (ctx.cancelled && !force) return;
    ctx.cancelled = true;
    this.emit({ kind: "ctx.cancel", g: g.id, ctx: ctx.id, err: "context canceled", source });
    this.close(g, ctx.done);
    for (const child of ctx.children) this.cancel(g, child, source, false);
  }

  private workerOp(g: G): void {
    if (g.holding !== undefined) {
      this.unlock(g, g.holding);
      return;
    }
    if (g.collects !== undefined) {
      const wg = g.collects;
      g.collects = undefined;
      if (wg.count === 0) this.emit({ kind: "wg.wait", g: g.id, obj: wg.id });
      else {
        const seq = this.emit({ kind: "block", g: g.id, reason: "sync.WaitGroup.Wait", obj: wg.id });
        this.park(g, "blocked-waitgroup", seq);
        wg.waiters.push(g);
        g.onRun = () => this.emit({ kind: "wg.wait", g: g.id, obj: wg.id });
      }
      return;
    }
    if (g.opsLeft-- <= 0 && !g.isMain) {
      this.exit(g);
      return;
    }
    const r = this.rand();
    if (r < 0.5) this.chanOp(g);
    else if (r < 0.75) this.select(g, this.rand() < 0.3);
    else if (r < 0.82) this.sleep(g);
    else if (r < 0.9 && this.o.sync === true) this.lock(g);
    else if (r < 0.93 && this.doneChans.length > 0) {
      const c = this.pick(this.doneChans);
      if (!c.closed) this.close(g, c);
    } else if (r < 0.96 && this.o.contexts === true) this.contextOp(g);
    else {
      this.emit({ kind: "yield", g: g.id });
      g.state = "runnable";
      this.running = undefined;
      this.runq.push(g);
    }
  }

  private exit(g: G): void {
    if (g.wg !== undefined) {
      const wg = g.wg;
      g.wg = undefined;
      wg.count--;
      this.emit({ kind: "wg.add", g: g.id, obj: wg.id, delta: -1, count: wg.count });
      if (wg.count === 0) {
        for (const w of wg.waiters.splice(0)) this.wake(w, g);
      }
    }
    this.emit({ kind: "exit", g: g.id });
    g.state = "exited";
    this.running = undefined;
    this.live--;
  }

  private sendReady(c: Ch): boolean {
    return !c.closed && !c.done && (c.recvq.length > 0 || c.buf.length < c.cap);
  }

  private recvReady(c: Ch): boolean {
    return c.buf.length > 0 || c.sendq.length > 0 || c.closed;
  }

  /** A channel operation, preferring one that is ready (as real programs mostly do). */
  private chanOp(g: G): void {
    let choice: { c: Ch; dir: "send" | "recv" } | undefined;
    for (let k = 0; k < 3; k++) {
      const dir: "send" | "recv" = this.rand() < 0.5 ? "send" : "recv";
      const c = dir === "recv" && this.doneChans.length > 0 && this.rand() < 0.1 ? this.pick(this.doneChans) : this.pick(this.dataChans);
      choice ??= { c, dir };
      if (dir === "send" ? this.sendReady(c) : this.recvReady(c)) {
        choice = { c, dir };
        break;
      }
      if (this.rand() < 0.3) break;
    }
    if (choice === undefined) return;
    const { c, dir } = choice;
    if (dir === "send") {
      if (c.done) return;
      const v = `${g.id}.${this.seq}`;
      if (this.sendReady(c)) this.send(g, c, v, undefined);
      else {
        const seq = this.emit({ kind: "block", g: g.id, reason: "chan send", ch: c.id, v });
        this.park(g, "blocked-send", seq);
        const w: Waiter = { g, blockSeq: seq, sel: undefined, v, on: [{ ch: c, dir: "send", sel: undefined }] };
        g.waiter = w;
        c.sendq.push(w);
      }
    } else if (this.recvReady(c)) this.recv(g, c, undefined);
    else {
      const seq = this.emit({ kind: "block", g: g.id, reason: "chan receive", ch: c.id });
      this.park(g, "blocked-recv", seq);
      const w: Waiter = { g, blockSeq: seq, sel: undefined, v: undefined, on: [{ ch: c, dir: "recv", sel: undefined }] };
      g.waiter = w;
      c.recvq.push(w);
    }
  }

  private select(g: G, withDefault: boolean): void {
    if (g.selects.length < 2 || this.rand() < 0.05) {
      const n = 1 + Math.floor(this.rand() * 3);
      const cases: SelectCase[] = [];
      const used = new Set<number>();
      const chans: Ch[] = [];
      for (let k = 0; k < n; k++) {
        const fromDone = this.doneChans.length > 0 && this.rand() < 0.2;
        const c = fromDone ? this.pick(this.doneChans) : this.pick(this.dataChans);
        if (used.has(c.id)) continue;
        used.add(c.id);
        const dir: "send" | "recv" = c.done || this.rand() < 0.5 ? "recv" : "send";
        cases.push({ ch: c.id, dir });
        chans.push(c);
      }
      if (!withDefault && this.o.mainBlocks === true && this.rand() < 0.05) cases.push({ ch: null, dir: "recv" });
      if (g.selects.length >= 2) g.selects.shift();
      g.selects.push({ cases, chans });
    }
    const { cases, chans } = this.pick(g.selects);
    const ready: number[] = [];
    cases.forEach((sc, k) => {
      const c = chans[k];
      if (c !== undefined && (sc.dir === "send" ? this.sendReady(c) : this.recvReady(c))) ready.push(k);
    });
    const v = `${g.id}.${this.seq}`;
    if (ready.length > 0) {
      const chosen = this.pick(ready);
      this.emit({ kind: "select", g: g.id, cases, ready, chosen, hasDefault: withDefault });
      const c = chans[chosen] as Ch;
      if ((cases[chosen] as SelectCase).dir === "send") this.send(g, c, v, chosen);
      else this.recv(g, c, chosen);
      return;
    }
    if (withDefault) {
      this.emit({ kind: "select", g: g.id, cases, ready: [], chosen: -1, hasDefault: true });
      return;
    }
    if (cases.length === 0) return;
    const hasSend = cases.some((sc) => sc.dir === "send");
    const seq = this.emit({ kind: "block", g: g.id, reason: "select", cases, ...(hasSend ? { v } : {}) });
    this.park(g, "blocked-select", seq);
    const on = chans.map((c, k) => ({ ch: c, dir: (cases[k] as SelectCase).dir, sel: k }));
    const w: Waiter = { g, blockSeq: seq, sel: 0, v, on };
    g.waiter = w;
    for (const x of on) (x.dir === "send" ? x.ch.sendq : x.ch.recvq).push(w);
  }

  private park(g: G, state: string, _seq: number): void {
    g.state = state;
    if (this.running === g) this.running = undefined;
  }

  /** Takes a parked waiter off every queue it sits in; returns the select case for channel c. */
  private dequeue(w: Waiter, c: Ch, dir: "send" | "recv"): number | undefined {
    let sel: number | undefined;
    for (const x of w.on) {
      const q = x.dir === "send" ? x.ch.sendq : x.ch.recvq;
      const k = q.indexOf(w);
      if (k >= 0) q.splice(k, 1);
      if (x.ch === c && x.dir === dir) sel = x.sel;
    }
    w.g.waiter = undefined;
    return sel;
  }

  private wake(target: G, by: G): void {
    this.emit({ kind: "unblock", g: target.id, by: by.id });
    target.state = "runnable";
    this.runq.push(target);
  }

  private send(g: G, c: Ch, v: string, sel: number | undefined): void {
    const selField = sel === undefined ? {} : { sel };
    const r = c.recvq.shift();
    if (r !== undefined) {
      const rsel = this.dequeue(r, c, "recv");
      const s = this.emit({ kind: "send", g: g.id, ch: c.id, v, len: c.buf.length, peer: r.g.id, ...selField });
      this.emit({
        kind: "recv",
        g: r.g.id,
        ch: c.id,
        v,
        ok: true,
        len: c.buf.length,
        peer: g.id,
        from: s,
        ...(rsel === undefined ? {} : { sel: rsel }),
      });
      this.wake(r.g, g);
      return;
    }
    const s = this.seq;
    c.buf.push({ seq: s, v });
    this.emit({ kind: "send", g: g.id, ch: c.id, v, len: c.buf.length, ...selField });
  }

  private recv(g: G, c: Ch, sel: number | undefined): void {
    const selField = sel === undefined ? {} : { sel };
    const head = c.buf.shift();
    if (head !== undefined) {
      this.emit({ kind: "recv", g: g.id, ch: c.id, v: head.v, ok: true, len: c.buf.length, from: head.seq, ...selField });
      const s = c.sendq.shift();
      if (s !== undefined) {
        // A slot freed: the first parked sender's value joins the tail.
        const ssel = this.dequeue(s, c, "send");
        const v = s.v ?? "";
        c.buf.push({ seq: this.seq, v });
        this.emit({ kind: "send", g: s.g.id, ch: c.id, v, len: c.buf.length, ...(ssel === undefined ? {} : { sel: ssel }) });
        this.wake(s.g, g);
      }
      return;
    }
    const s = c.sendq.shift();
    if (s !== undefined) {
      const ssel = this.dequeue(s, c, "send");
      const v = s.v ?? "";
      const sendSeq = this.emit({
        kind: "send",
        g: s.g.id,
        ch: c.id,
        v,
        len: 0,
        peer: g.id,
        ...(ssel === undefined ? {} : { sel: ssel }),
      });
      this.emit({ kind: "recv", g: g.id, ch: c.id, v, ok: true, len: 0, peer: s.g.id, from: sendSeq, ...selField });
      this.wake(s.g, g);
      return;
    }
    // Closed and drained.
    this.emit({ kind: "recv", g: g.id, ch: c.id, v: "", ok: false, len: 0, ...selField });
  }

  private close(g: G, c: Ch): void {
    if (c.closed) return;
    c.closed = true;
    this.emit({ kind: "close", g: g.id, ch: c.id, len: c.buf.length });
    for (const r of c.recvq.slice()) {
      const rsel = this.dequeue(r, c, "recv");
      this.emit({ kind: "recv", g: r.g.id, ch: c.id, v: "", ok: false, len: 0, ...(rsel === undefined ? {} : { sel: rsel }) });
      this.wake(r.g, g);
    }
    const di = this.doneChans.indexOf(c);
    if (di >= 0 && this.o.contexts !== true) this.doneChans.splice(di, 1);
  }

  private sleep(g: G): void {
    const until = this.now + 1000 + Math.floor(this.rand() * 20000);
    const id = this.nextTimer++;
    this.emit({ kind: "timer", g: g.id, timer: id, op: "set", purpose: "sleep", at: until as Nanos });
    const seq = this.emit({ kind: "block", g: g.id, reason: "sleep", until: until as Nanos });
    this.park(g, "blocked-sleep", seq);
    this.timers.push({ at: until, g, id });
  }

  private lock(g: G): void {
    if (this.mutexes.length < 4 && (this.mutexes.length === 0 || this.rand() < 0.1)) {
      const m: Mx = { id: objectId(this.nextObj++), holder: undefined, waiters: [], blockSeq: new Map() };
      this.mutexes.push(m);
      this.emit({ kind: "sync.make", g: g.id, obj: m.id, type: "Mutex", name: `mu${m.id}` });
    }
    const m = this.pick(this.mutexes);
    if (m.holder === undefined) {
      m.holder = g;
      g.holding = m;
      this.emit({ kind: "lock", g: g.id, obj: m.id, mode: "w" });
      return;
    }
    const seq = this.emit({ kind: "block", g: g.id, reason: "sync.Mutex.Lock", obj: m.id });
    this.park(g, "blocked-mutex", seq);
    m.waiters.push(g);
  }

  private unlock(g: G, m: Mx): void {
    g.holding = undefined;
    this.emit({ kind: "unlock", g: g.id, obj: m.id, mode: "w" });
    const next = m.waiters.shift();
    m.holder = next;
    if (next !== undefined) {
      next.holding = m;
      this.emit({ kind: "lock", g: next.id, obj: m.id, mode: "w" });
      this.wake(next, g);
    }
  }

  private finish(): void {
    const ending = this.o.ending ?? "ok";
    this.done = true;
    if (ending === "cut") return;
    if (ending === "timeout") {
      this.emit({ kind: "end", g: 0, status: "timeout", limit: "events", message: `event limit ${this.o.events} reached` });
      this.snapshot();
      return;
    }
    if (this.main.state === "blocked-sleep") {
      // Let main's sleep end so that it can return.
      const k = this.timers.findIndex((t) => t.g === this.main);
      const timer = this.timers[k];
      if (timer !== undefined) {
        this.timers.splice(k, 1);
        this.now = Math.max(this.now, timer.at);
        this.emit({ kind: "timer", g: 0, timer: timer.id, op: "fire", purpose: "sleep", at: timer.at as Nanos });
        this.emit({ kind: "unblock", g: this.main.id, by: 0 });
        this.main.state = "runnable";
        this.runq.push(this.main);
        this.snapshot();
      }
    }
    if (this.main.state !== "running" && this.main.state !== "runnable") {
      // main is parked: it cannot return, so the run ends on its limit.
      this.emit({ kind: "end", g: 0, status: "timeout", limit: "events" });
      this.snapshot();
      return;
    }
    if (this.main.state === "runnable") {
      const k = this.runq.indexOf(this.main);
      if (k >= 0) this.runq.splice(k, 1);
      this.emit({ kind: "run", g: this.main.id });
      if (this.running !== undefined && this.running.state === "running") this.running.state = "runnable";
      this.running = this.main;
      this.main.state = "running";
      this.snapshot();
    }
    // main returns: goroutines still blocked are leaked.
    if (this.running !== undefined && this.running !== this.main && this.running.state === "running") {
      this.running.state = "runnable";
    }
    this.emit({ kind: "exit", g: this.main.id });
    this.main.state = "exited";
    this.running = undefined;
    this.snapshot();
    for (const g of this.gs.values()) {
      if (!g.state.startsWith("blocked")) continue;
      const w = g.waiter;
      const reason = reasonOf(g.state);
      const one = w !== undefined && w.on.length === 1 ? w.on[0] : undefined;
      this.emit({ kind: "leak", g: g.id, reason, ...(one === undefined ? {} : { ch: one.ch.id }) });
      g.state = "leaked";
      this.snapshot();
    }
    this.emit({ kind: "end", g: 0, status: "ok" });
    this.snapshot();
  }
}

function reasonOf(state: string): WaitReason {
  switch (state) {
    case "blocked-send":
      return "chan send";
    case "blocked-recv":
      return "chan receive";
    case "blocked-select":
      return "select";
    case "blocked-sleep":
      return "sleep";
    case "blocked-mutex":
      return "sync.Mutex.Lock";
    case "blocked-waitgroup":
      return "sync.WaitGroup.Wait";
    default:
      throw new Error(`no wait reason for ${state}`);
  }
}

/** Streams the events (no array of a million objects). */
export function* syntheticEvents(o: SyntheticOptions): Generator<TraceEvent> {
  const sim = new Simulator(o);
  sim.start();
  yield* sim.drain();
  while (!sim.done) {
    sim.step();
    yield* sim.drain();
  }
}

/** The events as an array, with the simulator's own state at each quiescent point when `truth` is set. */
export function synthesize(o: SyntheticOptions): { readonly events: readonly TraceEvent[]; readonly truth: readonly TruthSnapshot[] } {
  const sim = new Simulator(o);
  const events: TraceEvent[] = [];
  sim.start();
  events.push(...sim.drain());
  while (!sim.done) {
    sim.step();
    for (const e of sim.drain()) events.push(e);
  }
  return { events, truth: sim.truth };
}

/**
 * A trace file's worth of a busy run: about `events` events (8 goroutines at
 * most, channels, selects, sleeps, mutexes, WaitGroups, contexts), ending with
 * main's return, under a header.
 */
export function syntheticTrace(events: number, seed = 1): FixtureTrace {
  return {
    header: fixtureHeader({ program: { name: "synthetic", id: "synthetic" }, seed }),
    events: synthesize({ seed, events, goroutines: 8, channels: 4, maxCap: 4, sync: true, contexts: true, ending: "ok" }).events,
  };
}
