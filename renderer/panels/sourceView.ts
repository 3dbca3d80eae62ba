// The source panel's data: the program's text (carried in the trace's header,
// or the sample's own) and, at the playhead, which goroutines are parked on
// which line — so the code shows where everyone is stuck.

import type { SampleSummary } from "../../main/contract/hostApi";
import type { EventIndex, GoroutineId } from "../../traces/events";
import type { ModelState, TraceModel } from "../../traces/model/index";
import { sampleOfProgram } from "../state/sampleRuns";
import { parseLoc } from "../state/sourceLoc";

export interface ProgramSource {
  /** "samples/buffered-channel.ts", or the program's name. */
  readonly file: string;
  /** "TypeScript", "Go" or "JavaScript": the tab's name. */
  readonly language: string;
  readonly lines: readonly string[];
}

/**
 * The source of the program that ran (its lines are the ones events point
 * at), and for a sample the other version of it: the Go original beside the
 * TypeScript program, or the other way round, to read side by side.
 */
export interface ProgramSources {
  readonly ran: ProgramSource;
  readonly other: ProgramSource | undefined;
}

/** A source file's language, by its name. */
export function languageOfFile(file: string): string {
  if (/\.go$/i.test(file)) return "Go";
  if (/\.m?js$/i.test(file)) return "JavaScript";
  return "TypeScript";
}

/** A source text's lines, whatever its line ends, without the empty one after a last newline. */
export const linesOf = (text: string): readonly string[] => text.replace(/\r\n?/g, "\n").replace(/\n$/, "").split("\n");

const sourceOf = (file: string, text: string): ProgramSource => ({ file, language: languageOfFile(file), lines: linesOf(text) });

export function programSource(model: TraceModel | undefined, samples: readonly SampleSummary[]): ProgramSources | undefined {
  const program = model?.header?.program;
  if (program === undefined) return undefined;
  const sample = sampleOfProgram(program.id, samples);
  const go = sample?.go;
  const ranGo = go !== undefined && go.file === program.id;
  const text = program.source ?? (ranGo ? go.source : sample?.source);
  if (text === undefined) return undefined;
  if (sample === undefined) return { ran: sourceOf(program.id ?? program.name, text), other: undefined };
  if (ranGo) return { ran: sourceOf(go.file, text), other: sourceOf(sample.file, sample.source) };
  return { ran: sourceOf(sample.file, text), other: go === undefined ? undefined : sourceOf(go.file, go.source) };
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
