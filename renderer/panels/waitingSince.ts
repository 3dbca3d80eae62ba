// The inspector's "since" for a goroutine: for one that waits (blocked, and
// still when the deadlock or main's return froze it), since when it waits —
// its block — not since its state last changed (a deadlocked goroutine
// entered that state at the deadlock, for every one of them alike).

import type { EventRef, GoroutineStateAt } from "../../traces/model/index";

export function waitingSince(g: GoroutineStateAt): EventRef {
  return g.wait?.block ?? g.since;
}
