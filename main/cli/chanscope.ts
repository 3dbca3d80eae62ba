// The `chanscope` command line: record, check, explain and export traces
// without the app. `cli()` is pure of process globals so tests can drive it.
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { eventIndex } from "../../traces/events";
import { chromeTraceJson } from "../../traces/export/chrome";
import { TraceFormatError } from "../../traces/format/index";
import { buildModel } from "../../traces/model/index";
import { eventNumber } from "../../traces/vocabulary/index";
import { ProgramLoadError } from "../core/programLoader";
import { DEFAULT_WALL_TIME_MS } from "../core/workerProtocol";
import type { ProgramProblem } from "../contract/hostApi";
import type { ProgramSource } from "../core/traceHeader";
import { TraceFileError, readTraceFile, streamTraceFile, writeTextFileAtomic } from "../node/files/traceFile";
import { runToFile } from "./cliRun";
import { typeErrorsText } from "../core/runSupervisor";
import { programTypeCheck } from "../node/check/typeCheck";
import { SAMPLES, sampleById, sampleProgram } from "./sampleFiles";
import { outputText, stateText, summaryText } from "./stateText";
import { terminalText } from "./terminalText";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly cwd: string;
}

export const EXIT = { ok: 0, usage: 1, deadlock: 2, panic: 3, limit: 4 } as const;

/** A problem with what the user typed or gave us: one clear line, exit 1. */
class UsageError extends Error {}

/** FILE:LINE: message for a trace the reader refused, naming the file the user gave. */
function formatProblem(file: string, err: TraceFormatError): string {
  return `${file}:${err.line}: ${err.message.replace(/^line \d+: /, "")}`;
}

/** Runs `op`; a trace the reader refuses becomes a usage error naming `file`. */
async function naming<T>(command: string, file: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    if (err instanceof TraceFormatError) throw new UsageError(`chanscope ${command}: ${formatProblem(file, err)}`);
    throw err;
  }
}

const HELP: Readonly<Record<string, string>> = {
  main: `chanscope — record, check and explain traces of Go-style CSP programs

Usage:
  chanscope samples                         list the sample programs
  chanscope run <sample-id | program.ts>    run a program and write its trace
  chanscope validate FILE                   check a trace file
  chanscope explain FILE [--at EVENT]       who waits on what, at the end or after an event
  chanscope export --format chrome FILE     export for Perfetto / chrome://tracing

Run 'chanscope <command> --help' for a command's options.`,
  samples: `Usage: chanscope samples

Lists the sample programs: id and title, one a line.`,
  run: `Usage: chanscope run <sample-id | path/to/program.ts> [options]

Runs the program on chanscope's runtime, writes its trace and prints a summary.

Options:
  --seed N              seed of the run's PRNG (select choices, random strategy); default 1
  --strategy S          fifo (default) or random
  --out FILE            where to write the trace; default <id>.trace.jsonl
  --max-events N        end the run as a timeout after N events
  --timeout SECONDS     wall-clock limit of the run; default 60. A program still calling
                        the runtime then ends as a timeout; one that never yields
                        (while (true) {}) is stopped a moment later, its trace cut off
  --real-time           use the wall clock instead of virtual time
  --no-check            run a program file without type-checking it first

A program file is type-checked first (strict TypeScript, against chanscope's
types): its errors print as FILE:LINE:COL: message and it does not run.

The program runs in a worker thread with a heap of 1,024 MB: a program that uses
it up is stopped, its trace cut off. The trace is written as the run goes, to
FILE.partial, renamed to FILE when the run ends: a run killed midway leaves
FILE.partial, which validate and explain read as a cut-off trace.

Exit status: 0 ok, 2 deadlock, 3 panic, 4 a limit ended it (events, time, memory),
1 a usage or input error (a program that does not type-check or load); a program
that ended with os.Exit(code) (the runtime's exit(code)) exits with its code.`,
  validate: `Usage: chanscope validate FILE

Exit 0 when FILE is a valid trace; otherwise 1 and FILE:LINE: message.`,
  explain: `Usage: chanscope explain FILE [--at EVENT]

Prints the trace's summary and how the run ended; with --at, the state after
event EVENT: every goroutine, what it waits on, every channel's contents.
Ends with the last lines the program printed by then, if it printed any.
Events are numbered from #0, as the app numbers them: --at 12 or --at '#12'.`,
  export: `Usage: chanscope export --format chrome FILE [--out OUT]

Writes Chrome Trace Event JSON that opens in Perfetto UI (ui.perfetto.dev) and
chrome://tracing. Default OUT: FILE with .json in place of .trace.jsonl.`,
};

type Options = NonNullable<ParseArgsConfig["options"]>;

const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;

function parse<const O extends Options>(command: string, args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options: { ...options, ...HELP_OPTION }, allowPositionals: true, strict: true });
  } catch (err) {
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new UsageError(`chanscope ${command}: ${message} (see 'chanscope ${command} --help')`);
  }
}

function integer(command: string, flag: string, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== "string" || !/^-?\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
    throw new UsageError(
      `chanscope ${command}: --${flag} expects a whole number ≥ ${min}, got '${typeof value === "string" ? value : JSON.stringify(value)}'`,
    );
  }
  return n;
}

