// Runs a program from its source text on the runtime. One path for the CLI,
// the desktop worker and the browser worker.
import * as runtime from "../../runtime/index";
import type { TraceHeader } from "../../traces/events";
import { isGoFile, type GoCompilerProvider, type GoLoadOptions } from "./goFiles";
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

export { isGoFile, type GoCompilerProvider, type GoLoadOptions } from "./goFiles";

/**
 * A program loaded for one run: pass `globals` and `captureLocations` to
 * run(), and call finish() when the run ends, however it ends.
 */
export interface ProgramForRun {
  readonly main: ProgramMain;
  readonly globals: runtime.RunGlobals;
  /** true: TypeScript, located by stack captures; "compiled": Go, located by the compiler's constants. */
  readonly captureLocations: true | "compiled";
  /** Prints what the program wrote after its last newline (Go's stdout is line-buffered until then). */
  finish(): void;
}

/**
 * Loads a program (TypeScript, or Go by its .go file name) with its own Math,
 * Date and performance, seeded and on the run's clock once `globals` is given
 * to run(), so a program that draws numbers or reads the time still gives the
 * same trace for a seed. Throws ProgramLoadError as loadProgram does; a Go
 * program needs `goCompiler`.
 */
export async function loadProgramForRun(
  program: Pick<ProgramSource, "source" | "file">,
  goCompiler?: GoCompilerProvider,
  options: GoLoadOptions = {},
): Promise<ProgramForRun> {
  if (isGoFile(program.file)) {
    // Loaded on demand: a TypeScript run never evaluates gofront (a worker starts faster).
    const { loadGoProgram } = await import("./goProgramLoader");
    const { program: go, globals } = await loadGoProgram(program.source, program.file, goCompiler, options);
    return { main: go.main, globals, captureLocations: "compiled", finish: go.flush };
  }
  const globals = runtime.programGlobals();
  const { main } = loadProgram(program.source, program.file, PROGRAM_MODULES, globals.scope());
  return { main, globals, captureLocations: true, finish: () => {} };
}

/**
 * Loads and runs a program. A program that does not load (syntax error, bad
 * import, a throw at load time) throws ProgramLoadError with file:line; a
 * program that throws while running ends with status panic, like Go.
 */
export async function runProgram(
  program: ProgramSource,
  options: ProgramRunOptions = {},
  goCompiler?: GoCompilerProvider,
): Promise<ProgramRun> {
  const loaded = await loadProgramForRun(program, goCompiler);
  const header = traceHeader(program, options);
  try {
    const result = await runtime.run(loaded.main, { captureLocations: loaded.captureLocations, ...options, globals: loaded.globals });
    return { header, result };
  } finally {
    loaded.finish();
  }
}
