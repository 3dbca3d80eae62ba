// chanscope's runtime: Go's concurrency for TypeScript programs, instrumented.
// Programs import this module as "chanscope". Everything public is exported
// here; the other modules are internals.

export { go, goid } from "./go";
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
export { sleep, after, newTimer, newTicker, afterFunc, now, gosched, type Timer, type Ticker } from "./time";
export { WaitGroup, Mutex, RWMutex, Once } from "./sync";
export {
  background,
  todo,
  withCancel,
  withCancelCause,
  withTimeout,
  withDeadline,
  cause,
  Canceled,
  DeadlineExceeded,
  type Context,
  type CancelFunc,
  type CancelCauseFunc,
} from "./context";
export { io } from "./io";
export { GoPanic, GoFatal, panic, isPanic } from "./panic";
export { run, type RunOptions, type RunResult, type GoroutineInfo, type AbortSignalLike, type Limit } from "./run";
export { MemoryRecorder, type MemoryRecorderOptions } from "./memoryRecorder";
export { NoopRecorder, type Recorder } from "./recorder";
export { preview } from "./preview";
export { programGlobals, RunGlobals, VIRTUAL_EPOCH_MS, type ProgramGlobals } from "./programGlobals";

/** Version of the runtime, for trace headers. */
export const RUNTIME_VERSION = "0.1.0";
