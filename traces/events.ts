// The trace schema: every event the runtime records, the reader accepts and the
// model folds. This file is the contract between runtime/, traces/, main/ and
// renderer/; it imports only the unit of time and runs in any environment.

import type { Nanos } from "./units";

// Ids are branded numbers: a goroutine id is not a channel id, so
// `model.channel(g)` does not type-check. They are born in few places (the
// runtime's counters, the trace decoder, the model's builder, the test kit),
// which make them with the constructors below.

/** Goroutine ids start at 1 (main). 0 is "the runtime": timers, io completions, the scheduler. */
export type GoroutineId = number & { readonly __brand: "GoroutineId" };
/** Channel ids start at 1. A nil channel has no id: `null` where a channel may be nil. */
export type ChannelId = number & { readonly __brand: "ChannelId" };
/** Ids of sync objects (Mutex, RWMutex, WaitGroup, Once), starting at 1. */
export type ObjectId = number & { readonly __brand: "ObjectId" };
/** Ids of contexts; background is the first context made in a run. */
export type ContextId = number & { readonly __brand: "ContextId" };
export type TimerId = number & { readonly __brand: "TimerId" };
/**
 * An event's position in a trace (the model's event i). The wire schema's `seq`
 * (and `recv.from`, which names a seq) stays a plain number: a stream may
 * skip or repeat seqs, which the model reports as anomalies, so a seq is not
 * known to be an index until the model has read it.
 */
export type EventIndex = number & { readonly __brand: "EventIndex" };

export const goroutineId = (n: number): GoroutineId => n as GoroutineId;
export const channelId = (n: number): ChannelId => n as ChannelId;
export const objectId = (n: number): ObjectId => n as ObjectId;
export const contextId = (n: number): ContextId => n as ContextId;
export const timerId = (n: number): TimerId => n as TimerId;
export const eventIndex = (n: number): EventIndex => n as EventIndex;

export const RUNTIME_G = goroutineId(0);
export const MAIN_G = goroutineId(1);

/** Source location of the user's code: "file:line" or "file:line:column". */
export type SourceLoc = string;

/** Why a goroutine is blocked, spelled as Go's runtime spells it in a deadlock dump. */
export type WaitReason =
  | "chan send"
  | "chan receive"
  | "chan send (nil chan)"
  | "chan receive (nil chan)"
  | "select"
  | "select (no cases)"
  | "sleep"
  | "sync.Mutex.Lock"
  | "sync.RWMutex.RLock"
  | "sync.RWMutex.Lock"
  | "sync.WaitGroup.Wait"
  | "sync.Once.Do"
  | "io"
  | "sync.Cond.Wait"
  | "semaphore.Weighted.Acquire"
  | "errgroup.Group.Wait"
  | "errgroup.Group.Go";

export type ChanDir = "send" | "recv";
export interface SelectCase {
  /** null: a nil channel (never ready). */
  readonly ch: ChannelId | null;
  readonly dir: ChanDir;
}

export type SyncType = "Mutex" | "RWMutex" | "WaitGroup" | "Once" | "Cond" | "Semaphore" | "ErrGroup" | "Atomic";
export type LockMode = "r" | "w";
export type ContextType = "background" | "cancel" | "timeout" | "deadline" | "value" | "without-cancel";
export type TimerPurpose = "sleep" | "after" | "ticker" | "timer" | "deadline";
export type RunStatus = "ok" | "deadlock" | "panic" | "timeout";
/** Which limit ended a `timeout` run. */
export type Limit = "events" | "virtual-time" | "wall-time" | "stopped";
export type Strategy = "fifo" | "random";
export type Clock = "virtual" | "real";

interface Base<K extends string> {
  /** 0-based, dense, strictly increasing by one. */
  readonly seq: number;
  /** Nanoseconds since the run started; never decreases. */
  readonly t: Nanos;
  /** The goroutine the event is about (0 = the runtime itself). */
  readonly g: GoroutineId;
  readonly kind: K;
  readonly loc?: SourceLoc;
}

/** g = parent (0 for main's own spawn). */
export interface SpawnEvent extends Base<"spawn"> {
  readonly child: GoroutineId;
  readonly name?: string;
}
/** The scheduler resumed g: g is running from here until its next block/exit/yield. */
export type RunEvent = Base<"run">;
/** g yielded the processor but stays runnable (Gosched, or the scheduler's time slice). */
export type YieldEvent = Base<"yield">;
export type ExitEvent = Base<"exit">;

export interface MakeEvent extends Base<"make"> {
  readonly ch: ChannelId;
  readonly cap: number;
  readonly name?: string;
}
/**
 * A send completed: the value is in the buffer (len counts it) or was handed to `peer`.
 * `sel` is the case index when the send was a select case.
 */
