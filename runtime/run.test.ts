import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { go } from "./go";
import { panic } from "./panic";
import { run } from "./run";
import { recv, select, send } from "./select";
import { Mutex, WaitGroup } from "./sync";
import { eventsOf, explanationOf, runTest } from "./testing/testRuns";
import { now, sleep } from "./time";
import { atLocation } from "./location";

describe("how a run ends", () => {
  it("every goroutine blocked and no timer pending ends in deadlock with each goroutine's wait reason", async () => {
    const r = await runTest(async () => {
      const a = chan<number>(0, "a");
      const b = chan<number>(0, "b");
      const mu = new Mutex("mu");
      const wg = new WaitGroup("wg");
      await mu.lock();
      wg.add(1);
      go(() => a.send(1), "sender");
      go(() => select(recv(b), send(chan<number>(0, "c"), 2)), "selector");
      go(() => mu.lock(), "locker");
      go(() => wg.wait(), "waiter");
      go(() => chan<number>(0).recv(), "receiver");
      await b.recv();
    });
    expect(r.status).toBe("deadlock");
    expect(r.message).toBe("fatal error: all goroutines are asleep - deadlock!");
    expect(r.goroutines.map((g) => [g.id, g.reason])).toEqual([
      [1, "chan receive"],
      [2, "chan send"],
      [3, "select"],
      [4, "sync.Mutex.Lock"],
      [5, "sync.WaitGroup.Wait"],
      [6, "chan receive"],
    ]);
    expect(eventsOf(r.events, "make").map((e) => [e.ch, e.name, e.cap])).toEqual([
      [1, "a", 0],
      [2, "b", 0],
      [3, "c", 0],
      [4, undefined, 0],
    ]);
    expect(eventsOf(r.events, "sync.make").map((e) => [e.obj, e.type, e.name])).toEqual([
      [1, "Mutex", "mu"],
      [2, "WaitGroup", "wg"],
    ]);
    const x = explanationOf(r);
    expect(x.items.map((it) => [it.g, it.kind, it.summary])).toEqual([
      [1, "deadlocked", "goroutine 1 (main) [chan receive]: waiting to receive from `b` (unbuffered)"],
      [2, "deadlocked", "goroutine 2 (sender) [chan send]: waiting to send 1 to `a` (unbuffered)"],
      [3, "deadlocked", "goroutine 3 (selector) [select]: waiting in a select to receive from `b`, or send to `c`"],
      [4, "deadlocked", "goroutine 4 (locker) [sync.Mutex.Lock]: waiting to lock Mutex `mu`"],
      [5, "deadlocked", "goroutine 5 (waiter) [sync.WaitGroup.Wait]: waiting for WaitGroup `wg` (counter 1)"],
      [6, "deadlocked", "goroutine 6 (receiver) [chan receive]: waiting to receive from chan #4 (unbuffered)"],
    ]);
    expect(x.items.map((it) => it.resources)).toEqual([
      [{ kind: "channel", id: 2 }],
      [{ kind: "channel", id: 1 }],
      [
        { kind: "channel", id: 2 },
        { kind: "channel", id: 3 },
      ],
      [{ kind: "object", id: 1 }],
      [{ kind: "object", id: 2 }],
      [{ kind: "channel", id: 4 }],
    ]);
    // The mutex is locked (main holds it) with one goroutine waiting for it.
    expect(x.items[3]?.why).toMatch(/^held by G1\b/);
    const last = r.events.slice(-2);
    expect(last.map((e) => e.kind)).toEqual(["deadlock", "end"]);
    expect(last[1]).toMatchObject({ status: "deadlock" });
  });

  it("with every goroutine blocked but a timer pending, the clock jumps to the timer", async () => {
    const r = await runTest(async () => {
      const c = chan<number>();
      go(async () => {
        await sleep(3_600_000);
        await c.send(1);
      });
      await c.recv();
      expect(now()).toBe(3_600_000);
    });
    expect(r.status).toBe("ok");
    expect(r.endTime).toBe(3_600_000_000_000);
  });

  it("main returning while others are blocked ends ok, reporting the stuck as leaked and the sleeper as cut off", async () => {
    const r = await runTest(async () => {
      const jobs = chan<number>(0, "jobs");
      go(() => jobs.recv(), "worker");
      go(() => sleep(1000), "sleeper");
      await sleep(1);
    });
    expect(r.status).toBe("ok");
    // The sleeper would have woken: main's return cut it off, so no leak event for it.
    expect(eventsOf(r.events, "leak")).toMatchObject([{ g: 2, reason: "chan receive", ch: 1 }]);
    const x = explanationOf(r);
    expect(x.headline).toBe("main returned while 1 goroutine was still blocked (it leaked) and 1 goroutine had not finished.");
    expect(x.ending).toBe("leak");
    expect(x.items.map((it) => [it.g, it.kind, it.summary, it.resources])).toEqual([
      [2, "leaked", "goroutine 2 (worker) [chan receive]: waiting to receive from `jobs` (unbuffered)", [{ kind: "channel", id: 1 }]],
      [3, "unfinished", "goroutine 3 (sleeper) [sleep]: sleeping until 1s", []],
    ]);
    expect(x.items[1]?.why).toBe(
      "and main returned before its timer fired; a Go program ends when main returns, so make main wait for it (a WaitGroup or a channel)",
    );
    expect(r.events.at(-1)).toMatchObject({ kind: "end", status: "ok" });
  });

  it("main returning while others are runnable ends ok and reports them as cut off, saying which never ran", async () => {
    const r = await runTest(async () => {
      const c = chan<number>(1, "c");
      go(async () => {
        await c.recv();
        await c.recv();
      }, "worker");
      await sleep(1); // the worker runs and parks in its first receive
      await c.send(1); // wakes it: runnable again
      go(() => undefined, "printer"); // never runs
    });
    expect(r.status).toBe("ok");
    expect(eventsOf(r.events, "leak")).toEqual([]);
    const x = explanationOf(r);
    expect(x.headline).toBe("main returned while 2 goroutines had not finished: the program ended under them.");
    expect(x.items.map((it) => [it.g, it.kind, it.summary])).toEqual([
      [2, "unfinished", "goroutine 2 (worker) [runnable]: ready to go on, but never got the chance"],
      [3, "unfinished", "goroutine 3 (printer) [runnable]: started with go but never ran"],
    ]);
  });

  it("an unrecovered panic ends the run with status panic, the message and the goroutine", async () => {
    const r = await runTest(async () => {
      go(() => panic("boom"), "bomber");
      await sleep(10);
    });
    expect(r.status).toBe("panic");
    expect(r.panic).toMatchObject({ g: 2, message: "boom" });
    expect(r.message).toBe('panic: boom [goroutine 2 "bomber"]');
    expect(eventsOf(r.events, "panic")).toMatchObject([{ g: 2, message: "boom" }]);
    const x = explanationOf(r);
    expect(x.panic).toMatchObject({ g: 2, message: "boom" });
    expect(x.items[0]?.summary).toBe("goroutine 2 (bomber) panicked: boom");
  });

  it("any exception thrown by user code ends the run with status panic", async () => {
    const r = await runTest(() => {
      const o: { x?: { y: number } } = {};
      return o.x!.y;
    });
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toMatch(/^TypeError: /);
    expect(r.panic?.stack).toContain("TypeError");
  });

  it("a thrown non-Error value is reported as Go prints a panic value", async () => {
    // A goroutine's function that rejects, and one that throws: the two ways the scheduler sees a panic.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the non-Error value is what the test is about
    const r = await runTest(() => Promise.reject(42));
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toBe("42");
    expect(r.message).toMatch(/^panic: 42 \[/);
    const r2 = await runTest(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the non-Error value is what the test is about
      throw { code: "E" };
    });
    expect(r2.panic?.message).toBe("thrown non-Error object (Object)");
  });

  it.each([
    [42, "panic: 42"],
    [-7, "panic: -7"],
    [1.5, "panic: +1.500000e+000"],
    [-0.00125, "panic: -1.250000e-003"],
    [true, "panic: true"],
    ["boom", "panic: boom"],
    [new Error("boom"), "panic: boom"],
    [undefined, "panic: nil"],
    [12345678901234567890n, "panic: 12345678901234567890"],
  ])("panic(%s) ends the run as Go prints it", async (value, headline) => {
    const r = await runTest(() => panic(value));
    expect(r.status).toBe("panic");
    expect(r.message.startsWith(`${headline} [`)).toBe(true);
  });

  it("an Error a goroutine throws prints its message, as Go prints an error value", async () => {
    const r = await runTest(() => {
      throw new Error("boom");
    });
    expect(r.message.startsWith("panic: boom [")).toBe(true);
  });

  it("a runtime panic can be caught inside its goroutine like recover", async () => {
    let recovered = "";
    const r = await runTest(async () => {
      const c = chan<number>();
      c.close();
      try {
        await c.send(1);
      } catch (e) {
        recovered = (e as Error).message;
      }
    });
    expect(r.status).toBe("ok");
    expect(recovered).toBe("send on closed channel");
  });

  it("run while another run is active rejects with a clear error", async () => {
    let inner: unknown;
    await runTest(async () => {
      inner = await run(async () => {}).catch((e: unknown) => e);
    });
    expect(String(inner)).toMatch(/another run is active/);
  });

  it("every run ends with exactly one end event, the last", async () => {
    for (const main of [async () => {}, async () => chan().recv(), () => panic("x")]) {
      const r = await runTest(main);
      expect(eventsOf(r.events, "end")).toHaveLength(1);
      expect(r.events.at(-1)!.kind).toBe("end");
    }
  });
});

