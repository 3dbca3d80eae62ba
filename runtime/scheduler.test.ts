import { describe, expect, it } from "vitest";
import type { TraceEvent } from "../traces/events";
import { chan } from "./channel";
import { go } from "./go";
import { io } from "./io";
import { locationFromCallSites, locationFromText } from "./location";
import { otherwise, recv, select, send } from "./select";
import { SLICE_OPS } from "./scheduler";
import { WaitGroup } from "./sync";
import { eventsOf, runTest } from "./testing/testRuns";
import { after, gosched, sleep } from "./time";

/** A small pipeline with fan-in, select and timers: enough interleaving to show scheduling choices. */
async function pipeline(): Promise<void> {
  const src = chan<number>(2, "src");
  const out = chan<string>(0, "out");
  const wg = new WaitGroup("wg");
  for (let w = 0; w < 3; w++) {
    wg.add(1);
    go(async () => {
      for await (const v of src) {
        await select(send(out, `w${w}:${v}`), recv(after(5)));
      }
      wg.done();
    }, `worker ${w}`);
  }
  go(async () => {
    for (let i = 0; i < 12; i++) await src.send(i);
    src.close();
  }, "producer");
  go(async () => {
    await wg.wait();
    out.close();
  }, "closer");
  for await (const s of out) {
    void s;
    await sleep(1);
  }
}

const json = (events: readonly TraceEvent[]): string => events.map((e) => JSON.stringify(e)).join("\n");

describe("scheduler", () => {
  it("the same program and options give byte-identical traces", async () => {
    for (const strategy of ["fifo", "random"] as const) {
      const a = await runTest(pipeline, { seed: 5, strategy });
      const b = await runTest(pipeline, { seed: 5, strategy });
      expect(a.status).toBe("ok");
      expect(json(a.events)).toBe(json(b.events));
    }
  });

  it("the random strategy explores different interleavings for different seeds", async () => {
    const traces = new Set<string>();
    for (let seed = 1; seed <= 5; seed++) traces.add(json((await runTest(pipeline, { seed, strategy: "random" })).events));
    expect(traces.size).toBeGreaterThan(1);
  });

  it("go does not call fn: the scheduler starts it once the caller blocks", async () => {
    const log: string[] = [];
    const r = await runTest(async () => {
      go(() => void log.push("child runs"));
      log.push("parent continues");
      await gosched();
      log.push("parent resumes");
    });
    expect(log).toEqual(["parent continues", "child runs", "parent resumes"]);
    expect(eventsOf(r.events, "yield")).toMatchObject([{ g: 1 }]);
  });

  it("main is goroutine 1, spawned by the runtime, goroutine 0", async () => {
    const r = await runTest(async () => {
      go(() => {});
      await sleep(1);
    });
    expect(eventsOf(r.events, "spawn")).toMatchObject([
      { g: 0, child: 1, name: "main" },
      { g: 1, child: 2 },
    ]);
    expect(eventsOf(r.events, "timer").find((e) => e.op === "fire")).toMatchObject({ g: 0 });
  });

  it("events have dense seqs from 0 and non-decreasing integer times", async () => {
    const r = await runTest(pipeline);
    r.events.forEach((e, i) => {
      expect(e.seq).toBe(i);
      expect(Number.isInteger(e.t)).toBe(true);
      if (i > 0) expect(e.t).toBeGreaterThanOrEqual(r.events[i - 1]!.t);
    });
  });

  it("a goroutine that keeps running without blocking is preempted after a slice of operations", async () => {
    let spins = 0;
    let other = false;
    const r = await runTest(async () => {
      const c = chan<number>(1);
      go(() => {
        other = true;
      }, "other");
      // Polls with a default case: never blocks, so only preemption lets "other" run.
      while (!other) {
        await select(recv(c), otherwise());
        spins++;
      }
    });
    expect(r.status).toBe("ok");
    // A slice is SLICE_OPS operations, counting chan() and go() before the loop.
    expect(spins).toBeGreaterThan(SLICE_OPS - 5);
    expect(spins).toBeLessThanOrEqual(SLICE_OPS);
    expect(eventsOf(r.events, "yield")).toMatchObject([{ g: 1 }]);
  });

  it("tracing off records nothing and reaches the same outcome", async () => {
    const on = await runTest(pipeline);
    const off = await runTest(pipeline, { trace: false });
    expect(off.status).toBe(on.status);
    expect(off.endTime).toBe(on.endTime);
    expect(off.events).toEqual([]);
    expect(off.eventCount).toBe(0);
  });

  it("onEvents receives every event, in order, in batches", async () => {
    const batches: (readonly TraceEvent[])[] = [];
    const r = await runTest(
      async () => {
        const c = chan<number>();
        go(async () => {
          for (let i = 0; i < 10_000; i++) await c.send(i);
        });
        for (let i = 0; i < 10_000; i++) await c.recv();
      },
      { onEvents: (b) => batches.push(b) },
    );
    expect(batches.length).toBeGreaterThan(0);
    expect(json(batches.flat())).toBe(json(r.events));
  });

  it("a throwing onEvents callback stops the run and run() rejects with its error", async () => {
    const boom = new Error("host is full");
    const outcome = await runTest(
      async () => {
        const c = chan<number>();
        go(async () => {
          for (;;) await c.send(1);
        });
        for (;;) await c.recv();
      },
      {
        onEvents: () => {
          throw boom;
        },
      },
    ).catch((e: unknown) => e);
    expect(outcome).toBe(boom);
  });

  it("gives the host macrotask turns during a long run", async () => {
    let hostTurns = 0;
    const tick = (): void => {
      hostTurns++;
      if (!done) setImmediate(tick);
    };
    let done = false;
    setImmediate(tick);
    let seenDuringRun = 0;
    await runTest(
      async () => {
        const c = chan<number>();
        go(async () => {
          for (let i = 0; i < 200_000; i++) await c.send(i);
        });
        for (let i = 0; i < 200_000; i++) await c.recv();
        seenDuringRun = hostTurns;
      },
      { trace: false },
    );
    done = true;
    expect(seenDuringRun).toBeGreaterThan(0);
  });
});

