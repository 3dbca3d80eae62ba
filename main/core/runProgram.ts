// Runs a program from its source text on the runtime and describes the trace it
// recorded. One path for the CLI, the desktop worker and the browser worker.
import * as runtime from "../../runtime/index";
import { FORMAT_NAME, FORMAT_VERSION, type TraceEvent, type TraceHeader } from "../../traces/events";
import { loadProgram } from "./programLoader";

export interface ProgramSource {
  /** Shown in the app and written into the trace header. */
  readonly name: string;
  /** The sample id, or the program file's path. */
  readonly id: string;
  /** The file name stack frames will carry (e.g. "samples/worker-pool.ts"): source locations point into it. */
  readonly file: string;
  readonly source: string;
}

export interface ProgramRunOptions extends Omit<runtime.RunOptions, "name"> {
  /** createdAt of the header; fixed by callers that need byte-identical files (golden traces). */
  readonly createdAt?: string;
}

export interface ProgramRun {
  readonly header: TraceHeader;
  readonly result: runtime.RunResult;
}

/** The modules a program may import: the runtime, by the package's name. */
export const PROGRAM_MODULES = Object.freeze({ chanscope: runtime });

export function traceHeader(program: ProgramSource, options: ProgramRunOptions): TraceHeader {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    program: { name: program.name, id: program.id, source: program.source },
    seed: options.seed ?? 1,
    strategy: options.strategy ?? "fifo",
    clock: options.clock ?? "virtual",
    runtime: runtime.RUNTIME_VERSION,
    createdAt: options.createdAt ?? new Date().toISOString(),
  };
}

/**
 * Loads and runs a program. A program that does not load (syntax error, bad
 * import, a throw at load time) throws ProgramLoadError with file:line; a
 * program that throws while running ends with status panic, like Go.
 */
export async function runProgram(program: ProgramSource, options: ProgramRunOptions = {}): Promise<ProgramRun> {
  const { main } = loadProgram(program.source, program.file, PROGRAM_MODULES);
  const header = traceHeader(program, options);
  const result = await runtime.run(main, { captureLocations: true, ...options });
  return { header, result };
}

export type { TraceEvent };
