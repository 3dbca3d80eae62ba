import { describe, expect, it } from "vitest";
import { runGo } from "./testing/runGo";

describe("math/rand", () => {
  it("draws from the run's seeded PRNG: the same seed gives the same numbers, another seed others", async () => {
    const draws = async (seed: number): Promise<unknown[]> => {
      let got: unknown[] = [];
      await runGo(
        (std) => {
          const r = std["math/rand"];
          got = [r.Intn(100), r.Int63n(10), r.Int31n(5), r.Float64(), r.Int(), r.Int63(), r.Perm(5).toArray()];
        },
        { seed },
      );
      return got;
    };
    const a = await draws(1);
    expect(await draws(1)).toEqual(a);
    expect(await draws(2)).not.toEqual(a);
    expect([...(a[6] as number[])].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(a[0]).toBeGreaterThanOrEqual(0);
    expect(a[0]).toBeLessThan(100);
  });

  it("after Seed, draws repeat whatever the run's seed; Shuffle permutes through swap", async () => {
    const seeded = async (runSeed: number): Promise<number[]> => {
      const xs = [0, 1, 2, 3, 4, 5];
      await runGo(
        (std) => {
          std["math/rand"].Seed(42);
          std["math/rand"].Shuffle(xs.length, (i, j) => ([xs[i], xs[j]] = [xs[j]!, xs[i]!]));
        },
        { seed: runSeed },
      );
      return xs;
    };
    const a = await seeded(1);
    expect(await seeded(7)).toEqual(a);
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("panics as Go's on a non-positive bound", async () => {
    const r = await runGo((std) => std["math/rand"].Intn(0));
    expect(r.message).toContain("invalid argument to Intn");
  });
});
