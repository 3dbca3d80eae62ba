import { describe, expect, it } from "vitest";
import { Prng } from "./prng";

describe("Prng", () => {
  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const draw = (seed: number): number[] => {
      const p = new Prng(seed);
      return Array.from({ length: 8 }, () => p.nextU32());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it("below(n) stays in [0, n) and covers it evenly", () => {
    const p = new Prng(9);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const k = p.below(6);
      expect(k).toBeGreaterThanOrEqual(0);
      expect(k).toBeLessThan(6);
      counts[k]!++;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});

describe("Prng.below", () => {
  /** below() exactly as first written (unsigned draws, floating-point modulo): recorded seeds depend on it. */
  function belowReference(p: Prng, n: number): number {
    if (n <= 1) return 0;
    for (;;) {
      const x = p.nextU32();
      if (x <= 0x1_0000_0000 - n) return (x % n) >>> 0;
      const waste = ((-n >>> 0) % n) >>> 0;
      if (x < 0x1_0000_0000 - waste) return (x % n) >>> 0;
    }
  }

  it("picks exactly what the first, floating-point version picked, for small and huge n", () => {
    const sizes = [1, 2, 3, 4, 5, 7, 8, 31, 100, 1000, 65_537, 2 ** 30, 2 ** 30 + 3, 2 ** 31 - 1, 1_500_000_001];
    for (const seed of [1, 2, 42]) {
      const fast = new Prng(seed);
      const slow = new Prng(seed);
      for (let i = 0; i < 20_000; i++) {
        const n = sizes[i % sizes.length]!;
        expect(fast.below(n)).toBe(belowReference(slow, n));
      }
    }
  });
});
