import { describe, expect, it } from "vitest";
import { Bool, Int32, Int64, Pointer, Uint32, Value } from "./atomic";
import { go } from "./go";
import { isPanic } from "./panic";
import { WaitGroup } from "./sync";
import { eventsOf, runTest } from "./testing/testRuns";
import { gosched, sleep } from "./time";

describe("sync/atomic typed values", () => {
  it("an Int64 counter shared by goroutines counts every add, each an event with its values", async () => {
    let total = -1;
    const r = await runTest(async () => {
      const ops = new Int64("ops");
      const wg = new WaitGroup();
      for (let w = 0; w < 5; w++) {
        wg.add(1);
        go(async () => {
          for (let i = 0; i < 10; i++) {
            ops.add(1);
            await gosched();
          }
          wg.done();
        });
      }
      await wg.wait();
      total = ops.load();
    });
    expect(total).toBe(50);
    const adds = eventsOf(r.events, "sync.op").filter((e) => e.op === "add");
    expect(adds).toHaveLength(50);
    expect(adds[0]).toMatchObject({ op: "add", n: 1, old: "0", v: "1" });
    expect(eventsOf(r.events, "sync.make").find((e) => e.type === "Atomic")).toMatchObject({ name: "ops" });
  });

  it("load, store, swap and compareAndSwap record what they saw; a failed CAS says what the value was", async () => {
    const got: unknown[] = [];
    const r = await runTest(() => {
      const n = new Int32();
      n.store(5);
      got.push(n.swap(7), n.compareAndSwap(7, 9), n.compareAndSwap(7, 11), n.load());
    });
    expect(got).toEqual([5, true, false, 9]);
    expect(eventsOf(r.events, "sync.op").map(({ op, v, old, ok }) => ({ op, v, old, ok }))).toEqual([
      { op: "store", v: "5", old: undefined, ok: undefined },
      { op: "swap", v: "7", old: "5", ok: undefined },
      { op: "cas", v: "9", old: "7", ok: true },
      { op: "cas", v: "9", old: "9", ok: false },
      { op: "load", v: "9", old: undefined, ok: undefined },
    ]);
  });

  it("32-bit values wrap as Go's do", async () => {
    const got: number[] = [];
    await runTest(() => {
      const i = new Int32();
      i.store(2 ** 31 - 1);
      got.push(i.add(1));
      const u = new Uint32();
      got.push(u.add(-1));
      const big = new Int64();
      big.store(Number.MAX_SAFE_INTEGER);
      got.push(big.add(-1));
    });
    expect(got).toEqual([-(2 ** 31), 2 ** 32 - 1, Number.MAX_SAFE_INTEGER - 1]);
  });

  it("a Bool flag polled in a loop lets virtual time move on", async () => {
    const r = await runTest(async () => {
      const ready = new Bool("ready");
      go(async () => {
        await sleep(10);
        ready.store(true);
      });
      while (!ready.load()) await gosched();
    });
    expect(r.status).toBe("ok");
    expect(r.endTime).toBe(10_000_000);
  });

  it("a Value holds one type for its life and refuses nil, as Go's panics say", async () => {
    const caught: string[] = [];
    const got: unknown[] = [];
    await runTest(() => {
      const v = new Value<unknown>();
      got.push(v.load());
      v.store({ host: "a" });
      for (const bad of [undefined, "a string"]) {
        try {
          v.store(bad);
        } catch (e) {
          if (isPanic(e)) caught.push(e.message);
        }
      }
      got.push(v.load());
    });
    expect(got).toEqual([undefined, { host: "a" }]);
    expect(caught).toEqual(["sync/atomic: store of nil value into Value", "sync/atomic: store of inconsistently typed value into Value"]);
  });

  it("a Pointer compares by identity", async () => {
    const got: boolean[] = [];
    await runTest(() => {
      const a = { n: 1 };
      const p = new Pointer<{ n: number }>();
      got.push(p.compareAndSwap(undefined, a), p.compareAndSwap({ n: 1 }, a), p.load() === a);
    });
    expect(got).toEqual([true, false, true]);
  });
});
