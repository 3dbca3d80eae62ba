// What a Go program reaches outside itself, for one run: its stdout (bytes,
// printed a line at a time on the run's console), its randomness (the run's
// seeded PRNG: map iteration order, math/rand) and its clock.

import { VIRTUAL_EPOCH_MS, now, type ProgramGlobals } from "../../runtime/index";
import { jsText } from "./values";

export class GoHost {
  private pending = "";
  private pendingErr = "";
  private epochMs: number | undefined = undefined;

  constructor(private readonly globals: ProgramGlobals) {}

  /** Writes Go bytes (a byte string) to stdout: each complete line is printed and recorded. */
  stdout(bytes: string): void {
    const text = this.pending + bytes;
    const lines = text.split("\n");
    this.pending = lines.pop() ?? "";
    const log = this.globals.console["log"] as (...args: unknown[]) => void;
    for (const line of lines) log("%s", jsText(line));
  }

  /** Writes Go bytes to stderr: each complete line is printed (console.error) and recorded on the stderr stream. */
  stderr(bytes: string): void {
    const lines = (this.pendingErr + bytes).split("\n");
    this.pendingErr = lines.pop() ?? "";
    const error = this.globals.console["error"] as (...args: unknown[]) => void;
    for (const line of lines) error("%s", jsText(line));
  }

  /** Prints a last line that has no newline (stderr's, then stdout's). */
  flush(): void {
    if (this.pendingErr !== "") this.stderr("\n");
    if (this.pending === "") return;
    const line = this.pending;
    this.pending = "";
    (this.globals.console["log"] as (...args: unknown[]) => void)("%s", jsText(line));
  }

  /** A float in [0, 1) from the run's seeded PRNG. */
  random(): number {
    return this.globals.Math.random();
  }

  /**
   * The instant the run's clock (the runtime's now(), ms) counts from, in ms
   * since the Unix epoch: the playground's 2009-11-10 23:00 UTC on the virtual
   * clock, the real instant the run started on the real clock. Call it in the run.
   */
  runEpochMs(): number {
    if (this.epochMs === undefined) {
      const origin = this.globals.performance.timeOrigin;
      this.epochMs = origin === VIRTUAL_EPOCH_MS ? origin : this.globals.Date.now() - now();
    }
    return this.epochMs;
  }

  /** Milliseconds since the Unix epoch on the run's clock (virtual: from the playground's 2009-11-10 23:00 UTC). */
  nowMs(): number {
    return this.globals.Date.now();
  }
}
