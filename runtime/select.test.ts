import { describe, expect, expectTypeOf, it } from "vitest";
import { chan, nilChan, type Chan } from "./channel";
import { go } from "./go";
import { isPanic } from "./panic";
import { otherwise, recv, select, send } from "./select";
import { eventsOf, runTest } from "./testing/testRuns";
import { sleep } from "./time";

/** Runs `rounds` selects over 4 always-ready channels; returns the chosen case indices. */
async function choices(seed: number, rounds: number): Promise<number[]> {
  const picks: number[] = [];
  await runTest(
    async () => {
      const chs: Chan<number>[] = [0, 1, 2, 3].map(() => chan<number>(1));
      for (const c of chs) await c.send(0);
      for (let i = 0; i < rounds; i++) {
        const k = await select(
          recv(chs[0], () => 0),
          recv(chs[1], () => 1),
          recv(chs[2], () => 2),
          recv(chs[3], () => 3),
        );
        picks.push(k);
        await chs[k]!.send(0);
      }
    },
    { seed, trace: false },
  );
  return picks;
}

describe("select", () => {
  it("with several cases ready, chooses uniformly at random", async () => {
    const n = 8000;
    const picks = await choices(7, n);
    const counts = [0, 0, 0, 0];
    for (const k of picks) counts[k]!++;
    // Chi-square with 3 degrees of freedom; 16.27 is the 0.1% critical value.
    const expected = n / 4;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(16.27);
    // And not some fixed rotation: consecutive picks repeat about a quarter of the time.
    let repeats = 0;
    for (let i = 1; i < n; i++) if (picks[i] === picks[i - 1]) repeats++;
    expect(repeats / n).toBeGreaterThan(0.2);
    expect(repeats / n).toBeLessThan(0.3);
  });

  it("makes identical choices for a fixed seed and different ones for another seed", async () => {
    const a = await choices(42, 200);
    const b = await choices(42, 200);
    const c = await choices(43, 200);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("with nothing ready and a default, runs the default at once", async () => {
    let result: unknown;
    const r = await runTest(async () => {
      const a = chan<number>();
      result = await select(
        recv(a, () => "a"),
        otherwise(() => "default"),
      );
    });
    expect(result).toBe("default");
    expect(eventsOf(r.events, "block")).toHaveLength(0);
    expect(eventsOf(r.events, "select")[0]).toMatchObject({ chosen: -1, hasDefault: true, ready: [], cases: [{ ch: 1, dir: "recv" }] });
  });

  it("with nothing ready and no default, blocks until exactly one case fires", async () => {
    let result: unknown;
    let fired = 0;
    const r = await runTest(async () => {
      const a = chan<number>(0, "a");
      const b = chan<number>(0, "b");
      go(async () => {
        await sleep(3);
        await b.send(9);
      });
      result = await select(
        recv(a, () => {
          fired++;
          return "a";
        }),
        recv(b, (v) => {
          fired++;
          return `b ${v}`;
        }),
      );
      // The other case was withdrawn: a later send on a finds nobody waiting.
      expect(a.len()).toBe(0);
    });
    expect(result).toBe("b 9");
    expect(fired).toBe(1);
    expect(eventsOf(r.events, "block").find((e) => e.g === 1)).toMatchObject({
      reason: "select",
      cases: [
        { ch: 1, dir: "recv" },
        { ch: 2, dir: "recv" },
      ],
    });
    expect(eventsOf(r.events, "select")[0]).toMatchObject({ g: 1, ready: [1], chosen: 1, hasDefault: false });
  });

  it("nil-channel cases never fire", async () => {
    let result: unknown;
    await runTest(async () => {
      const b = chan<number>(1);
      await b.send(1);
      for (let i = 0; i < 20; i++) {
        result = await select(
          recv(null, () => "nil"),
          recv(nilChan<number>(), () => "nilChan"),
          send(undefined, 1, () => "nil send"),
          recv(b, () => "b"),
        );
        expect(result).toBe("b");
        await b.send(1);
      }
    });
    expect(result).toBe("b");
  });

  it("a select of only nil cases and no default blocks forever", async () => {
    const r = await runTest(async () => {
      await select(recv(null), send(nilChan<number>(), 1));
    });
    expect(r.status).toBe("deadlock");
    expect(r.goroutines[0]).toMatchObject({ id: 1, reason: "select" });
  });

  it("a select with no cases blocks forever", async () => {
    const r = await runTest(async () => {
      await select();
    });
    expect(r.status).toBe("deadlock");
    expect(r.goroutines[0]).toMatchObject({ id: 1, reason: "select (no cases)" });
  });

  it("a receive case on a closed channel is ready and yields ok=false", async () => {
    let got: unknown;
    await runTest(async () => {
      const a = chan<number>();
      a.close();
      got = await select(recv(a, (v, ok) => [v, ok]));
    });
    expect(got).toEqual([undefined, false]);
  });

  it("a chosen send case on a closed channel panics", async () => {
    let caught: unknown;
    const r = await runTest(async () => {
      const a = chan<number>();
      a.close();
      try {
        await select(send(a, 1));
      } catch (e) {
        caught = e;
      }
    });
    expect(isPanic(caught) && caught.message).toBe("send on closed channel");
    expect(eventsOf(r.events, "select")[0]).toMatchObject({ chosen: 0, ready: [0] });
  });

  it("a close decides a blocked select on the closed case, even when another case became ready meanwhile", async () => {
    // Go completes the select in closechan: c's case wins for every schedule, and d's value stays buffered.
    for (const strategy of ["fifo", "random"] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        let got = "";
        let left = -1;
        const r = await runTest(
          async () => {
            const c = chan<number>(0, "c");
            const d = chan<number>(1, "d");
            go(async () => {
              await sleep(10);
              c.close();
              await d.send(1);
            }, "closer");
            got = await select(
              recv(c, (v, ok) => `c: ${v} ${ok}`),
              recv(d, (v) => `d: ${v}`),
            );
            left = d.len();
          },
          { seed, strategy },
        );
        expect(r.status).toBe("ok");
        expect(got).toBe("c: undefined false");
        expect(left).toBe(1);
      }
    }
  });

  it("records a close that decides a select as the select's choice, its recv with ok=false, then the unblock", async () => {
    const r = await runTest(async () => {
      const a = chan<number>(0, "a");
      const b = chan<number>(1, "b");
      go(async () => {
        a.close();
        await b.send(5);
      }, "closer");
      await select(recv(a), recv(b));
    });
    const sel = eventsOf(r.events, "select");
    expect(sel).toHaveLength(1);
    expect(sel[0]).toMatchObject({ g: 1, ready: [0], chosen: 0 });
    const close = eventsOf(r.events, "close")[0]!;
    const got = eventsOf(r.events, "recv").find((e) => e.g === 1)!;
    expect(got).toMatchObject({ ok: false, sel: 0 });
    const unblock = eventsOf(r.events, "unblock").find((e) => e.g === 1)!;
    expect(unblock).toMatchObject({ by: 2 });
    expect([close.seq < sel[0]!.seq, sel[0]!.seq < got.seq, got.seq < unblock.seq]).toEqual([true, true, true]);
  });

  it("leaves an unbuffered sender blocked when a close decided the select it would have fed", async () => {
    const r = await runTest(async () => {
      const c = chan<number>(0, "c");
      const d = chan<number>(0, "d");
      go(async () => {
        await sleep(10);
        c.close();
        await d.send(1);
      }, "closer");
      await select(recv(c), recv(d));
    });
    expect(r.status).toBe("ok");
    expect(r.goroutines.find((g) => g.name === "closer")).toMatchObject({ state: "blocked", reason: "chan send" });
  });

  it("a close of a blocked select's send case panics send on closed channel, even when another case is ready", async () => {
    let caught: unknown;
    let handlerRan = false;
    const r = await runTest(async () => {
      const c = chan<number>(0, "c");
      const d = chan<number>(1, "d");
      go(async () => {
        await sleep(10);
        c.close();
        await d.send(1);
      }, "closer");
      try {
        await select(
          send(c, 5, () => (handlerRan = true)),
          recv(d),
        );
      } catch (e) {
        caught = e;
      }
    });
    expect(r.status).toBe("ok");
    expect(isPanic(caught) && caught.message).toBe("send on closed channel");
    expect(handlerRan).toBe(false);
    expect(eventsOf(r.events, "select")[0]).toMatchObject({ g: 1, chosen: 0 });
  });

  it("resolves to the chosen handler's result, awaiting an async handler", async () => {
    let got: unknown;
    await runTest(async () => {
      const a = chan<number>(1);
      await a.send(20);
      got = await select(
        recv(a, async (v) => {
          await sleep(1);
          return (v ?? 0) + 1;
        }),
      );
    });
    expect(got).toBe(21);
  });

  it("records the chosen case's send or recv right after the select event, with sel set", async () => {
    const r = await runTest(async () => {
      const a = chan<number>(1, "a");
      const b = chan<number>(1, "b");
      await b.send(1);
      await select(recv(a), otherwise(), recv(b));
      await select(send(a, 2));
    });
    const i = r.events.findIndex((e) => e.kind === "select");
    expect(r.events[i]).toMatchObject({ ready: [1], chosen: 1, hasDefault: true, cases: [{ ch: 1 }, { ch: 2 }] });
    expect(r.events[i + 1]).toMatchObject({ kind: "recv", ch: 2, sel: 1 });
    const j = r.events.findIndex((e, k) => k > i && e.kind === "select");
    expect(r.events[j + 1]).toMatchObject({ kind: "send", ch: 1, sel: 0, v: "2" });
  });

  it("a parked select sender woken by a receiver records its select decision before its send", async () => {
    const r = await runTest(async () => {
      const a = chan<number>(0, "a");
      go(async () => {
        await select(send(a, 4), recv(chan<number>()));
      }, "selector");
      await sleep(1);
      expect(await a.recv()).toBe(4);
    });
    const i = r.events.findIndex((e) => e.kind === "select");
    expect(r.events.slice(i, i + 4).map((e) => [e.kind, e.g])).toEqual([
      ["select", 2],
      ["send", 2],
      ["recv", 1],
      ["unblock", 2],
    ]);
    expect(r.events[i + 1]).toMatchObject({ sel: 0, peer: 1 });
  });

  it("types the result as the union of the handlers' results", async () => {
    let got: unknown;
    await runTest(async () => {
      const nums = chan<number>(1);
      await nums.send(4);
      const r = await select(
        recv(nums, (v, ok) => (ok ? v * 2 : "closed")),
        recv(chan<string>(), (s) => s),
        otherwise(() => false as const),
      );
      expectTypeOf(r).toEqualTypeOf<number | string | undefined | false>();
      got = r;
    });
    expect(got).toBe(8);
  });

  it("accepts case objects written by hand, and names a case of an unknown kind", async () => {
    const r = await runTest(async () => {
      const c = chan<number>(1);
      await c.send(5);
      // The shape of RecvCase without the internal tag recv() adds.
      const got = await select({ kind: "recv", ch: c, fn: (v: number | undefined) => v });
      expect(got).toBe(5);
      await select({ kind: "receive", ch: c, fn: undefined } as unknown as Parameters<typeof select>[0]);
    });
    expect(r.status).toBe("panic");
    expect(r.message).toMatch(/a case of kind "receive"; make cases with recv\(\), send\(\) or otherwise\(\)/);
  });
});
