// chanscope's half of the differential corpus: a Go program compiled by
// gofront and run in-process on the runtime (seed 1, fifo, the virtual
// clock, the compiler's source locations), described in the shape of its
// `.expected.json`: what it printed and how it ended, in Go's words
// (gofront/lib/goEnding, the CLI's own). record.ts is the real Go half.

import type { GoCompiler } from "../compiler/compile";
import { goEnding } from "../lib/goEnding";
import { goProgram } from "../lib/program";
import { programGlobals, run } from "../../runtime/index";
import type { TraceHeader } from "../../traces/events";
import { buildModel } from "../../traces/model/index";

/** What a chanscope run of a Go program showed, as an expectation records it (stdout decoded as UTF-8). */
export interface Observed {
  readonly stdout: string;
  readonly exitCode: number | undefined;
  readonly stderrFirstLine: string;
  readonly goroutineReasons: readonly string[];
}

const HEADER: Omit<TraceHeader, "program"> = {
  format: "chanscope-trace",
  version: 1,
  seed: 1,
  strategy: "fifo",
  clock: "virtual",
  runtime: "0.1.0",
  createdAt: "2026-01-01T00:00:00.000Z",
};

/** Compiles and runs `source` as `file`; a compile error throws (GoCompileError). */
export async function runWithChanscope(compiler: GoCompiler, source: string, file: string): Promise<Observed> {
  const { code } = compiler.compile(source, file);
  let bytes = "";
  const globals = programGlobals({ echo: false });
  const program = goProgram(code, file, globals, { stdout: (b) => (bytes += b) });
  const result = await run(program.main, {
    seed: 1,
    strategy: "fifo",
    clock: "virtual",
    captureLocations: "compiled",
    wallTimeBudgetMs: 20_000,
    globals,
  });
  program.flush();
  const ending = goEnding(buildModel(result.events, { ...HEADER, program: { name: file, id: file, source } }));
  return {
    stdout: Buffer.from(bytes, "latin1").toString("utf8"),
    exitCode: ending.exitCode,
    stderrFirstLine: ending.firstLine,
    goroutineReasons: ending.goroutineReasons,
  };
}

// Go 1.19 (the recorded release) calls a goroutine waiting in WaitGroup.Wait
// or for a mutex `semacquire`; chanscope, like Go ≥ 1.20, names the wait.
const SEMACQUIRE: ReadonlySet<string> = new Set(["sync.WaitGroup.Wait", "sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock"]);

// Go prints a panic value with no Error, String or basic kind as its type and
// heap address (lowercase hex), which no other implementation can print: masked both sides.
const PANIC_ADDRESS = /^(panic: \(.+\) )0x[0-9a-f]+/;

/**
 * An observation in the terms of a Go 1.19 expectation: the intended
 * differences above made equal; and, where the expectation keeps wait reasons
 * only for a fatal error (the corpus's files), none for a panic.
 */
export function asGo119(o: Observed, reasonsOnlyWhenFatal: boolean): Observed {
  const firstLine = o.stderrFirstLine.replace(PANIC_ADDRESS, "$10xADDRESS");
  const fatal = firstLine.startsWith("fatal error: ");
  return {
    ...o,
    stderrFirstLine: firstLine,
    goroutineReasons: reasonsOnlyWhenFatal && !fatal ? [] : o.goroutineReasons.map((r) => (SEMACQUIRE.has(r) ? "semacquire" : r)),
  };
}
