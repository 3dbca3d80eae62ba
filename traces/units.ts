// The trace's unit of time. A leaf module: the schema, the runtime and the
// vocabulary's time formatting all build on it.

/** Virtual (or real) time since the run started, in integer nanoseconds. */
export type Nanos = number & { readonly __unit: "ns" };
export const nanos = (n: number): Nanos => n as Nanos;
export const MS: Nanos = nanos(1_000_000);