describe("releasing a trace", () => {
  const pingPong = async (): Promise<void> => {
    const c = chan<number>(0, "c");
    go(async () => {
      for (let i = 0; i < 5_000; i++) await c.send(i);
    });
    for (let i = 0; i < 5_000; i++) await c.recv();
  };

  it("keeps the events already read, refuses new reads, and gives the next run identical events", async () => {
    const first = await run(pingPong, { seed: 3 });
    const read = first.events;
    const reference = JSON.stringify(read);
    first.release();
    expect(first.events).toBe(read); // read before the release: still there
    expect(() => first.recorder!.events(0, 1)).toThrow(/released/);
    const second = await run(pingPong, { seed: 3 });
    expect(JSON.stringify(second.events)).toBe(reference);
  });

  it("is a no-op for an untraced run", async () => {
    const r = await run(pingPong, { trace: false });
    expect(() => r.release()).not.toThrow();
    expect(r.events).toEqual([]);
  });
});

describe("a run a limit stopped, explained", () => {
  it("says the program was still going and never calls a goroutine that could be woken stuck", async () => {
    const r = await runTest(
      async () => {
        const c = chan<number>(0, "ticks");
        go(async () => {
          for (let i = 0; ; i++) await c.send(i);
        }, "producer");
        for (;;) await c.recv();
      },
      { maxEvents: 30 },
    );
    expect(r.status).toBe("timeout");
    const x = explanationOf(r);
    expect(x.headline).toBe("The run was stopped after reaching its event limit.");
    expect(x.text).toContain("The program was still going; when it stopped:");
    expect(x.items.map((i) => i.text)).toEqual([
      "goroutine 2 (producer) [chan send]: waiting to send 5 to `ticks` (unbuffered), and G1 could still act on it",
    ]);
    expect(x.text).not.toMatch(/no running goroutine/);
  });
});

