// A host method that has nothing to await still answers with a promise, and
// its callers handle every failure as that promise's rejection: what it
// throws must not escape as a synchronous exception.

/** What `f` returns, as a promise; what it throws, as the promise's rejection. `f` runs now. */
export function promiseOf<T>(f: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve) => resolve(f()));
}
