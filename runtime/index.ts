// chanscope's runtime: Go's concurrency for TypeScript programs, instrumented.
// Programs import this module as "chanscope". Everything public is exported
// here; the other modules are internals.

export { go, goid, goexit, numGoroutine } from "./go";
export { chan, nilChan, isChan, type Chan, type RecvChan, type SendChan, type RecvResult, type MaybeChan } from "./channel";
export {
  select,
  recv,
  send,
  otherwise,
  type Case,
  type RecvCase,
  type RecvHandler,
  type SendCase,
  type DefaultCase,
  type SelectResult,
} from "./select";
export { sleep, after, newTimer, newTicker, tick, now, gosched, type Timer, type Ticker, type FireValue } from "./time";
export { afterFunc } from "./afterFunc";
export { WaitGroup, Mutex, RWMutex, Once, onceFunc, onceValue, onceValues, type Locker } from "./sync";
export { Cond } from "./cond";
export { Weighted } from "./semaphore";
export { ErrGroup, errGroupWithContext, type Task } from "./errgroup";
/** Go's sync/atomic typed values: `new atomic.Int64()`, `new atomic.Bool()`, `new atomic.Value<T>()`… */
export * as atomic from "./atomic";
export {
  background,
  todo,
  withCancel,
  withCancelCause,
  withTimeout,
  withDeadline,
  withTimeoutCause,
  withDeadlineCause,
  withValue,
  withoutCancel,
  cause,
  Canceled,
  DeadlineExceeded,
  type Context,
  type CancelFunc,
  type CancelCauseFunc,
  type StopFunc,
} from "./context";
export { io } from "./io";
export { GoPanic, GoFatal, panic, isPanic } from "./panic";
export { exit, isExiting, ProgramExit } from "./exit";
export { run, type RunOptions, type RunResult, type GoroutineInfo, type AbortSignalLike, type Limit } from "./run";
export { MemoryRecorder, type MemoryRecorderOptions } from "./memoryRecorder";
export { NoopRecorder, type Recorder } from "./recorder";
export { preview } from "./preview";
/** For compiled programs (Go, by gofront): the source location of the next operation, so events are located without stack captures. */
export { atLocation } from "./location";
export { programGlobals, RunGlobals, VIRTUAL_EPOCH_MS, type ProgramGlobals } from "./programGlobals";

/** Version of the runtime, for trace headers. */
export const RUNTIME_VERSION = "0.1.0";
