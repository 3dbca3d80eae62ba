// The run's one source of randomness: select choices and the `random` strategy.
// sfc32 (Chris Doty-Humphrey's Small Fast Counter): tiny, fast in JS's 32-bit
// integer arithmetic, passes PractRand, and fully determined by the seed.

export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

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
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    // Discard the first outputs: sfc32 needs a few rounds to mix a fresh state.
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextU32(): number {
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
    return t >>> 0;
  }

  /**
   * A uniformly distributed integer in [0, n), 1 ≤ n < 2^31, without modulo
   * bias: draws above the largest multiple of n below 2^32 are rejected.
   * (Kept exactly as first written, so seeds others have recorded still pick the
   * same choices; computed in uint32 arithmetic, which V8 does without the
   * floating-point modulo a literal 2^32 would cost.)
   */
  below(n: number): number {
    if (n <= 1) return 0;
    for (;;) {
      const x = this.nextU32();
      // Fewer than n draws are ever rejected, so anything below 2^32 - n + 1 is
      // accepted without working out the exact limit (one modulo saved on
      // nearly every draw; the same draws are accepted as before).
      if (x <= 0x1_0000_0000 - n) return (x % n) >>> 0;
      // 2^32 mod n, as (2^32 - n) mod n in uint32.
      const waste = ((-n >>> 0) % n) >>> 0;
      if (x < 0x1_0000_0000 - waste) return (x % n) >>> 0;
    }
  }
}
