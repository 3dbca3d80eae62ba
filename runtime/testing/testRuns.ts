// The runtime's test kit: running a program under test and reading its events.

import type { EventKind, EventOf, TraceEvent } from "../../traces/events";
import { buildModel, type RunExplanation } from "../../traces/model/index";
import { run, type RunOptions, type RunResult } from "../run";

/** Runs main with tracing on and a small wall budget so a broken test fails fast. */
export function runTest(main: () => unknown, options: RunOptions = {}): Promise<RunResult> {
  return run(main, { wallTimeBudgetMs: 20_000, ...options });
}

/** The events of one kind, typed. */
export function eventsOf<K extends EventKind>(events: readonly TraceEvent[], kind: K): EventOf<K>[] {
  return events.filter((e): e is EventOf<K> => e.kind === kind);
}

/** Events without seq and t, for comparing orderings compactly. */
export function shape(events: readonly TraceEvent[], kinds: readonly EventKind[]): string[] {
  return events
    .filter((e) => kinds.includes(e.kind))
    .map((e) => {
      const { seq: _seq, t: _t, ...rest } = e;
      return JSON.stringify(rest);
    });
}

/** How the run ended, as the trace model explains it from the run's events. */
export function explanationOf(r: RunResult): RunExplanation {
  return buildModel(r.events).explanation;
}
