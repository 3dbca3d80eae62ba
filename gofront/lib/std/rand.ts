// Go's math/rand for compiled programs, drawing from the run's seeded PRNG
// (the host's), so a seed gives the same run. The numbers are not Go's own
// sequence. After Seed(s), draws come from a generator seeded with s instead,
// so a program that seeds repeats itself whatever the run's seed. Int and
// Int63 give 53 random bits (what a JS number holds exactly).

import type { GoHost } from "../host";
import { Slice } from "../values";
import { panicString, refuseBlocking } from "./goShared";

/** mulberry32: a small seeded generator of floats in [0, 1). */
function seeded(seed: number): () => number {
  let a = Math.trunc(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function randPackage(host: GoHost) {
  let draw = (): number => host.random();
  /** An integer in [0, n), n ≥ 1. */
  const below = (n: number): number => Math.floor(draw() * n);
  const positive = (what: string, n: number): number => {
    if (n <= 0) return panicString(`invalid argument to ${what}`);
    return below(n);
  };
  return {
    Seed: (seed: number): void => {
      draw = seeded(seed);
    },
    Float64: (): number => draw(),
    Int: (): number => below(2 ** 53),
    Int63: (): number => below(2 ** 53),
    Intn: (n: number): number => positive("Intn", n),
    Int63n: (n: number): number => positive("Int63n", n),
    Int31n: (n: number): number => positive("Int31n", n),
    /** A random permutation of 0..n-1, as Go builds it. */
    Perm: (n: number): Slice<number> => {
      if (n < 0) return panicString("invalid argument to Intn");
      const m = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) {
        const j = below(i + 1);
        m[i] = m[j]!;
        m[j] = i;
      }
      return Slice.of(m);
    },
    /** Fisher–Yates over swap(i, j), as Go's; swap must not block. */
    Shuffle: (n: number, swap: (i: number, j: number) => unknown): void => {
      if (n < 0) return panicString("invalid argument to Shuffle");
      for (let i = n - 1; i > 0; i--) refuseBlocking("rand.Shuffle", swap(i, below(i + 1)));
    },
  };
}
