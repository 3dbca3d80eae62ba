// The go statement.

import { RUNTIME_G, type GoroutineId } from "../traces/events";
import { registerRuntimeModule } from "./location";
import { activeScheduler } from "./scheduler";

registerRuntimeModule(import.meta.url);

/**
 * Go's `go fn()`: registers fn as a new runnable goroutine and returns its id
 * (goroutine ids start at 1 with main). fn does not run now: the scheduler
 * starts it when it picks it, after the caller blocks or yields. `name` labels
 * it in the trace. An exception escaping fn ends the run with status panic.
 */
export function go(fn: () => unknown, name?: string): GoroutineId {
  const s = activeScheduler("go()");
  const parent = s.syncEnter();
  if (parent === undefined) return RUNTIME_G;
  return s.spawn(fn, name, parent.id).id;
}

/** The id of the calling goroutine (0 outside any goroutine). */
export function goid(): GoroutineId {
  return activeScheduler("goid()").current?.id ?? RUNTIME_G;
}