describe("io and foreign awaits", () => {
  it("io parks the goroutine in io while the others run, and resumes it with the value", async () => {
    const log: string[] = [];
    const r = await runTest(async () => {
      go(async () => {
        const v = await io(new Promise<string>((res) => setTimeout(() => res("data"), 5)), "fetch");
        log.push(`io gave ${v}`);
      }, "reader");
      go(() => {
        log.push("other runs");
      }, "other");
      await sleep(1);
      log.push("main slept");
      await sleep(1000);
    });
    expect(r.status).toBe("ok");
    expect(log).toEqual(["other runs", "io gave data", "main slept"]);
    expect(eventsOf(r.events, "io")).toMatchObject([
      { g: 2, op: "start", label: "fetch", io: 1 },
      { g: 0, op: "end", label: "fetch", io: 1, ok: true },
    ]);
    expect(eventsOf(r.events, "block").find((e) => e.g === 2)).toMatchObject({ reason: "io", io: 1 });
  });

  it("a rejected io promise throws in its goroutine", async () => {
    let caught = "";
    await runTest(async () => {
      try {
        await io(Promise.reject(new Error("ENOENT")));
      } catch (e) {
        caught = (e as Error).message;
      }
    });
    expect(caught).toBe("ENOENT");
  });

  it("virtual time does not advance while io is in flight", async () => {
    let got: unknown;
    await runTest(async () => {
      const res = chan<string>(1);
      go(async () => {
        await res.send(await io(new Promise<string>((r) => setTimeout(() => r("slow"), 20))));
      });
      got = await select(
        recv(res, (v) => v),
        recv(after(1), () => "timeout"),
      );
    });
    expect(got).toBe("slow");
  });

  it("a foreign await is detected, warned about, and kept attributed to its goroutine", async () => {
    const r = await runTest(async () => {
      const c = chan<number>(0, "c");
      go(async () => {
        await new Promise((res) => setTimeout(res, 5)); // not wrapped in io()
        await c.send(1);
      }, "careless");
      go(async () => {
        await sleep(1);
      }, "sleeper");
      expect(await c.recv()).toBe(1);
    });
    expect(r.status).toBe("ok");
    const warn = eventsOf(r.events, "warn");
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ g: 2 });
    expect(warn[0]!.message).toContain('goroutine 2 "careless"');
    expect(warn[0]!.message).toContain("io()");
    // The send after the foreign await is goroutine 2's, handed to main.
    expect(eventsOf(r.events, "send")).toMatchObject([{ g: 2, peer: 1 }]);
    expect(eventsOf(r.events, "io").map((e) => [e.g, e.op])).toEqual([
      [2, "start"],
      [0, "end"],
    ]);
  });
});

