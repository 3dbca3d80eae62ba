// time.Duration's methods and time.ParseDuration, as Go 1.19's. A Duration is
// a number of nanoseconds (exact up to 2^53, about 104 days).

import { durationString } from "../duration";
import { goString } from "../values";

const SECOND = 1e9;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const MAX_DURATION = 2 ** 63 - 1;
const MIN_DURATION = -(2 ** 63);

/** Integer division truncated toward zero, as Go's. */
const quo = (a: number, b: number): number => Math.trunc(a / b);

export const Duration$String = (d: number): string => durationString(d);
export const Duration$Nanoseconds = (d: number): number => d;
export const Duration$Microseconds = (d: number): number => quo(d, 1e3);
export const Duration$Milliseconds = (d: number): number => quo(d, 1e6);
export const Duration$Seconds = (d: number): number => quo(d, SECOND) + (d % SECOND) / 1e9;
export const Duration$Minutes = (d: number): number => quo(d, MINUTE) + (d % MINUTE) / (60 * 1e9);
export const Duration$Hours = (d: number): number => quo(d, HOUR) + (d % HOUR) / (60 * 60 * 1e9);

/** d with its remainder modulo m dropped (toward zero); d itself when m ≤ 0. */
export function Duration$Truncate(d: number, m: number): number {
  return m <= 0 ? d : d - (d % m);
}

/** d rounded to the nearest multiple of m, halfway away from zero; d itself when m ≤ 0. */
export function Duration$Round(d: number, m: number): number {
  if (m <= 0) return d;
  let r = d % m;
  if (d < 0) {
    r = -r;
    if (r + r < m) return d + r;
    const d1 = d - m + r;
    return d1 < d ? d1 : MIN_DURATION;
  }
  if (r + r < m) return d - r;
  const d1 = d + m - r;
  return d1 > d ? d1 : MAX_DURATION;
}

const UNITS: ReadonlyMap<string, bigint> = new Map([
  ["ns", 1n],
  ["us", 1000n],
  [goString("\u00b5s"), 1000n], // U+00B5 micro sign
  [goString("\u03bcs"), 1000n], // U+03BC Greek mu
  ["ms", 1_000_000n],
  ["s", 1_000_000_000n],
  ["m", 60n * 1_000_000_000n],
  ["h", 3600n * 1_000_000_000n],
]);

const LIMIT = 1n << 63n;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/** Go's time.quote: ASCII as it is (with `"` and `\` escaped), every other byte as \xNN. */
function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    if (b >= 0x80 || b < 0x20) out += `\\x${b.toString(16).padStart(2, "0")}`;
    else out += (s[i] === '"' || s[i] === "\\" ? "\\" : "") + s[i]!;
  }
  return out + '"';
}

/** The error text of a failed parse, or the duration. s is a Go byte string. */
export function parseDuration(orig: string): { readonly d: number } | { readonly error: string } {
  const invalid = { error: `time: invalid duration ${quote(orig)}` };
  let s = orig;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return { d: 0 };
  if (s === "") return invalid;
  let d = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) return invalid;
    // [0-9]*
    let i = 0;
    let v = 0n;
    for (; i < s.length && isDigit(s[i]); i++) {
      if (v > LIMIT / 10n) return invalid;
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > LIMIT) return invalid;
    }
    const pre = i > 0;
    s = s.slice(i);
    // (\.[0-9]*)?
    let post = false;
    let f = 0n;
    let scale = 1;
    if (s[0] === ".") {
      s = s.slice(1);
      let overflow = false;
      let j = 0;
      for (; j < s.length && isDigit(s[j]); j++) {
        if (overflow) continue;
        if (f > (LIMIT - 1n) / 10n) {
          overflow = true;
          continue;
        }
        const y = f * 10n + BigInt(s.charCodeAt(j) - 48);
        if (y > LIMIT) {
          overflow = true;
          continue;
        }
        f = y;
        scale *= 10;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid;
    // The unit.
    let k = 0;
    while (k < s.length && s[k] !== "." && !isDigit(s[k])) k++;
    if (k === 0) return { error: `time: missing unit in duration ${quote(orig)}` };
    const u = s.slice(0, k);
    s = s.slice(k);
    const unit = UNITS.get(u);
    if (unit === undefined) return { error: `time: unknown unit ${quote(u)} in duration ${quote(orig)}` };
    if (v > LIMIT / unit) return invalid;
    v *= unit;
    if (f > 0n) {
      // float64, as Go's, to be nanosecond-accurate for fractions of hours.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)));
      if (v > LIMIT) return invalid;
    }
    d += v;
    if (d > LIMIT) return invalid;
  }
  if (neg) return { d: d === 0n ? 0 : -Number(d) };
  if (d > LIMIT - 1n) return invalid;
  return { d: Number(d) };
}
