// The code tables: small integer codes for the string enums of the trace
// schema and of the model, so the runtime's recorder, the model's columns and
// the fold deal in numbers. Each list's index is the code, and each list is
// proven at compile time to name every member of its union exactly once. The
// hot paths use the numeric constants below as plain numbers.

import type {
  ChanDir,
  ContextType,
  EventKind,
  Limit,
  LockMode,
  OnceEvent,
  OutputStream,
  RunStatus,
  SyncOp,
  SyncType,
  TimerEvent,
  TimerPurpose,
  WaitReason,
} from "./events";

/** A name → code table for a list (the code is the index). */
const codesOf = <N extends string>(list: readonly N[]): Readonly<Record<N, number>> =>
  Object.freeze(Object.fromEntries(list.map((name, i) => [name, i])) as Record<N, number>);

// ---------------------------------------------------------------------------
// Event kinds

/** Every kind, in a fixed order; the index is the kind's code. */
export const EVENT_KINDS = [
  "spawn",
  "run",
  "yield",
  "exit",
  "make",
  "send",
  "recv",
  "close",
  "block",
  "unblock",
  "select",
  "timer",
  "sync.make",
  "lock",
  "unlock",
  "wg.add",
  "wg.wait",
  "once",
  "ctx.make",
  "ctx.cancel",
  "io",
  "warn",
  "panic",
  "leak",
  "deadlock",
  "end",
  "sync.op",
  "output",
] as const satisfies readonly EventKind[];

export const KIND_CODE: Readonly<Record<EventKind, number>> = codesOf(EVENT_KINDS);

const KIND_SET: ReadonlySet<string> = new Set(EVENT_KINDS);

export function isEventKind(s: unknown): s is EventKind {
  // A Set, not an `in` test on KIND_CODE: "constructor" is not a kind.
  return typeof s === "string" && KIND_SET.has(s);
}

// ---------------------------------------------------------------------------
// Wait reasons

/** Why a goroutine is blocked, in a fixed order; the index is the reason's code. */
export const WAIT_REASONS = [
  "chan send",
  "chan receive",
  "chan send (nil chan)",
  "chan receive (nil chan)",
  "select",
  "select (no cases)",
  "sleep",
  "sync.Mutex.Lock",
  "sync.RWMutex.RLock",
  "sync.RWMutex.Lock",
  "sync.WaitGroup.Wait",
  "sync.Once.Do",
  "io",
  "sync.Cond.Wait",
  "semaphore.Weighted.Acquire",
  "errgroup.Group.Wait",
  "errgroup.Group.Go",
] as const satisfies readonly WaitReason[];

export type ReasonCode = number;
export const REASON: Readonly<Record<WaitReason, ReasonCode>> = codesOf(WAIT_REASONS);

export const reasonName = (code: ReasonCode): WaitReason => {
  const r = WAIT_REASONS[code];
  if (r === undefined) throw new Error(`unknown wait reason code ${code}`);
  return r;
};

// ---------------------------------------------------------------------------
// Goroutine states (the model's; gotraceui's idea: blocked states say exactly what the goroutine waits for)

export const GOROUTINE_STATES = [
  "runnable",
  "running",
  "blocked-send",
  "blocked-recv",
  "blocked-send-nil",
  "blocked-recv-nil",
  "blocked-select",
  "blocked-select-no-cases",
  "blocked-sleep",
  "blocked-mutex",
  "blocked-rwmutex-read",
  "blocked-rwmutex-write",
  "blocked-waitgroup",
  "blocked-once",
  "blocked-io",
  "blocked-cond",
  "blocked-semaphore",
  "blocked-errgroup-wait",
  "blocked-errgroup-go",
  "exited",
  "panicked",
  /** Blocked when the runtime declared the deadlock; the span keeps what it waited on. */
  "deadlocked",
  /** Blocked when main returned; the span keeps what it waited on. */
  "leaked",
] as const;
export type GoroutineState = (typeof GOROUTINE_STATES)[number];

/** A goroutine state's code: its index in GOROUTINE_STATES (or StateCode.none). Typed apart from other numbers. */
export type GoroutineStateCode = number & { readonly __brand: "GoroutineStateCode" };
const s = (code: number): GoroutineStateCode => code as GoroutineStateCode;

/** Numeric codes, for typed arrays and for the fold's hot path. */
export const StateCode = {
  runnable: s(0),
  running: s(1),
  blockedSend: s(2),
  blockedRecv: s(3),
  blockedSendNil: s(4),
  blockedRecvNil: s(5),
  blockedSelect: s(6),
  blockedSelectNoCases: s(7),
  blockedSleep: s(8),
  blockedMutex: s(9),
  blockedRWMutexRead: s(10),
  blockedRWMutexWrite: s(11),
  blockedWaitGroup: s(12),
  blockedOnce: s(13),
  blockedIo: s(14),
  blockedCond: s(15),
  blockedSemaphore: s(16),
  blockedErrGroupWait: s(17),
  blockedErrGroupGo: s(18),
  exited: s(19),
  panicked: s(20),
  deadlocked: s(21),
  leaked: s(22),
  /** Not a state: a goroutine id not spawned (yet). */
  none: s(255),
} as const;

