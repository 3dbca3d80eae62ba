// The two statistics the runtime benches report, shared so they agree.

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
};

/**
 * The median over repetitions of xs[k] / base[k]: the two runs each ratio
 * compares ran back to back, so drift on a shared machine (which moves whole
 * repetitions) cancels out.
 */
export const pairedMedian = (xs: readonly number[], base: readonly number[]): number => median(xs.map((x, k) => x / base[k]!));
