// How a Go program ends, in Go's words, from its run's trace: what Go writes
// to stderr (`panic: …` or `fatal error: all goroutines are asleep -
// deadlock!` and the goroutine dump), its exit status, and the dump's wait
// reasons. Pure and environment-neutral: the CLI prints it, the differential
// test compares it with what real Go did.

import type { EventIndex, GoroutineId, TraceEvent } from "../../traces/events";
import type { TraceModel } from "../../traces/model/index";
import { goFunctionAt } from "./goFunctionNames";

export interface GoEnding {
  /** finished: main returned (or os.Exit); panic and deadlock as Go ends them; unfinished: a limit or stop ended the run, which Go has no words for. */
  readonly kind: "finished" | "panic" | "deadlock" | "unfinished";
  /** What Go writes to stderr as the program dies ("" when it does not), each line ending in a newline. */
  readonly stderr: string;
  /** Go's exit status: 0, 2 for a panic or a deadlock, n for os.Exit(n); undefined when the run did not end. */
  readonly exitCode: number | undefined;
  /** The first line of `stderr`, or "". */
  readonly firstLine: string;
  /** The wait reason of each goroutine in the dump, in Go's order (goroutine 1 first, then by id); [] without a dump. */
  readonly goroutineReasons: readonly string[];
}

export const DEADLOCK_LINE = "fatal error: all goroutines are asleep - deadlock!";

const NIL_DEREFERENCE = "runtime error: invalid memory address or nil pointer dereference";
/** The line Go's runtime adds after a nil dereference's panic line (the addresses are Go's own). */
const SIGSEGV_LINE = "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]";

/** "prog.go:12" or "prog.go:12:5" as file and line. */
function place(loc: string | undefined): { readonly file: string; readonly line: number } | undefined {
  const m = loc === undefined ? null : /^(.*):(\d+)(?::\d+)?$/.exec(loc);
  return m === null ? undefined : { file: m[1]!, line: Number(m[2]) };
}

/** A traceback frame: `main.f(...)` and its file:line, as Go prints them (without Go's pc offsets). */
function frame(source: string, loc: string | undefined): string[] {
  const at = place(loc);
  if (at === undefined) return [];
  const fn = goFunctionAt(source, at.line) ?? "main.main";
  return [`${fn}${fn === "main.main" ? "()" : "(...)"}`, `\t${at.file}:${at.line}`];
}

/** Goroutine g's section of the dump: its header, where it is, and who created it. */
function section(model: TraceModel, source: string, g: GoroutineId, reason: string, loc: string | undefined): string {
  const lines = [`goroutine ${g} [${reason}]:`, ...frame(source, loc)];
  const spawn = model.goroutine(g)?.spawn;
  if (g !== 1 && spawn !== undefined) {
    const at = model.event(spawn.index).loc;
    const created = place(at);
    if (created !== undefined)
      lines.push(`created by ${goFunctionAt(source, created.line) ?? "main.main"}`, `\t${created.file}:${created.line}`);
  }
  return lines.join("\n") + "\n";
}

/** os.Exit(n)'s code, from the end event (the runtime's exit(code); absent when main returned). */
function exitCodeOf(end: TraceEvent): number | undefined {
  return end.kind === "end" ? end.exitCode : undefined;
}

function ending(kind: GoEnding["kind"], exitCode: number | undefined, stderr: string, goroutineReasons: readonly string[]): GoEnding {
  return { kind, stderr, exitCode, firstLine: stderr === "" ? "" : stderr.slice(0, stderr.indexOf("\n")), goroutineReasons };
}

function panicEnding(model: TraceModel, source: string, index: EventIndex): GoEnding {
  const e = model.event(index);
  if (e.kind !== "panic") return ending("panic", 2, "panic: \n", []);
  const nil = e.message === NIL_DEREFERENCE || e.message.startsWith("TypeError: ");
  const message = nil ? NIL_DEREFERENCE : e.message;
  const head = e.fatal === true ? `fatal error: ${message}` : `panic: ${message}${nil ? `\n${SIGSEGV_LINE}` : ""}`;
  return ending("panic", 2, `${head}\n\n${section(model, source, e.g, "running", e.loc)}`, ["running"]);
}

function deadlockEnding(model: TraceModel, source: string): GoEnding {
  const state = model.stateAt((model.length - 1) as EventIndex);
  // Go dumps goroutine 1 first, then the others in the order they were made (by id here).
  const waiting = state.goroutines
    .filter((g) => g.id !== 0 && g.wait !== undefined)
    .sort((a, b) => (a.id === 1 ? -1 : b.id === 1 ? 1 : a.id - b.id));
  const sections = waiting.map((g) => section(model, source, g.id, g.wait!.reason, g.wait!.loc));
  return ending(
    "deadlock",
    2,
    [`${DEADLOCK_LINE}\n`, ...sections].join("\n"),
    waiting.map((g) => g.wait!.reason),
  );
}

/** How Go ends the program whose run the model holds (its header carries the Go source, for function names). */
export function goEnding(model: TraceModel): GoEnding {
  const source = model.header?.program.source ?? "";
  const { status, end, panics } = model.ending;
  if (end === undefined || status === undefined || status === "timeout") return ending("unfinished", undefined, "", []);
  const last = panics.at(-1);
  if (status === "panic") return last === undefined ? ending("panic", 2, "", []) : panicEnding(model, source, last.index);
  if (status === "deadlock") return deadlockEnding(model, source);
  return ending("finished", exitCodeOf(model.event(end.index)) ?? 0, "", []);
}
