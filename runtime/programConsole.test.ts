import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { OUTPUT_EVENTS_MAX, OUTPUT_TEXT_MAX } from "../traces/events";
import { go } from "./go";
import { io } from "./io";
import { atLocation } from "./location";
import { OUTPUT_LIMIT_WARNING, eachLine } from "./programConsole";
import { programGlobals } from "./programGlobals";
import { sleep } from "./time";
import { eventsOf, runTest } from "./testing/testRuns";

type Method = "log" | "info" | "debug" | "error" | "warn" | "dir" | "assert" | "group" | "groupEnd" | "table";
const METHODS: readonly Method[] = ["log", "info", "debug", "error", "warn", "dir", "assert", "group", "groupEnd", "table"];
let printed: Record<Method, MockInstance>;

beforeEach(() => {
  // The realm's console, as the program's console passes its calls on: caught here, so tests print nothing.
  printed = Object.fromEntries(METHODS.map((m) => [m, vi.spyOn(console, m).mockImplementation(() => {})])) as unknown as Record<
    Method,
    MockInstance
  >;
});
afterEach(() => vi.restoreAllMocks());

/** A program's console, and the options that make a run record what it prints. */
function program() {
  const globals = programGlobals();
  return { console: globals.console as unknown as Console, options: { globals } };
}

