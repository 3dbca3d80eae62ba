// The rules that span lines: sequence numbers are dense, time never goes backwards,
// and every goroutine, channel, sync object and context an event names was created
// by an earlier event. The model can then fold events without defensive checks.
import { RUNTIME_G, assertNever, type SelectCase, type SyncOp, type SyncType, type TraceEvent } from "../events";
import { TraceFormatError } from "./errors";

/** The sync.op operations each kind of object has. */
const OPS_OF: Partial<Record<SyncType, readonly SyncOp[]>> = {
  Cond: ["wait", "signal", "broadcast"],
  Semaphore: ["acquire", "release"],
  ErrGroup: ["go", "done", "wait"],
  Atomic: ["load", "store", "add", "swap", "cas"],
};

export class TraceIntegrity {
  private nextSeq = 0;
  private lastT = 0;
  private endLine = 0;
  // Goroutine 0 is the runtime itself (timers, io completions) and always exists.
  private readonly goroutines = new Set<number>([RUNTIME_G]);
  private readonly channels = new Set<number>();
  private readonly objects = new Map<number, SyncType>();
  private readonly contexts = new Set<number>();

  /** Events checked so far. */
  get eventCount(): number {
    return this.nextSeq;
  }

  /** Whether the run's `end` event has been seen. */
  get ended(): boolean {
    return this.endLine !== 0;
  }

  /** Throws a TraceFormatError naming `line` when `e` breaks a rule; records what `e` creates. */
  check(e: TraceEvent, line: number): void {
    if (this.endLine !== 0) {
      throw new TraceFormatError(line, `an event after the run's "end" event (line ${this.endLine})`);
    }
    if (e.seq !== this.nextSeq) {
      const why = this.nextSeq === 0 ? "the first event's seq is 0" : "one more than the previous event's";
      throw new TraceFormatError(line, `expected ${this.nextSeq} (${why}), got ${e.seq}`, "seq");
    }
    if (e.t < this.lastT) {
      throw new TraceFormatError(line, `time went backwards: ${e.t} ns is before the previous event's ${this.lastT} ns`, "t");
    }
    if (!this.goroutines.has(e.g)) throw this.unknownGoroutine(line, "g", e.g);
    this.kindRules(e, line);
    this.nextSeq++;
    this.lastT = e.t;
  }

