// Where the runtime's trace events go. The hot path calls one method per event
// with plain numbers (ids, codes, lengths) and the raw value; it never builds an
// event object or a string. `MemoryRecorder` (memoryRecorder.ts) stores the
// events as rows; `NoopRecorder` is what a run uses with tracing off.

import type { TraceEvent } from "../traces/events";
import type { Nanos } from "../traces/units";
import type { ReasonCode } from "../traces/codes";

/** Passed as a value argument when the event has no `v` field. */
export const NO_VALUE: unique symbol = Symbol("no value");
export type MaybeValue = unknown;

/**
 * Select cases as the recorder takes them: `codes[0..n)` are case codes
 * ((channel id << 1) | dir, id 0 = nil channel), `ready[0..nReady)` case indices.
 */
export interface CaseList {
  readonly codes: Int32Array;
  readonly n: number;
}

/**
 * The recording side of a trace. Every method appends one event at the end with
 * the next seq; `-1` stands for an absent optional number (peer, sel, from, ch …).
 * Methods whose seq the runtime needs (send, for recv's `from`) return it; a
 * recorder that drops the event returns -1.
 */
export interface Recorder {
  /** Events recorded so far (the next seq). */
  readonly count: number;
  /** True for recorders that keep nothing (the runtime may skip preparing arguments). */
  readonly enabled: boolean;

  spawn(t: Nanos, g: number, child: number, name: string | undefined): void;
  run(t: Nanos, g: number): void;
  yield(t: Nanos, g: number): void;
  exit(t: Nanos, g: number): void;
  make(t: Nanos, g: number, ch: number, cap: number, name: string | undefined): void;
  send(t: Nanos, g: number, ch: number, v: MaybeValue, len: number, peer: number, sel: number): number;
  recv(t: Nanos, g: number, ch: number, v: MaybeValue, ok: boolean, len: number, peer: number, from: number, sel: number): void;
  /**
   * A direct handoff, three events in this order: send{sender, peer receiver,
   * sel sendSel}, recv{receiver, from that send, peer sender, sel recvSel},
   * unblock{woken, by}. Exactly what the three calls would record; one call so
   * the commonest sequence checks for room once.
   */
  handoff(
    t: Nanos,
    sender: number,
    receiver: number,
    ch: number,
    v: MaybeValue,
    len: number,
    sendSel: number,
    recvSel: number,
    woken: number,
    by: number,
  ): void;
  close(t: Nanos, g: number, ch: number, len: number): void;
  /** `v` is NO_VALUE unless a sender blocks holding a value; `until` is NaN unless sleeping; `cases` only for select. */
  block(
    t: Nanos,
    g: number,
    reason: ReasonCode,
    ch: number,
    obj: number,
    v: MaybeValue,
    until: number,
    io: number,
    cases: CaseList | undefined,
  ): void;
  unblock(t: Nanos, g: number, by: number): void;
  select(t: Nanos, g: number, cases: CaseList, ready: Int32Array, nReady: number, chosen: number, hasDefault: boolean): void;
  timer(t: Nanos, g: number, timer: number, op: number, purpose: number, at: number, ch: number): void;
  syncMake(t: Nanos, g: number, obj: number, type: number, name: string | undefined): void;
  lock(t: Nanos, g: number, obj: number, mode: number): void;
  unlock(t: Nanos, g: number, obj: number, mode: number): void;
  wgAdd(t: Nanos, g: number, obj: number, delta: number, count: number): void;
  wgWait(t: Nanos, g: number, obj: number): void;
  once(t: Nanos, g: number, obj: number, done: boolean): void;
  /** A Cond, Semaphore, ErrGroup or atomic operation; `n` NaN for none, `ok` -1 for none, else 0/1. */
  syncOp(t: Nanos, g: number, obj: number, op: number, n: number, v: string | undefined, old: string | undefined, ok: number): void;
  ctxMake(t: Nanos, g: number, ctx: number, parent: number, type: number, deadline: number, done: number): void;
  ctxCancel(t: Nanos, g: number, ctx: number, err: string, cause: string | undefined, source: number): void;
  io(t: Nanos, g: number, io: number, end: boolean, label: string | undefined, ok: number): void;
  /** unawaited: g's function returned while this operation of g was pending. */
  warn(t: Nanos, g: number, message: string, unawaited?: boolean): void;
  /**
   * A line the program printed (`stream`: 0 stdout, 1 stderr). `loc` is where it
   * was printed (with captureLocations): this row's location only, not g's next events'.
   */
  output(t: Nanos, g: number, stream: number, text: string, loc: string | undefined): void;
  panic(t: Nanos, g: number, message: string, fatal: boolean, stack: string | undefined): void;
  leak(t: Nanos, g: number, reason: ReasonCode, ch: number, obj: number): void;
  deadlock(t: Nanos, g: number, message: string): void;
  /** Always recorded, past any event limit: the last event of a run. exitCode: os.Exit's code when not 0 (0: no code). */
  end(t: Nanos, status: number, message: string | undefined, limit: number, exitCode?: number): void;

  /** The source location the next events of goroutine g carry (captureLocations). */
  setLocation(g: number, loc: string | undefined): void;

  /** Materializes events [from, to) as TraceEvent objects. */
  events(from: number, to: number): TraceEvent[];
}

/** Tracing off: every method is empty, so a run pays one call per event and nothing else. */
export class NoopRecorder implements Recorder {
  readonly count = 0;
  readonly enabled = false;
  spawn(): void {}
  run(): void {}
  yield(): void {}
  exit(): void {}
  make(): void {}
  send(): number {
    return -1;
  }
  recv(): void {}
  handoff(): void {}
  close(): void {}
  block(): void {}
  unblock(): void {}
  select(): void {}
  timer(): void {}
  syncMake(): void {}
  lock(): void {}
  unlock(): void {}
  wgAdd(): void {}
  wgWait(): void {}
  once(): void {}
  syncOp(): void {}
  ctxMake(): void {}
  ctxCancel(): void {}
  io(): void {}
  warn(): void {}
  output(): void {}
  panic(): void {}
  leak(): void {}
  deadlock(): void {}
  end(): void {}
  setLocation(): void {}
  events(): TraceEvent[] {
    return [];
  }
}
