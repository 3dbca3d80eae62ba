// What the Output panel shows, read from the model: the lines the program
// printed, each with who printed it, when and where, and which line the
// playhead has reached. Pure; the panel builds only the rows in view.

import type { EventIndex, GoroutineId, OutputStream } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import type { Nanos } from "../../traces/units";
import { parseLoc } from "../state/sourceLoc";

export interface OutputLine {
  /** The output event. */
  readonly index: EventIndex;
  readonly t: Nanos;
  readonly g: GoroutineId;
  readonly stream: OutputStream;
  readonly text: string;
  /** The program's line that printed it, when locations were recorded. */
  readonly line: number | undefined;
  readonly loc: string | undefined;
}

/** Line k of what the program printed (0 ≤ k < model.output.length). */
export function outputLine(model: TraceModel, k: number): OutputLine {
  const index = model.output[k] as EventIndex;
  const e = model.event(index);
  if (e.kind !== "output") throw new Error(`event ${index} is a ${e.kind}, not a printed line`);
  return { index, t: e.t, g: e.g, stream: e.stream, text: e.text, line: parseLoc(e.loc)?.line, loc: e.loc };
}

/** The last line printed at or before the playhead's event (-1: none yet). */
export function outputRowAtOrBefore(model: TraceModel, playhead: EventIndex): number {
  const output = model.output;
  let lo = 0;
  let hi = output.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((output[mid] as number) <= playhead) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** How the tab counts the lines: "7", "10,000". */
export const outputCount = (model: TraceModel): string => model.output.length.toLocaleString("en");
