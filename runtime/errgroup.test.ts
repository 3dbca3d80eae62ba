import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { background } from "./context";
import { ErrGroup, errGroupWithContext } from "./errgroup";
import { isPanic } from "./panic";
import { eventsOf, explanationOf, runTest } from "./testing/testRuns";
import { now, sleep } from "./time";

describe("errgroup.Group", () => {
  it("wait returns once every task has returned, with the first error", async () => {
    let result: unknown;
    let at = -1;
    const boom = new Error("boom");
    const r = await runTest(async () => {
      const g = new ErrGroup("fetch");
      await g.go(async () => {
        await sleep(10);
      });
      await g.go(async () => {
        await sleep(5);
        return boom;
      });
      await g.go(async () => {
        await sleep(7);
        return new Error("later");
      });
      result = await g.wait();
      at = now();
    });
    expect(r.status).toBe("ok");
    expect(result).toBe(boom);
    expect(at).toBe(10);
    const ops = eventsOf(r.events, "sync.op");
    expect(ops.filter((e) => e.op === "done").map((e) => e.v)).toEqual(["boom", "later", undefined]);
    expect(ops.at(-1)).toMatchObject({ op: "wait", g: 1, v: "boom" });
    expect(eventsOf(r.events, "block").find((e) => e.g === 1)?.reason).toBe("errgroup.Group.Wait");
  });

  it("withContext cancels the group's context at the first error, and the others see it", async () => {
    const seen: unknown[] = [];
    await runTest(async () => {
      const [g, ctx] = errGroupWithContext(background());
      await g.go(async () => {
        await sleep(2);
        return new Error("first");
      });
      await g.go(async () => {
        await ctx.done().recv();
        seen.push(ctx.err()?.message, now());
      });
      seen.push(await g.wait());
    });
    expect(seen.slice(0, 2)).toEqual(["context canceled", 2]);
    expect((seen[2] as Error).message).toBe("first");
  });

  it("setLimit bounds the tasks at once: go blocks (errgroup.Group.Go) and tryGo refuses while it is reached", async () => {
    const started: number[] = [];
    const tried: boolean[] = [];
    const r = await runTest(async () => {
      const g = new ErrGroup();
      g.setLimit(2);
      for (let i = 0; i < 4; i++) {
        await g.go(async () => {
          started.push(now());
          await sleep(10);
        });
        if (i === 1) tried.push(g.tryGo(() => undefined));
      }
      await g.wait();
      tried.push(g.tryGo(() => undefined));
      await g.wait();
    });
    expect(r.status).toBe("ok");
    expect(started).toEqual([0, 0, 10, 10]);
    expect(tried).toEqual([false, true]);
    expect(eventsOf(r.events, "block").filter((e) => e.reason === "errgroup.Group.Go").length).toBeGreaterThan(0);
  });

  it("changing the limit while tasks run panics as x/sync does", async () => {
    let caught: unknown;
    await runTest(async () => {
      const g = new ErrGroup();
      await g.go(() => sleep(1));
      try {
        g.setLimit(1);
      } catch (e) {
        caught = e;
      }
      await g.wait();
    });
    expect(isPanic(caught) && caught.message).toBe("errgroup: modify limit while 1 goroutines in the group are still active");
  });

  it("a task stuck for good makes Wait a deadlock, explained with the group's wait reason", async () => {
    const r = await runTest(async () => {
      const g = new ErrGroup("workers");
      await g.go(async () => {
        await sleep(1);
        await chan<number>(0, "never").recv();
      }, "stuck");
      await g.wait();
    });
    expect(r.status).toBe("deadlock");
    expect(r.goroutines.map((g) => [g.id, g.reason])).toEqual([
      [1, "errgroup.Group.Wait"],
      [2, "chan receive"],
    ]);
    expect(explanationOf(r).items[0]?.text).toMatch(
      /^goroutine 1 \(main\) \[errgroup\.Group\.Wait\]: waiting for the tasks of ErrGroup `workers`, until every task of the group returns: /,
    );
  });
});