describe("misuse", () => {
  it("a goroutine that returns while an operation it started is still parked is reported", async () => {
    const r = await runTest(async () => {
      const c = chan<number>();
      go(() => {
        void c.send(1); // started, never awaited
      }, "careless");
      await sleep(1);
    });
    expect(r.status).toBe("ok");
    const warn = eventsOf(r.events, "warn");
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ g: 2, unawaited: true });
    expect(warn[0]!.message).toContain("missing await");
    // It stays parked on the send, as a goroutine that never reached its next line would in Go.
    expect(eventsOf(r.events, "exit").map((e) => e.g)).toEqual([1]);
    expect(eventsOf(r.events, "leak")).toMatchObject([{ g: 2, reason: "chan send" }]);
  });

  it("an operation left pending by a goroutine that returned still completes, and then the goroutine exits", async () => {
    let got: number | undefined;
    const r = await runTest(async () => {
      const c = chan<number>(0, "c");
      go(() => {
        void c.send(42); // started, never awaited
      }, "careless");
      await sleep(1);
      got = await c.recv();
      await sleep(1); // gives it its turn
    });
    expect(r.status).toBe("ok");
    expect(got).toBe(42);
    const kinds = r.events.filter((e) => e.g === 2).map((e) => e.kind);
    expect(kinds.slice(-3)).toEqual(["unblock", "run", "exit"]);
    expect(eventsOf(r.events, "leak")).toEqual([]);
  });

  it("a close under an operation left pending panics in the goroutine that started it", async () => {
    const r = await runTest(async () => {
      const c = chan<number>(0, "c");
      go(() => {
        void c.send(1);
      }, "careless");
      await sleep(1);
      c.close();
      await sleep(1);
    });
    expect(r.status).toBe("panic");
    expect(eventsOf(r.events, "panic")).toMatchObject([{ g: 2, message: "send on closed channel" }]);
  });

  it("several goroutines in foreign awaits at once are attributed to the longest waiting, with a warning", async () => {
    const r = await runTest(async () => {
      const c = chan<string>(2);
      const wg = new WaitGroup();
      wg.add(2);
      for (const name of ["a", "b"]) {
        go(async () => {
          await new Promise((res) => setTimeout(res, 5));
          await c.send(name);
          wg.done();
        }, name);
      }
      await wg.wait();
    });
    expect(r.status).toBe("ok");
    const warns = eventsOf(r.events, "warn").map((e) => e.message);
    expect(warns.filter((m) => m.includes("does not know about"))).toHaveLength(2);
    expect(warns.some((m) => m.includes("cannot tell which one resumed"))).toBe(true);
  });

  it("a foreign await is noticed as soon as the microtasks drain, before a timer can resume another goroutine", async () => {
    // b's foreign await begins in the same turn that notices a's; a's promise
    // settles in the very next macrotask. Noticed only at the pump, b would
    // still be marked running when a came back, and a's send and exit would be
    // taken for b's (an earlier CI run ended such a program as a deadlock).
    const r = await runTest(async () => {
      const c = chan<string>(2, "c");
      const wg = new WaitGroup("wg");
      wg.add(2);
      go(async () => {
        await new Promise((res) => setImmediate(res));
        await c.send("a");
        wg.done();
      }, "a");
      go(async () => {
        await new Promise((res) => setTimeout(res, 20));
        await c.send("b");
        wg.done();
      }, "b");
      await wg.wait();
      expect([await c.recv(), await c.recv()]).toEqual(["a", "b"]);
    });
    expect(r.status).toBe("ok");
    expect(eventsOf(r.events, "send").map((e) => [e.g, e.v])).toEqual([
      [2, '"a"'],
      [3, '"b"'],
    ]);
    // Both noticed before either came back; a, first back, is the longest waiting.
    const warns = eventsOf(r.events, "warn");
    expect(warns.map((e) => e.g)).toEqual([2, 3, 2]);
    expect(warns[0]!.message).toContain("does not know about");
    expect(warns[1]!.message).toContain("does not know about");
    expect(warns[2]!.message).toContain("cannot tell which one resumed");
  });

  it("a goroutine resumed inside another's turn and returning leaves the run to that goroutine, with a warning", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((res) => (release = res));
    let got: string | undefined;
    const r = await runTest(async () => {
      const c = chan<string>(0, "c");
      go(async () => {
        await gate; // resolved by the other goroutine: its continuation runs in that one's turn
      }, "waiter");
      go(async () => {
        release();
        await c.send("after"); // main is waiting: completes at once, releaser stays running
      }, "releaser");
      got = await c.recv();
    });
    expect(r.status).toBe("ok");
    expect(got).toBe("after");
    const warns = eventsOf(r.events, "warn").map((e) => e.message);
    expect(
      warns.some((m) => m.includes('goroutine 2 "waiter" came back from a foreign await while goroutine 3 "releaser" was running')),
    ).toBe(true);
    expect(warns.some((m) => m.includes("missing await"))).toBe(false);
    expect(
      eventsOf(r.events, "exit")
        .map((e) => e.g)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(eventsOf(r.events, "send")).toMatchObject([{ g: 3, peer: 1 }]);
  });
});

