// chanscope's one PRNG: a run's select choices and its `random` strategy draw
// from it, and so does the traces test kit's generator. sfc32 (Chris Doty-Humphrey's Small Fast Counter): tiny, fast in JS's 32-bit
// integer arithmetic, passes PractRand, and fully determined by the seed.

/** below() takes bounds under this from tables. */
const SMALL_BOUNDS = 64;
/** 2^31 mod n. */
const HIGH = Int32Array.from({ length: SMALL_BOUNDS }, (_, n) => (n < 2 ? 0 : 2 ** 31 % n));
/** 2^32 mod n: the draws above the last multiple of n below 2^32, which below() rejects. */
const WASTE = Int32Array.from({ length: SMALL_BOUNDS }, (_, n) => (n < 2 ? 0 : 2 ** 32 % n));

export class Prng {
  // Four int32 fields that start at 0 and only ever hold int32 values: a field
  // that held undefined or a double made every draw floating-point arithmetic
  // (runtime/HACKING.md, "Field representations").
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    // splitmix32 spreads any seed (0, 1, 2 …) over the whole state so that
    // neighbouring seeds give unrelated streams.
    let s = (Math.trunc(seed) >>> 0) ^ 0x9e3779b9;
    const next = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    // Stored as int32 (the same 32 bits; every use is 32-bit arithmetic).
    this.a = next() | 0;
    this.b = next() | 0;
    this.c = next() | 0;
    this.d = next() | 0;
    // Discard the first outputs: sfc32 needs a few rounds to mix a fresh state.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextU32(): number {
    return this.nextI32() >>> 0;
  }

  /** A uniformly distributed number in [0, 1), from one 32-bit draw (the test kit's generator; not the runtime's hot path). */
  nextFloat(): number {
    return (this.nextI32() >>> 0) / 0x1_0000_0000;
  }

  /**
   * The same draw as nextU32, as a signed int32 (the same 32 bits). The hot
   * callers use this form: an unsigned value of 2^31 or more is a double in V8,
   * which a call that is not inlined returns boxed (an allocation), and whose
   * `%` is a floating-point modulo (a C call). Measured in select: 45 ns of a
   * 120 ns operation, against 8 ns in a tight loop where everything inlined.
   */
  nextI32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return t;
  }

  /**
   * A uniformly distributed integer in [0, n), 1 ≤ n < 2^31, without modulo
   * bias: draws above the largest multiple of n below 2^32 are rejected.
   * The choices are exactly those first written as `x = nextU32(); if (x <=
   * 2^32 - n) return x % n; …` (recorded seeds must keep picking the same
   * cases), computed in int32 arithmetic on the common path.
   */
  below(n: number): number {
    if (n <= 1) return 0;
    if (n < SMALL_BOUNDS) return this.belowSmall(n);
    for (;;) {
      const xi = this.nextI32();
      if (xi >= 0) return xi % n; // x < 2^31: always accepted
      // x = 2^32 + xi. Accepted when x <= 2^32 - n, i.e. xi + n <= 0 (no overflow: xi < 0 < n < 2^31).
      if (xi + n <= 0) {
        // x mod n = ((x - 2^31) mod n + 2^31 mod n) mod n; x - 2^31 = xi & 0x7fffffff.
        const high = ((0x7fffffff % n) + 1) % n;
        const m = (xi & 0x7fffffff) % n;
        const sum = m + high;
        return sum >= n ? sum - n : sum;
      }
      // Rare (fewer than n of 2^32 draws): the exact limit, as first written.
      const x = xi >>> 0;
      const waste = ((-n >>> 0) % n) >>> 0;
      if (x < 0x1_0000_0000 - waste) return (x % n) >>> 0;
    }
  }

  /**
   * below(n) for 2 ≤ n < SMALL_BOUNDS (a select's ready cases, a run queue):
   * the same choices, without a branch on the draw's sign. That branch goes
   * either way half the time, and a mispredicted branch costs more than the
   * arithmetic that replaces it.
   */
  private belowSmall(n: number): number {
    const waste = WASTE[n]!;
    for (;;) {
      const xi = this.nextI32();
      // Rejected when x = xi mod 2^32 >= 2^32 - waste, i.e. xi in [-waste, -1] (rare).
      if ((xi + waste) >>> 0 < waste) continue;
      // x mod n = ((x mod 2^31) mod n + (x >= 2^31 ? 2^31 mod n : 0)) mod n; the sum is below 2n.
      const sum = ((xi & 0x7fffffff) % n) + (xi >>> 31) * HIGH[n]!;
      return sum - n * ((n - 1 - sum) >>> 31);
    }
  }
}
