// The toolbar's readout of where the playhead is, in the vocabulary's event
// numbers (from #0, as the event list, the inspector and `explain --at` say
// them) beside a count of events — never "48 of 48", which reads as counting
// from 1.

import { eventNumber } from "../../traces/vocabulary/index";
import { plural } from "../timeline/words";

/** "event #47 · 48 events"; "before event #0 · 48 events" at the start (playhead -1); "no events" for an empty trace. */
export function playheadReadout(playhead: number, count: number): string {
  if (count === 0) return "no events";
  const events = plural(count, "event", "events");
  return playhead < 0 ? `before event ${eventNumber(0)} · ${events}` : `event ${eventNumber(playhead)} · ${events}`;
}