describe("where a panic happened", () => {
  it("a thrown error's panic event names the line it was thrown on, not the goroutine's last runtime call", async () => {
    const r = await runTest(
      async () => {
        await sleep(1);
        const config: { server?: { port: number } } = {};
        return config.server!.port;
      },
      { captureLocations: true },
    );
    expect(r.status).toBe("panic");
    const p = eventsOf(r.events, "panic")[0]!;
    const sleepLoc = eventsOf(r.events, "block").find((e) => e.reason === "sleep")?.loc;
    // The stack's first frame is the throw: file:line:column.
    const thrown = /\((.*):(\d+):\d+\)/.exec(p.stack!.split("\n").find((l) => l.includes("run.test.ts"))!)!;
    expect(p.loc).toBe(`${thrown[1]}:${thrown[2]}`);
    expect(Number(p.loc!.split(":").at(-1))).toBe(Number(sleepLoc!.split(":").at(-1)) + 2);
  });
});

describe("locations a compiled program declares", () => {
  it("locate each event where the program said it was, with no stack capture", async () => {
    const r = await runTest(
      async () => {
        const ch = chan<number>(1, "ch");
        atLocation("prog.go:7");
        await ch.send(1);
        atLocation("prog.go:8");
        await sleep(1);
        atLocation("prog.go:9");
        panic("boom");
      },
      { captureLocations: "compiled" },
    );
    expect(r.status).toBe("panic");
    expect(eventsOf(r.events, "send")[0]?.loc).toBe("prog.go:7");
    expect(eventsOf(r.events, "block").find((e) => e.reason === "sleep")?.loc).toBe("prog.go:8");
    expect(eventsOf(r.events, "panic")[0]?.loc).toBe("prog.go:9");
  });
});
