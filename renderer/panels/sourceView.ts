// The source panel's data: the program's text (carried in the trace's header,
// or the sample's own) and, at the playhead, which goroutines are parked on
// which line — so the code shows where everyone is stuck.

import type { SampleSummary } from "../../main/contract/hostApi";
import type { EventIndex, GoroutineId } from "../../traces/events";
import type { ModelState, TraceModel } from "../../traces/model/index";
import { parseLoc } from "../state/sourceLoc";

export interface ProgramSource {
  /** "samples/buffered-channel.ts", or the program's name. */
  readonly file: string;
  readonly lines: readonly string[];
}

export function programSource(model: TraceModel | undefined, samples: readonly SampleSummary[]): ProgramSource | undefined {
  const program = model?.header?.program;
  if (program === undefined) return undefined;
  const sample = program.id === undefined ? undefined : samples.find((s) => s.id === program.id);
  const text = program.source ?? sample?.source;
  if (text === undefined) return undefined;
  return { file: sample?.file ?? program.id ?? program.name, lines: text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n") };
}

/** The line an event's location points at (locations always name the program's own code). */
export function lineOfEvent(model: TraceModel, index: EventIndex): number | undefined {
  if (index < 0 || index >= model.length) return undefined;
  return parseLoc(model.event(index).loc)?.line;
}

/** Goroutines parked at each line at this moment (from their block's location). */
export function parkedByLine(state: ModelState): ReadonlyMap<number, readonly GoroutineId[]> {
  const out = new Map<number, GoroutineId[]>();
  for (const g of state.goroutines) {
    const line = parseLoc(g.wait?.loc)?.line;
    if (line === undefined) continue;
    const list = out.get(line);
    if (list === undefined) out.set(line, [g.id]);
    else list.push(g.id);
  }
  return out;
}
