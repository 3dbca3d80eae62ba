// Export to the Chrome Trace Event format (JSON object form), which Perfetto UI and
// chrome://tracing open: one process for the program, one thread per goroutine, its
// running / runnable / blocked states as slices, send→recv as flow arrows, channel
// buffer lengths as counter tracks.
//
// Flow arrows (v1: "s"/"f" events) attach to the slice on top of their thread's stack
// when Perfetto reaches them, and Perfetto reads the events of one timestamp with
// every "X" slice first (longest first), then the rest in file order. In virtual time a
// goroutine often does several channel operations at one instant, so:
//   * each goroutine gets ONE zero-length slice per instant holding all its channel
//     operations there; zero-length state slices are left out. That slice is then the
//     last "X" of its thread and timestamp: on top when the flows are read.
//   * flows come after every slice in the file (in event order, so a send's "s" always
//     precedes its "f"), and instants after every flow: an instant is a zero-length
//     slice too and must not be on top when a flow is read.
// Zero-length slices never overlap a state slice partially, which Perfetto would drop.
import {
  RUNTIME_G,
  goroutineId,
  assertNever,
  type ChannelId,
  type GoroutineId,
  type ObjectId,
  type RecvEvent,
  type SendEvent,
  type SyncType,
  type TraceEvent,
  type TraceHeader,
} from "../events";
import { channelLabel, channelNoun, contextLabel, goroutineLabel, objectLabel, panicHeadline, syncOpPhrase } from "../vocabulary/index";

export type ChromePhase = "X" | "i" | "M" | "C" | "s" | "f";

export interface ChromeTraceEvent {
  readonly name: string;
  readonly ph: ChromePhase;
  readonly pid: number;
  readonly tid: number;
  /** Microseconds; absent on metadata events. */
  readonly ts?: number;
  /** Microseconds, on complete ("X") events. */
  readonly dur?: number;
  readonly cat?: string;
  /** Flow id, shared by one "s" and one "f". */
  readonly id?: number;
  /** "e": the flow end binds to the enclosing slice. */
  readonly bp?: "e";
  /** Instant scope: thread, process or global. */
  readonly s?: "t" | "p" | "g";
  readonly args?: Readonly<Record<string, unknown>>;
}

export interface ChromeTrace {
  readonly traceEvents: readonly ChromeTraceEvent[];
  readonly displayTimeUnit: "ns";
  readonly otherData: Readonly<Record<string, string | number>>;
}

export interface ChromeExportOptions {
  /**
   * "time" (default): the trace's own clock, nanoseconds shown as fractional µs.
   * "seq": one µs per event, so events that share a virtual instant spread out in order.
   */
  readonly timeBase?: "time" | "seq";
}

const PID = 1;
const FLOW_NAME = "send → recv";
const FLOW_CAT = "chan";

/** The channel operations of one goroutine at one instant, made into one slice (see the top). */
interface OpGroup {
  readonly tick: number;
  readonly ops: Readonly<Record<string, unknown>>[];
  readonly names: string[];
}

interface OpenState {
  readonly name: string;
  readonly since: number;
  readonly args: Readonly<Record<string, unknown>> | undefined;
}

interface ChannelInfo {
  readonly label: string;
  /** The label with "chan" in front where it does not say so: "chan jobs", "chan #3". */
  readonly noun: string;
  /** Buffer capacity, or undefined when the trace does not say (a context's done channel). */
  readonly cap: number | undefined;
}

/** What the export needs to know before it writes the first event. */
interface TraceFacts {
  readonly goroutineNames: ReadonlyMap<GoroutineId, string | undefined>;
  readonly channels: ReadonlyMap<ChannelId, ChannelInfo>;
  readonly objects: ReadonlyMap<ObjectId, { readonly type: SyncType; readonly name: string | undefined }>;
  /** send seq → the seq of the one recv that got its value. */
  readonly flows: ReadonlyMap<number, number>;
  readonly runtimeTid: number;
}

