import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { go } from "./go";
import { otherwise, recv, select } from "./select";
import { IDLE_POLLS } from "./scheduler";
import { Mutex } from "./sync";
import { eventsOf, runTest } from "./testing/testRuns";
import { after, gosched, now, sleep } from "./time";

const MS = 1_000_000;

describe("virtual time under a polling loop", () => {
  it("a select-with-default loop waiting for after(50) ends at 50 ms, after a few polls", async () => {
    let polls = 0;
    const r = await runTest(async () => {
      const timeout = after(50);
      while (
        !(await select(
          recv(timeout, () => true),
          otherwise(() => false),
        ))
      )
        polls++;
    });
    expect(r.status).toBe("ok");
    expect(r.endTime).toBe(50 * MS);
    expect(polls).toBe(IDLE_POLLS);
    expect(r.events.length).toBeLessThan(4 * IDLE_POLLS);
  });

  it("a gosched loop polling a flag set after sleep(10) ends at 10 ms, after a few polls", async () => {
    let polls = 0;
    const r = await runTest(async () => {
      let flag = false;
      go(async () => {
        await sleep(10);
        flag = true;
      }, "setter");
      while (!flag) {
        polls++;
        await gosched();
      }
    });
    expect(r.status).toBe("ok");
    expect(r.endTime).toBe(10 * MS);
    expect(polls).toBeLessThan(2 * IDLE_POLLS);
    expect(r.events.length).toBeLessThan(8 * IDLE_POLLS);
  });

  it("a sleep(0) loop counts as polling too", async () => {
    const r = await runTest(async () => {
      let flag = false;
      go(async () => {
        await sleep(5);
        flag = true;
      });
      while (!flag) await sleep(0);
    });
    expect(r.status).toBe("ok");
    expect(r.endTime).toBe(5 * MS);
  });

  it("a tryLock loop waiting for a holder that sleeps 20 ms ends at 20 ms", async () => {
    const r = await runTest(async () => {
      const mu = new Mutex();
      go(async () => {
        await mu.lock();
        await sleep(20);
        mu.unlock();
      }, "holder");
      await gosched();
      while (!mu.tryLock()) await gosched();
      mu.unlock();
    });
    expect(r.status).toBe("ok");
    expect(r.endTime).toBe(20 * MS);
    expect(r.events.length).toBeLessThan(8 * IDLE_POLLS);
  });

  it("the clock does not jump while another goroutine makes progress", async () => {
    // main polls while a worker passes 5,000 values through a channel: the timer fires only after the worker is done.
    let passedAtTimeout = -1;
    let passed = 0;
    const r = await runTest(async () => {
      const timeout = after(50);
      const c = chan<number>(1);
      go(async () => {
        for (let i = 0; i < 5000; i++) await c.send(i);
      }, "producer");
      go(async () => {
        for (let i = 0; i < 5000; i++) {
          await c.recv();
          passed++;
        }
      }, "consumer");
      while (
        !(await select(
          recv(timeout, () => true),
          otherwise(() => false),
        ))
      )
        await gosched();
      passedAtTimeout = passed;
    });
    expect(r.status).toBe("ok");
    expect(passedAtTimeout).toBe(5000);
    expect(r.endTime).toBe(50 * MS);
  });

  it("two goroutines polling each other's timers both move the clock, under either strategy", async () => {
    for (const strategy of ["fifo", "random"] as const) {
      const seen: number[] = [];
      const r = await runTest(
        async () => {
          const a = after(20);
          const b = after(30);
          const done = chan<void>();
          go(async () => {
            while (
              !(await select(
                recv(a, () => true),
                otherwise(() => false),
              ))
            )
              await gosched();
            seen.push(now());
            await done.send();
          });
          while (
            !(await select(
              recv(b, () => true),
              otherwise(() => false),
            ))
          )
            await gosched();
          seen.push(now());
          await done.recv();
        },
        { strategy, seed: 3 },
      );
      expect(r.status).toBe("ok");
      expect(seen).toEqual([20, 30]);
    }
  });

  it("a poll loop with no timer left never moves the clock and ends at a limit", async () => {
    const r = await runTest(
      async () => {
        for (;;) await gosched();
      },
      { maxEvents: 2000 },
    );
    expect(r.status).toBe("timeout");
    expect(r.endTime).toBe(0);
    expect(eventsOf(r.events, "timer")).toEqual([]);
  });

  it("a jump past the virtual time limit ends the run at that limit", async () => {
    const r = await runTest(
      async () => {
        const t = after(5000);
        while (
          !(await select(
            recv(t, () => true),
            otherwise(() => false),
          ))
        ) {
          /* polling */
        }
      },
      { maxVirtualTime: 1000 },
    );
    expect(r.status).toBe("timeout");
    expect(r.limit).toBe("virtual-time");
  });
});