/** `12` or `#12`: an event as chanscope names it (eventNumber); anything else is left for `integer` to refuse. */
const eventArgument = (value: unknown): unknown => (typeof value === "string" && /^#\d+$/.test(value) ? value.slice(1) : value);

function onePositional(command: string, positionals: readonly string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`chanscope ${command}: missing ${what} (see 'chanscope ${command} --help')`);
  if (positionals.length > 1) throw new UsageError(`chanscope ${command}: unexpected argument '${positionals[1]}'`);
  return positionals[0]!;
}

function looksLikePath(arg: string): boolean {
  return /[\\/]/.test(arg) || /\.(ts|mts|js|mjs)$/.test(arg);
}

async function resolveProgram(arg: string, cwd: string): Promise<ProgramSource> {
  const sample = sampleById(arg);
  if (sample) return sampleProgram(sample);
  if (!looksLikePath(arg)) {
    throw new UsageError(`chanscope run: unknown sample '${arg}' ('chanscope samples' lists them; a program file ends in .ts)`);
  }
  const path = resolve(cwd, arg);
  const source = await readFile(path, "utf8").catch((err: NodeJS.ErrnoException) => {
    const why = err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "it is a directory" : err.message;
    throw new UsageError(`chanscope run: cannot read program ${arg}: ${why}`);
  });
  const name = basename(arg).replace(/\.(ts|mts|js|mjs)$/, "");
  return { name, id: arg, file: arg, source };
}

/** The type check, or (without the runtime's sources beside the CLI) none. */
function checkProgram(program: ProgramSource): readonly ProgramProblem[] {
  return programTypeCheck()?.(program) ?? [];
}

async function runCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("run", args, {
    seed: { type: "string" },
    strategy: { type: "string" },
    out: { type: "string" },
    "max-events": { type: "string" },
    timeout: { type: "string" },
    "real-time": { type: "boolean" },
    "no-check": { type: "boolean" },
  });
  if (values.help) return help("run", io);
  const target = onePositional("run", positionals, "a sample id or a program file");
  const strategy = values.strategy ?? "fifo";
  if (strategy !== "fifo" && strategy !== "random") {
    throw new UsageError(`chanscope run: --strategy expects fifo or random, got '${String(strategy)}'`);
  }
  const seed = integer("run", "seed", values.seed, 0) ?? 1;
  const maxEvents = integer("run", "max-events", values["max-events"], 1);
  const timeoutS = integer("run", "timeout", values.timeout, 1) ?? DEFAULT_WALL_TIME_MS / 1000;
  const program = await resolveProgram(target, io.cwd);
  // A program file is type-checked first, as Go compiles before it runs; the samples are checked when they are built.
  if (values["no-check"] !== true && sampleById(target) === undefined) {
    const typeErrors = checkProgram(program);
    if (typeErrors.length > 0) {
      io.err(`${typeErrorsText(typeErrors)}\n`);
      const count = typeErrors.length === 1 ? "1 error" : `${typeErrors.length} errors`;
      io.err(`chanscope run: ${program.file} does not type-check (${count}), so it did not run (--no-check runs it unchecked)\n`);
      return EXIT.usage;
    }
  }
  const out = resolve(
    io.cwd,
    typeof values.out === "string"
      ? values.out
      : `${program.name === program.id ? program.id : basename(program.id).replace(/\.(ts|mts|js|mjs)$/, "")}.trace.jsonl`,
  );
  const outName = typeof values.out === "string" ? values.out : basename(out);

  const run = await runToFile(
    program,
    {
      seed,
      strategy,
      wallTimeMs: timeoutS * 1000,
      ...(values["real-time"] === true ? { realTime: true } : {}),
      ...(maxEvents !== undefined ? { maxEvents } : {}),
    },
    out,
  );
  const { ended } = run;
  if (ended.outcome === "failed" && run.events.length === 0) {
    const p = ended.problem;
    const where =
      p === undefined ? "" : `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ""}` : ""}: `;
    io.err(`chanscope run: ${p === undefined ? ended.message : `${where}${p.message}`}\n`);
    return EXIT.usage;
  }
  const model = buildModel(run.events, run.header);
  io.out(summaryText(model, { title: `${program.id} — ${program.name}`, file: outName, bytes: run.bytes }));
  switch (ended.outcome) {
    case "ok": {
      // A program that ended with os.Exit(code) exits with its code, as `go run` does.
      const end = run.events.at(-1);
      return end?.kind === "end" && end.exitCode !== undefined ? end.exitCode : EXIT.ok;
    }
    case "deadlock":
      return EXIT.deadlock;
    case "panic":
      return EXIT.panic;
    case "timeout":
      return EXIT.limit;
    case "stopped":
    case "failed":
      // The worker was ended (the wall-clock or memory limit) or crashed: the trace is cut off, and says so.
      io.err(`chanscope run: ${ended.message}\n`);
      return EXIT.limit;
  }
}

/**
 * Refuses a FIFO, device or socket: reading one could wait forever for a writer
 * (a FIFO) or never end (/dev/urandom). A missing file or a directory is left to
 * the reader, which names it.
 */
async function traceFilePath(command: string, file: string, cwd: string): Promise<string> {
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (info !== undefined && !info.isFile() && !info.isDirectory()) {
    throw new UsageError(`chanscope ${command}: ${file} is not a regular file (a pipe, device or socket); give a trace file`);
  }
  return path;
}

async function loadModel(command: string, file: string, io: CliIo) {
  const path = await traceFilePath(command, file, io.cwd);
  const trace = await naming(command, file, () => readTraceFile(path));
  for (const w of trace.warnings) io.err(`${file}:${w.line}: warning: ${w.message}\n`);
  return { trace, model: buildModel(trace.events, trace.header), path, command };
}

async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("validate", args, {});
  if (values.help) return help("validate", io);
  const file = onePositional("validate", positionals, "a trace file");
  try {
    // Counts events as they stream past: memory stays flat however long the trace is.
    const summary = await streamTraceFile(await traceFilePath("validate", file, io.cwd), { header: () => {}, event: () => {} });
    for (const w of summary.warnings) io.err(`${file}:${w.line}: warning: ${w.message}\n`);
    io.out(`${file}: valid trace of ${summary.eventCount} events${summary.ended ? "" : " (cut off: no end event)"}\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof TraceFormatError) {
      io.err(`${formatProblem(file, err)}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}

async function explainCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("explain", args, { at: { type: "string" } });
  if (values.help) return help("explain", io);
  const file = onePositional("explain", positionals, "a trace file");
  const { trace, model } = await loadModel("explain", file, io);
  const at = integer("explain", "at", eventArgument(values.at), 0);
  const title = trace.header.program.id ? `${trace.header.program.id} — ${trace.header.program.name}` : trace.header.program.name;
  io.out(summaryText(model, { title, file }));
  if (at !== undefined && at >= model.length) {
    throw new UsageError(
      model.length === 0
        ? `chanscope explain: --at ${at}: the trace has no events`
        : `chanscope explain: --at ${at} is past the last event, ${eventNumber(model.length - 1)} (events are numbered from #0)`,
    );
  }
  if (model.length > 0) {
    const index = eventIndex(at ?? model.length - 1);
    io.out("\n" + stateText(model, model.stateAt(index)));
    const printed = outputText(model, index);
    if (printed !== "") io.out("\n" + printed);
  }
  return EXIT.ok;
}

