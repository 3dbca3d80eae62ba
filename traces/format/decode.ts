// Shape checks for one parsed line: is this value a header / an event of a known kind
// with every field of the right type? Builds a fresh object with only the fields the
// schema knows, so unknown fields (from a newer writer) are dropped and every event of
// a kind has the same shape. Checks that need earlier lines live in integrity.ts.
//
// Hot path: a million calls per large trace. Plain functions, a switch per kind, no
// closures, no schema library.
import {
  CHAN_DIRS,
  CONTEXT_TYPES,
  EVENT_KINDS,
  LIMITS,
  LOCK_MODES,
  ONCE_OPS,
  OUTPUT_STREAMS,
  RUN_STATUSES,
  SYNC_OPS,
  SYNC_TYPES,
  TIMER_OPS,
  TIMER_PURPOSES,
  WAIT_REASONS,
} from "../codes";
import {
  assertNever,
  FORMAT_NAME,
  FORMAT_VERSION,
  MAX_INT32,
  MIN_INT32,
  type BlockEvent,
  type ChannelId,
  type ContextId,
  type GoroutineId,
  type ObjectId,
  type TimerId,
  type Clock,
  type ContextCancelEvent,
  type ContextMakeEvent,
  type EndEvent,
  type EventKind,
  type IoEvent,
  type LeakEvent,
  type MakeEvent,
  type PanicEvent,
  type WarnEvent,
  type RecvEvent,
  type SelectCase,
  type SendEvent,
  type SpawnEvent,
  type Strategy,
  type SyncMakeEvent,
  type SyncOpEvent,
  type TimerEvent,
  type TraceEvent,
  type TraceHeader,
  type WaitReason,
} from "../events";
import type { Nanos } from "../units";
import { TraceFormatError, UnsupportedVersionError, describeValue, fieldError } from "./errors";

type Raw = { readonly [key: string]: unknown };
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// Own sets rather than isEventKind: a lookup in a plain object would accept
// "constructor" or "toString" as kinds.
const KINDS: ReadonlySet<string> = new Set<string>(EVENT_KINDS);
const REASONS: ReadonlySet<string> = new Set<string>(WAIT_REASONS);
const STRATEGIES = ["fifo", "random"] as const satisfies readonly Strategy[];
const CLOCKS = ["virtual", "real"] as const satisfies readonly Clock[];
const START_END = ["start", "end"] as const satisfies readonly IoEvent["op"][];

const RANGE = `(0 to ${MAX_INT32})`;
const SEQ = "a sequence number (an integer ≥ 0)";
const TIME = "a time in nanoseconds (an integer ≥ 0)";
const GOROUTINE = `an integer goroutine id ${RANGE}`;
const CHANNEL = `an integer channel id ${RANGE}`;
const OBJECT = `an integer sync object id ${RANGE}`;
const CONTEXT = `an integer context id ${RANGE}`;
const TIMER = `an integer timer id ${RANGE}`;
const IO = `an integer io id ${RANGE}`;
const COUNT = `an integer from 0 to ${MAX_INT32}`;
const CASE_INDEX = `a select case index ${RANGE}`;
const FROM = `the seq of the matching send ${RANGE}`;
const INT32 = `an integer from ${MIN_INT32} to ${MAX_INT32}`;
const INTEGER = "an integer";
const STRING = "a string";
const BOOLEAN = "true or false";

function isObject(v: unknown): v is Raw {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function nat(o: Raw, key: string, line: number, what: string): number {
  const v = o[key];
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
  throw fieldError(line, key, what, v);
}

/** A natural that fits the model's columns: ids, counts, lengths, case indices. */
function nat32(o: Raw, key: string, line: number, what: string): number {
  const v = o[key];
  if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_INT32) return v;
  throw fieldError(line, key, what, v);
}

// Where ids are born from a file: checked as bounded naturals, then typed.
const goroutine = (o: Raw, key: string, line: number): GoroutineId => nat32(o, key, line, GOROUTINE) as GoroutineId;
const channel = (o: Raw, key: string, line: number): ChannelId => nat32(o, key, line, CHANNEL) as ChannelId;
const object = (o: Raw, key: string, line: number): ObjectId => nat32(o, key, line, OBJECT) as ObjectId;
const context = (o: Raw, key: string, line: number): ContextId => nat32(o, key, line, CONTEXT) as ContextId;

function int(o: Raw, key: string, line: number, what: string): number {
  const v = o[key];
  if (typeof v === "number" && Number.isSafeInteger(v)) return v;
  throw fieldError(line, key, what, v);
}

