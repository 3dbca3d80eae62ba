// Real promises inside a run.

import { registerRuntimeModule } from "./location";
import { activeScheduler } from "./scheduler";

registerRuntimeModule(import.meta.url);

/**
 * Awaits a real promise (fetch, a file read, a timer of the host) as an
 * operation of the runtime: the goroutine parks in an `io` state, other
 * goroutines run meanwhile, and it resumes with the promise's value (or its
 * rejection). `label` names it in the trace.
 *
 * Always wrap foreign promises in io(): a bare `await somePromise` that does not
 * settle within the current turn is detected and recorded as a `warn` event
 * (treated as io until the goroutine next calls the runtime), but when several
 * goroutines do that at once the runtime cannot tell which one resumed.
 *
 * With the virtual clock, time does not advance while any io is in flight (a
 * goroutine in io is not durably blocked), and io makes a run depend on the
 * outside world: it is no longer reproducible event for event.
 */
export function io<T>(p: PromiseLike<T> | T, label?: string): Promise<T> {
  const s = activeScheduler("io()");
  return s.enter((g) => s.parkInIo(g, Promise.resolve(p), label));
}
