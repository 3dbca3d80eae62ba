// Go's os.Exit: the program ends at once with a status code. No deferred call
// runs, in any goroutine: the others stay frozen where they are, as after any
// ending, and the caller's stack unwinds with a ProgramExit that nothing
// should handle. JS still runs `finally` blocks as it unwinds, so code that
// stands for Go's deferred calls (gofront's compiled defers) asks isExiting()
// first and does nothing when the run ended by exit.

import { registerRuntimeModule } from "./location";
import { activeScheduler } from "./scheduler";

registerRuntimeModule(import.meta.url);

/** What exit() throws to unwind its caller; the run has already ended. Not a panic (isPanic is false). */
export class ProgramExit extends Error {
  constructor(readonly code: number) {
    super(`exit status ${code}`);
    this.name = "ProgramExit";
  }
}

let exiting = false;

/**
 * Go's os.Exit(code): ends the run now, with status `ok` and, when code is not
 * 0, `exitCode` on the result and on the trace's end event. Goroutines still
 * running or blocked are stopped where they are; deferred calls do not run.
 */
export function exit(code: number): never {
  const s = activeScheduler("exit()");
  exiting = true;
  s.exit(code);
  throw new ProgramExit(code);
}

/**
 * True once the run in this realm ended by exit(): the `finally` of a Go
 * function's deferred calls must then skip them (Go runs none at os.Exit),
 * and a recover must not stop the unwinding.
 */
export function isExiting(): boolean {
  return exiting;
}

/** Called as a run starts. */
export function resetExit(): void {
  exiting = false;
}
