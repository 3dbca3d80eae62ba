// How a run ended, as data: what explain.ts produces and the model hands out as
// `model.explanation`. Types only, so the model's interface can name them
// without depending on the code that builds them.

import type { GoroutineState } from "../codes";
import type { EndEvent, GoroutineId, RunStatus, SourceLoc, WaitReason } from "../events";
import type { EventRef } from "./eventRef";
import type { EndingKind } from "../vocabulary/endings";
import type { ResourceRef, WaitCycle } from "./waitForGraph";

export type RunOutcome = "ok" | "deadlock" | "panic" | "timeout" | "truncated";
/**
 * leaked: parked with nothing that could ever wake it when main returned.
 * unawaited: its function returned while this operation was pending (a missing await).
 * unfinished: would have gone on when main returned (runnable, sleeping, or wakeable); Go ends it with main.
 */
export type ExplanationItemKind = "deadlocked" | "leaked" | "unawaited" | "panicked" | "blocked" | "unfinished";

export interface ExplanationItem {
  readonly g: GoroutineId;
  readonly name: string | undefined;
  readonly kind: ExplanationItemKind;
  readonly state: GoroutineState;
  /** Undefined for a panic. */
  readonly reason: WaitReason | undefined;
  /** What it waits on (channels of a select, the object of a lock...). */
  readonly resources: readonly ResourceRef[];
  /** Its last block event (index = seq): "jump to G2's last block". */
  readonly lastBlock: EventRef | undefined;
  /** Where a view should jump: the last block, or the panic. */
  readonly jumpTo: EventRef | undefined;
  readonly loc: SourceLoc | undefined;
  /** "goroutine 2 [chan receive]: waiting to receive from channel `results` (unbuffered)" */
  readonly summary: string;
  /** Why nothing wakes it (or, for a panic, why it panicked). */
  readonly why: string;
  /** summary + why, one sentence. */
  readonly text: string;
}

export interface ExplainedCycle extends WaitCycle {
  /** "G2, waiting to receive from `a`, waits for G3; G3, waiting to receive from `b`, waits for G2" */
  readonly text: string;
}

export interface PanicSummary {
  readonly g: GoroutineId;
  readonly at: EventRef;
  readonly message: string;
  readonly fatal: boolean;
  readonly loc: SourceLoc | undefined;
  readonly stack: string | undefined;
}

export interface RunExplanation {
  readonly outcome: RunOutcome;
  /** What every view calls this ending (vocabulary/endings.ts). */
  readonly ending: EndingKind;
  readonly status: RunStatus | undefined;
  /** One line: Go's own message where Go has one. */
  readonly headline: string;
  readonly items: readonly ExplanationItem[];
  readonly cycles: readonly ExplainedCycle[];
  readonly panic: PanicSummary | undefined;
  readonly limit: EndEvent["limit"];
  /** The whole explanation, several lines. */
  readonly text: string;
}
