// The console a program sees: it prints exactly as the realm's console does
// (every call is passed on unchanged, so the CLI prints what it always
// printed) and records each printed line as an `output` event of the run. The
// program loader binds it in the program's module scope beside Math and Date
// (programGlobals.ts): nothing global is patched, so the host's own logging
// and every other run are untouched, and there is nothing to restore.
//
// Recorded: log, info, debug and dir (stdout); error, warn and a failing
// assert (stderr); group and groupEnd indent the recorded lines as Node
// indents the printed ones. Other methods (table, trace, count, time…) print
// without being recorded.
//
// Who printed: the goroutine running when the call was made; a host callback
// (a setTimeout the program set) runs in no goroutine and gets g 0, the
// runtime. The module's top level runs before the run starts: its lines are
// main's, at time 0, right after main's spawn (Go runs package init on the
// main goroutine before main.main).

import { MAIN_G, OUTPUT_EVENTS_MAX, OUTPUT_TEXT_MAX, RUNTIME_G } from "../traces/events";
import { STREAM_STDERR, STREAM_STDOUT } from "../traces/codes";
import { cutText } from "../traces/vocabulary/cutText";
import { formatConsoleArgs, inspect } from "./consoleFormat";
import { captureLocation, registerRuntimeModule } from "./location";
import type { Scheduler } from "./scheduler";

registerRuntimeModule(import.meta.url);

/** What the warn event says when a run printed more lines than the trace keeps. */
export const OUTPUT_LIMIT_WARNING = `the program printed more than ${OUTPUT_EVENTS_MAX.toLocaleString("en")} lines: the trace keeps the first ${OUTPUT_EVENTS_MAX.toLocaleString("en")}; later lines were printed but are not in the trace`;

type ConsoleMethod = (...args: unknown[]) => unknown;
type ConsoleLike = Readonly<Record<string, unknown>>;

/** The realm's console when the call is made (a test runner may have replaced it since the program loaded). */
const realConsole = (): ConsoleLike | undefined => (globalThis as unknown as { console?: ConsoleLike }).console;

/** A line printed before the run (the module's top level), kept until the run starts. */
interface EarlyLine {
  readonly stream: number;
  readonly text: string;
  readonly loc: string | undefined;
}

export class ProgramConsole {
  /** The object the program's scope binds as `console`. */
  readonly console: ConsoleLike;

  private scheduler: Scheduler | undefined = undefined;
  /** Lines recorded in this run (or kept before it). */
  private lines = 0;
  private warned = false;
  private early: EarlyLine[] = [];
  /** Node's group indentation: two spaces a level. */
  private indent = "";

  /** echo: false records what the program prints without printing it (a host that writes the program's output itself, exactly). */
  constructor(private readonly echo: boolean = true) {
    const out =
      (method: string, stream: number) =>
      (...args: unknown[]) =>
        this.print(method, args, stream, args);
    const own: Record<string, ConsoleMethod> = {
      log: out("log", STREAM_STDOUT),
      info: out("info", STREAM_STDOUT),
      debug: out("debug", STREAM_STDOUT),
      error: out("error", STREAM_STDERR),
      warn: out("warn", STREAM_STDERR),
      dir: (...args: unknown[]) => this.print("dir", args, STREAM_STDOUT, [inspect(args[0])]),
      assert: (...args: unknown[]) => {
        if (args[0]) return this.pass("assert", args);
        const data = args.slice(1);
        if (typeof data[0] === "string") data[0] = `Assertion failed: ${data[0]}`;
        else data.unshift("Assertion failed");
        return this.print("assert", args, STREAM_STDERR, data);
      },
      group: (...args: unknown[]) => this.group("group", args),
      groupCollapsed: (...args: unknown[]) => this.group("groupCollapsed", args),
      groupEnd: (...args: unknown[]) => {
        this.indent = this.indent.slice(0, Math.max(0, this.indent.length - 2));
        return this.pass("groupEnd", args);
      },
    };
    // Every other method of the realm's console, passed on as it is.
    const methods: Record<string, ConsoleMethod> = {};
    const real = realConsole();
    for (let o: object | null = real ?? null; o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
      for (const key of Object.getOwnPropertyNames(o)) {
        if (key in methods || key === "constructor" || typeof (real as Record<string, unknown>)[key] !== "function") continue;
        methods[key] = (...args: unknown[]) => this.pass(key, args);
      }
    }
    this.console = Object.freeze({ ...methods, ...own });
  }