describe("limits", () => {
  const forever = async (): Promise<void> => {
    const c = chan<number>();
    go(async () => {
      for (;;) await c.send(1);
    });
    for (;;) await c.recv();
  };

  it("the event limit ends the run as timeout with the events kept", async () => {
    const r = await runTest(forever, { maxEvents: 500 });
    expect(r.status).toBe("timeout");
    expect(r.limit).toBe("events");
    expect(r.eventCount).toBe(501);
    expect(r.events.at(-1)).toMatchObject({ kind: "end", status: "timeout", limit: "events", seq: 500 });
  });

  it("the virtual time limit ends the run as timeout", async () => {
    const r = await runTest(
      async () => {
        for (;;) await sleep(100);
      },
      { maxVirtualTime: 1000 },
    );
    expect(r.status).toBe("timeout");
    expect(r.limit).toBe("virtual-time");
    expect(r.endTime).toBe(1000 * 1e6);
  });

  it("the wall-time budget ends a run that never blocks for good", async () => {
    const r = await runTest(forever, { trace: false, wallTimeBudgetMs: 30 });
    expect(r.status).toBe("timeout");
    expect(r.limit).toBe("wall-time");
  });

  it("aborting the signal stops the run as timeout, keeping the trace", async () => {
    const ac = new AbortController();
    // Abort once events have been delivered, not after a fixed time: on a busy
    // machine 10 ms may pass before the run records anything.
    let delivered = 0;
    const onEvents = (batch: readonly unknown[]): void => {
      delivered += batch.length;
      if (delivered > 10) ac.abort();
    };
    const r = await runTest(forever, { signal: ac.signal, onEvents });
    expect(r.status).toBe("timeout");
    expect(r.limit).toBe("stopped");
    expect(r.eventCount).toBeGreaterThan(10);
  });

  it("a run whose signal is already aborted stops before main runs", async () => {
    const ac = new AbortController();
    ac.abort();
    let ran = false;
    const r = await runTest(() => void (ran = true), { signal: ac.signal });
    expect(ran).toBe(false);
    expect(r.limit).toBe("stopped");
  });

  it("a stop while idle on io ends the run at once", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 5);
    const r = await runTest(() => io(new Promise(() => {})), { signal: ac.signal });
    expect(r.limit).toBe("stopped");
    expect(r.goroutines[0]).toMatchObject({ reason: "io" });
  });
});

