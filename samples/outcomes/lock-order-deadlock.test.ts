import { describe, expect, it } from "vitest";
import { DEADLOCK_MESSAGE } from "../../traces/vocabulary/index";
import { sampleById } from "../catalog/catalog";
import main from "../lock-order-deadlock";
import { endingOf, ms, runSample, SEEDS, traced } from "../testing/sampleRuns";

const meta = sampleById("lock-order-deadlock")!;

/** The first seed in 1..200 whose random-strategy run deadlocks. */
async function firstDeadlockingSeed(): Promise<number | undefined> {
  for (let seed = 1; seed <= 200; seed++) {
    if ((await runSample(main, { strategy: "random", seed })).status === "deadlock") return seed;
  }
  return undefined;
}

describe("lock-order-deadlock", () => {
  it.each(SEEDS)(
    "with fifo the first transfer takes both locks before the second starts, and the run completes (seed %i)",
    async (seed) => {
      const t = await traced(main, { strategy: "fifo", seed });
      expect(t.end.status).toBe("ok");
      const locks = t.of("lock").map((e) => [t.nameOf(e.g), t.objectName(e.obj), e.t / ms(1)]);
      expect(locks).toEqual([
        ["alice pays bob", "alice.mu", 0],
        ["alice pays bob", "bob.mu", 10],
        ["bob pays alice", "bob.mu", 10],
        ["bob pays alice", "alice.mu", 20],
      ]);
      expect(t.of("block").filter((b) => b.reason === "sync.Mutex.Lock")).toEqual([]);
      expect(new Set(Object.values(t.finalStates()))).toEqual(new Set(["exited"]));
    },
  );

  it("the catalog's deadlock seed is the first random seed in 1..200 that deadlocks", async () => {
    expect(meta.deadlockSeed).toBeDefined();
    expect(await firstDeadlockingSeed()).toBe(meta.deadlockSeed);
  });

  it("under the random strategy with the deadlock seed, each transfer holds one mutex and waits for the other's", async () => {
    const t = await traced(main, { strategy: "random", seed: meta.deadlockSeed! });
    expect(t.end).toMatchObject({ status: "deadlock", message: DEADLOCK_MESSAGE, t: ms(20) });
    expect(t.waits()).toEqual({
      main: { reason: "sync.WaitGroup.Wait", on: ["wg"] },
      "alice pays bob": { reason: "sync.Mutex.Lock", on: ["bob.mu"] },
      "bob pays alice": { reason: "sync.Mutex.Lock", on: ["alice.mu"] },
    });
    expect(t.cycles()).toEqual([["alice pays bob", "bob.mu", "bob pays alice", "alice.mu"]]);
  });

  it("under the random strategy the ending depends on the seed: some seeds complete", async () => {
    const endings = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) endings.add(endingOf(await runSample(main, { strategy: "random", seed })));
    expect(endings).toEqual(new Set(["ok", "deadlock"]));
  });

  it("ends as its catalog entry says with the default options", async () => {
    expect(endingOf(await runSample(main))).toBe(meta.ending);
  });

  it.each(SEEDS)("the same random seed gives the same events (seed %i)", async (seed) => {
    const [a, b] = [await runSample(main, { strategy: "random", seed }), await runSample(main, { strategy: "random", seed })];
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
  });
});
