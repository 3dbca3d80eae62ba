// How a run ends, as Go ends a program: main returned (every goroutine still
// blocked leaked), a deadlock, an unrecovered panic or a fatal error, or a
// limit (a timeout). The scheduler decides when a run ends; this module holds
// what the ending says and records.

import { panicHeadline } from "../traces/vocabulary/index";
import type { Limit } from "../traces/events";
import type { Nanos } from "../traces/units";
import {
  LIMITS,
  REASON,
  STATUS_OK,
  WAIT_REASONS,
  type ReasonCode,
  type STATUS_DEADLOCK,
  type STATUS_PANIC,
  type STATUS_TIMEOUT,
} from "../traces/codes";
import { G_BLOCKED, G_DONE, STATE_NAMES, type Goroutine } from "./goroutine";
import type { Recorder } from "./recorder";

export interface GoroutineSnapshot {
  readonly id: number;
  readonly name: string | undefined;
  readonly state: "runnable" | "running" | "blocked";
  readonly reason: ReasonCode;
}

/** How a run ended, before run() dresses it up as a RunResult. */
export interface Outcome {
  readonly status: typeof STATUS_OK | typeof STATUS_DEADLOCK | typeof STATUS_PANIC | typeof STATUS_TIMEOUT;
  readonly message: string;
  readonly limit: Limit | undefined;
  readonly endTime: Nanos;
  readonly panic: { readonly g: number; readonly message: string; readonly stack?: string } | undefined;
  /** Goroutines that had not finished, in id order. */
  readonly unfinished: readonly GoroutineSnapshot[];
  /** The code a program's exit(code) ended the run with (Go's os.Exit), when not 0. */
  readonly exitCode: number | undefined;
  /** What the host's onEvents callback threw, boxed: any value may be thrown, undefined too. */
  readonly hostFailure: { readonly error: unknown } | undefined;
}

const LIMIT_REACHED: Readonly<Record<Limit, string>> = {
  events: "the event limit was reached",
  "virtual-time": "the virtual time limit was reached",
  "wall-time": "the wall-time budget was used up",
  stopped: "the run was stopped",
};

/** The warning when g's function returned while its operation was still pending. */
export function unawaitedMessage(g: Goroutine): string {
  const op = g.reason >= 0 ? ` [${WAIT_REASONS[g.reason]}]` : "";
  return `${g.label()} returned while an operation it started was still pending${op}: a missing await? It stays blocked on that operation`;
}

/** The message of a run a limit ended. */
export function haltMessage(limit: Limit): string {
  return `stopped: ${LIMIT_REACHED[limit]}`;
}

/** The message of a run an unrecovered panic in g ended. */
export function panicMessage(message: string, g: Goroutine): string {
  return `${panicHeadline(message, false)} [${g.label()}]`;
}

/** The message of a run a fatal error ended (in g, or in no goroutine). */
export function fatalMessage(message: string, g: Goroutine | undefined): string {
  return `${panicHeadline(message, true)}${g ? ` [${g.label()}]` : ""}`;
}

/**
 * Records the end of the run: when main returned (status ok), a `leak` event
 * for each goroutine still blocked, then the `end` event. Returns the
 * goroutines that had not finished, in id order (`live` is in spawn order).
 */
export function recordEnding(
  rec: Recorder,
  now: Nanos,
  live: Iterable<Goroutine>,
  status: Outcome["status"],
  message: string,
  limit: Limit | undefined,
  exitCode = 0,
): GoroutineSnapshot[] {
  const unfinished: GoroutineSnapshot[] = [];
  for (const g of live) {
    if (g.state === G_DONE) continue;
    unfinished.push({
      id: g.id,
      name: g.name,
      state: STATE_NAMES[g.state],
      reason: g.state === G_BLOCKED ? g.reason : -1,
    });
    // A sleeper, or a goroutine in io, would have gone on: main's return cut it off, it did not leak.
    if (status === STATUS_OK && g.state === G_BLOCKED && g.reason >= 0 && g.reason !== REASON.sleep && g.reason !== REASON.io) {
      rec.leak(now, g.id, g.reason, g.waitCh, g.waitObj);
    }
  }
  rec.end(now, status, message, limit === undefined ? -1 : LIMITS.indexOf(limit), exitCode);
  return unfinished;
}