export interface SendEvent extends Base<"send"> {
  readonly ch: ChannelId;
  /** Bounded preview of the value (at most VALUE_PREVIEW_MAX characters). */
  readonly v: string;
  /** Buffer length after the operation. */
  readonly len: number;
  /** The receiving goroutine on a direct handoff (unbuffered, or a receiver already parked). */
  readonly peer?: GoroutineId;
  readonly sel?: number;
}
/**
 * A receive completed. `from` is the seq of the send event whose value this is
 * (directly or through the buffer); absent when ok is false (closed and drained).
 */
export interface RecvEvent extends Base<"recv"> {
  readonly ch: ChannelId;
  readonly v: string;
  readonly ok: boolean;
  readonly len: number;
  readonly peer?: GoroutineId;
  readonly from?: number;
  readonly sel?: number;
}
export interface CloseEvent extends Base<"close"> {
  readonly ch: ChannelId;
  /** Values still buffered (they are still delivered). */
  readonly len: number;
}
/** g parks. What it waits on is the reason plus ch / obj / cases / until. */
export interface BlockEvent extends Base<"block"> {
  readonly reason: WaitReason;
  readonly ch?: ChannelId;
  readonly obj?: ObjectId;
  readonly cases?: readonly SelectCase[];
  /** Preview of the value a blocked sender holds. */
  readonly v?: string;
  /** Wake-up time for sleep. */
  readonly until?: Nanos;
  readonly io?: number;
}
/** g becomes runnable again; `by` made it so (0 = a timer or an io completion). */
export interface UnblockEvent extends Base<"unblock"> {
  readonly by: GoroutineId;
}
/**
 * A select decided. `ready` lists the case indices that were ready when it decided;
 * `chosen` is the case that fired, or -1 for default. The chosen case's send/recv
 * event follows with `sel` set.
 */
export interface SelectEvent extends Base<"select"> {
  readonly cases: readonly SelectCase[];
  readonly ready: readonly number[];
  readonly chosen: number;
  readonly hasDefault: boolean;
}
export interface TimerEvent extends Base<"timer"> {
  readonly timer: TimerId;
  readonly op: "set" | "fire" | "stop";
  readonly purpose: TimerPurpose;
  /** When it fires (set) or fired (fire). */
  readonly at: Nanos;
  /** The channel a fire delivers to (after, ticker, timer). */
  readonly ch?: ChannelId;
}
export interface SyncMakeEvent extends Base<"sync.make"> {
  readonly obj: ObjectId;
  readonly type: SyncType;
  readonly name?: string;
}
/** g acquired the lock (after blocking, or at once). */
export interface LockEvent extends Base<"lock"> {
  readonly obj: ObjectId;
  readonly mode: LockMode;
}
export interface UnlockEvent extends Base<"unlock"> {
  readonly obj: ObjectId;
  readonly mode: LockMode;
}
export interface WaitGroupAddEvent extends Base<"wg.add"> {
  readonly obj: ObjectId;
  readonly delta: number;
  /** Counter after the add. */
  readonly count: number;
}
/** g returned from WaitGroup.Wait. */
export interface WaitGroupWaitEvent extends Base<"wg.wait"> {
  readonly obj: ObjectId;
}
/** Once.Do: `start` when g runs the function, `done` when it returned. */
export interface OnceEvent extends Base<"once"> {
  readonly obj: ObjectId;
  readonly op: "start" | "done";
}
/**
 * An operation on a Cond, a weighted Semaphore, an errgroup Group or an atomic
 * value. Cond: `wait` (g starts waiting; it then unlocks the Cond's lock and
 * blocks), `signal`, `broadcast`. Semaphore: `acquire` (g got `n`; recorded for
 * a waiter when the release that let it in happens), `release` (`n`). Group:
 * `go` (a goroutine started for the group), `done` (one finished; `v` its
 * error, if any), `wait` (Wait returned; `v` the first error). Atomic:
 * `load`, `store`, `add`, `swap`, `cas` with `v` the value after (what a load
 * read), `old` the value before (swap, cas, add) and `ok` for cas.
 */
