import { afterEach, describe, expect, it, vi } from "vitest";
import type { TraceEvent } from "../../traces/events";
import { parseTrace, serializeTrace } from "../../traces/format/index";
import { run } from "../../runtime/index";
import { ProgramLoadError } from "./programLoader";
import { isGoFile, loadProgramForRun, runProgram } from "./runProgram";
import { WAITING_GO, WAITING_GO_CODE, compilerGiving, compilerRefusing } from "./testing/goPrograms";
import type { ProgramSource } from "./traceHeader";

// Draws numbers and reads the clock in several goroutines, and sends what it
// got, so every value lands in the trace.
const CHANCY = `import { chan, go, sleep } from "chanscope";
const atLoad = Math.random();
export default async function main(): Promise<void> {
  const out = chan<string>(0, "out");
  for (let w = 0; w < 3; w++) {
    go(async () => {
      await sleep(Math.floor(Math.random() * 100));
      await out.send(\`\${w} \${Math.random()} \${Date.now()} \${new Date().toISOString()} \${performance.now()}\`);
    }, \`worker \${w}\`);
  }
  for (let i = 0; i < 3; i++) await out.recv();
  await out.send(String(atLoad)).catch(() => undefined);
}
`;

const TIMES = `import { chan, sleep } from "chanscope";
export default async function main(): Promise<void> {
  const out = chan<number>(3, "out");
  const t0 = Date.now();
  await sleep(1500);
  await out.send(Date.now() - t0);
  await out.send(performance.now());
  await out.send(new Date().getTime());
}
`;

const program = (source: string): ProgramSource => ({ source, name: "chancy", file: "user/chancy.ts", id: "user/chancy.ts" });

function sent(events: readonly TraceEvent[]): unknown[] {
  return events.flatMap((e) => (e.kind === "send" ? [e.v] : []));
}

describe("runProgram gives a program its own Math and Date", () => {
  it("records the same trace, byte for byte, for the same seed when the program uses Math.random and Date.now", async () => {
    const a = await runProgram(program(CHANCY), { seed: 7 });
    const b = await runProgram(program(CHANCY), { seed: 7 });
    expect(JSON.stringify(b.result.events)).toBe(JSON.stringify(a.result.events));
    expect(a.result.events.filter((e) => e.kind === "warn")).toEqual([]);
    const c = await runProgram(program(CHANCY), { seed: 8 });
    expect(JSON.stringify(c.result.events)).not.toBe(JSON.stringify(a.result.events));
  });

  it("reads the virtual clock: Date.now, new Date() and performance.now move with sleep from a fixed start", async () => {
    const { result } = await runProgram(program(TIMES), { seed: 1 });
    expect(sent(result.events)).toEqual(["1500", "1500", "1257894001500"]);
  });

  it("leaves the host's Math and Date alone while a program runs", async () => {
    // Read through the descriptor: the host's own Math.random is what is checked, never drawn.
    const hostRandom = (): unknown => Object.getOwnPropertyDescriptor(Math, "random")?.value;
    const realRandom = hostRandom();
    const realDate = Date;
    const realNow = Date.now;
    const seen: boolean[] = [];
    const look = (): void => {
      seen.push(hostRandom() === realRandom, globalThis.Date === realDate, Date.now === realNow);
    };
    const src = `import { io } from "chanscope";
export default async function main(): Promise<void> { await io(Promise.resolve(Math.random() + Date.now())); }\n`;
    const running = runProgram(program(src), { seed: 1, onEvents: look });
    look();
    await running;
    look();
    expect(seen.length).toBeGreaterThan(6);
    expect(seen.every(Boolean)).toBe(true);
  });

  it("warns, at the line, when a host callback reads the clock, since no seed can make that repeat", async () => {
    const src = `import { io } from "chanscope";
export default async function main(): Promise<void> {
  await io(new Promise<number>((done) => setTimeout(() => done(
    Date.now()), 1)), "timer");
}
`;
    const { result } = await runProgram(program(src), { seed: 1 });
    const warns = result.events.filter((e) => e.kind === "warn");
    expect(warns).toHaveLength(1);
    expect(warns[0]).toMatchObject({ g: 0, loc: "user/chancy.ts:4" });
    expect((warns[0] as { message: string }).message).toContain("outside a goroutine");
  });

  it("lets a program declare its own Date", async () => {
    const src = `const Date = { now: () => 5 };\nexport default function main(): number { return Date.now(); }\n`;
    const { result } = await runProgram(program(src), { seed: 1 });
    expect(result.status).toBe("ok");
  });
});