function gatherFacts(events: readonly TraceEvent[]): TraceFacts {
  const goroutineNames = new Map<GoroutineId, string | undefined>();
  const named = new Map<ChannelId, { name: string | undefined; cap: number | undefined }>();
  const objects = new Map<ObjectId, { type: SyncType; name: string | undefined }>();
  const sends = new Set<number>();
  const flows = new Map<number, number>();
  let maxG = 0;
  for (const e of events) {
    if (e.g > maxG) maxG = e.g;
    if (e.g !== RUNTIME_G && !goroutineNames.has(e.g)) goroutineNames.set(e.g, undefined);
    if (e.kind === "spawn") {
      goroutineNames.set(e.child, e.name);
      if (e.child > maxG) maxG = e.child;
    } else if (e.kind === "make") named.set(e.ch, { name: e.name, cap: e.cap });
    else if (e.kind === "ctx.make") named.set(e.done, { name: `${contextLabel(e.ctx)} done`, cap: undefined });
    else if (e.kind === "sync.make") objects.set(e.obj, { type: e.type, name: e.name });
    else if (e.kind === "send") sends.add(e.seq);
    else if (e.kind === "recv" && e.from !== undefined && sends.has(e.from) && !flows.has(e.from)) flows.set(e.from, e.seq);
  }
  // Two channels may share a name; labels must not, or their counter tracks would merge.
  const nameCount = new Map<string, number>();
  for (const { name } of named.values()) if (name !== undefined) nameCount.set(name, (nameCount.get(name) ?? 0) + 1);
  const channels = new Map<ChannelId, ChannelInfo>();
  for (const [ch, { name, cap }] of named) {
    const c = { id: ch, name: name === undefined || nameCount.get(name) === 1 ? name : `${name} #${ch}` };
    channels.set(ch, { label: channelLabel(c), noun: channelNoun(c), cap });
  }
  // tid 0 is not usable: Perfetto reads it as "no tid" and puts the event on the pid's thread.
  return { goroutineNames, channels, objects, flows, runtimeTid: maxG + 1 };
}

class ChromeExport {
  private readonly out: ChromeTraceEvent[] = [];
  private readonly states = new Map<GoroutineId, OpenState>();
  private readonly groups = new Map<number, OpGroup>();
  private readonly flows: ChromeTraceEvent[] = [];
  private readonly instants: ChromeTraceEvent[] = [];
  private readonly usedTids = new Set<number>();
  private readonly facts: TraceFacts;
  private readonly bySeq: boolean;
  private readonly div: number;

  constructor(facts: TraceFacts, bySeq: boolean) {
    this.facts = facts;
    this.bySeq = bySeq;
    this.div = bySeq ? 1 : 1000;
  }

  run(events: readonly TraceEvent[]): readonly ChromeTraceEvent[] {
    let last = 0;
    for (const e of events) {
      last = this.tick(e);
      this.event(e, last);
    }
    for (const g of [...this.states.keys()]) this.closeState(g, last);
    for (const tid of [...this.groups.keys()]) this.flushGroup(tid);
    return [...this.metadata(), ...this.out, ...this.flows, ...this.instants];
  }

  private tick(e: TraceEvent): number {
    return this.bySeq ? e.seq : e.t;
  }

  private tid(g: GoroutineId): number {
    const tid = g === RUNTIME_G ? this.facts.runtimeTid : g;
    this.usedTids.add(tid);
    return tid;
  }

  private goroutineLabel(g: GoroutineId): string {
    return goroutineLabel({ id: g, name: this.facts.goroutineNames.get(g) });
  }

  private channel(ch: ChannelId): ChannelInfo {
    return this.facts.channels.get(ch) ?? { label: channelLabel({ id: ch }), noun: channelNoun({ id: ch }), cap: undefined };
  }

  private object(obj: ObjectId): string {
    const o = this.facts.objects.get(obj);
    return o === undefined ? `sync object #${obj}` : objectLabel({ id: obj, ...o });
  }

