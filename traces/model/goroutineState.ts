// The enumerated goroutine states (gotraceui's idea: blocked states say exactly
// what the goroutine waits for). The string is what views show and switch on;
// the code is its index, for columnar storage.

import { assertNever, WAIT_REASONS, type WaitReason } from "../events";

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
  "exited",
  "panicked",
  /** Blocked when the runtime declared the deadlock; the span keeps what it waited on. */
  "deadlocked",
  /** Blocked when main returned; the span keeps what it waited on. */
  "leaked",
] as const;
export type GoroutineState = (typeof GOROUTINE_STATES)[number];

/** Numeric codes, for typed arrays and for the fold's hot path. */
export const StateCode = {
  runnable: 0,
  running: 1,
  blockedSend: 2,
  blockedRecv: 3,
  blockedSendNil: 4,
  blockedRecvNil: 5,
  blockedSelect: 6,
  blockedSelectNoCases: 7,
  blockedSleep: 8,
  blockedMutex: 9,
  blockedRWMutexRead: 10,
  blockedRWMutexWrite: 11,
  blockedWaitGroup: 12,
  blockedOnce: 13,
  blockedIo: 14,
  exited: 15,
  panicked: 16,
  deadlocked: 17,
  leaked: 18,
  /** Not a state: a goroutine id not spawned (yet). */
  none: 255,
} as const;

export const stateName = (code: number): GoroutineState => {
  const s = GOROUTINE_STATES[code];
  if (s === undefined) throw new Error(`unknown goroutine state code ${code}`);
  return s;
};
export const stateCode = (s: GoroutineState): number => GOROUTINE_STATES.indexOf(s);

/** Parked on something (the runtime counts these as asleep). */
export const isBlockedCode = (code: number): boolean => code >= StateCode.blockedSend && code <= StateCode.blockedIo;
/** Will never run again: exited or panicked (leaked/deadlocked goroutines are still parked). */
export const isGoneCode = (code: number): boolean => code === StateCode.exited || code === StateCode.panicked;
/** Parked for good or for now: the states that have a wait to show. */
export const isWaitingCode = (code: number): boolean =>
  isBlockedCode(code) || code === StateCode.deadlocked || code === StateCode.leaked;

export const REASON_CODE: Readonly<Record<WaitReason, number>> = Object.freeze(
  Object.fromEntries(WAIT_REASONS.map((r, i) => [r, i])) as Record<WaitReason, number>,
);
export const reasonName = (code: number): WaitReason => {
  const r = WAIT_REASONS[code];
  if (r === undefined) throw new Error(`unknown wait reason code ${code}`);
  return r;
};

export function blockedStateOf(reason: WaitReason): number {
  switch (reason) {
    case "chan send":
      return StateCode.blockedSend;
    case "chan receive":
      return StateCode.blockedRecv;
    case "chan send (nil chan)":
      return StateCode.blockedSendNil;
    case "chan receive (nil chan)":
      return StateCode.blockedRecvNil;
    case "select":
      return StateCode.blockedSelect;
    case "select (no cases)":
      return StateCode.blockedSelectNoCases;
    case "sleep":
      return StateCode.blockedSleep;
    case "sync.Mutex.Lock":
      return StateCode.blockedMutex;
    case "sync.RWMutex.RLock":
      return StateCode.blockedRWMutexRead;
    case "sync.RWMutex.Lock":
      return StateCode.blockedRWMutexWrite;
    case "sync.WaitGroup.Wait":
      return StateCode.blockedWaitGroup;
    case "sync.Once.Do":
      return StateCode.blockedOnce;
    case "io":
      return StateCode.blockedIo;
    default:
      return assertNever(reason, "wait reason");
  }
}

/** Reason codes precomputed as state codes, for the fold's hot path. */
export const STATE_OF_REASON_CODE: readonly number[] = WAIT_REASONS.map(blockedStateOf);
