// The Go front end's figures (issue 20): how long gofront takes to compile a
// 500-line program (target ≤ 100 ms), and the runtime bench's four workloads
// written in Go (bench/go/*.go), compiled and run with tracing on and the
// compiler's source locations, beside the hand-written TypeScript ones
// (chanscope-workloads.ts) with tracing on (target ≤ 1.5×). The two take
// turns; medians of the repetitions, the ratio paired per repetition. A
// workload whose Go does not compile yet is skipped with the compiler's reason.
//
//   npx tsx bench/gofront.bench.ts [--json]

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { goCompiler, type GoCompiler } from "../gofront/compiler/compile";
import { nodeGoParser } from "../gofront/compiler/testing/nodeParser";
import { goProgram } from "../gofront/lib/program";
import { programGlobals, run } from "../runtime/index";
import { chanscopeWorkload } from "./chanscope-workloads";
import { generatedGoProgram } from "./goBenchProgram";
import type { Workload } from "./peers";
import { median, pairedMedian } from "./stats";

const OPS = Number(process.env.BENCH_OPS ?? 100_000);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const COMPILE_REPS = Number(process.env.BENCH_COMPILE_REPS ?? 15);
const json = process.argv.includes("--json");

const GO_FILES: Readonly<Record<Workload, string>> = {
  "unbuffered ping-pong": "go/unbuffered-ping-pong.go",
  "buffered(100) producer-consumer": "go/buffered-producer-consumer.go",
  "select over 4 channels": "go/select-over-4-channels.go",
  "fan-in 8 -> 1": "go/fan-in-8-to-1.go",
};

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split("\n")[0]!;

interface CompileFigures {
  readonly lines: number;
  /** The whole compile, median ms. */
  readonly medianMs?: number;
  /** Why it does not compile yet; then `untilRefusedMs` is how long it took to say so (reading and checking, when the emitter refuses). */
  readonly skipped?: string;
  readonly untilRefusedMs?: number;
}

/** The compile time of the generated program: median ms, or why it does not compile and how long that took. */
function compileTime(compiler: GoCompiler): CompileFigures {
  const source = generatedGoProgram(500);
  const lines = source.split("\n").length - 1;
  let refused: string | undefined;
  const ms: number[] = [];
  for (let i = 0; i < WARMUP + COMPILE_REPS; i++) {
    const t0 = performance.now();
    try {
      compiler.compile(source, "big.go");
    } catch (e) {
      refused = why(e);
    }
    if (i >= WARMUP) ms.push(performance.now() - t0);
  }
  return refused === undefined ? { lines, medianMs: median(ms) } : { lines, skipped: refused, untilRefusedMs: median(ms) };
}

async function timed(main: () => Promise<void>, options: Parameters<typeof run>[1]): Promise<number> {
  const t0 = performance.now();
  const r = await run(main, { trace: true, maxEvents: 1e9, wallTimeBudgetMs: 600_000, ...options });
  const ms = performance.now() - t0;
  if (r.status !== "ok") throw new Error(`run ended ${r.status}: ${r.message}`);
  r.release();
  return ms;
}

interface WorkloadFigures {
  readonly workload: Workload;
  readonly typeScriptMs?: number;
  readonly goMs?: number;
  readonly goOverTypeScript?: number;
  readonly skipped?: string;
}

async function workload(compiler: GoCompiler, w: Workload): Promise<WorkloadFigures> {
  const file = fileURLToPath(new URL(GO_FILES[w], import.meta.url));
  const source = readFileSync(file, "utf8").replace(/^const n = \d+$/m, `const n = ${OPS}`);
  let code: string;
  try {
    code = compiler.compile(source, GO_FILES[w]).code;
  } catch (e) {
    return { workload: w, skipped: `the Go version does not compile yet: ${why(e)}` };
  }
  const ts: number[] = [];
  const go: number[] = [];
  for (let rep = 0; rep < WARMUP + REPS; rep++) {
    const measureTs = () => timed(() => chanscopeWorkload(w, OPS), {});
    const measureGo = () => {
      const globals = programGlobals({ echo: false });
      return timed(goProgram(code, GO_FILES[w], globals).main, { captureLocations: "compiled", globals });
    };
    // Taking turns, one first and then the other, so drift hits both alike.
    for (const which of rep % 2 === 0 ? (["ts", "go"] as const) : (["go", "ts"] as const)) {
      const ms = which === "ts" ? await measureTs() : await measureGo();
      if (rep >= WARMUP) (which === "ts" ? ts : go).push(ms);
    }
  }
  return { workload: w, typeScriptMs: median(ts), goMs: median(go), goOverTypeScript: pairedMedian(go, ts) };
}

const compiler = goCompiler(await nodeGoParser());
const compile = compileTime(compiler);
const workloads: WorkloadFigures[] = [];
for (const w of Object.keys(GO_FILES) as Workload[]) workloads.push(await workload(compiler, w));

if (json) {
  console.log(JSON.stringify({ ops: OPS, reps: REPS, compile, workloads }));
} else {
  console.log(`gofront: compiling a ${compile.lines}-line Go program (median of ${COMPILE_REPS}; target ≤ 100 ms)`);
  console.log(
    compile.medianMs === undefined
      ? `  skipped: ${compile.skipped} (refused after ${compile.untilRefusedMs!.toFixed(1)} ms)`
      : `  ${compile.medianMs.toFixed(1)} ms`,
  );
  console.log(`gofront: the runtime bench's workloads in Go beside TypeScript, tracing on, ${OPS} ops, medians of ${REPS} (target ≤ 1.5x)`);
  for (const f of workloads) {
    const name = f.workload.padEnd(34);
    if (f.skipped !== undefined) console.log(`  ${name}skipped: ${f.skipped}`);
    else
      console.log(
        `  ${name}TypeScript ${f.typeScriptMs!.toFixed(0).padStart(6)} ms   Go ${f.goMs!.toFixed(0).padStart(6)} ms   ${f.goOverTypeScript!.toFixed(2)}x`,
      );
  }
}
