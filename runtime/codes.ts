// Small integer codes for the string enums of the trace schema, so the hot path
// and the columnar recorder deal in numbers. Each table's index is the code.

import {
  WAIT_REASONS,
  type ContextType,
  type LockMode,
  type RunStatus,
  type SyncType,
  type TimerPurpose,
  type WaitReason,
} from "../traces/events";

export type ReasonCode = number;
export const REASON: { readonly [K in WaitReason]: ReasonCode } = Object.freeze(
  Object.fromEntries(WAIT_REASONS.map((r, i) => [r, i])) as { [K in WaitReason]: ReasonCode },
);
export const reasonOf = (code: ReasonCode): WaitReason => WAIT_REASONS[code]!;

export const TIMER_OPS = ["set", "fire", "stop"] as const;
export const TIMER_PURPOSES: readonly TimerPurpose[] = ["sleep", "after", "ticker", "timer", "deadline"];
export const SYNC_TYPES: readonly SyncType[] = ["Mutex", "RWMutex", "WaitGroup", "Once"];
export const LOCK_MODES: readonly LockMode[] = ["r", "w"];
export const CONTEXT_TYPES: readonly ContextType[] = ["background", "cancel", "timeout", "deadline"];
export const RUN_STATUSES: readonly RunStatus[] = ["ok", "deadlock", "panic", "timeout"];
export const LIMITS = ["events", "virtual-time", "wall-time", "stopped"] as const;
export type Limit = (typeof LIMITS)[number];

export const TIMER_SET = 0;
export const TIMER_FIRE = 1;
export const TIMER_STOP = 2;

export const PURPOSE_SLEEP = 0;
export const PURPOSE_AFTER = 1;
export const PURPOSE_TICKER = 2;
export const PURPOSE_TIMER = 3;
export const PURPOSE_DEADLINE = 4;

export const SYNC_MUTEX = 0;
export const SYNC_RWMUTEX = 1;
export const SYNC_WAITGROUP = 2;
export const SYNC_ONCE = 3;

export const MODE_R = 0;
export const MODE_W = 1;

export const CTX_BACKGROUND = 0;
export const CTX_CANCEL = 1;
export const CTX_TIMEOUT = 2;
export const CTX_DEADLINE = 3;

export const STATUS_OK = 0;
export const STATUS_DEADLOCK = 1;
export const STATUS_PANIC = 2;
export const STATUS_TIMEOUT = 3;

/** Select case codes in the recorder: (channel id << 1) | dir, dir 0 = send, 1 = recv; channel id 0 = nil. */
export const DIR_SEND = 0;
export const DIR_RECV = 1;
