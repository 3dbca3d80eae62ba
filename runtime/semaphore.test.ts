import { describe, expect, it } from "vitest";
import { Canceled, DeadlineExceeded, background, withCancel, withTimeout } from "./context";
import { go } from "./go";
import { isPanic } from "./panic";
import { Weighted } from "./semaphore";
import { WaitGroup } from "./sync";
import { eventsOf, explanationOf, runTest } from "./testing/testRuns";
import { now, sleep } from "./time";

describe("semaphore.Weighted", () => {
  it("lets at most size units be held at once; waiters get in FIFO as units are released", async () => {
    const log: string[] = [];
    const r = await runTest(async () => {
      const sem = new Weighted(2, "slots");
      const ctx = background();
      const wg = new WaitGroup();
      for (const name of ["a", "b", "c", "d"]) {
        wg.add(1);
        go(async () => {
          expect(await sem.acquire(ctx)).toBeUndefined();
          log.push(`${name} in at ${now()}`);
          await sleep(10);
          sem.release();
          wg.done();
        }, name);
      }
      await wg.wait();
    });
    expect(r.status).toBe("ok");
    expect(log).toEqual(["a in at 0", "b in at 0", "c in at 10", "d in at 10"]);
    const blocked = eventsOf(r.events, "block").filter((e) => e.reason === "semaphore.Weighted.Acquire");
    expect(blocked.map((e) => e.g)).toEqual([4, 5]);
  });

  it("a big request at the front blocks smaller ones behind it (no starvation), as x/sync", async () => {
    const order: string[] = [];
    await runTest(async () => {
      const sem = new Weighted(3);
      const ctx = background();
      await sem.acquire(ctx, 2);
      go(async () => {
        await sem.acquire(ctx, 3);
        order.push("big");
        sem.release(3);
      });
      go(async () => {
        await sem.acquire(ctx, 1);
        order.push("small");
        sem.release(1);
      });
      await sleep(1);
      expect(sem.tryAcquire(1)).toBe(false);
      sem.release(2);
      await sleep(1);
    });
    expect(order).toEqual(["big", "small"]);
  });

  it("an acquire whose context ends while it waits returns the context's error and holds nothing", async () => {
    const got: unknown[] = [];
    const r = await runTest(async () => {
      const sem = new Weighted(1);
      await sem.acquire(background());
      const [ctx] = withTimeout(background(), 5);
      got.push(await sem.acquire(ctx), now());
      const [done, cancel] = withCancel(background());
      cancel();
      // A context already done fails even with units free.
      sem.release();
      got.push(await sem.acquire(done), sem.tryAcquire(1));
    });
    expect(r.status).toBe("ok");
    expect(got).toEqual([DeadlineExceeded, 5, Canceled, true]);
  });

  it("releasing more than held panics as x/sync does", async () => {
    let caught: unknown;
    await runTest(() => {
      const sem = new Weighted(2);
      try {
        sem.release(1);
      } catch (e) {
        caught = e;
      }
    });
    expect(isPanic(caught) && caught.message).toBe("semaphore: released more than held");
  });

  it("a deadlock on it names its wait reason and the goroutine that holds its units", async () => {
    const r = await runTest(async () => {
      const sem = new Weighted(1, "slots");
      const ctx = background();
      const hold = new WaitGroup();
      hold.add(1);
      go(async () => {
        await sem.acquire(ctx);
        await hold.wait();
      }, "holder");
      await sleep(1);
      await sem.acquire(ctx);
      hold.done();
    });
    expect(r.status).toBe("deadlock");
    expect(r.goroutines.map((g) => g.reason)).toEqual(["semaphore.Weighted.Acquire", "sync.WaitGroup.Wait"]);
    expect(explanationOf(r).items[0]?.text).toMatch(
      /^goroutine 1 \(main\) \[semaphore\.Weighted\.Acquire\]: waiting to acquire Semaphore `slots`, and only a Release makes room: /,
    );
    expect(explanationOf(r).cycles).toHaveLength(1);
  });
});
