// What a Go program reaches outside itself, for one run: its stdout (bytes,
// printed a line at a time on the run's console), its randomness (the run's
// seeded PRNG: map iteration order, math/rand) and its clock.

import type { ProgramGlobals } from "../../runtime/index";
import { jsText } from "./values";

export class GoHost {
  private pending = "";

  constructor(private readonly globals: ProgramGlobals) {}

  /** Writes Go bytes (a byte string) to stdout: each complete line is printed and recorded. */
  stdout(bytes: string): void {
    const text = this.pending + bytes;
    const lines = text.split("\n");
    this.pending = lines.pop() ?? "";
    const log = this.globals.console["log"] as (...args: unknown[]) => void;
    for (const line of lines) log("%s", jsText(line));
  }

  /** Writes to stderr (Go's print and println builtins). */
  stderr(bytes: string): void {
    (this.globals.console["error"] as (...args: unknown[]) => void)("%s", jsText(bytes.replace(/\n$/, "")));
  }

  /** Prints a last line that has no newline. */
  flush(): void {
    if (this.pending === "") return;
    const line = this.pending;
    this.pending = "";
    (this.globals.console["log"] as (...args: unknown[]) => void)("%s", jsText(line));
  }

  /** A float in [0, 1) from the run's seeded PRNG. */
  random(): number {
    return this.globals.Math.random();
  }

  /** Milliseconds since the Unix epoch on the run's clock (virtual: from the playground's 2009-11-10 23:00 UTC). */
  nowMs(): number {
    return this.globals.Date.now();
  }
}
