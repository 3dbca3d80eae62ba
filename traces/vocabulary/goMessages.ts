// Go's own words, spelled once: the runtime writes them into traces and the
// model reads them back, so both must use these.

import type { GoroutineId } from "../events";
import { oneLine } from "./oneLine";

/** What Go prints when every goroutine is blocked. The runtime records it in the trace verbatim. */
export const DEADLOCK_MESSAGE = "fatal error: all goroutines are asleep - deadlock!";

/** What Go prints when main called runtime.Goexit and every other goroutine has exited. */
export const GOEXIT_DEADLOCK_MESSAGE = "fatal error: no goroutines (main called runtime.Goexit) - deadlock!";

/** Go's panic on a send to a closed channel (and on a sender parked when the channel is closed). */
export const SEND_ON_CLOSED_CHANNEL = "send on closed channel";

/** The first line Go prints for a panic: "panic: send on closed channel", "fatal error: sync: unlock of unlocked mutex". */
export const panicHeadline = (message: string, fatal: boolean): string => `${fatal ? "fatal error" : "panic"}: ${message}`;

/** A goroutine as Go's goroutine dump heads it, with its name: "goroutine 2 (worker) [chan receive]"; without a bracket, "goroutine 2 (worker)". */
export function goroutineHeader(g: { readonly id: GoroutineId; readonly name?: string | undefined }, bracket?: string): string {
  return `goroutine ${g.id}${g.name === undefined || g.name === "" ? "" : ` (${oneLine(g.name)})`}${bracket === undefined ? "" : ` [${bracket}]`}`;
}
