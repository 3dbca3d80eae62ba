import type { EventIndex } from "../events";
import type { Nanos } from "../units";

/** Points at an event by index (= its seq) and carries its time, so views need not look it up. */
export interface EventRef {
  readonly index: EventIndex;
  readonly t: Nanos;
}

export const refAt = (t: { readonly [i: number]: number }, index: number): EventRef =>
  Object.freeze({ index: index as EventIndex, t: t[index] as Nanos });