  private event(e: TraceEvent, tick: number): void {
    const g = e.g;
    switch (e.kind) {
      case "spawn":
        this.instant(g, tick, `go ${this.goroutineLabel(e.child)}`, { child: e.child }, e.loc);
        this.setState(e.child, "runnable", tick);
        return;
      case "run":
        this.setState(g, "running", tick);
        return;
      case "yield":
        this.setState(g, "runnable", tick, { yielded: true });
        return;
      case "exit":
        this.closeState(g, tick);
        this.instant(g, tick, "exit", undefined, e.loc);
        return;
      case "block": {
        const args: Record<string, unknown> = { reason: e.reason };
        if (e.ch !== undefined) Object.assign(args, { ch: e.ch, chan: this.channel(e.ch).label });
        if (e.obj !== undefined) args.obj = e.obj;
        if (e.cases !== undefined)
          args.cases = e.cases.map((c) => `${c.dir} ${c.ch === null ? channelLabel(null) : this.channel(c.ch).label}`);
        if (e.v !== undefined) args.value = e.v;
        if (e.until !== undefined) args.until_ns = e.until;
        if (e.io !== undefined) args.io = e.io;
        if (e.loc !== undefined) args.loc = e.loc;
        this.setState(g, `blocked: ${e.reason}`, tick, args);
        return;
      }
      case "unblock":
        this.setState(g, "runnable", tick, { woken_by: this.goroutineLabel(e.by) });
        return;
      case "make": {
        this.instant(g, tick, `make ${this.channel(e.ch).noun}`, { ch: e.ch, cap: e.cap }, e.loc);
        this.counter(g, tick, e.ch, 0);
        return;
      }
      case "send": {
        const { label } = this.channel(e.ch);
        this.op(g, tick, `send ${label}`, this.opArgs(e));
        if (this.facts.flows.has(e.seq)) this.flow("s", g, tick, e.seq);
        this.counter(g, tick, e.ch, e.len);
        return;
      }
      case "recv": {
        const { label } = this.channel(e.ch);
        this.op(g, tick, `recv ${label}`, this.opArgs(e));
        if (e.from !== undefined && this.facts.flows.get(e.from) === e.seq) this.flow("f", g, tick, e.from);
        this.counter(g, tick, e.ch, e.len);
        return;
      }
      case "close":
        this.instant(g, tick, `close ${this.channel(e.ch).label}`, { ch: e.ch, len: e.len }, e.loc);
        this.counter(g, tick, e.ch, e.len);
        return;
      case "select":
        this.op(g, tick, e.chosen === -1 ? "select: default" : `select: case ${e.chosen}`, {
          seq: e.seq,
          cases: e.cases.map((c) => `${c.dir} ${c.ch === null ? channelLabel(null) : this.channel(c.ch).label}`),
          ready: e.ready,
          chosen: e.chosen,
          hasDefault: e.hasDefault,
          ...(e.loc === undefined ? {} : { loc: e.loc }),
        });
        return;
      case "timer":
        this.instant(
          g,
          tick,
          `timer ${e.op} (${e.purpose})`,
          { timer: e.timer, at_ns: e.at, ...(e.ch === undefined ? {} : { ch: e.ch }) },
          e.loc,
        );
        return;
      case "sync.make":
        this.instant(g, tick, `make ${objectLabel({ id: e.obj, type: e.type, name: e.name })}`, { obj: e.obj }, e.loc);
        return;
      case "lock":
      case "unlock":
        this.instant(
          g,
          tick,
          `${e.mode === "r" ? "R" : ""}${e.kind === "lock" ? "Lock" : "Unlock"} ${this.object(e.obj)}`,
          { obj: e.obj },
          e.loc,
        );
        return;
      case "wg.add":
        this.instant(g, tick, `WaitGroup.Add(${e.delta})`, { obj: e.obj, count: e.count }, e.loc);
        return;
      case "wg.wait":
        this.instant(g, tick, "WaitGroup.Wait returned", { obj: e.obj }, e.loc);
        return;
      case "once":
        this.instant(g, tick, `Once.Do ${e.op}`, { obj: e.obj }, e.loc);
        return;
      case "sync.op":
        this.instant(g, tick, syncOpPhrase(e, undefined), { obj: e.obj, op: e.op }, e.loc);
        return;
      case "ctx.make":
        this.instant(g, tick, `new ${contextLabel(e.ctx)} (${e.type})`, { ctx: e.ctx, parent: e.parent ?? "none", done: e.done }, e.loc);
        return;
      case "ctx.cancel":
        this.instant(
          g,
          tick,
          `${contextLabel(e.ctx)} cancelled: ${e.err}`,
          { ctx: e.ctx, source: e.source, ...(e.cause === undefined ? {} : { cause: e.cause }) },
          e.loc,
        );
        return;
      case "io":
        this.instant(
          g,
          tick,
          `io ${e.op}${e.label === undefined ? "" : ` ${e.label}`}`,
          { io: e.io, ...(e.ok === undefined ? {} : { ok: e.ok }) },
          e.loc,
        );
        return;
      case "warn":
        this.instant(g, tick, `warning: ${e.message}`, undefined, e.loc);
        return;
      case "output":
        this.instant(g, tick, e.stream === "stderr" ? "stderr" : "stdout", { text: e.text }, e.loc);
        return;
      case "panic":
        this.instant(
          g,
          tick,
          panicHeadline(e.message, e.fatal === true),
          { fatal: e.fatal === true, ...(e.stack === undefined ? {} : { stack: e.stack }) },
          e.loc,
        );
        return;
      case "leak":
        this.instant(
          g,
          tick,
          `leaked: ${e.reason}`,
          { ...(e.ch === undefined ? {} : { ch: e.ch, chan: this.channel(e.ch).label }), ...(e.obj === undefined ? {} : { obj: e.obj }) },
          e.loc,
        );
        return;
      case "deadlock":
        this.instant(g, tick, e.message, undefined, e.loc, "p");
        return;
      case "end":
        this.instant(
          g,
          tick,
          `end: ${e.status}`,
          { ...(e.message === undefined ? {} : { message: e.message }), ...(e.limit === undefined ? {} : { limit: e.limit }) },
          e.loc,
          "p",
        );
        return;
      default:
        assertNever(e, "event");
    }
  }

