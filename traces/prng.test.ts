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

describe("Prng.nextFloat", () => {
  it("stays in [0, 1) and spreads evenly over it", () => {
    const p = new Prng(3);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const x = p.nextFloat();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      counts[Math.floor(x * 10)]!++;
    }
    for (const c of counts) expect(Math.abs(c - 5_000)).toBeLessThan(400);
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

  it("gives the first version's choice, rejections included, for every small bound at the edge draws", () => {
    // Scripted draws around the sign boundary and the rejection limit 2^32 - (2^32 mod n).
    const edges = (n: number): number[] => {
      const waste = 2 ** 32 % n;
      return [0, 1, n - 1, n, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) + 1, -n - 1, -n, -waste - 1, -waste, -1, 12345, -98765].map((x) => x | 0);
    };
    const scripted = (draws: number[]): Prng => {
      const p = new Prng(1);
      let k = 0;
      // Each below() call may reject and draw again: cycle through the script.
      p.nextI32 = () => draws[k++ % draws.length]!;
      return p;
    };
    for (let n = 2; n < 70; n++) {
      const draws = edges(n);
      // Start the script at every position, so each draw is the first one a call sees.
      for (let start = 0; start < draws.length; start++) {
        const rotated = [...draws.slice(start), ...draws.slice(0, start)];
        expect(scripted(rotated).below(n)).toBe(belowReference(scripted(rotated), n));
      }
    }
  });
});
