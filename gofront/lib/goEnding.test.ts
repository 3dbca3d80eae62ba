import { describe, expect, it } from "vitest";
import { atLocation, chan, exit, go, run, type RunOptions } from "../../runtime/index";
import type { TraceHeader } from "../../traces/events";
import { buildModel } from "../../traces/model/index";
import { goEnding } from "./goEnding";

// The Go program the runs below stand for: each declares its lines as a compiled program does.
const SOURCE = `package main

func worker(out chan int) {
	out <- 1
}

func main() {
	in := make(chan int)
	out := make(chan int)
	go worker(out)
	<-in
}
`;

const HEADER: TraceHeader = {
  format: "chanscope-trace",
  version: 1,
  program: { name: "prog", id: "prog.go", source: SOURCE },
  seed: 1,
  strategy: "fifo",
  clock: "virtual",
  runtime: "0.1.0",
  createdAt: "2026-01-01T00:00:00.000Z",
};

async function endingOf(main: () => Promise<void> | void, options: RunOptions = {}) {
  const r = await run(main, { captureLocations: "compiled", ...options });
  return goEnding(buildModel(r.events, HEADER));
}

describe("how a Go program ends, in Go's words", () => {
  it("a deadlock: Go's fatal error, then each goroutine with its wait reason, function, line and creator", async () => {
    const e = await endingOf(async () => {
      const input = chan<number>(0);
      const out = chan<number>(0);
      atLocation("prog.go:10");
      go(async () => {
        atLocation("prog.go:4");
        await out.send(1);
      });
      atLocation("prog.go:11");
      await input.recv();
    });
    expect(e).toEqual({
      kind: "deadlock",
      exitCode: 2,
      firstLine: "fatal error: all goroutines are asleep - deadlock!",
      goroutineReasons: ["chan receive", "chan send"],
      stderr: [
        "fatal error: all goroutines are asleep - deadlock!",
        "",
        "goroutine 1 [chan receive]:",
        "main.main()",
        "\tprog.go:11",
        "",
        "goroutine 2 [chan send]:",
        "main.worker(...)",
        "\tprog.go:4",
        "created by main.main",
        "\tprog.go:10",
        "",
      ].join("\n"),
    });
  });

  it("a panic: panic: and the message, then the panicking goroutine, running", async () => {
    const e = await endingOf(() => {
      const c = chan<number>(0);
      c.close();
      atLocation("prog.go:11");
      c.close();
    });
    expect(e).toEqual({
      kind: "panic",
      exitCode: 2,
      firstLine: "panic: close of closed channel",
      goroutineReasons: ["running"],
      stderr: "panic: close of closed channel\n\ngoroutine 1 [running]:\nmain.main()\n\tprog.go:11\n",
    });
  });

  it("a nil dereference (a TypeError in the compiled code) as Go's runtime error with its signal line", async () => {
    const e = await endingOf(() => {
      atLocation("prog.go:4");
      return Promise.reject(new TypeError("Cannot read properties of null (reading 'x')"));
    });
    expect(e.stderr.split("\n").slice(0, 3)).toEqual([
      "panic: runtime error: invalid memory address or nil pointer dereference",
      "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]",
      "",
    ]);
    expect(e.exitCode).toBe(2);
  });

  it("main returning: exit status 0 and nothing on stderr, whatever still waits", async () => {
    const e = await endingOf(() => {
      const c = chan<number>(0);
      go(async () => void (await c.recv()));
    });
    expect(e).toEqual({ kind: "finished", exitCode: 0, firstLine: "", goroutineReasons: [], stderr: "" });
  });

  it("os.Exit(n): exit status n and nothing on stderr", async () => {
    const e = await endingOf(async () => {
      go(() => {
        exit(3);
      });
      await chan<number>(0).recv();
    });
    expect(e).toEqual({ kind: "finished", exitCode: 3, firstLine: "", goroutineReasons: [], stderr: "" });
  });

  it("a run a limit ended has no Go ending", async () => {
    const e = await endingOf(
      async () => {
        for (;;) await chan<number>(1).send(1);
      },
      { maxEvents: 20 },
    );
    expect(e).toMatchObject({ kind: "unfinished", exitCode: undefined, stderr: "" });
  });
});
