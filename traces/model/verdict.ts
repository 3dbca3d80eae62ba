// When the wait-for graph's "stuck" stops being a guess. Mid-run the model
// knows only who has used a channel so far, so a waiter nobody seen can wake
// may yet be woken by a goroutine that has not touched its channel; once the
// runtime declared a deadlock, or main returned, nothing more will happen.

import type { EventIndex } from "../events";
import type { RunEnding } from "./traceModel";

/** The first event from which a stuck waiter is stuck for good; undefined when the run never reached such a point. */
export function verdictFrom(ending: RunEnding): EventIndex | undefined {
  if (ending.end === undefined) return undefined;
  switch (ending.status) {
    case "deadlock":
      return (ending.deadlock ?? ending.end).index;
    case "ok":
      // The leak events come right after main's exit, before the end.
      return (ending.leaks[0] ?? ending.end).index;
    case "panic":
    case "timeout":
    case undefined:
      // A panic ends every goroutine; a limit stopped a program that was still going.
      return undefined;
  }
}

/** At `index`, is a stuck waiter stuck for good? */
export const isVerdict = (ending: RunEnding, index: number): boolean => {
  const from = verdictFrom(ending);
  return from !== undefined && index >= from;
};