describe("a program's console", () => {
  it("records each printed line with the goroutine that printed it and the virtual time", async () => {
    const p = program();
    const r = await runTest(async () => {
      p.console.log("main says", 1);
      go(async () => {
        await sleep(5);
        p.console.info("worker done");
      }, "worker");
      await sleep(10);
    }, p.options);
    expect(eventsOf(r.events, "output").map(({ g, t, stream, text }) => ({ g, t, stream, text }))).toEqual([
      { g: 1, t: 0, stream: "stdout", text: "main says 1" },
      { g: 2, t: 5_000_000, stream: "stdout", text: "worker done" },
    ]);
  });

  it("passes every call on to the realm's console unchanged", async () => {
    const p = program();
    const obj = { a: 1 };
    await runTest(() => {
      p.console.log("%s!", obj, 2);
      p.console.error("bad", obj);
      p.console.table([obj]);
    }, p.options);
    expect(printed.log).toHaveBeenCalledWith("%s!", obj, 2);
    expect(printed.error).toHaveBeenCalledWith("bad", obj);
    expect(printed.table).toHaveBeenCalledWith([obj]);
  });

  it("with echo off, records each line and prints nothing", async () => {
    const globals = programGlobals({ echo: false });
    const c = globals.console as unknown as Console;
    const r = await runTest(
      () => {
        c.log("quiet %d", 1);
        c.error("still quiet");
      },
      { globals },
    );
    expect(eventsOf(r.events, "output").map(({ stream, text }) => ({ stream, text }))).toEqual([
      { stream: "stdout", text: "quiet 1" },
      { stream: "stderr", text: "still quiet" },
    ]);
    expect(printed.log).not.toHaveBeenCalled();
    expect(printed.error).not.toHaveBeenCalled();
  });

  it("locates a compiled program's lines where it declared it is, not where the console was called", async () => {
    const p = program();
    const r = await runTest(
      () => {
        atLocation("prog.go:7");
        p.console.log("from Go");
      },
      { ...p.options, captureLocations: "compiled" },
    );
    expect(eventsOf(r.events, "output").map((e) => e.loc)).toEqual(["prog.go:7"]);
  });

  it("formats the line as Node's console does", async () => {
    const p = program();
    const r = await runTest(() => p.console.log("%d workers, %s", 3, { ok: true }, ["x"]), p.options);
    expect(eventsOf(r.events, "output")[0]?.text).toBe("3 workers, { ok: true } [ 'x' ]");
  });

  it("sends error, warn and a failing assert to stderr; log, info, debug and dir to stdout", async () => {
    const p = program();
    const r = await runTest(() => {
      p.console.log("l");
      p.console.info("i");
      p.console.debug("d");
      p.console.dir({ x: 1 });
      p.console.error("e");
      p.console.warn("w");
      p.console.assert(true, "fine");
      p.console.assert(false, "broken");
    }, p.options);
    expect(eventsOf(r.events, "output").map((e) => `${e.stream}:${e.text}`)).toEqual([
      "stdout:l",
      "stdout:i",
      "stdout:d",
      "stdout:{ x: 1 }",
      "stderr:e",
      "stderr:w",
      "stderr:Assertion failed: broken",
    ]);
  });

  it("makes one event per line of a print, an empty print an empty line", async () => {
    const p = program();
    const r = await runTest(() => {
      p.console.log("one\ntwo\n");
      p.console.log();
    }, p.options);
    expect(eventsOf(r.events, "output").map((e) => e.text)).toEqual(["one", "two", "", ""]);
  });

  it("indents lines inside a group as Node does", async () => {
    const p = program();
    const r = await runTest(() => {
      p.console.group("jobs");
      p.console.log("a\nb");
      p.console.groupEnd();
      p.console.log("c");
    }, p.options);
    expect(eventsOf(r.events, "output").map((e) => e.text)).toEqual(["jobs", "  a", "  b", "c"]);
  });

  it("gives lines printed before the run to main, at time 0, right after main's spawn", async () => {
    const p = program();
    p.console.log("loading");
    const r = await runTest(() => p.console.log("running"), p.options);
    expect(r.events.slice(0, 3).map((e) => `${e.kind} g${e.g} t${e.t}`)).toEqual(["spawn g0 t0", "output g1 t0", "run g1 t0"]);
    expect(eventsOf(r.events, "output").map((e) => e.text)).toEqual(["loading", "running"]);
  });

  it("gives lines printed from a host callback to goroutine 0, the runtime", async () => {
    const p = program();
    const r = await runTest(async () => {
      await io(new Promise<void>((done) => setTimeout(() => (p.console.log("tick"), done()), 1)));
    }, p.options);
    expect(eventsOf(r.events, "output").map((e) => [e.g, e.text])).toEqual([[0, "tick"]]);
  });

  it("records where a line was printed, and leaves the goroutine's own location alone", async () => {
    const p = program();
    const r = await runTest(
      async () => {
        await sleep(1);
        p.console.log("here");
      },
      { ...p.options, captureLocations: true },
    );
    const out = eventsOf(r.events, "output")[0]!;
    expect(out.loc).toMatch(/programConsole\.test\.ts:\d+$/);
    const exit = eventsOf(r.events, "exit")[0]!;
    const block = eventsOf(r.events, "block")[0]!;
    expect(exit.loc).toBe(block.loc);
    expect(out.loc).not.toBe(block.loc);
  });

  it("cuts a long line, saying how much is gone", async () => {
    const p = program();
    const r = await runTest(() => p.console.log("x".repeat(OUTPUT_TEXT_MAX + 500)), p.options);
    const text = eventsOf(r.events, "output")[0]!.text;
    expect(text.startsWith("x".repeat(OUTPUT_TEXT_MAX))).toBe(true);
    expect(text.slice(OUTPUT_TEXT_MAX)).toBe("… [cut: 500 more characters]");
  });

  it("keeps at most OUTPUT_EVENTS_MAX lines a run, warns once where it stopped, and still prints every line", async () => {
    const p = program();
    const r = await runTest(() => {
      for (let i = 0; i < OUTPUT_EVENTS_MAX + 5; i++) p.console.log(i);
    }, p.options);
    expect(eventsOf(r.events, "output")).toHaveLength(OUTPUT_EVENTS_MAX);
    expect(eventsOf(r.events, "warn").map((e) => e.message)).toEqual([OUTPUT_LIMIT_WARNING]);
    expect(printed.log).toHaveBeenCalledTimes(OUTPUT_EVENTS_MAX + 5);
  });

  it("records nothing with tracing off, and nothing after the run, yet prints", async () => {
    const p = program();
    const r = await runTest(() => p.console.log("quiet"), { ...p.options, trace: false });
    p.console.log("after");
    expect(r.events).toEqual([]);
    expect(printed.log).toHaveBeenCalledTimes(2);
  });
});

describe("splitting printed text into lines", () => {
  it("cuts each line on its own and stops when told", () => {
    const lines: string[] = [];
    eachLine("", "a\nbb\nccc", (l) => (lines.push(l), lines.length < 2));
    expect(lines).toEqual(["a", "bb"]);
  });
});