/** A signed integer that fits a 32-bit column (a WaitGroup's delta and counter). */
function int32(o: Raw, key: string, line: number): number {
  const v = o[key];
  if (typeof v === "number" && Number.isInteger(v) && v >= MIN_INT32 && v <= MAX_INT32) return v;
  throw fieldError(line, key, INT32, v);
}

function str(o: Raw, key: string, line: number): string {
  const v = o[key];
  if (typeof v === "string") return v;
  throw fieldError(line, key, STRING, v);
}

function bool(o: Raw, key: string, line: number): boolean {
  const v = o[key];
  if (typeof v === "boolean") return v;
  throw fieldError(line, key, BOOLEAN, v);
}

/** One of a few fixed strings. */
function oneOf<T extends string>(o: Raw, key: string, line: number, allowed: readonly T[]): T {
  const v = o[key];
  if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
  throw fieldError(line, key, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, v);
}

function waitReason(o: Raw, line: number): WaitReason {
  const v = o.reason;
  if (typeof v === "string" && REASONS.has(v)) return v as WaitReason;
  throw fieldError(line, "reason", `a wait reason (${WAIT_REASONS.map((r) => JSON.stringify(r)).join(", ")})`, v);
}

function selectCases(o: Raw, line: number): SelectCase[] {
  const v = o.cases;
  if (!Array.isArray(v)) throw fieldError(line, "cases", "an array of select cases", v);
  const cases = new Array<SelectCase>(v.length);
  for (let i = 0; i < v.length; i++) {
    const c: unknown = v[i];
    const field = `cases[${i}]`;
    if (!isObject(c)) throw fieldError(line, field, 'a select case {"ch":…,"dir":…}', c);
    const ch = c.ch;
    if (ch !== null && !(typeof ch === "number" && Number.isInteger(ch) && ch >= 0 && ch <= MAX_INT32)) {
      throw fieldError(line, `${field}.ch`, `${CHANNEL} or null (a nil channel)`, ch);
    }
    const dir = c.dir;
    if (dir !== "send" && dir !== "recv") {
      throw fieldError(line, `${field}.dir`, CHAN_DIRS.map((d) => JSON.stringify(d)).join(" or "), dir);
    }
    cases[i] = { ch: ch as ChannelId | null, dir };
  }
  return cases;
}

function caseIndices(o: Raw, line: number, caseCount: number): number[] {
  const v = o.ready;
  if (!Array.isArray(v)) throw fieldError(line, "ready", "an array of case indices", v);
  const ready = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0 || x >= caseCount) {
      throw fieldError(line, `ready[${i}]`, `a case index from 0 to ${caseCount - 1}`, x);
    }
    ready[i] = x;
  }
  return ready;
}

function chosenRange(caseCount: number, hasDefault: boolean): string {
  const index = `a case index from 0 to ${caseCount - 1}`;
  if (!hasDefault) return caseCount === 0 ? "a case index, but this select has no cases and no default" : index;
  return caseCount === 0 ? "-1 (default)" : `-1 (default) or ${index}`;
}

/** Checks line 1. A newer format version is reported before anything else is looked at. */
export function decodeHeader(raw: unknown, line: number): TraceHeader {
  if (!isObject(raw) || raw.format !== FORMAT_NAME) {
    const got = !isObject(raw)
      ? `the line is ${describeValue(raw)}`
      : raw.format === undefined
        ? 'the line has no "format" field'
        : `"format" is ${describeValue(raw.format)}`;
    throw new TraceFormatError(line, `not a chanscope trace: expected a header line with "format":"${FORMAT_NAME}", but ${got}`);
  }
  const version = nat(raw, "version", line, "a format version (an integer ≥ 1)");
  if (version > FORMAT_VERSION) throw new UnsupportedVersionError(line, version, FORMAT_VERSION);
  if (version < 1) throw fieldError(line, "version", "a format version (an integer ≥ 1)", version);

  const p = raw.program;
  if (!isObject(p)) throw fieldError(line, "program", 'an object {"name":…}', p);
  const name = p.name;
  if (typeof name !== "string") throw fieldError(line, "program.name", STRING, name);
  const program: Mutable<TraceHeader["program"]> = { name };
  if (p.id !== undefined) {
    if (typeof p.id !== "string") throw fieldError(line, "program.id", STRING, p.id);
    program.id = p.id;
  }
  if (p.source !== undefined) {
    if (typeof p.source !== "string") throw fieldError(line, "program.source", STRING, p.source);
    program.source = p.source;
  }
  return {
    format: FORMAT_NAME,
    version,
    program,
    seed: int(raw, "seed", line, "an integer seed"),
    strategy: oneOf(raw, "strategy", line, STRATEGIES),
    clock: oneOf(raw, "clock", line, CLOCKS),
    runtime: str(raw, "runtime", line),
    createdAt: str(raw, "createdAt", line),
  };
}