  private opArgs(e: SendEvent | RecvEvent): Record<string, unknown> {
    const args: Record<string, unknown> = { seq: e.seq, ch: e.ch, chan: this.channel(e.ch).label, value: e.v, len: e.len };
    if (e.kind === "recv") {
      if (!e.ok) args.ok = false;
      if (e.from !== undefined) args.from = e.from;
    }
    if (e.peer !== undefined) args.peer = this.goroutineLabel(e.peer);
    if (e.sel !== undefined) args.select_case = e.sel;
    if (e.loc !== undefined) args.loc = e.loc;
    return args;
  }

  /** Adds an operation to its goroutine's slice for this instant. */
  private op(g: GoroutineId, tick: number, name: string, args: Readonly<Record<string, unknown>>): void {
    const tid = this.tid(g);
    let group = this.groups.get(tid);
    if (group !== undefined && group.tick !== tick) {
      this.flushGroup(tid);
      group = undefined;
    }
    if (group === undefined) {
      group = { tick, ops: [], names: [] };
      this.groups.set(tid, group);
    }
    group.ops.push(args);
    group.names.push(name);
  }

  private flushGroup(tid: number): void {
    const group = this.groups.get(tid);
    if (group === undefined) return;
    this.groups.delete(tid);
    const { tick, ops, names } = group;
    const name = names.length <= 3 ? names.join(" + ") : `${names.slice(0, 2).join(" + ")} + ${names.length - 2} more`;
    this.out.push({ name, ph: "X", cat: "op", pid: PID, tid, ts: tick / this.div, dur: 0, args: ops.length === 1 ? ops[0]! : { ops } });
  }

  private setState(g: GoroutineId, name: string, tick: number, args?: Readonly<Record<string, unknown>>): void {
    this.closeState(g, tick);
    this.states.set(g, { name, since: tick, args });
  }

  private closeState(g: GoroutineId, tick: number): void {
    const open = this.states.get(g);
    if (open === undefined) return;
    this.states.delete(g);
    // Left out when zero-length: it would compete with the instant's op slice for the
    // flows (see the top), and Perfetto cannot show it anyway.
    if (tick === open.since) return;
    this.out.push({
      name: open.name,
      ph: "X",
      cat: "state",
      pid: PID,
      tid: this.tid(g),
      ts: open.since / this.div,
      // From the integer ticks, not from two rounded µs values, so slices meet exactly.
      dur: (tick - open.since) / this.div,
      ...(open.args === undefined ? {} : { args: open.args }),
    });
  }

