// Go's constants, exactly: integer constants are BigInts (Go's have at least
// 256 bits; `1 << 100 >> 98` is 4), float constants are float64 (Go keeps
// more precision; a program of the subset cannot tell until it prints a
// constant expression whose float64 rounding differs, which the corpus does
// not do), strings are Go byte strings (gofront/lib/values.ts), and booleans.

import type { BinaryOp } from "../syntax/ast";
import type { BasicKind } from "./types";

export type ConstValue =
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "int"; readonly value: bigint }
  | { readonly kind: "float"; readonly value: number; readonly exact?: Rat };

export const boolConst = (value: boolean): ConstValue => ({ kind: "bool", value });
export const stringConst = (value: string): ConstValue => ({ kind: "string", value });
export const intConst = (value: bigint): ConstValue => ({ kind: "int", value });
export const floatConst = (value: number): ConstValue => ({ kind: "float", value });

/** An exact rational (den > 0): untyped float constants are exact, as Go's are (0.1 + 0.2 == 0.3). */
export interface Rat {
  readonly num: bigint;
  readonly den: bigint;
}

/** An untyped float constant held exactly; `value` is its float64 rounding. */
export function ratConst(r: Rat): ConstValue {
  const g = gcd(r.num < 0n ? -r.num : r.num, r.den);
  const exact = g > 1n ? { num: r.num / g, den: r.den / g } : r;
  return { kind: "float", value: ratToNumber(exact), exact };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** The float64 nearest to num/den (through a 30-digit decimal, which JS rounds correctly). */
export function ratToNumber(r: Rat): number {
  if (r.num === 0n) return 0;
  const neg = r.num < 0n;
  const n = neg ? -r.num : r.num;
  const digits = (x: bigint): number => x.toString().length;
  const k = Math.max(0, 30 - (digits(n) - digits(r.den)));
  const scaled = (n * 10n ** BigInt(k)) / r.den;
  const v = Number(`${scaled.toString()}e-${k}`);
  return neg ? -v : v;
}

/** A constant's exact value as a rational, when it has one (ints always; floats read from literals or exact operations). */
function ratOf(c: ConstValue): Rat | undefined {
  if (c.kind === "int") return { num: c.value, den: 1n };
  if (c.kind === "float") return c.exact;
  return undefined;
}

/** Integer constants past this many bits are refused, as Go refuses them ("constant overflow"). */
const MAX_BITS = 512;

/** What went wrong, in Go's words; the checker adds the position. */
export class ConstError extends Error {}

/** An integer-valued float is an integer for `int` contexts (Go: `const x = 2.0; var i int = x` is fine). */
export function toInt(c: ConstValue): bigint | undefined {
  if (c.kind === "int") return c.value;
  if (c.kind === "float" && c.exact !== undefined) return c.exact.den === 1n ? c.exact.num : undefined;
  if (c.kind === "float" && Number.isInteger(c.value)) return BigInt(c.value);
  return undefined;
}

export function toFloat(c: ConstValue): number | undefined {
  if (c.kind === "int") return Number(c.value);
  if (c.kind === "float") return c.value;
  return undefined;
}

function checkBits(v: bigint): bigint {
  const bits = (v < 0n ? -v : v).toString(2).length;
  if (bits > MAX_BITS) throw new ConstError("constant overflow");
  return v;
}

/** `x op y` for two constants of matching kinds (the checker converts untyped operands first); `integer` says an int context (`/` truncates). */
export function binaryConst(op: BinaryOp, x: ConstValue, y: ConstValue, integer: boolean): ConstValue {
  if (op === "<<" || op === ">>") {
    const a = toInt(x);
    const s = toInt(y);
    if (a === undefined || s === undefined) throw new ConstError("shifted operand must be integer");
    if (s < 0n) throw new ConstError(`invalid negative shift count ${s}`);
    if (s > BigInt(MAX_BITS)) throw new ConstError("constant shift overflow");
    return intConst(op === "<<" ? checkBits(a << s) : a >> s);
  }
  if (x.kind === "bool" && y.kind === "bool") {
    const f = BOOL_OPS[op];
    if (f === undefined) throw new ConstError(`operator ${op} not defined on untyped bool`);
    return boolConst(f(x.value, y.value));
  }
  if (x.kind === "string" && y.kind === "string") {
    if (op === "+") return stringConst(x.value + y.value);
    const c = compare(op, x.value < y.value ? -1 : x.value > y.value ? 1 : 0);
    if (c === undefined) throw new ConstError(`operator ${op} not defined on untyped string`);
    return boolConst(c);
  }
  if (x.kind === "int" && y.kind === "int") {
    const a = x.value;
    const b = y.value;
    const c = compare(op, a < b ? -1 : a > b ? 1 : 0);
    if (c !== undefined) return boolConst(c);
    if (op === "/" || op === "%") {
      if (b === 0n) throw new ConstError("invalid operation: division by zero");
      // An untyped integer division in a float context is exact; in an integer one it truncates (BigInt does).
      return op === "%" ? intConst(a % b) : integer ? intConst(a / b) : exactQuotient(a, b);
    }
    const f = INT_OPS[op];
    if (f === undefined) throw new ConstError(`operator ${op} not defined on untyped int`);
    return intConst(checkBits(f(a, b)));
  }
  const ra = ratOf(x);
  const rb = ratOf(y);
  if (ra !== undefined && rb !== undefined) return ratBinary(op, ra, rb);
  const a = toFloat(x);
  const b = toFloat(y);
  if (a === undefined || b === undefined) throw new ConstError(`mismatched constant kinds ${x.kind} and ${y.kind}`);
  const c = compare(op, a < b ? -1 : a > b ? 1 : 0);
  if (c !== undefined) return boolConst(c);
  if (op === "/" && b === 0) throw new ConstError("invalid operation: division by zero");
  const f = FLOAT_OPS[op];
  if (f === undefined) throw new ConstError(`operator ${op} not defined on untyped float`);
  return floatConst(f(a, b));
}

const BOOL_OPS: Partial<Record<BinaryOp, (a: boolean, b: boolean) => boolean>> = {
  "&&": (a, b) => a && b,
  "||": (a, b) => a || b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};

const INT_OPS: Partial<Record<BinaryOp, (a: bigint, b: bigint) => bigint>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "&": (a, b) => a & b,
  "|": (a, b) => a | b,
  "^": (a, b) => a ^ b,
  "&^": (a, b) => a & ~b,
};

