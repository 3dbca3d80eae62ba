import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { go } from "./go";
import { otherwise, recv, select } from "./select";
import { eventsOf, runTest } from "./testing/testRuns";
import { afterFunc, after, newTicker, newTimer, now, sleep, tick } from "./time";

describe("time", () => {
  it("after(d) delivers once after d of virtual time", async () => {
    let got: unknown[] = [];
    const r = await runTest(async () => {
      const c = after(250);
      const v = await c.recv();
      got = [v, now()];
      const second = await select(
        recv(c, () => "again"),
        otherwise(() => "nothing more"),
      );
      got.push(second);
    });
    expect(got).toEqual([250, 250, "nothing more"]);
    expect(eventsOf(r.events, "timer").map((e) => [e.op, e.purpose, e.at])).toEqual([
      ["set", "after", 250_000_000],
      ["fire", "after", 250_000_000],
    ]);
  });

  it("sleep(d ≤ 0) returns at once", async () => {
    const r = await runTest(async () => {
      await sleep(0);
      await sleep(-5);
    });
    expect(eventsOf(r.events, "block")).toHaveLength(0);
    expect(eventsOf(r.events, "timer")).toHaveLength(0);
    expect(r.endTime).toBe(0);
  });

  it("sleep parks the goroutine until its wake-up time", async () => {
    const r = await runTest(async () => {
      await sleep(1.5);
      expect(now()).toBe(1.5);
    });
    expect(eventsOf(r.events, "block")).toMatchObject([{ reason: "sleep", until: 1_500_000 }]);
    expect(eventsOf(r.events, "unblock")).toMatchObject([{ g: 1, by: 0, t: 1_500_000 }]);
  });

  it("a ticker with a non-positive interval panics", async () => {
    const r = await runTest(() => {
      newTicker(0);
    });
    expect(r.status).toBe("panic");
    expect(r.panic?.message).toBe("non-positive interval for NewTicker");
  });

  it("a slow receiver misses ticks rather than queueing them", async () => {
    const got: unknown[] = [];
    const r = await runTest(async () => {
      const t = newTicker(10);
      await sleep(35); // ticks at 10, 20, 30: only the first fits in the 1-slot buffer
      got.push(await t.c.recv(), t.c.len());
      got.push(await t.c.recv()); // the next tick, at 40
      t.stop();
    });
    expect(got).toEqual([10, 0, 40]);
    expect(eventsOf(r.events, "timer").filter((e) => e.op === "fire" && e.purpose === "ticker")).toHaveLength(4);
    expect(eventsOf(r.events, "send").filter((e) => e.g === 0)).toHaveLength(2);
  });

  it("a stopped timer does not fire and stop reports whether it stopped it", async () => {
    const got: unknown[] = [];
    await runTest(async () => {
      const t = newTimer(10);
      got.push(t.stop(), t.stop());
      got.push(
        await select(
          recv(t.c, () => "fired"),
          recv(after(50), () => "quiet"),
        ),
      );
    });
    expect(got).toEqual([true, false, "quiet"]);
  });

  it("a reset timer fires at its new time", async () => {
    let at = -1;
    await runTest(async () => {
      const t = newTimer(10);
      expect(t.reset(30)).toBe(true);
      at = (await t.c.recv())!;
    });
    expect(at).toBe(30);
  });

  it("afterFunc runs its function in a new goroutine after the delay", async () => {
    let ranAt = -1;
    const r = await runTest(async () => {
      const done = chan<void>();
      afterFunc(7, async () => {
        ranAt = now();
        await done.send();
      });
      await done.recv();
    });
    expect(ranAt).toBe(7);
    expect(eventsOf(r.events, "spawn").find((e) => e.child === 2)).toMatchObject({ g: 0, name: "afterFunc" });
  });

  it("timers due at the same instant fire in the order they were set", async () => {
    const order: string[] = [];
    await runTest(async () => {
      for (const name of ["a", "b", "c"]) {
        go(async () => {
          await sleep(10);
          order.push(name);
        });
      }
      await sleep(20);
    });
    expect(order).toEqual(["a", "b", "c"]);
  });
});

describe("tick", () => {
  it("delivers every period, and is a nil channel for a period of zero or less, as Go's time.Tick", async () => {
    const got: number[] = [];
    let nilId: unknown;
    const r = await runTest(async () => {
      const c = tick(10);
      for (let i = 0; i < 3; i++) got.push((await c.recv())!);
      nilId = tick(0).id;
    });
    expect(r.status).toBe("ok");
    expect(got).toEqual([10, 20, 30]);
    expect(nilId).toBeNull();
  });
});
