import { describe, expect, it } from "vitest";
import { chan } from "./channel";
import { go } from "./go";
import { io } from "./io";
import { programGlobals, VIRTUAL_EPOCH_MS } from "./programGlobals";
import { sleep } from "./time";
import { eventsOf, runTest } from "./testing/testRuns";

/** A program that sends what its Math.random and Date.now give, from two goroutines. */
function drawing(g: ReturnType<typeof programGlobals>) {
  return async (): Promise<void> => {
    const out = chan<number>(0, "out");
    for (let w = 0; w < 2; w++) {
      go(async () => {
        await sleep(g.Math.random() * 10);
        await out.send(g.Math.random());
        await out.send(g.Date.now());
      });
    }
    for (let i = 0; i < 4; i++) await out.recv();
  };
}

describe("a program's own Math and Date", () => {
  it("draws the same numbers for the same seed and other numbers for another", async () => {
    const g1 = programGlobals();
    const r1 = await runTest(drawing(g1), { seed: 3, globals: g1 });
    const g2 = programGlobals();
    const r2 = await runTest(drawing(g2), { seed: 3, globals: g2 });
    const g3 = programGlobals();
    const r3 = await runTest(drawing(g3), { seed: 4, globals: g3 });
    expect(JSON.stringify(r2.events)).toBe(JSON.stringify(r1.events));
    expect(JSON.stringify(r3.events)).not.toBe(JSON.stringify(r1.events));
  });

  it("gives numbers in [0, 1) with 53 bits and keeps Math's other functions", () => {
    const g = programGlobals();
    const xs = Array.from({ length: 1000 }, () => g.Math.random());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.some((x) => !Number.isInteger(x * 2 ** 32))).toBe(true);
    expect(g.Math.max(1, 4)).toBe(4);
    expect(g.Math.PI).toBe(Math.PI);
  });

  it("reads the virtual clock from a fixed epoch; Date's other forms are the real ones", async () => {
    const g = programGlobals();
    const seen: unknown[] = [];
    await runTest(
      async () => {
        await sleep(2.5);
        seen.push(g.Date.now(), new g.Date().getTime(), g.performance.now(), g.performance.timeOrigin);
        seen.push(new g.Date(0).getTime(), new g.Date() instanceof Date, typeof g.Date(), g.Date.UTC(1970, 0, 1));
      },
      { globals: g },
    );
    expect(seen).toEqual([VIRTUAL_EPOCH_MS + 2, VIRTUAL_EPOCH_MS + 2, 2.5, VIRTUAL_EPOCH_MS, 0, true, "string", 0]);
  });

  it("stays with its own run: a stale program's draws during another run leave that run's trace alone", async () => {
    const stale = programGlobals();
    await runTest(async () => {}, { seed: 5, globals: stale });
    const traceOf = async (interfere: boolean): Promise<string> => {
      const g = programGlobals();
      const r = await runTest(
        async () => {
          go(async () => {
            if (interfere) for (let i = 0; i < 10; i++) stale.Math.random();
            await sleep(1);
          });
          await sleep(g.Math.random());
          await chan<number>(1).send(g.Math.random());
        },
        { seed: 5, globals: g },
      );
      return JSON.stringify(r.events);
    };
    expect(await traceOf(true)).toBe(await traceOf(false));
  });

  it("warns once, with no goroutine, when a host callback reads the clock during the run", async () => {
    const g = programGlobals();
    const r = await runTest(
      async () => {
        await io(new Promise<number>((done) => setTimeout(() => done(g.Date.now() + g.Math.random()), 1)));
      },
      { globals: g },
    );
    const warns = eventsOf(r.events, "warn");
    expect(warns).toHaveLength(1);
    expect(warns[0]!.g).toBe(0);
  });
});