const FLOAT_OPS: Partial<Record<BinaryOp, (a: number, b: number) => number>> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
};

/** a / b for a float context: an int when it divides evenly, else an exact float. */
function exactQuotient(a: bigint, b: bigint): ConstValue {
  if (a % b === 0n) return intConst(a / b);
  return ratConst(b < 0n ? { num: -a, den: -b } : { num: a, den: b });
}

/** Exact arithmetic and comparison of two rationals. */
function ratBinary(op: BinaryOp, a: Rat, b: Rat): ConstValue {
  const l = a.num * b.den;
  const r = b.num * a.den;
  const c = compare(op, l < r ? -1 : l > r ? 1 : 0);
  if (c !== undefined) return boolConst(c);
  const den = a.den * b.den;
  if (op === "+") return ratConst({ num: l + r, den });
  if (op === "-") return ratConst({ num: l - r, den });
  if (op === "*") return ratConst({ num: a.num * b.num, den });
  if (op === "/") {
    if (b.num === 0n) throw new ConstError("invalid operation: division by zero");
    const num = a.num * b.den;
    const d = a.den * b.num;
    return ratConst(d < 0n ? { num: -num, den: -d } : { num, den: d });
  }
  throw new ConstError(`operator ${op} not defined on untyped float`);
}

const COMPARISONS: Partial<Record<BinaryOp, (sign: number) => boolean>> = {
  "==": (s) => s === 0,
  "!=": (s) => s !== 0,
  "<": (s) => s < 0,
  "<=": (s) => s <= 0,
  ">": (s) => s > 0,
  ">=": (s) => s >= 0,
};

function compare(op: BinaryOp, sign: number): boolean | undefined {
  return COMPARISONS[op]?.(sign);
}