// Prints at the top level, from main and from a worker, to both streams.
const PRINTS = `import { go, sleep, WaitGroup } from "chanscope";
console.log("loading");
export default async function main(): Promise<void> {
  const wg = new WaitGroup("wg");
  wg.add(1);
  go(async () => {
    await sleep(5);
    console.error("worker: %d failures", 2);
    wg.done();
  }, "worker");
  console.log("waiting for", { workers: 1 });
  await wg.wait();
}
`;

describe("runProgram records what a program prints", () => {
  afterEach(() => vi.restoreAllMocks());

  it("as output lines with their goroutine, time, stream and line, kept when the trace is saved and opened again", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const { header, result } = await runProgram(program(PRINTS), { seed: 1 });
    const lines = result.events.filter((e) => e.kind === "output");
    expect(lines.map(({ g, t, stream, text, loc }) => ({ g, t, stream, text, loc }))).toEqual([
      { g: 1, t: 0, stream: "stdout", text: "loading", loc: "user/chancy.ts:2" },
      { g: 1, t: 0, stream: "stdout", text: "waiting for { workers: 1 }", loc: "user/chancy.ts:11" },
      { g: 2, t: 5_000_000, stream: "stderr", text: "worker: 2 failures", loc: "user/chancy.ts:8" },
    ]);
    // The console printed what it always prints, arguments unchanged.
    expect(log.mock.calls).toEqual([["loading"], ["waiting for", { workers: 1 }]]);
    expect(error.mock.calls).toEqual([["worker: %d failures", 2]]);
    const reopened = parseTrace(serializeTrace(header, result.events));
    expect(reopened.events).toEqual(result.events);
  });
});

describe("running a Go program", () => {
  const goProgram: ProgramSource = { source: WAITING_GO, name: "prog", file: "prog.go", id: "prog.go" };

  it("runs the compiled code with the compiler's locations: every event is at a line of the .go file, the header holds the Go source", async () => {
    const { header, result } = await runProgram(goProgram, { seed: 1 }, compilerGiving(WAITING_GO_CODE));
    expect(header.program).toEqual({ name: "prog", id: "prog.go", source: WAITING_GO });
    expect(result.status).toBe("deadlock");
    expect(result.events.filter((e) => e.kind === "output").map((e) => [e.loc, e.kind === "output" ? e.text : ""])).toEqual([
      ["prog.go:7", "waiting"],
    ]);
    expect(result.events.find((e) => e.kind === "block")).toMatchObject({ reason: "chan receive", loc: "prog.go:9" });
  });

  it("hands a host the program's stdout byte for byte, the last line without its newline too, and prints none of it", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    let bytes = "";
    const loaded = await loadProgramForRun(goProgram, compilerGiving(WAITING_GO_CODE), { stdout: (b) => (bytes += b) });
    expect(loaded.captureLocations).toBe("compiled");
    await run(loaded.main, { captureLocations: loaded.captureLocations, globals: loaded.globals });
    loaded.finish();
    expect(bytes).toBe("waiting\nno newline");
    expect(log).not.toHaveBeenCalled();
  });

  it("a program Go would not compile fails to load at its first error, every error in Go's FILE:LINE:COL form", async () => {
    const refusing = compilerRefusing([
      { file: "prog.go", pos: { line: 6, col: 2 }, message: "x declared but not used" },
      { file: "prog.go", pos: { line: 7, col: 14 }, message: "undefined: y" },
    ]);
    const err = await loadProgramForRun(goProgram, refusing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProgramLoadError);
    expect(err).toMatchObject({ file: "prog.go", line: 6, column: 2 });
    expect((err as Error).message).toBe("prog.go:6:2: x declared but not used\nprog.go:7:14: undefined: y");
  });

  it("a host without the Go compiler refuses a .go program in so many words", async () => {
    await expect(loadProgramForRun(goProgram)).rejects.toThrow(
      new ProgramLoadError("prog.go", undefined, undefined, "Go programs need the Go compiler, which this host did not load"),
    );
  });

  it("tells a Go file by its name", () => {
    expect([isGoFile("a/prog.go"), isGoFile("prog.ts"), isGoFile("go")]).toEqual([true, false, false]);
  });
});
