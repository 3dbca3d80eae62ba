import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { go } from "./go";
import { panic } from "./panic";
import { run } from "./run";
import { recv, select, send } from "./select";
import { Mutex, WaitGroup } from "./sync";
import { eventsOf, runTest } from "./testing/testRuns";
import { now, sleep } from "./time";

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
    expect(r.explanation).toEqual([
      'goroutine 1 "main" [chan receive]: waits to receive from channel #2 "b" (unbuffered)',
      'goroutine 2 "sender" [chan send]: waits to send 1 on channel #1 "a" (unbuffered)',
      'goroutine 3 "selector" [select]: waits in select to receive from channel #2 "b" (unbuffered), send to channel #3 "c" (unbuffered)',
      'goroutine 4 "locker" [sync.Mutex.Lock]: waits to lock Mutex #1 "mu" (locked, 1 waiting)',
      'goroutine 5 "waiter" [sync.WaitGroup.Wait]: waits for WaitGroup #2 "wg" (counter 1) to reach zero',
      'goroutine 6 "receiver" [chan receive]: waits to receive from channel #4 (unbuffered)',
    ]);
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

  it("main returning while others are blocked ends ok and reports them as leaked", async () => {
    const r = await runTest(async () => {
      const jobs = chan<number>(0, "jobs");
      go(() => jobs.recv(), "worker");
      go(() => sleep(1000), "sleeper");
      await sleep(1);
    });
    expect(r.status).toBe("ok");
    expect(eventsOf(r.events, "leak")).toMatchObject([
      { g: 2, reason: "chan receive", ch: 1 },
      { g: 3, reason: "sleep" },
    ]);
    expect(r.explanation).toEqual([
      'goroutine 2 "worker" [chan receive]: waits to receive from channel #1 "jobs" (unbuffered) — leaked: still blocked when main returned',
      'goroutine 3 "sleeper" [sleep]: sleeps until 1000ms — leaked: still blocked when main returned',
    ]);
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
    expect(r.explanation).toEqual([
      'goroutine 2 "worker" [runnable]: was ready to go on but never got the chance — cut off: main returned first',
      'goroutine 3 "printer" [runnable]: was started with go but never ran — cut off: main returned first',
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
    expect(r.explanation[0]).toBe("goroutine 2 panicked: boom");
  });

  it("any exception thrown by user code ends the run with status panic", async () => {
    const r = await runTest(async () => {
      const o: { x?: { y: number } } = {};
      return o.x!.y;
    });
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toMatch(/^TypeError: /);
    expect(r.panic?.stack).toContain("TypeError");
  });

  it("a thrown non-Error value is reported clearly", async () => {
    const r = await runTest(async () => {
      throw 42;
    });
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toBe("thrown number: 42");
    const r2 = await runTest(() => {
      throw { code: "E" };
    });
    expect(r2.panic?.message).toBe("thrown non-Error object (Object)");
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
    for (const main of [async () => {}, async () => chan().recv(), async () => panic("x")]) {
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
