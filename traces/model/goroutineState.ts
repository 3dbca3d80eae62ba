// What the goroutine states mean to the fold and the views: which are parked,
// and the state a wait reason puts a goroutine in. The states
// and their codes are in traces/codes.ts.

import { StateCode, WAIT_REASONS, type GoroutineStateCode } from "../codes";
import { assertNever, type WaitReason } from "../events";

/** Parked on something (the runtime counts these as asleep). */
export const isBlockedCode = (code: GoroutineStateCode): boolean => code >= StateCode.blockedSend && code <= StateCode.blockedErrGroupGo;
/** Parked for good or for now: the states that have a wait to show. */
export const isWaitingCode = (code: GoroutineStateCode): boolean =>
  isBlockedCode(code) || code === StateCode.deadlocked || code === StateCode.leaked;

function blockedStateOf(reason: WaitReason): GoroutineStateCode {
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
    case "sync.Cond.Wait":
      return StateCode.blockedCond;
    case "semaphore.Weighted.Acquire":
      return StateCode.blockedSemaphore;
    case "errgroup.Group.Wait":
      return StateCode.blockedErrGroupWait;
    case "errgroup.Group.Go":
      return StateCode.blockedErrGroupGo;
    default:
      return assertNever(reason, "wait reason");
  }
}

/** Reason codes precomputed as state codes, for the fold's hot path. */
export const STATE_OF_REASON_CODE: readonly GoroutineStateCode[] = WAIT_REASONS.map(blockedStateOf);