export const stateName = (code: GoroutineStateCode): GoroutineState => {
  const st = GOROUTINE_STATES[code];
  if (st === undefined) throw new Error(`unknown goroutine state code ${code}`);
  return st;
};

// ---------------------------------------------------------------------------
// Timers, sync objects, contexts, once and io, run endings, select cases

export const TIMER_OPS = ["set", "fire", "stop"] as const satisfies readonly TimerEvent["op"][];
export const TIMER_OP_CODE = codesOf(TIMER_OPS);
export const TIMER_SET = 0;
export const TIMER_FIRE = 1;
export const TIMER_STOP = 2;

export const TIMER_PURPOSES = ["sleep", "after", "ticker", "timer", "deadline"] as const satisfies readonly TimerPurpose[];
export const TIMER_PURPOSE_CODE = codesOf(TIMER_PURPOSES);
export const PURPOSE_SLEEP = 0;
export const PURPOSE_AFTER = 1;
export const PURPOSE_TICKER = 2;
export const PURPOSE_TIMER = 3;
export const PURPOSE_DEADLINE = 4;

export const SYNC_TYPES = [
  "Mutex",
  "RWMutex",
  "WaitGroup",
  "Once",
  "Cond",
  "Semaphore",
  "ErrGroup",
  "Atomic",
] as const satisfies readonly SyncType[];
export const SYNC_TYPE_CODE = codesOf(SYNC_TYPES);
export const SYNC_MUTEX = 0;
export const SYNC_RWMUTEX = 1;
export const SYNC_WAITGROUP = 2;
export const SYNC_ONCE = 3;
export const SYNC_COND = 4;
export const SYNC_SEMAPHORE = 5;
export const SYNC_ERRGROUP = 6;
export const SYNC_ATOMIC = 7;

export const SYNC_OPS = [
  "wait",
  "signal",
  "broadcast",
  "acquire",
  "release",
  "go",
  "done",
  "load",
  "store",
  "add",
  "swap",
  "cas",
] as const satisfies readonly SyncOp[];
export const SYNC_OP_CODE = codesOf(SYNC_OPS);

export const LOCK_MODES = ["r", "w"] as const satisfies readonly LockMode[];
export const MODE_R = 0;
export const MODE_W = 1;

export const ONCE_OPS = ["start", "done"] as const satisfies readonly OnceEvent["op"][];
export const ONCE_DONE = 1;

export const CONTEXT_TYPES = [
  "background",
  "cancel",
  "timeout",
  "deadline",
  "value",
  "without-cancel",
] as const satisfies readonly ContextType[];
export const CONTEXT_TYPE_CODE = codesOf(CONTEXT_TYPES);
export const CTX_BACKGROUND = 0;
export const CTX_CANCEL = 1;
export const CTX_TIMEOUT = 2;
export const CTX_DEADLINE = 3;
export const CTX_VALUE = 4;
export const CTX_WITHOUT_CANCEL = 5;

export const RUN_STATUSES = ["ok", "deadlock", "panic", "timeout"] as const satisfies readonly RunStatus[];
export const STATUS_OK = 0;
export const STATUS_DEADLOCK = 1;
export const STATUS_PANIC = 2;
export const STATUS_TIMEOUT = 3;

export const LIMITS = ["events", "virtual-time", "wall-time", "stopped"] as const satisfies readonly Limit[];

/** Output streams; the recorder and the model's columns store a line's stream as this code. */
export const OUTPUT_STREAMS = ["stdout", "stderr"] as const satisfies readonly OutputStream[];
export const STREAM_STDOUT = 0;
export const STREAM_STDERR = 1;

/** Select case directions; the runtime's recorder stores a case as (channel id << 1) | dir, channel id 0 = nil. */
export const CHAN_DIRS = ["send", "recv"] as const satisfies readonly ChanDir[];
export const DIR_SEND = 0;
export const DIR_RECV = 1;

/** Compile-time proof that each list names every member of its union (`satisfies` proves it names nothing else). */
type Lists<U, L extends readonly unknown[]> = [Exclude<U, L[number]>] extends [never] ? true : { readonly missing: Exclude<U, L[number]> };
const everyNameListed: readonly [
  Lists<EventKind, typeof EVENT_KINDS>,
  Lists<WaitReason, typeof WAIT_REASONS>,
  Lists<TimerEvent["op"], typeof TIMER_OPS>,
  Lists<TimerPurpose, typeof TIMER_PURPOSES>,
  Lists<SyncType, typeof SYNC_TYPES>,
  Lists<LockMode, typeof LOCK_MODES>,
  Lists<OnceEvent["op"], typeof ONCE_OPS>,
  Lists<ContextType, typeof CONTEXT_TYPES>,
  Lists<RunStatus, typeof RUN_STATUSES>,
  Lists<Limit, typeof LIMITS>,
  Lists<ChanDir, typeof CHAN_DIRS>,
  Lists<SyncOp, typeof SYNC_OPS>,
  Lists<OutputStream, typeof OUTPUT_STREAMS>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true];
void everyNameListed;
