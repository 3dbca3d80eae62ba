// Go's time.Duration.String: "1h2m3.5s", "1.5µs", "0s". A Duration is a
// count of nanoseconds held as a number (exact up to 2^53 ns, about 104 days).

import { goString } from "./values";

const MICRO = goString("µ"); // U+00B5, two bytes.

/** Go's time.Duration.String, as a Go byte string. */
export function durationString(d: number): string {
  const neg = d < 0;
  let u = Math.abs(d);
  let out: string;
  if (u < 1e9) {
    // Below a second: smaller units, like 1.2ms.
    if (u === 0) return "0s";
    let prec: number;
    let unit: string;
    if (u < 1e3) [prec, unit] = [0, "ns"];
    else if (u < 1e6) [prec, unit] = [3, MICRO + "s"];
    else [prec, unit] = [6, "ms"];
    const frac = fraction(u, prec);
    out = `${frac.whole}${frac.text}${unit}`;
  } else {
    const frac = fraction(u, 9);
    u = frac.whole; // Whole seconds.
    out = `${u % 60}${frac.text}s`;
    u = Math.floor(u / 60);
    if (u > 0) {
      out = `${u % 60}m${out}`;
      u = Math.floor(u / 60);
      // Hours are the largest unit: days differ in length.
      if (u > 0) out = `${u}h${out}`;
    }
  }
  return neg ? "-" + out : out;
}

/** The last prec decimal digits of v as a fraction (".5", trailing zeros and a bare point omitted), and what is above them. */
function fraction(v: number, prec: number): { readonly whole: number; readonly text: string } {
  const scale = 10 ** prec;
  const digits = String(v % scale)
    .padStart(prec, "0")
    .replace(/0+$/, "");
  return { whole: Math.floor(v / scale), text: digits === "" ? "" : "." + digits };
}
