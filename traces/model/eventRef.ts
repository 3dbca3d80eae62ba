import type { Nanos } from "../units";

/** Points at an event by index (= its seq) and carries its time, so views need not look it up. */
export interface EventRef {
  readonly index: number;
  readonly t: Nanos;
}

export const refAt = (t: { readonly [i: number]: number }, index: number): EventRef =>
  Object.freeze({ index, t: t[index] as Nanos });
