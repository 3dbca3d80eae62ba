// afterFunc, for both of Go's: time.AfterFunc(d, f) and context.AfterFunc(ctx, f).
// One name in the "chanscope" module, told apart by the first argument.

import { contextAfterFunc, type Context, type StopFunc } from "./context";
import { registerRuntimeModule } from "./location";
import { afterFunc as timerAfterFunc, type Timer } from "./time";

registerRuntimeModule(import.meta.url);

/** Go's time.AfterFunc: runs fn in a goroutine of its own after ms; the timer can be stopped or reset. */
export function afterFunc(ms: number, fn: () => unknown, name?: string): Timer;
/** Go's context.AfterFunc: runs f in a goroutine of its own once ctx is cancelled; stop() unregisters it. */
export function afterFunc(ctx: Context, f: () => unknown): StopFunc;
export function afterFunc(first: number | Context, fn: () => unknown, name?: string): Timer | StopFunc {
  return typeof first === "number" ? timerAfterFunc(first, fn, name) : contextAfterFunc(first, fn);
}