  /** Called by run() as the run starts (RunGlobals.attach): from here on lines are this run's. */
  attach(scheduler: Scheduler): void {
    this.scheduler = scheduler;
    this.lines = 0;
    this.warned = false;
  }

  /** Records the lines the module's top level printed, as main's: called once main is spawned. */
  started(): void {
    const s = this.scheduler;
    const early = this.early;
    this.early = [];
    if (s === undefined || !s.tracing) return;
    for (const line of early) {
      s.rec.output(s.now, MAIN_G, line.stream, line.text, s.locations ? line.loc : undefined);
      this.lines++;
    }
  }

  private group(method: string, args: readonly unknown[]): unknown {
    const result = args.length > 0 ? this.print(method, args, STREAM_STDOUT, args) : this.pass(method, args);
    this.indent += "  ";
    return result;
  }

  /** The realm's console does what it always does with the call. */
  private pass(method: string, args: readonly unknown[]): unknown {
    if (!this.echo) return undefined;
    const f = realConsole()?.[method];
    return typeof f === "function" ? (f as ConsoleMethod).apply(realConsole(), args as unknown[]) : undefined;
  }

  /** Passes the call on, then records what it printed (`printed`: the arguments whose text it is). */
  private print(method: string, args: readonly unknown[], stream: number, printed: readonly unknown[]): unknown {
    const result = this.pass(method, args);
    const s = this.scheduler;
    if (s === undefined) {
      this.keepEarly(stream, printed);
      return result;
    }
    if (s.ended || !s.tracing) return result;
    if (this.lines >= OUTPUT_EVENTS_MAX) {
      this.overLimit(s);
      return result;
    }
    const g = s.current?.id ?? RUNTIME_G;
    const t = s.clock();
    const loc = s.locations ? s.userLocation() : undefined;
    eachLine(this.indent, formatConsoleArgs(printed), (text) => {
      if (this.lines >= OUTPUT_EVENTS_MAX) {
        this.overLimit(s);
        return false;
      }
      s.rec.output(t, g, stream, text, loc);
      this.lines++;
      return true;
    });
    return result;
  }

  private keepEarly(stream: number, printed: readonly unknown[]): void {
    if (this.early.length >= OUTPUT_EVENTS_MAX) return;
    const loc = captureLocation();
    eachLine(this.indent, formatConsoleArgs(printed), (text) => {
      if (this.early.length >= OUTPUT_EVENTS_MAX) return false;
      this.early.push({ stream, text, loc });
      return true;
    });
  }

  /** Once a run: the trace says where it stopped keeping lines. */
  private overLimit(s: Scheduler): void {
    if (this.warned) return;
    this.warned = true;
    s.rec.warn(s.clock(), s.current?.id ?? RUNTIME_G, OUTPUT_LIMIT_WARNING);
  }
}

/**
 * Hands `take` each line of `text` (split at "\n"; a text without a newline
 * at its end still ends in a line), indented and cut to OUTPUT_TEXT_MAX, until
 * it returns false.
 */
export function eachLine(indent: string, text: string, take: (line: string) => boolean): void {
  let from = 0;
  for (;;) {
    const end = text.indexOf("\n", from);
    const line = indent + text.slice(from, end < 0 ? text.length : end);
    if (!take(cutText(line, OUTPUT_TEXT_MAX)) || end < 0) return;
    from = end + 1;
  }
}
