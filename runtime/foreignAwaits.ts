// Foreign awaits: goroutines that awaited a promise the runtime does not know
// (one not wrapped in io()). The scheduler notices one when the microtask
// queue drains while a goroutine is still marked running (at the pump, or at a
// drain check); from then on it counts as blocked in io until it calls the
// runtime again. HACKING.md, "Foreign awaits, io and host turns", has the
// rules and what the runtime cannot tell apart.

import { RUNTIME_G } from "../traces/events";
import type { Nanos } from "../traces/units";
import { REASON } from "../traces/codes";
import { G_BLOCKED, type Goroutine } from "./goroutine";
import { afterMicrotasks } from "./host";
import { NO_VALUE, type Recorder } from "./recorder";

export class ForeignAwaits {
  /** The goroutines in a foreign await, the longest waiting first. */
  private readonly waiting: Goroutine[] = [];
  /** How many there are: a field, since the scheduler reads it on every switch. */
  count = 0;
  /** A drain check is queued (see armDrainCheck). */
  private drainArmed = false;
  private readonly onDrained: () => void;

  /** `drained` runs at a drain check: right after the microtask queue drained. */
  constructor(
    private readonly rec: Recorder,
    drained: () => void,
  ) {
    this.onDrained = () => {
      this.drainArmed = false;
      drained();
    };
  }

  /** g, still marked running, awaits a promise the runtime does not know: from now on it is blocked in io `io`. */
  begin(g: Goroutine, io: number, now: Nanos): void {
    this.rec.warn(
      now,
      g.id,
      `${g.label()} awaited a promise the runtime does not know about; it counts as blocked in io until it calls the runtime again (wrap the promise in io() to say so explicitly)`,
    );
    this.rec.io(now, g.id, io, false, "foreign await", -1);
    this.rec.block(now, g.id, REASON.io, -1, -1, NO_VALUE, Number.NaN, io, undefined);
    g.state = G_BLOCKED;
    g.reason = REASON.io;
    g.waitCh = -1;
    g.waitObj = -1;
    g.io = io;
    g.foreign = true;
    this.waiting.push(g);
    this.count = this.waiting.length;
  }

  /**
   * The goroutine an operation that arrived with no current goroutine comes
   * from: one returning from a foreign await. JS cannot tell which of several
   * resumed, so it is the one that has waited longest, with a warning saying so.
   */
  claimant(now: Nanos): Goroutine | undefined {
    const g = this.waiting[0];
    if (g === undefined) return undefined;
    if (this.waiting.length > 1) {
      this.rec.warn(
        now,
        g.id,
        `goroutines ${this.waiting.map((f) => f.id).join(", ")} are all in foreign awaits; the runtime cannot tell which one resumed and attributes it to the one that waited first, ${g.label()}`,
      );
    }
    return g;
  }

  /** g is back from its foreign await (at `now`): out of the list, its io ended. */
  end(g: Goroutine, now: Nanos): void {
    const i = this.waiting.indexOf(g);
    if (i >= 0) this.waiting.splice(i, 1);
    this.count = this.waiting.length;
    g.foreign = false;
    this.rec.io(now, RUNTIME_G, g.io, true, "foreign await", 1);
    this.rec.unblock(now, g.id, RUNTIME_G);
    g.io = -1;
    g.reason = -1;
  }

  /**
   * g came back from a foreign await and returned while `holder` was marked
   * running: its continuation ran inside holder's turn (a promise that holder
   * resolved, or, where the host has no drain check, a macrotask that ran
   * before the pump noticed holder's own foreign await). Whatever g did since
   * it resumed was recorded as holder's: says so. The scheduler then ends g
   * without taking the run from holder.
   */
  warnReturnedBeside(g: Goroutine, holder: Goroutine, now: Nanos): void {
    this.rec.warn(
      now,
      g.id,
      `${g.label()} came back from a foreign await while ${holder.label()} was running, and returned; the runtime cannot tell their operations apart, so what ${g.label()} did after the await is recorded as ${holder.label()}'s (wrap the promise in io())`,
    );
  }

  /**
   * Where the host allows (Node), checks right after the microtask queue
   * drains, before any macrotask runs, whether a goroutine is still marked
   * running: then it awaits a foreign promise. The pump notices that too, but
   * a timer or I/O callback that runs before it can resume a goroutine from
   * an earlier foreign await while this one still holds the run, and the two
   * would be taken for one (what the first did recorded as the second's,
   * and a run ended as a deadlock while the second still waited). So the
   * scheduler arms it when a goroutine starts running while others are in
   * foreign awaits, the only time that can happen. Not on every start: that
   * made the select benchmark about 5% slower (with only 5 to 11 checks per
   * run; measured twice, cause not found).
   */
  armDrainCheck(): void {
    if (afterMicrotasks === undefined || this.drainArmed) return;
    this.drainArmed = true;
    afterMicrotasks(this.onDrained);
  }
}