export interface SyncOpEvent extends Base<"sync.op"> {
  readonly obj: ObjectId;
  readonly op: SyncOp;
  readonly n?: number;
  readonly v?: string;
  readonly old?: string;
  readonly ok?: boolean;
}
export type SyncOp = "wait" | "signal" | "broadcast" | "acquire" | "release" | "go" | "done" | "load" | "store" | "add" | "swap" | "cas";
export interface ContextMakeEvent extends Base<"ctx.make"> {
  readonly ctx: ContextId;
  /** Absent for background. */
  readonly parent?: ContextId;
  readonly type: ContextType;
  /** Effective deadline (already capped by the parent's). */
  readonly deadline?: Nanos;
  /** The context's done channel. */
  readonly done: ChannelId;
}
/** A context was cancelled; `source` is the context whose cancel started it (itself, or an ancestor). */
export interface ContextCancelEvent extends Base<"ctx.cancel"> {
  readonly ctx: ContextId;
  readonly err: string;
  readonly cause?: string;
  readonly source: ContextId;
}
export interface IoEvent extends Base<"io"> {
  readonly io: number;
  readonly op: "start" | "end";
  readonly label?: string;
  readonly ok?: boolean;
}
/** Something the user should know that is not an error of the program (a foreign await, say). */
export interface WarnEvent extends Base<"warn"> {
  readonly message: string;
  /**
   * g's function returned while this operation of g was pending (a missing
   * await): g stays parked on it, and its loc is the line of the operation.
   */
  readonly unawaited?: true;
}
/** Which of the program's output streams a printed line went to. */
export type OutputStream = "stdout" | "stderr";
/**
 * One line the program printed: console.log, info and debug go to stdout,
 * console.error and warn to stderr. `text` is the line without its line end
 * (a print of several lines is one event per line; a print without a trailing
 * newline is still one line), at most OUTPUT_TEXT_MAX characters (a longer one
 * is cut, ending in a marker that says how much is gone). `g` is the goroutine
 * that printed (0: a host callback, outside any goroutine).
 */
export interface OutputEvent extends Base<"output"> {
  readonly stream: OutputStream;
  readonly text: string;
}
/** fatal: the run ends and cannot recover (e.g. unlock of unlocked mutex). */
export interface PanicEvent extends Base<"panic"> {
  readonly message: string;
  readonly fatal?: boolean;
  /** The JS stack of a thrown error, when there was one (bounded). */
  readonly stack?: string;
}
/** Emitted at the end for each goroutine still blocked when main returned. */
export interface LeakEvent extends Base<"leak"> {
  readonly reason: WaitReason;
  readonly ch?: ChannelId;
  readonly obj?: ObjectId;
}
export interface DeadlockEvent extends Base<"deadlock"> {
  readonly message: string;
}
/** The last event of every complete run. */
export interface EndEvent extends Base<"end"> {
  readonly status: RunStatus;
  readonly message?: string;
  readonly limit?: Limit;
  /** The status code of a run the program ended with os.Exit (chanscope's exit(code)), when not 0. */
  readonly exitCode?: number;
}

export type TraceEvent =
  | SpawnEvent
  | RunEvent
  | YieldEvent
  | ExitEvent
  | MakeEvent
  | SendEvent
  | RecvEvent
  | CloseEvent
  | BlockEvent
  | UnblockEvent
  | SelectEvent
  | TimerEvent
  | SyncMakeEvent
  | LockEvent
  | UnlockEvent
  | WaitGroupAddEvent
  | WaitGroupWaitEvent
  | OnceEvent
  | SyncOpEvent
  | ContextMakeEvent
  | ContextCancelEvent
  | IoEvent
  | WarnEvent
  | OutputEvent
  | PanicEvent
  | LeakEvent
  | DeadlockEvent
  | EndEvent;

export type EventKind = TraceEvent["kind"];
export type EventOf<K extends EventKind> = Extract<TraceEvent, { kind: K }>;

/** Exhaustiveness guard for switches over event kinds. */
export function assertNever(x: never, what = "value"): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}

export const VALUE_PREVIEW_MAX = 64;

/** The most characters an output event keeps of one printed line. */
export const OUTPUT_TEXT_MAX = 1000;
/** The most output events one run records; lines printed past it still reach the console (a `warn` says so). */
export const OUTPUT_EVENTS_MAX = 10_000;

/** The first line of every trace file. */
export interface TraceHeader {
  readonly format: "chanscope-trace";
  readonly version: number;
  readonly program: {
    readonly name: string;
    /** Sample id, or the program file's path. */
    readonly id?: string;
    /** The program's source text, so a trace can show its code without the file. */
    readonly source?: string;
  };
  readonly seed: number;
  readonly strategy: Strategy;
  readonly clock: Clock;
  /** chanscope runtime version that recorded it. */
  readonly runtime: string;
  /** ISO 8601. */
  readonly createdAt: string;
}
export const FORMAT_NAME = "chanscope-trace" as const;
export const FORMAT_VERSION = 1;

/**
 * The largest id (goroutine, channel, sync object, context, timer, io), count,
 * length or event index a trace may hold, and the smallest WaitGroup delta or
 * counter (FORMAT.md §3): what the model's 32-bit columns hold, so a value is
 * kept exactly or refused, never wrapped.
 */
export const MAX_INT32 = 2 ** 31 - 1;
export const MIN_INT32 = -(2 ** 31);