  private flow(ph: "s" | "f", g: GoroutineId, tick: number, sendSeq: number): void {
    this.flows.push({
      name: FLOW_NAME,
      ph,
      cat: FLOW_CAT,
      id: sendSeq,
      pid: PID,
      tid: this.tid(g),
      ts: tick / this.div,
      ...(ph === "f" ? { bp: "e" as const } : {}),
    });
  }

  private instant(
    g: GoroutineId,
    tick: number,
    name: string,
    args: Readonly<Record<string, unknown>> | undefined,
    loc: string | undefined,
    scope: "t" | "p" = "t",
  ): void {
    const withLoc = loc === undefined ? args : { ...args, loc };
    this.instants.push({
      name,
      ph: "i",
      s: scope,
      cat: "event",
      pid: PID,
      tid: this.tid(g),
      ts: tick / this.div,
      ...(withLoc === undefined ? {} : { args: withLoc }),
    });
  }

  /** Buffered channels only: an unbuffered channel's length is always 0. */
  private counter(g: GoroutineId, tick: number, ch: ChannelId, len: number): void {
    const { noun, cap } = this.channel(ch);
    if (cap === undefined || cap === 0) return;
    this.out.push({ name: `${noun} len`, ph: "C", pid: PID, tid: this.tid(g), ts: tick / this.div, args: { len } });
  }

  private metadata(): ChromeTraceEvent[] {
    const tids = [...this.usedTids].sort((a, b) => a - b);
    const meta: ChromeTraceEvent[] = [];
    for (const tid of tids) {
      const g = tid === this.facts.runtimeTid ? RUNTIME_G : goroutineId(tid);
      meta.push({ name: "thread_name", ph: "M", pid: PID, tid, args: { name: this.goroutineLabel(g) } });
      // The runtime's lane goes last whatever its tid.
      meta.push({ name: "thread_sort_index", ph: "M", pid: PID, tid, args: { sort_index: g === RUNTIME_G ? tids.length + 1 : g } });
    }
    return meta;
  }
}

/** The trace as a Chrome Trace Event JSON object; `JSON.stringify` it to a `.json` file. */
export function toChromeTrace(header: TraceHeader, events: readonly TraceEvent[], options: ChromeExportOptions = {}): ChromeTrace {
  const timeBase = options.timeBase ?? "time";
  const body = new ChromeExport(gatherFacts(events), timeBase === "seq").run(events);
  const process: ChromeTraceEvent = {
    name: "process_name",
    ph: "M",
    pid: PID,
    tid: 0,
    args: { name: `chanscope: ${header.program.name}` },
  };
  return {
    traceEvents: [process, ...body],
    displayTimeUnit: "ns",
    otherData: {
      program: header.program.name,
      ...(header.program.id === undefined ? {} : { programId: header.program.id }),
      seed: header.seed,
      strategy: header.strategy,
      clock: header.clock,
      runtime: header.runtime,
      createdAt: header.createdAt,
      timeBase,
    },
  };
}

/** About how many characters each chunk of `chromeTraceJson` holds (one event may overrun it). */
export const CHROME_CHUNK_CHARS = 64 * 1024;

/**
 * The same text as `JSON.stringify(toChromeTrace(…))`, in chunks of about
 * CHROME_CHUNK_CHARS: a long trace's JSON outgrows the largest string V8 can hold,
 * so a writer streams these instead.
 */
export function* chromeTraceJson(
  header: TraceHeader,
  events: readonly TraceEvent[],
  options: ChromeExportOptions = {},
): Generator<string, void, undefined> {
  const { traceEvents, ...rest } = toChromeTrace(header, events, options);
  let chunk = '{"traceEvents":[';
  for (let i = 0; i < traceEvents.length; i++) {
    chunk += (i === 0 ? "" : ",") + JSON.stringify(traceEvents[i]);
    if (chunk.length >= CHROME_CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  // `rest` is displayTimeUnit and otherData: its JSON without the opening brace closes the object.
  yield chunk + "]," + JSON.stringify(rest).slice(1);
}
