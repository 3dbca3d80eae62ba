// The header a run's trace carries. Apart from runProgram so that hosts which
// only describe runs (the page side of the web host) don't bundle the runtime
// and the transpiler.
import { FORMAT_NAME, FORMAT_VERSION, type Clock, type Strategy, type TraceHeader } from "../../traces/events";

export const RUNTIME_VERSION = "0.1.0";

export interface ProgramSource {
  /** Shown in the app and written into the trace header. */
  readonly name: string;
  /** The sample id, or the program file's path. */
  readonly id: string;
  /** The file name stack frames will carry (e.g. "samples/worker-pool.ts"): source locations point into it. */
  readonly file: string;
  readonly source: string;
}

export interface HeaderOptions {
  readonly seed?: number;
  readonly strategy?: Strategy;
  readonly clock?: Clock;
  /** Fixed by callers that need byte-identical files (golden traces). */
  readonly createdAt?: string;
}

export function traceHeader(program: ProgramSource, options: HeaderOptions): TraceHeader {
  return {
    format: FORMAT_NAME,
    version: FORMAT_VERSION,
    program: { name: program.name, id: program.id, source: program.source },
    seed: options.seed ?? 1,
    strategy: options.strategy ?? "fifo",
    clock: options.clock ?? "virtual",
    runtime: RUNTIME_VERSION,
    createdAt: options.createdAt ?? new Date().toISOString(),
  };
}