describe("the real clock", () => {
  it("fires a timer only once the wall clock has reached it", async () => {
    const r = await runTest(
      async () => {
        await sleep(15);
      },
      { clock: "real" },
    );
    expect(r.status).toBe("ok");
    const [set, fire] = eventsOf(r.events, "timer");
    expect(set).toMatchObject({ op: "set", purpose: "sleep" });
    expect(set!.at - set!.t).toBe(15_000_000);
    expect(fire).toMatchObject({ op: "fire", at: set!.at });
    expect(fire!.t).toBeGreaterThanOrEqual(set!.at);
  });
});

describe("source locations", () => {
  it("captureLocations records the file and line of the user's call", async () => {
    let marker: Error | undefined;
    const r = await runTest(
      async () => {
        const c = chan<number>(1);
        // Both on one line, so the send's location and the marker's line agree.
        // prettier-ignore
        { await c.send(1); marker = new Error(); }
      },
      { captureLocations: true },
    );
    const send = eventsOf(r.events, "send")[0]!;
    expect(send.loc).toMatch(/runtime\/scheduler\.test\.ts:\d+$/);
    const markerLine = /scheduler\.test\.ts:(\d+):\d+/.exec(marker!.stack!)![1];
    expect(send.loc!.split(":").at(-1)).toBe(markerLine);
  });

  // A program as the app loads one: code evaluated with a sourceURL, its lines kept.
  const program = (0, eval)(`(function (rt) {
  return async () => {
    const c = rt.chan(1, "c");
    rt.go(async () => {
      await c.send(1);
      await c.send(2);
    }, "sender");
    await c.recv();
    for (const _ of [1]) await rt.select(rt.recv(c));
  };
})
//# sourceURL=user/program.ts`) as (rt: unknown) => () => Promise<void>;

  const runtimeApi = { chan, go, select, recv };
  const locations = async (): Promise<(string | undefined)[]> => {
    const r = await runTest(program(runtimeApi), { captureLocations: true });
    return r.events.filter((e) => e.kind === "send" || e.kind === "recv" || e.kind === "select").map((e) => e.loc);
  };

  it("finds the same locations through V8's call sites as through the stack text", async () => {
    // Read as a plain value: the test saves V8's hook and puts it back, never calls it.
    const errorClass = Error as { prepareStackTrace?: unknown };
    // Under vitest a source-map hook is installed, so locations come from the stack text…
    expect(errorClass.prepareStackTrace).toBeTypeOf("function");
    const fromText = await locations();
    expect(fromText).toEqual(["user/program.ts:5", "user/program.ts:8", "user/program.ts:6", "user/program.ts:9", "user/program.ts:9"]);
    // …and without it (as in the app's run worker) from V8's structured call sites.
    const hook = errorClass.prepareStackTrace;
    errorClass.prepareStackTrace = undefined;
    try {
      expect(await locations()).toEqual(fromText);
      // Put back as it was: a thrown error's stack is formatted as usual.
      expect(errorClass.prepareStackTrace).toBeUndefined();
      expect(new Error("x").stack).toMatch(/^Error: x\n\s+at /);
    } finally {
      errorClass.prepareStackTrace = hook;
    }
  });

  it("reads both ways the innermost user frame below the runtime's", () => {
    const user = (0, eval)("(function (capture) {\n  return capture();\n})\n//# sourceURL=user/caller.ts") as (f: () => unknown) => unknown;
    expect(user(locationFromCallSites)).toBe("user/caller.ts:2");
    expect(user(locationFromText)).toBe("user/caller.ts:2");
  });
});