/** Checks one event line's shape. Cross-line rules (seq, time, ids) are TraceIntegrity's. */
export function decodeEvent(raw: unknown, line: number): TraceEvent {
  if (!isObject(raw)) {
    throw new TraceFormatError(line, `expected an event (a JSON object), got ${describeValue(raw)}`);
  }
  const o = raw;
  const seq = nat(o, "seq", line, SEQ);
  const t = nat(o, "t", line, TIME) as Nanos;
  const g = goroutine(o, "g", line);
  const k = o.kind;
  if (typeof k !== "string" || !KINDS.has(k)) {
    throw typeof k === "string"
      ? new TraceFormatError(
          line,
          `unknown event kind ${describeValue(k)} (this chanscope reads format version ${FORMAT_VERSION}; ` + `a newer one may know it)`,
          "kind",
        )
      : fieldError(line, "kind", 'an event kind (a string such as "send")', k);
  }
  const e = decodeKind(o, k as EventKind, seq, t, g, line) as Mutable<TraceEvent>;
  const loc = o.loc;
  if (loc !== undefined) {
    if (typeof loc !== "string") throw fieldError(line, "loc", 'a source location "file:line"', loc);
    e.loc = loc;
  }
  return e;
}

function decodeKind(o: Raw, kind: EventKind, seq: number, t: Nanos, g: GoroutineId, line: number): TraceEvent {
  switch (kind) {
    case "spawn": {
      const e: Mutable<SpawnEvent> = { seq, t, g, kind, child: goroutine(o, "child", line) };
      if (o.name !== undefined) e.name = str(o, "name", line);
      return e;
    }
    case "run":
    case "yield":
    case "exit":
      return { seq, t, g, kind };
    case "make": {
      const e: Mutable<MakeEvent> = { seq, t, g, kind, ch: channel(o, "ch", line), cap: nat32(o, "cap", line, COUNT) };
      if (o.name !== undefined) e.name = str(o, "name", line);
      return e;
    }
    case "send": {
      const e: Mutable<SendEvent> = {
        seq,
        t,
        g,
        kind,
        ch: channel(o, "ch", line),
        v: str(o, "v", line),
        len: nat32(o, "len", line, COUNT),
      };
      if (o.peer !== undefined) e.peer = goroutine(o, "peer", line);
      if (o.sel !== undefined) e.sel = nat32(o, "sel", line, CASE_INDEX);
      return e;
    }
    case "recv": {
      const e: Mutable<RecvEvent> = {
        seq,
        t,
        g,
        kind,
        ch: channel(o, "ch", line),
        v: str(o, "v", line),
        ok: bool(o, "ok", line),
        len: nat32(o, "len", line, COUNT),
      };
      if (o.peer !== undefined) e.peer = goroutine(o, "peer", line);
      if (o.from !== undefined) e.from = nat32(o, "from", line, FROM);
      if (o.sel !== undefined) e.sel = nat32(o, "sel", line, CASE_INDEX);
      return e;
    }
    case "close":
      return { seq, t, g, kind, ch: channel(o, "ch", line), len: nat32(o, "len", line, COUNT) };
    case "block": {
      const e: Mutable<BlockEvent> = { seq, t, g, kind, reason: waitReason(o, line) };
      if (o.ch !== undefined) e.ch = channel(o, "ch", line);
      if (o.obj !== undefined) e.obj = object(o, "obj", line);
      if (o.cases !== undefined) e.cases = selectCases(o, line);
      if (o.v !== undefined) e.v = str(o, "v", line);
      if (o.until !== undefined) e.until = nat(o, "until", line, TIME) as Nanos;
      if (o.io !== undefined) e.io = nat32(o, "io", line, IO);
      return e;
    }
    case "unblock":
      return { seq, t, g, kind, by: goroutine(o, "by", line) };
    case "select": {
      const cases = selectCases(o, line);
      const ready = caseIndices(o, line, cases.length);
      const hasDefault = bool(o, "hasDefault", line);
      const chosen = int(o, "chosen", line, INTEGER);
      if (chosen < (hasDefault ? -1 : 0) || chosen >= cases.length) {
        throw fieldError(line, "chosen", chosenRange(cases.length, hasDefault), chosen);
      }
      return { seq, t, g, kind, cases, ready, chosen, hasDefault };
    }
    case "timer": {
      const e: Mutable<TimerEvent> = {
        seq,
        t,
        g,
        kind,
        timer: nat32(o, "timer", line, TIMER) as TimerId,
        op: oneOf(o, "op", line, TIMER_OPS),
        purpose: oneOf(o, "purpose", line, TIMER_PURPOSES),
        at: nat(o, "at", line, TIME) as Nanos,
      };
      if (o.ch !== undefined) e.ch = channel(o, "ch", line);
      return e;
    }
    case "sync.make": {
      const e: Mutable<SyncMakeEvent> = {
        seq,
        t,
        g,
        kind,
        obj: object(o, "obj", line),
        type: oneOf(o, "type", line, SYNC_TYPES),
      };
      if (o.name !== undefined) e.name = str(o, "name", line);
      return e;
    }
    case "lock":
    case "unlock":
      return { seq, t, g, kind, obj: object(o, "obj", line), mode: oneOf(o, "mode", line, LOCK_MODES) };
    case "wg.add":
      return {
        seq,
        t,
        g,
        kind,
        obj: object(o, "obj", line),
        delta: int32(o, "delta", line),
        count: int32(o, "count", line),
      };
    case "wg.wait":
      return { seq, t, g, kind, obj: object(o, "obj", line) };
    case "once":
      return { seq, t, g, kind, obj: object(o, "obj", line), op: oneOf(o, "op", line, ONCE_OPS) };
    case "ctx.make": {
      const e: Mutable<ContextMakeEvent> = {
        seq,
        t,
        g,
        kind,
        ctx: context(o, "ctx", line),
        type: oneOf(o, "type", line, CONTEXT_TYPES),
        done: channel(o, "done", line),
      };
      if (o.parent !== undefined) e.parent = context(o, "parent", line);
      if (o.deadline !== undefined) e.deadline = nat(o, "deadline", line, TIME) as Nanos;
      return e;
    }
    case "ctx.cancel": {
      const e: Mutable<ContextCancelEvent> = {
        seq,
        t,
        g,
        kind,
        ctx: context(o, "ctx", line),
        err: str(o, "err", line),
        source: context(o, "source", line),
      };
      if (o.cause !== undefined) e.cause = str(o, "cause", line);
      return e;
    }
    case "io": {
      const e: Mutable<IoEvent> = {
        seq,
        t,
        g,
        kind,
        io: nat32(o, "io", line, IO),
        op: oneOf(o, "op", line, START_END),
      };
      if (o.label !== undefined) e.label = str(o, "label", line);
      if (o.ok !== undefined) e.ok = bool(o, "ok", line);
      return e;
    }
    case "warn": {
      const e: Mutable<WarnEvent> = { seq, t, g, kind, message: str(o, "message", line) };
      if (o.unawaited !== undefined && bool(o, "unawaited", line)) e.unawaited = true;
      return e;
    }
    case "panic": {
      const e: Mutable<PanicEvent> = { seq, t, g, kind, message: str(o, "message", line) };
      if (o.fatal !== undefined) e.fatal = bool(o, "fatal", line);
      if (o.stack !== undefined) e.stack = str(o, "stack", line);
      return e;
    }
    case "leak": {
      const e: Mutable<LeakEvent> = { seq, t, g, kind, reason: waitReason(o, line) };
      if (o.ch !== undefined) e.ch = channel(o, "ch", line);
      if (o.obj !== undefined) e.obj = object(o, "obj", line);
      return e;
    }
    case "deadlock":
      return { seq, t, g, kind, message: str(o, "message", line) };
    case "sync.op": {
      const e: Mutable<SyncOpEvent> = { seq, t, g, kind, obj: object(o, "obj", line), op: oneOf(o, "op", line, SYNC_OPS) };
      if (o.n !== undefined) e.n = int32(o, "n", line);
      if (o.v !== undefined) e.v = str(o, "v", line);
      if (o.old !== undefined) e.old = str(o, "old", line);
      if (o.ok !== undefined) e.ok = bool(o, "ok", line);
      return e;
    }
    case "output":
      return { seq, t, g, kind, stream: oneOf(o, "stream", line, OUTPUT_STREAMS), text: str(o, "text", line) };
    case "end": {
      const e: Mutable<EndEvent> = { seq, t, g, kind, status: oneOf(o, "status", line, RUN_STATUSES) };
      if (o.message !== undefined) e.message = str(o, "message", line);
      if (o.limit !== undefined) e.limit = oneOf(o, "limit", line, LIMITS);
      if (o.exitCode !== undefined) e.exitCode = int32(o, "exitCode", line);
      return e;
    }
    default:
      return assertNever(kind, "event kind");
  }
}
