// The go statement.

import { RUNTIME_G, type GoroutineId } from "../traces/events";
import { registerRuntimeModule } from "./location";
import { Goexit } from "./panic";
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

/**
 * Go's runtime.Goexit: ends the calling goroutine after running its deferred
 * cleanup (the finally blocks on the way out); it never returns. Called from
 * main, the run goes on until every other goroutine has exited (then it ends
 * as Go's "no goroutines (main called runtime.Goexit) - deadlock!") or is
 * blocked for good (a deadlock). A `catch` that swallows every exception stops
 * it, as a catch-all would stop a panic: rethrow what isPanic() says is not one.
 */
export function goexit(): never {
  const s = activeScheduler("goexit()");
  s.syncEnter();
  throw new Goexit();
}

/** Go's runtime.NumGoroutine: how many goroutines exist now (started and not yet exited), main included. */
export function numGoroutine(): number {
  return activeScheduler("numGoroutine()").goroutineCount();
}
