// Plain-language lines for goroutines that are stuck or leaked: who waits on what.

import { WAIT_REASONS } from "../traces/codes";
import type { WaitReason } from "../traces/events";
import { G_BLOCKED, G_DONE, G_RUNNABLE, G_RUNNING, type Goroutine } from "./goroutine";
import { preview } from "./preview";
import { setWaitExplainer, type Scheduler } from "./scheduler";

function ms(ns: number): string {
  return `${+(ns / 1e6).toFixed(3)}ms`;
}

function what(g: Goroutine): string {
  const on = g.waitOn?.describe() ?? "";
  const reason: WaitReason | undefined = WAIT_REASONS[g.reason];
  switch (reason) {
    case undefined:
      return "is blocked";
    case "chan send":
      return `waits to send ${preview(g.waitValue)} on ${on}`;
    case "chan receive":
      return `waits to receive from ${on}`;
    case "chan send (nil chan)":
      return "waits to send on a nil channel (blocks forever)";
    case "chan receive (nil chan)":
      return "waits to receive from a nil channel (blocks forever)";
    case "select":
      return on === "" ? "waits in a select whose cases are all nil channels (blocks forever)" : `waits in select to ${on}`;
    case "select (no cases)":
      return "waits in an empty select (blocks forever)";
    case "sleep":
      return `sleeps until ${ms(g.until)}`;
    case "sync.Mutex.Lock":
      return `waits to lock ${on}`;
    case "sync.RWMutex.RLock":
      return `waits to read-lock ${on}`;
    case "sync.RWMutex.Lock":
      return `waits to lock ${on}`;
    case "sync.WaitGroup.Wait":
      return `waits for ${on} to reach zero`;
    case "sync.Once.Do":
      return `waits for ${on} to finish`;
    case "io":
      return g.foreign ? `waits for a promise it awaited without io() (io #${g.io})` : `waits for io #${g.io}`;
  }
}

/** One line for goroutine g: `goroutine 3 "worker" [chan receive]: waits to receive from channel #2 "jobs" (buffer 0/5)`. */
export function explainGoroutine(g: Goroutine, _s: Scheduler): string {
  switch (g.state) {
    case G_BLOCKED:
      return `${g.label()} [${WAIT_REASONS[g.reason] ?? "blocked"}]: ${what(g)}`;
    case G_RUNNABLE:
      return g.started
        ? `${g.label()} [runnable]: was ready to go on but never got the chance`
        : `${g.label()} [runnable]: was started with go but never ran`;
    case G_RUNNING:
      return `${g.label()} [running]`;
    case G_DONE:
      return `${g.label()} [done]`;
  }
}

setWaitExplainer(explainGoroutine);
