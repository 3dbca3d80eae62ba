// Runs a program from its source text on the runtime. One path for the CLI,
// the desktop worker and the browser worker.
import * as runtime from "../../runtime/index";
import type { TraceHeader } from "../../traces/events";
import { loadProgram, type ProgramMain } from "./programLoader";
import { RUNTIME_VERSION, traceHeader, type HeaderOptions, type ProgramSource } from "./traceHeader";

export interface ProgramRunOptions extends Omit<runtime.RunOptions, "name">, HeaderOptions {}

export interface ProgramRun {
  readonly header: TraceHeader;
  readonly result: runtime.RunResult;
}

/** The modules a program may import: the runtime, by the package's name. */
export const PROGRAM_MODULES = Object.freeze({ chanscope: runtime });

// The header names the runtime that recorded the trace; keep the two in step.
const recordingVersion: string = runtime.RUNTIME_VERSION;
const headerVersion: string = RUNTIME_VERSION;
if (recordingVersion !== headerVersion) {
  throw new Error(`runtime version ${recordingVersion} differs from the trace header's ${headerVersion}`);
}

/** A program loaded for one run, and the Math, Date and performance its scope got: pass `globals` to run(). */
export interface ProgramForRun {
  readonly main: ProgramMain;
  readonly globals: runtime.RunGlobals;
}

/**
 * Loads a program with its own Math, Date and performance, seeded and on the
 * run's clock once `globals` is given to run(), so a program that draws
 * numbers or reads the time still gives the same trace for a seed. Throws
 * ProgramLoadError as loadProgram does.
 */
export function loadProgramForRun(program: Pick<ProgramSource, "source" | "file">): ProgramForRun {
  const globals = runtime.programGlobals();
  const { main } = loadProgram(program.source, program.file, PROGRAM_MODULES, globals.scope());
  return { main, globals };
}

/**
 * Loads and runs a program. A program that does not load (syntax error, bad
 * import, a throw at load time) throws ProgramLoadError with file:line; a
 * program that throws while running ends with status panic, like Go.
 */
export async function runProgram(program: ProgramSource, options: ProgramRunOptions = {}): Promise<ProgramRun> {
  const { main, globals } = loadProgramForRun(program);
  const header = traceHeader(program, options);
  const result = await runtime.run(main, { captureLocations: true, ...options, globals });
  return { header, result };
}
