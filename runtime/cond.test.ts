import { describe, expect, it } from "vitest";
import { Cond } from "./cond";
import { go } from "./go";
import { Mutex, RWMutex } from "./sync";
import { eventsOf, explanationOf, runTest } from "./testing/testRuns";
import { sleep } from "./time";

describe("Cond", () => {
  it("signal wakes the longest waiter, which holds the lock again when wait returns", async () => {
    const order: string[] = [];
    const r = await runTest(async () => {
      const mu = new Mutex("mu");
      const cond = new Cond(mu, "ready");
      let turn = "";
      for (const name of ["a", "b", "c"]) {
        go(async () => {
          await mu.lock();
          while (turn !== name) await cond.wait();
          order.push(name);
          turn = "";
          mu.unlock();
        }, name);
      }
      await sleep(1);
      for (const name of ["a", "b", "c"]) {
        await mu.lock();
        turn = name;
        cond.broadcast();
        mu.unlock();
        await sleep(1);
      }
    });
    expect(r.status).toBe("ok");
    expect(order).toEqual(["a", "b", "c"]);
  });

  it("signal wakes one waiter in FIFO order, broadcast wakes them all", async () => {
    const woken: string[] = [];
    const r = await runTest(async () => {
      const mu = new Mutex();
      const cond = new Cond(mu);
      for (const name of ["a", "b", "c"]) {
        go(async () => {
          await mu.lock();
          await cond.wait();
          woken.push(name);
          mu.unlock();
        }, name);
      }
      await sleep(1);
      cond.signal();
      await sleep(1);
      expect(woken).toEqual(["a"]);
      cond.broadcast();
      await sleep(1);
    });
    expect(r.status).toBe("ok");
    expect(woken).toEqual(["a", "b", "c"]);
    const ops = eventsOf(r.events, "sync.op").map((e) => `${e.g}:${e.op}`);
    expect(ops).toEqual(["2:wait", "3:wait", "4:wait", "1:signal", "1:broadcast"]);
    // Each waiter unlocked the mutex before it blocked on the Cond.
    const g2 = r.events.filter((e) => e.g === 2).map((e) => e.kind);
    expect(g2.slice(g2.indexOf("sync.op"), g2.indexOf("sync.op") + 3)).toEqual(["sync.op", "unlock", "block"]);
  });

  it("works around an RWMutex's read lock (rLocker)", async () => {
    let got = false;
    const r = await runTest(async () => {
      const rw = new RWMutex();
      const cond = new Cond(rw.rLocker());
      go(async () => {
        await rw.rLock();
        await cond.wait();
        got = true;
        rw.rUnlock();
      });
      await sleep(1);
      cond.signal();
      await sleep(1);
    });
    expect(r.status).toBe("ok");
    expect(got).toBe(true);
  });

  it("a goroutine nobody signals deadlocks with wait reason sync.Cond.Wait, explained", async () => {
    const r = await runTest(async () => {
      const mu = new Mutex("mu");
      const cond = new Cond(mu, "ready");
      await mu.lock();
      await cond.wait();
    });
    expect(r.status).toBe("deadlock");
    expect(r.goroutines.map((g) => g.reason)).toEqual(["sync.Cond.Wait"]);
    const ex = explanationOf(r);
    expect(ex.items[0]?.text).toBe(
      "goroutine 1 (main) [sync.Cond.Wait]: waiting on Cond `ready` for a Signal or Broadcast, and only a Signal or Broadcast wakes it: no other goroutine has used it",
    );
  });
});