export function unaryConst(op: "+" | "-" | "!" | "^", x: ConstValue, basic: BasicKind): ConstValue {
  switch (op) {
    case "+":
      return x;
    case "-":
      if (x.kind === "int") return intConst(-x.value);
      if (x.kind === "float") return x.exact !== undefined ? ratConst({ num: -x.exact.num, den: x.exact.den }) : floatConst(-x.value);
      throw new ConstError(`operator - not defined on ${x.kind}`);
    case "!":
      if (x.kind === "bool") return boolConst(!x.value);
      throw new ConstError(`operator ! not defined on ${x.kind}`);
    case "^": {
      const v = toInt(x);
      if (v === undefined) throw new ConstError(`operator ^ not defined on ${x.kind}`);
      // For an unsigned type, ^x flips the type's bits; for a signed or untyped one it is -x-1.
      const bits = UNSIGNED_BITS[basic];
      return intConst(bits === undefined ? -v - 1n : ((1n << BigInt(bits)) - 1n) ^ v);
    }
  }
}

const UNSIGNED_BITS: Partial<Record<BasicKind, number>> = { uint: 64, uint8: 8, uint16: 16, uint32: 32, uint64: 64, uintptr: 64 };

/** The integer range of each sized type (int and uint are 64 bits, as on the machines Go tutorials run on). */
const INT_RANGE: Partial<Record<BasicKind, readonly [bigint, bigint]>> = {
  int: [-(1n << 63n), (1n << 63n) - 1n],
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-(1n << 31n), (1n << 31n) - 1n],
  int64: [-(1n << 63n), (1n << 63n) - 1n],
  uint: [0n, (1n << 64n) - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, (1n << 32n) - 1n],
  uint64: [0n, (1n << 64n) - 1n],
  uintptr: [0n, (1n << 64n) - 1n],
};

/**
 * The constant as a value of basic type `to`, or why it is not representable:
 * "truncated" (a float with a fraction as an integer), "overflows", or
 * undefined when the kinds do not mix at all (a string as an int).
 */
export function representable(
  c: ConstValue,
  to: BasicKind,
): { readonly ok: true; readonly value: ConstValue } | { readonly ok: false; readonly why: "truncated" | "overflows" | "mismatch" } {
  const range = INT_RANGE[to];
  if (range !== undefined || to === "untyped int" || to === "untyped rune") {
    if (c.kind !== "int" && c.kind !== "float") return { ok: false, why: "mismatch" };
    const v = toInt(c);
    if (v === undefined) return { ok: false, why: "truncated" };
    if (range !== undefined && (v < range[0] || v > range[1])) return { ok: false, why: "overflows" };
    return { ok: true, value: intConst(v) };
  }
  if (to === "float32" || to === "float64" || to === "untyped float") {
    const f = toFloat(c);
    if (f === undefined) return { ok: false, why: "mismatch" };
    const v = to === "float32" ? Math.fround(f) : f;
    if (!Number.isFinite(v)) return { ok: false, why: "overflows" };
    // An untyped float stays exact; a typed one is rounded to its type, as Go rounds typed constants.
    if (to === "untyped float" && c.kind === "float" && c.exact !== undefined) return { ok: true, value: c };
    if (to === "untyped float" && c.kind === "int") return { ok: true, value: ratConst({ num: c.value, den: 1n }) };
    return { ok: true, value: floatConst(v) };
  }
  if (to === "bool" || to === "untyped bool") return c.kind === "bool" ? { ok: true, value: c } : { ok: false, why: "mismatch" };
  if (to === "string" || to === "untyped string") return c.kind === "string" ? { ok: true, value: c } : { ok: false, why: "mismatch" };
  return { ok: false, why: "mismatch" };
}

/** A constant as Go's compiler prints it in messages: 256, 1.5, "hi", true. */
export function constString(c: ConstValue): string {
  switch (c.kind) {
    case "bool":
      return String(c.value);
    case "int":
      return c.value.toString();
    case "float":
      return Number.isInteger(c.value) && Math.abs(c.value) < 1e21 ? c.value.toFixed(0) : String(c.value);
    case "string":
      return JSON.stringify(c.value);
  }
}