async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse("export", args, { format: { type: "string" }, out: { type: "string" } });
  if (values.help) return help("export", io);
  if (values.format !== "chrome") {
    throw new UsageError(
      values.format === undefined
        ? "chanscope export: missing --format (the one format is chrome)"
        : `chanscope export: unknown format '${String(values.format)}' (the one format is chrome)`,
    );
  }
  const file = onePositional("export", positionals, "a trace file");
  const { trace } = await loadModel("export", file, io);
  const outArg = typeof values.out === "string" ? values.out : file.replace(/(\.trace)?\.jsonl$/, "") + ".json";
  // Streamed and atomic: no single string for a long trace, and a failure keeps the old file.
  await writeTextFileAtomic(resolve(io.cwd, outArg), chromeTraceJson(trace.header, trace.events), "the export");
  io.out(`wrote ${outArg} (${trace.events.length} events; open it in https://ui.perfetto.dev or chrome://tracing)\n`);
  return EXIT.ok;
}

function help(command: string, io: CliIo): number {
  io.out(`${HELP[command] ?? HELP["main"]}\n`);
  return EXIT.ok;
}

export async function cli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // The one output path: whatever a file or program put in a string is shown, never obeyed.
  const io: CliIo = { out: (text) => rawIo.out(terminalText(text)), err: (text) => rawIo.err(terminalText(text)), cwd: rawIo.cwd };
  const [command, ...args] = argv;
  try {
    switch (command) {
      case undefined:
      case "help":
      case "--help":
      case "-h":
        return help("main", io);
      case "samples": {
        const { values, positionals } = parse("samples", args, {});
        if (values.help) return help("samples", io);
        if (positionals.length > 0) throw new UsageError(`chanscope samples: unexpected argument '${positionals[0]}'`);
        const width = Math.max(...SAMPLES.map((s) => s.id.length)) + 2;
        io.out(SAMPLES.map((s) => `${s.id.padEnd(width)}${s.title}`).join("\n") + "\n");
        return EXIT.ok;
      }
      case "run":
        return await runCommand(args, io);
      case "validate":
        return await validateCommand(args, io);
      case "explain":
        return await explainCommand(args, io);
      case "export":
        return await exportCommand(args, io);
      default:
        throw new UsageError(`chanscope: unknown command '${command}' (see 'chanscope --help')`);
    }
  } catch (err) {
    if (err instanceof UsageError) io.err(`${err.message}\n`);
    else if (err instanceof ProgramLoadError || err instanceof TraceFileError || err instanceof TraceFormatError)
      io.err(`chanscope ${command}: ${err.message}\n`);
    else throw err;
    return EXIT.usage;
  }
}
