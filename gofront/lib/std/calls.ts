// Calling back into a compiled program from a synchronous standard function
// (sort.Slice's less, strings.Map's mapping…). A func that can block is async
// in compiled code; a synchronous API cannot wait for it, so it says so.

/** A Go func as a synchronous standard function calls it. */
export type GoFunc<A extends unknown[], R> = (...args: A) => R | Promise<R>;

/** fn as a plain function; `api` ("sort.Slice") names the caller when fn turns out to block. */
export function synchronous<A extends unknown[], R>(api: string, fn: GoFunc<A, R>): (...args: A) => R {
  return (...args) => {
    const r = fn(...args);
    if (r instanceof Promise) {
      r.catch(() => undefined); // What it does after this run has stopped is nobody's business.
      throw new Error(`${api}: the function passed to it blocks, which chanscope does not support`);
    }
    return r;
  };
}
