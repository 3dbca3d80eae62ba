// Durations and sizes as people read them: "1.5ms", "250µs", "12ns"; "3.2 KB".

import type { Nanos } from "../units";

export { MS, nanos, type Nanos } from "../units";

type Unit = readonly [size: number, suffix: string];

const TIME_UNITS: readonly Unit[] = [
  [1, "ns"],
  [1e3, "µs"],
  [1e6, "ms"],
  [1e9, "s"],
];

const BYTE_UNITS: readonly Unit[] = [
  [1, " B"],
  [1024, " KB"],
  [1024 ** 2, " MB"],
  [1024 ** 3, " GB"],
];

/**
 * The largest unit `x` reaches, then the next one if `x` rounds up to a whole
 * one of it (999999999 ns is "1s", not "1000ms").
 */
function inUnit(x: number, units: readonly Unit[], rounded: (v: number) => number): { readonly value: number; readonly suffix: string } {
  let k = 0;
  while (k < units.length - 1 && Math.abs(x) >= (units[k + 1] as Unit)[0]) k++;
  let [size, suffix] = units[k] as Unit;
  const next = units[k + 1];
  if (next !== undefined && Math.abs(rounded(x / size)) * size >= next[0]) [size, suffix] = next;
  return { value: x / size, suffix };
}

const threeDecimals = (v: number): number => Number(v.toFixed(3));
const oneDecimal = (v: number): number => Number(v.toFixed(1));

/**
 * 1500000 -> "1.5ms", 250000 -> "250µs", 12 -> "12ns", -2e9 -> "-2s": the
 * largest unit the time reaches, at most three decimals, no trailing zeros.
 */
export function formatTime(ns: Nanos | number): string {
  const n = Number(ns);
  if (!Number.isFinite(n)) return String(n);
  const { value, suffix } = inUnit(n, TIME_UNITS, threeDecimals);
  // A template prints -0 as "0": a time that rounds to zero never reads "-0ns".
  return `${threeDecimals(value)}${suffix}`;
}

/** 512 -> "512 B", 1536 -> "1.5 KB", 5 MiB -> "5.0 MB": bytes whole, larger units to one decimal. */
export function formatBytes(bytes: number): string {
  const { value, suffix } = inUnit(bytes, BYTE_UNITS, oneDecimal);
  return suffix === " B" ? `${bytes} B` : `${value.toFixed(1)}${suffix}`;
}
