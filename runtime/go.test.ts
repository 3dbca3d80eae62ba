import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { go, goexit, numGoroutine } from "./go";
import { isPanic } from "./panic";
import { WaitGroup } from "./sync";
import { eventsOf, explanationOf, runTest } from "./testing/testRuns";
import { sleep } from "./time";

describe("goexit", () => {
  it("runs the goroutine's deferred cleanup, never returns, and the goroutine exits normally", async () => {
    const seen: string[] = [];
    const r = await runTest(async () => {
      const done = chan<void>();
      go(async () => {
        try {
          try {
            await sleep(1);
            goexit();
          } finally {
            seen.push("inner finally");
          }
          seen.push("after goexit");
        } catch (e) {
          // What Go's recover() would do: a panic is handled, anything else goes on.
          if (isPanic(e)) seen.push("recovered");
          else throw e;
        } finally {
          seen.push("outer finally");
          await done.send();
        }
      }, "quitter");
      await done.recv();
    });
    expect(r.status).toBe("ok");
    expect(seen).toEqual(["inner finally", "outer finally"]);
    expect(eventsOf(r.events, "exit").map((e) => e.g)).toContain(2);
    expect(eventsOf(r.events, "panic")).toEqual([]);
  });

  it("called in main lets the other goroutines finish, then ends as Go's no-goroutines deadlock", async () => {
    // go1.19: "fatal error: no goroutines (main called runtime.Goexit) - deadlock!", exit status 2.
    let workerDone = false;
    const r = await runTest(() => {
      go(async () => {
        await sleep(5);
        workerDone = true;
      }, "worker");
      goexit();
    });
    expect(workerDone).toBe(true);
    expect(r.status).toBe("deadlock");
    expect(r.message).toBe("fatal error: no goroutines (main called runtime.Goexit) - deadlock!");
    expect(r.endTime).toBe(5_000_000);
    expect(explanationOf(r).headline).toBe("fatal error: no goroutines (main called runtime.Goexit) - deadlock!");
  });

  it("called in main with another goroutine blocked for good ends as an ordinary deadlock", async () => {
    const r = await runTest(async () => {
      const c = chan<number>();
      go(async () => {
        await c.recv();
      }, "stuck");
      await sleep(1);
      goexit();
    });
    expect(r.status).toBe("deadlock");
    expect(r.message).toBe("fatal error: all goroutines are asleep - deadlock!");
    expect(r.goroutines.map((g) => [g.name, g.reason])).toEqual([["stuck", "chan receive"]]);
  });
});

describe("numGoroutine", () => {
  it("counts the goroutines that exist now, main included, as Go's NumGoroutine", async () => {
    const counts: number[] = [];
    await runTest(async () => {
      counts.push(numGoroutine());
      const wg = new WaitGroup();
      for (let i = 0; i < 3; i++) {
        wg.add(1);
        go(async () => {
          await sleep(1);
          wg.done();
        });
      }
      counts.push(numGoroutine());
      await wg.wait();
      await sleep(1);
      counts.push(numGoroutine());
    });
    expect(counts).toEqual([1, 4, 1]);
  });
});