  private kindRules(e: TraceEvent, line: number): void {
    switch (e.kind) {
      case "spawn":
        if (e.child === RUNTIME_G) throw new TraceFormatError(line, "goroutine 0 is the runtime; it cannot be spawned", "child");
        if (this.goroutines.has(e.child)) throw new TraceFormatError(line, `goroutine ${e.child} was already spawned`, "child");
        this.goroutines.add(e.child);
        return;
      case "make":
        if (this.channels.has(e.ch)) throw new TraceFormatError(line, `channel ${e.ch} was already made`, "ch");
        this.channels.add(e.ch);
        return;
      case "send":
        this.channel(line, "ch", e.ch);
        if (e.peer !== undefined) this.goroutine(line, "peer", e.peer);
        return;
      case "recv":
        this.channel(line, "ch", e.ch);
        if (e.peer !== undefined) this.goroutine(line, "peer", e.peer);
        if (e.from !== undefined && e.from >= e.seq) {
          throw new TraceFormatError(line, `expected the seq of an earlier send (less than ${e.seq}), got ${e.from}`, "from");
        }
        return;
      case "close":
        this.channel(line, "ch", e.ch);
        return;
      case "block":
        if (e.ch !== undefined) this.channel(line, "ch", e.ch);
        if (e.obj !== undefined) this.object(line, "obj", e.obj);
        if (e.cases !== undefined) this.cases(line, e.cases);
        return;
      case "unblock":
        this.goroutine(line, "by", e.by);
        return;
      case "select":
        this.cases(line, e.cases);
        return;
      case "timer":
        if (e.ch !== undefined) this.channel(line, "ch", e.ch);
        return;
      case "sync.make":
        if (this.objects.has(e.obj)) throw new TraceFormatError(line, `sync object ${e.obj} was already made`, "obj");
        this.objects.set(e.obj, e.type);
        return;
      case "lock":
      case "unlock": {
        const type = this.object(line, "obj", e.obj);
        if (type !== "Mutex" && type !== "RWMutex") throw this.wrongType(line, e.kind, e.obj, type, "a Mutex or RWMutex");
        if (e.mode === "r" && type !== "RWMutex") {
          throw new TraceFormatError(line, `"r" (a read lock) needs an RWMutex; sync object ${e.obj} is a ${type}`, "mode");
        }
        return;
      }
      case "wg.add":
      case "wg.wait": {
        const type = this.object(line, "obj", e.obj);
        if (type !== "WaitGroup") throw this.wrongType(line, e.kind, e.obj, type, "a WaitGroup");
        return;
      }
      case "once": {
        const type = this.object(line, "obj", e.obj);
        if (type !== "Once") throw this.wrongType(line, e.kind, e.obj, type, "a Once");
        return;
      }
      case "sync.op": {
        const type = this.object(line, "obj", e.obj);
        const ops = OPS_OF[type];
        if (ops === undefined) throw this.wrongType(line, e.kind, e.obj, type, "a Cond, Semaphore, ErrGroup or Atomic");
        if (!ops.includes(e.op)) {
          throw new TraceFormatError(line, `"${e.op}" is not an operation of a ${type}; sync object ${e.obj} is one`, "op");
        }
        return;
      }
      case "ctx.make":
        if (this.contexts.has(e.ctx)) throw new TraceFormatError(line, `context ${e.ctx} was already made`, "ctx");
        if (e.parent !== undefined) this.context(line, "parent", e.parent);
        this.contexts.add(e.ctx);
        // A context's done channel is made by the context itself (there may be no "make").
        this.channels.add(e.done);
        return;
      case "ctx.cancel":
        this.context(line, "ctx", e.ctx);
        this.context(line, "source", e.source);
        return;
      case "leak":
        if (e.ch !== undefined) this.channel(line, "ch", e.ch);
        if (e.obj !== undefined) this.object(line, "obj", e.obj);
        return;
      case "end":
        this.endLine = line;
        return;
      case "run":
      case "yield":
      case "exit":
      case "io":
      case "warn":
      case "output":
      case "panic":
      case "deadlock":
        return;
      default:
        assertNever(e, "event");
    }
  }

  private goroutine(line: number, field: string, g: number): void {
    if (!this.goroutines.has(g)) throw this.unknownGoroutine(line, field, g);
  }

  private unknownGoroutine(line: number, field: string, g: number): TraceFormatError {
    return new TraceFormatError(line, `goroutine ${g} was never spawned (no earlier "spawn" with "child":${g})`, field);
  }

  private channel(line: number, field: string, ch: number): void {
    if (!this.channels.has(ch)) {
      throw new TraceFormatError(line, `channel ${ch} was never made (no earlier "make" or "ctx.make" created it)`, field);
    }
  }

  private cases(line: number, cases: readonly SelectCase[]): void {
    for (let i = 0; i < cases.length; i++) {
      const ch = cases[i]!.ch;
      if (ch !== null) this.channel(line, `cases[${i}].ch`, ch);
    }
  }

  private object(line: number, field: string, obj: number): SyncType {
    const type = this.objects.get(obj);
    if (type === undefined) {
      throw new TraceFormatError(line, `sync object ${obj} was never made (no earlier "sync.make" created it)`, field);
    }
    return type;
  }

  private wrongType(line: number, kind: string, obj: number, type: SyncType, needed: string): TraceFormatError {
    return new TraceFormatError(line, `sync object ${obj} is a ${type}, but "${kind}" needs ${needed}`, "obj");
  }

  private context(line: number, field: string, ctx: number): void {
    if (!this.contexts.has(ctx)) {
      throw new TraceFormatError(line, `context ${ctx} was never made (no earlier "ctx.make" created it)`, field);
    }
  }
}
