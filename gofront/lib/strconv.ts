// Go's strconv as a compiled program calls it, and the number formatting
// under fmt. Strings in and out are Go byte strings (values.ts).
//
// Floats are formatted from their exact decimal value (a BigInt expansion of
// mantissa × 2^exponent), rounded as Go's strconv rounds: to nearest, ties to
// even. JS's toFixed and toPrecision round ties away from zero and stop at 100
// digits, so they are not used. The shortest form of a float64 is read from
// Number.prototype.toString, which gives the shortest digits that round-trip,
// the closest of them, as Go's Ryū does; float32's shortest form runs Go's own
// algorithm (roundShortest) on the exact decimals.

import { panic } from "../../runtime/panic";
import { isGraphic, isPrint } from "./isprint";
import { decodeRune, runeString } from "./values";

// ---------------------------------------------------------------------------
// Integers

/** Go's strconv.FormatInt: i in base 2…36, lower-case digits. */
export function FormatInt(i: number, base: number): string {
  if (base < 2 || base > 36) panic("strconv: illegal AppendInt/FormatInt base");
  return i.toString(base);
}

/** Go's strconv.FormatUint (a uint64 held as a number, exact up to 2^53). */
export function FormatUint(i: number, base: number): string {
  return FormatInt(i, base);
}

/** Go's strconv.Itoa. */
export function Itoa(i: number): string {
  return i.toString(10);
}

/** Go's strconv.FormatBool. */
export function FormatBool(b: boolean): string {
  return b ? "true" : "false";
}

// ---------------------------------------------------------------------------
// Floats: exact decimals

/** A decimal d[0] d[1] … × 10^(dp - d.length), digits without trailing zeros (Go's strconv.decimal, exact). */
interface Decimal {
  readonly d: string;
  readonly dp: number;
}

interface FloatInfo {
  readonly mantbits: number;
  readonly expbits: number;
  readonly bias: number;
}

const FLOAT32: FloatInfo = { mantbits: 23, expbits: 8, bias: -127 };
const FLOAT64: FloatInfo = { mantbits: 52, expbits: 11, bias: -1023 };

const ZERO: Decimal = { d: "", dp: 0 };

function trim(d: string, dp: number): Decimal {
  let n = d.length;
  while (n > 0 && d.charCodeAt(n - 1) === 48) n--;
  return n === 0 ? ZERO : { d: n === d.length ? d : d.slice(0, n), dp };
}

const powersOf5: bigint[] = [1n];

function pow5(k: number): bigint {
  for (let i = powersOf5.length; i <= k; i++) powersOf5.push(powersOf5[i - 1]! * 5n);
  return powersOf5[k]!;
}

/** The exact decimal value of mant × 2^e2. */
function exactDecimal(mant: bigint, e2: number): Decimal {
  if (mant === 0n) return ZERO;
  if (e2 >= 0) {
    const digits = (mant << BigInt(e2)).toString();
    return trim(digits, digits.length);
  }
  // mant × 2^e2 = mant × 5^-e2 / 10^-e2
  const digits = (mant * pow5(-e2)).toString();
  return trim(digits, digits.length + e2);
}

function shouldRoundUp(a: Decimal, nd: number): boolean {
  if (nd < 0 || nd >= a.d.length) return false;
  // Exactly halfway: round to even.
  if (a.d.charCodeAt(nd) === 53 && nd + 1 === a.d.length) return nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 !== 0;
  return a.d.charCodeAt(nd) >= 53;
}

function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  return shouldRoundUp(a, nd) ? roundUp(a, nd) : roundDown(a, nd);
}

function roundDown(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  return trim(a.d.slice(0, nd), a.dp);
}

function roundUp(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  let i = nd - 1;
  while (i >= 0 && a.d.charCodeAt(i) === 57) i--;
  if (i < 0) return { d: "1", dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

/**
 * Go's roundShortest: the fewest digits of d (= mant × 2^(exp - mantbits))
 * that still read back as the same float.
 */
function roundShortest(d: Decimal, mant: bigint, exp: number, flt: FloatInfo): Decimal {
  if (mant === 0n) return ZERO;
  const minexp = flt.bias + 1;
  if (exp > minexp && 332 * (d.dp - d.d.length) >= 100 * (exp - flt.mantbits)) return d;
  const upper = exactDecimal(mant * 2n + 1n, exp - flt.mantbits - 1);
  let mantlo: bigint;
  let explo: number;
  if (mant > 1n << BigInt(flt.mantbits) || exp === minexp) {
    mantlo = mant - 1n;
    explo = exp;
  } else {
    mantlo = mant * 2n - 1n;
    explo = exp - 1;
  }
  const lower = exactDecimal(mantlo * 2n + 1n, explo - flt.mantbits - 1);
  const inclusive = mant % 2n === 0n;
  let upperdelta = 0;
  for (let ui = 0; ; ui++) {
    const mi = ui - upper.dp + d.dp;
    if (mi >= d.d.length) break;
    const li = ui - upper.dp + lower.dp;
    const l = li >= 0 && li < lower.d.length ? lower.d.charCodeAt(li) : 48;
    const m = mi >= 0 ? d.d.charCodeAt(mi) : 48;
    const u = ui < upper.d.length ? upper.d.charCodeAt(ui) : 48;
    const okdown = l !== m || (inclusive && li + 1 === lower.d.length);
    if (upperdelta === 0 && m + 1 < u) upperdelta = 2;
    else if (upperdelta === 0 && m !== u) upperdelta = 1;
    else if (upperdelta === 1 && (m !== 57 || u !== 48)) upperdelta = 2;
    const okup = upperdelta > 0 && (inclusive || upperdelta > 1 || ui + 1 < upper.d.length);
    if (okdown && okup) return round(d, mi + 1);
    if (okdown) return roundDown(d, mi + 1);
    if (okup) return roundUp(d, mi + 1);
  }
  return d;
}

/** The shortest decimal that reads back as the float64 x (x > 0, finite), from the engine's own shortest formatting. */
function shortest64(x: number): Decimal {
  const s = x.toString();
  const e = s.indexOf("e");
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exp10 = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const intLen = dot < 0 ? mantissa.length : dot;
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  let dp = intLen + exp10;
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  dp -= lead;
  return trim(digits, dp);
}

/** For tests: the shortest digits by Go's algorithm, to check shortest64 against. */
export function shortestDigitsByGo(x: number, bitSize: 32 | 64): { readonly digits: string; readonly dp: number } {
  const { mant, exp, flt } = floatParts(x, bitSize);
  const d = roundShortest(exactDecimal(mant, exp - flt.mantbits), mant, exp, flt);
  return { digits: d.d, dp: d.dp };
}

/** For tests: the shortest digits as formatting takes them. */
export function shortestDigits(x: number, bitSize: 32 | 64): { readonly digits: string; readonly dp: number } {
  const d = bitSize === 64 ? (x === 0 ? ZERO : shortest64(Math.abs(x))) : toDecimalShortest(x, bitSize);
  return { digits: d.d, dp: d.dp };
}

function toDecimalShortest(x: number, bitSize: 32 | 64): Decimal {
  const { mant, exp, flt } = floatParts(x, bitSize);
  return roundShortest(exactDecimal(mant, exp - flt.mantbits), mant, exp, flt);
}

const view = new DataView(new ArrayBuffer(8));

interface FloatParts {
  readonly neg: boolean;
  /** The biased exponent field as stored. */
  readonly rawExp: number;
  /** The stored mantissa bits, without the implicit bit. */
  readonly rawMant: bigint;
  /** With the implicit bit. */
  readonly mant: bigint;
  /** Unbiased: the value is mant × 2^(exp - mantbits). */
  readonly exp: number;
  readonly flt: FloatInfo;
}

function floatParts(val: number, bitSize: 32 | 64): FloatParts {
  let neg: boolean;
  let rawExp: number;
  let rawMant: bigint;
  const flt = bitSize === 32 ? FLOAT32 : FLOAT64;
  if (bitSize === 32) {
    view.setFloat32(0, val);
    const b = view.getUint32(0);
    neg = b >>> 31 !== 0;
    rawExp = (b >>> 23) & 0xff;
    rawMant = BigInt(b & 0x7fffff);
  } else {
    view.setFloat64(0, val);
    const hi = view.getUint32(0);
    const lo = view.getUint32(4);
    neg = hi >>> 31 !== 0;
    rawExp = (hi >>> 20) & 0x7ff;
    rawMant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  }
  let exp = rawExp;
  let mant = rawMant;
  if (exp === 0) exp++;
  else mant |= 1n << BigInt(flt.mantbits);
  exp += flt.bias;
  return { neg, rawExp, rawMant, mant, exp, flt };
}

/** The byte fmt takes for FormatFloat's format: 'b' 'e' 'E' 'f' 'g' 'G' 'x' 'X'. */
export type FloatFormat = "b" | "e" | "E" | "f" | "g" | "G" | "x" | "X";

/**
 * Go's strconv.FormatFloat: f in format fmt with precision prec (-1: the
 * fewest digits that read back as f) as a float of bitSize bits.
 */
export function FormatFloat(f: number, fmt: FloatFormat | number, prec: number, bitSize: number): string {
  const format = typeof fmt === "number" ? String.fromCharCode(fmt) : fmt;
  if (bitSize !== 32 && bitSize !== 64) panic("strconv: illegal AppendFloat/FormatFloat bitSize");
  const parts = floatParts(f, bitSize);
  const { neg, rawExp, rawMant, mant, exp, flt } = parts;
  if (rawExp === (1 << flt.expbits) - 1) return rawMant !== 0n ? "NaN" : neg ? "-Inf" : "+Inf";
  if (format === "b") return fmtB(neg, mant, exp, flt);
  if (format === "x" || format === "X") return fmtX(prec, format, neg, mant, exp, flt);
  const shortest = prec < 0;
  let digs: Decimal;
  if (shortest) {
    digs =
      mant === 0n ? ZERO : bitSize === 64 ? shortest64(Math.abs(f)) : roundShortest(exactDecimal(mant, exp - flt.mantbits), mant, exp, flt);
    switch (format) {
      case "e":
      case "E":
        prec = Math.max(digs.d.length - 1, 0);
        break;
      case "f":
        prec = Math.max(digs.d.length - digs.dp, 0);
        break;
      case "g":
      case "G":
        prec = digs.d.length;
        break;
    }
  } else {
    const d = exactDecimal(mant, exp - flt.mantbits);
    switch (format) {
      case "e":
      case "E":
        digs = round(d, prec + 1);
        break;
      case "f":
        digs = round(d, d.dp + prec);
        break;
      case "g":
      case "G":
        if (prec === 0) prec = 1;
        digs = round(d, prec);
        break;
      default:
        digs = d;
    }
  }
  return formatDigits(shortest, neg, digs, prec, format);
}

function formatDigits(shortest: boolean, neg: boolean, digs: Decimal, prec: number, format: string): string {
  switch (format) {
    case "e":
    case "E":
      return fmtE(neg, digs, prec, format);
    case "f":
      return fmtF(neg, digs, prec);
    case "g":
    case "G": {
      const nd = digs.d.length;
      let eprec = prec;
      if (eprec > nd && nd >= digs.dp) eprec = nd;
      // %e is used if the exponent from the conversion is less than -4 or
      // greater than or equal to the precision; for the shortest form, 6.
      if (shortest) eprec = 6;
      const exp = digs.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > nd) prec = nd;
        return fmtE(neg, digs, prec - 1, format === "g" ? "e" : "E");
      }
      if (prec > digs.dp) prec = nd;
      return fmtF(neg, digs, Math.max(prec - digs.dp, 0));
    }
  }
  return `%${format}`;
}

function fmtE(neg: boolean, d: Decimal, prec: number, e: string): string {
  const nd = d.d.length;
  let out = neg ? "-" : "";
  out += nd !== 0 ? d.d[0] : "0";
  if (prec > 0) {
    out += ".";
    const m = Math.min(nd, prec + 1);
    if (m > 1) out += d.d.slice(1, m);
    out += "0".repeat(prec + 1 - Math.max(m, 1));
  }
  let exp = nd === 0 ? 0 : d.dp - 1;
  const sign = exp < 0 ? "-" : "+";
  exp = Math.abs(exp);
  return `${out}${e}${sign}${exp < 10 ? "0" : ""}${exp}`;
}

function fmtF(neg: boolean, d: Decimal, prec: number): string {
  const nd = d.d.length;
  let out = neg ? "-" : "";
  if (d.dp > 0) {
    const m = Math.min(nd, d.dp);
    out += d.d.slice(0, m) + "0".repeat(d.dp - m);
  } else {
    out += "0";
  }
  if (prec > 0) {
    out += ".";
    // Digits d.dp … d.dp+prec-1 of the decimal, zeros outside it.
    const lead = Math.min(Math.max(-d.dp, 0), prec);
    out += "0".repeat(lead);
    const from = d.dp + lead;
    const upto = Math.min(nd, d.dp + prec);
    if (upto > from) out += d.d.slice(from, upto);
    out += "0".repeat(prec - lead - Math.max(upto - from, 0));
  }
  return out;
}

// %b: -ddddp±ddd
function fmtB(neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  const e = exp - flt.mantbits;
  return `${neg ? "-" : ""}${mant}p${e >= 0 ? "+" : ""}${e}`;
}

const MASK64 = (1n << 64n) - 1n;
const LOWER_HEX = "0123456789abcdef";
const UPPER_HEX = "0123456789ABCDEF";

// %x: -0x1.yyyyp±dd
function fmtX(prec: number, format: "x" | "X", neg: boolean, mant: bigint, exp: number, flt: FloatInfo): string {
  if (mant === 0n) exp = 0;
  // Shift digits so the leading 1 (if any) is at bit 60.
  mant <<= BigInt(60 - flt.mantbits);
  while (mant !== 0n && (mant & (1n << 60n)) === 0n) {
    mant <<= 1n;
    exp--;
  }
  if (prec >= 0 && prec < 15) {
    const shift = BigInt(prec * 4);
    const extra = (mant << shift) & ((1n << 60n) - 1n);
    mant >>= 60n - shift;
    if ((extra | (mant & 1n)) > 1n << 59n) mant++;
    mant <<= 60n - shift;
    if ((mant & (1n << 61n)) !== 0n) {
      mant >>= 1n;
      exp++;
    }
  }
  const hex = format === "X" ? UPPER_HEX : LOWER_HEX;
  let out = `${neg ? "-" : ""}0${format}${(mant >> 60n) & 1n}`;
  mant = (mant << 4n) & MASK64;
  if (prec < 0 && mant !== 0n) {
    out += ".";
    while (mant !== 0n) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  } else if (prec > 0) {
    out += ".";
    for (let i = 0; i < prec; i++) {
      out += hex[Number((mant >> 60n) & 15n)];
      mant = (mant << 4n) & MASK64;
    }
  }
  const sign = exp < 0 ? "-" : "+";
  exp = Math.abs(exp);
  return `${out}${format === "X" ? "P" : "p"}${sign}${exp < 10 ? "0" : ""}${exp}`;
}

// ---------------------------------------------------------------------------
// Quoting

function hex2(b: number): string {
  return LOWER_HEX[b >> 4]! + LOWER_HEX[b & 15]!;
}

function validRune(r: number): boolean {
  return r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
}

function escapedRune(r: number, quote: number, asciiOnly: boolean, graphicOnly: boolean): string {
  if (r === quote || r === 0x5c) return "\\" + String.fromCharCode(r);
  if (asciiOnly) {
    if (r < 0x80 && isPrint(r)) return String.fromCharCode(r);
  } else if (isPrint(r) || (graphicOnly && isGraphic(r))) {
    return runeString(r);
  }
  switch (r) {
    case 0x07:
      return "\\a";
    case 0x08:
      return "\\b";
    case 0x0c:
      return "\\f";
    case 0x0a:
      return "\\n";
    case 0x0d:
      return "\\r";
    case 0x09:
      return "\\t";
    case 0x0b:
      return "\\v";
  }
  if (r < 0x20 || r === 0x7f) return "\\x" + hex2(r);
  if (!validRune(r)) r = 0xfffd;
  if (r < 0x10000) return "\\u" + r.toString(16).padStart(4, "0");
  return "\\U" + r.toString(16).padStart(8, "0");
}

function quoteWith(s: string, quote: number, asciiOnly: boolean, graphicOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (let i = 0; i < s.length;) {
    const { rune, width } = decodeRune(s, i);
    if (width === 1 && rune === 0xfffd) out += "\\x" + hex2(s.charCodeAt(i));
    else out += escapedRune(rune, quote, asciiOnly, graphicOnly);
    i += width;
  }
  return out + String.fromCharCode(quote);
}

function quoteRuneWith(r: number, asciiOnly: boolean, graphicOnly: boolean): string {
  return "'" + escapedRune(validRune(r) ? r : 0xfffd, 0x27, asciiOnly, graphicOnly) + "'";
}

/** Go's strconv.Quote: a double-quoted Go literal; non-printable runes and invalid bytes escaped. */
export function Quote(s: string): string {
  return quoteWith(s, 0x22, false, false);
}

/** Go's strconv.QuoteToASCII: as Quote, with every non-ASCII rune escaped too. */
export function QuoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true, false);
}

/** Go's strconv.QuoteToGraphic. */
export function QuoteToGraphic(s: string): string {
  return quoteWith(s, 0x22, false, true);
}

/** Go's strconv.QuoteRune: a single-quoted Go rune literal (an invalid rune is U+FFFD). */
export function QuoteRune(r: number): string {
  return quoteRuneWith(r, false, false);
}

/** Go's strconv.QuoteRuneToASCII. */
export function QuoteRuneToASCII(r: number): string {
  return quoteRuneWith(r, true, false);
}

/** Go's strconv.CanBackquote: s as a raw string literal is s. */
export function CanBackquote(s: string): boolean {
  for (let i = 0; i < s.length;) {
    const { rune, width } = decodeRune(s, i);
    i += width;
    if (width > 1) {
      if (rune === 0xfeff) return false; // BOMs are invisible.
      continue;
    }
    if (rune === 0xfffd) return false;
    if ((rune < 0x20 && rune !== 0x09) || rune === 0x60 || rune === 0x7f) return false;
  }
  return true;
}

export { isGraphic as IsGraphic, isPrint as IsPrint };

// ---------------------------------------------------------------------------
// Parsing. Errors are the text of Go's *strconv.NumError.

export interface Parsed<T> {
  readonly value: T;
  /** Go's error text, e.g. `strconv.Atoi: parsing "x": invalid syntax`; undefined when parsing succeeded. */
  readonly err: string | undefined;
}

const SYNTAX = "invalid syntax";
const RANGE = "value out of range";

function numError(fn: string, s: string, why: string): string {
  return `strconv.${fn}: parsing ${Quote(s)}: ${why}`;
}

/** What int64 and uint64 results beyond 2^53 do in chanscope (gofront/README.md, "Values"). */
function exactOrStop(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error("integer overflow beyond 2^53 is not supported by chanscope");
  }
  return Number(n);
}

const lower = (c: number): number => c | 0x20;

function underscoreOK(s: string): boolean {
  let saw = "^";
  let i = 0;
  if (s.length >= 1 && (s[0] === "-" || s[0] === "+")) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === "0" && "box".includes(String.fromCharCode(lower(s.charCodeAt(1))))) {
    i = 2;
    saw = "0"; // The base prefix counts as a digit for "underscore as digit separator".
    hex = lower(s.charCodeAt(1)) === 0x78;
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (hex && lower(c) >= 0x61 && lower(c) <= 0x66)) {
      saw = "0";
      continue;
    }
    if (c === 0x5f) {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}

/** ParseUint's result before it becomes a number: Go's uint64, exact. */
function parseUint64(s: string, base: number, bitSize: number): { readonly n: bigint; readonly why: string | undefined } {
  if (s === "") return { n: 0n, why: SYNTAX };
  const base0 = base === 0;
  const s0 = s;
  if (base === 0) {
    base = 10;
    if (s[0] === "0") {
      const c1 = s.length >= 3 ? lower(s.charCodeAt(1)) : 0;
      if (c1 === 0x62) [base, s] = [2, s.slice(2)];
      else if (c1 === 0x6f) [base, s] = [8, s.slice(2)];
      else if (c1 === 0x78) [base, s] = [16, s.slice(2)];
      else [base, s] = [8, s.slice(1)];
    }
  } else if (base < 2 || base > 36) {
    return { n: 0n, why: `invalid base ${base}` };
  }
  if (bitSize === 0) bitSize = 64;
  else if (bitSize < 0 || bitSize > 64) return { n: 0n, why: `invalid bit size ${bitSize}` };
  const maxVal = (1n << BigInt(bitSize)) - 1n;
  const b = BigInt(base);
  let underscores = false;
  let n = 0n;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c === 0x5f && base0) {
      underscores = true;
      continue;
    } else if (c >= 48 && c <= 57) d = c - 48;
    else if (lower(c) >= 0x61 && lower(c) <= 0x7a) d = lower(c) - 0x61 + 10;
    else return { n: 0n, why: SYNTAX };
    if (d >= base) return { n: 0n, why: SYNTAX };
    n = n * b + BigInt(d);
    if (n > maxVal) return { n: maxVal, why: RANGE };
  }
  if (underscores && !underscoreOK(s0)) return { n: 0n, why: SYNTAX };
  return { n, why: undefined };
}

/** Go's strconv.ParseUint. */
export function ParseUint(s: string, base: number, bitSize: number): Parsed<number> {
  const { n, why } = parseUint64(s, base, bitSize);
  return { value: exactOrStop(n), err: why === undefined ? undefined : numError("ParseUint", s, why) };
}

function parseInt64(fn: string, s: string, base: number, bitSize: number): Parsed<number> {
  if (s === "") return { value: 0, err: numError(fn, s, SYNTAX) };
  let neg = false;
  let body = s;
  if (s[0] === "+") body = s.slice(1);
  else if (s[0] === "-") [neg, body] = [true, s.slice(1)];
  const { n: un, why } = parseUint64(body, base, bitSize);
  if (why !== undefined && why !== RANGE) return { value: 0, err: numError(fn, s, why) };
  const cutoff = 1n << BigInt((bitSize === 0 ? 64 : bitSize) - 1);
  if (!neg && un >= cutoff) return { value: exactOrStop(cutoff - 1n), err: numError(fn, s, RANGE) };
  if (neg && un > cutoff) return { value: exactOrStop(-cutoff), err: numError(fn, s, RANGE) };
  return { value: exactOrStop(neg ? -un : un), err: undefined };
}

/** Go's strconv.ParseInt (base 0: the base from the prefix, underscores allowed). */
export function ParseInt(s: string, base: number, bitSize: number): Parsed<number> {
  return parseInt64("ParseInt", s, base, bitSize);
}

/** Go's strconv.Atoi. */
export function Atoi(s: string): Parsed<number> {
  return parseInt64("Atoi", s, 10, 0);
}

/** Go's strconv.ParseBool. */
export function ParseBool(str: string): Parsed<boolean> {
  switch (str) {
    case "1":
    case "t":
    case "T":
    case "true":
    case "TRUE":
    case "True":
      return { value: true, err: undefined };
    case "0":
    case "f":
    case "F":
    case "false":
    case "FALSE":
    case "False":
      return { value: false, err: undefined };
  }
  return { value: false, err: numError("ParseBool", str, SYNTAX) };
}

function commonPrefixLenIgnoreCase(s: string, prefix: string): number {
  const n = Math.min(prefix.length, s.length);
  for (let i = 0; i < n; i++) {
    if (lower(s.charCodeAt(i)) !== prefix.charCodeAt(i)) return i;
  }
  return n;
}

/** Go's special: a prefix of s that is an infinity or NaN, and its length. */
function special(s: string): { readonly value: number; readonly n: number } | undefined {
  if (s.length === 0) return undefined;
  let sign = 1;
  let nsign = 0;
  let rest = s;
  if (s[0] === "+" || s[0] === "-") {
    if (s[0] === "-") sign = -1;
    nsign = 1;
    rest = s.slice(1);
  } else if (lower(s.charCodeAt(0)) === 0x6e) {
    return commonPrefixLenIgnoreCase(s, "nan") === 3 ? { value: NaN, n: 3 } : undefined;
  } else if (lower(s.charCodeAt(0)) !== 0x69) {
    return undefined;
  }
  let n = commonPrefixLenIgnoreCase(rest, "infinity");
  if (3 < n && n < 8) n = 3;
  return n === 3 || n === 8 ? { value: sign * Infinity, n: nsign + n } : undefined;
}

interface ReadFloat {
  /** Every significant digit, as an integer. */
  readonly mant: bigint;
  /** The value is mant × base^exp (base 10, or 2 for hex floats). */
  readonly exp: number;
  readonly neg: boolean;
  readonly hex: boolean;
  /** How many bytes of s were read. */
  readonly n: number;
}

/** Go's readFloat, keeping every digit (Go keeps 19 and a truncation flag; both round the same). */
function readFloat(s: string): ReadFloat | undefined {
  let underscores = false;
  let i = 0;
  let neg = false;
  if (i >= s.length) return undefined;
  if (s[i] === "+") i++;
  else if (s[i] === "-") [neg, i] = [true, i + 1];
  let base = 10;
  let expChar = 0x65; // 'e'
  let hex = false;
  if (i + 2 < s.length && s[i] === "0" && lower(s.charCodeAt(i + 1)) === 0x78) {
    base = 16;
    i += 2;
    expChar = 0x70; // 'p'
    hex = true;
  }
  let sawdot = false;
  let sawdigits = false;
  let nd = 0;
  let dp = 0;
  let digits = "";
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5f) {
      underscores = true;
      continue;
    }
    if (c === 0x2e) {
      if (sawdot) break;
      sawdot = true;
      dp = nd;
      continue;
    }
    if (c >= 48 && c <= 57) {
      sawdigits = true;
      if (c === 48 && nd === 0) {
        dp--; // Leading zeros.
        continue;
      }
      nd++;
      digits += s[i];
      continue;
    }
    if (base === 16 && lower(c) >= 0x61 && lower(c) <= 0x66) {
      sawdigits = true;
      nd++;
      digits += s[i];
      continue;
    }
    break;
  }
  if (!sawdigits) return undefined;
  if (!sawdot) dp = nd;
  if (base === 16) {
    dp *= 4;
    nd *= 4;
  }
  if (i < s.length && lower(s.charCodeAt(i)) === expChar) {
    i++;
    if (i >= s.length) return undefined;
    let esign = 1;
    if (s[i] === "+") i++;
    else if (s[i] === "-") [esign, i] = [-1, i + 1];
    if (i >= s.length || s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return undefined;
    let e = 0;
    for (; i < s.length && ((s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) || s[i] === "_"); i++) {
      if (s[i] === "_") {
        underscores = true;
        continue;
      }
      if (e < 10000) e = e * 10 + s.charCodeAt(i) - 48;
    }
    dp += e * esign;
  } else if (base === 16) {
    return undefined;
  }
  if (underscores && !underscoreOK(s.slice(0, i))) return undefined;
  const mant = digits === "" ? 0n : BigInt((hex ? "0x" : "") + digits);
  return { mant, exp: dp - nd, neg, hex, n: i };
}

function bitLength(m: bigint): number {
  return m.toString(2).length;
}

/** mant × 2^e2 rounded to the nearest float of flt (ties to even), ±Infinity beyond its range. */
function binaryToFloat(mant: bigint, e2: number, flt: FloatInfo): number {
  if (mant === 0n) return 0;
  const bl = bitLength(mant);
  const p = flt.mantbits + 1;
  const emin = flt.bias + 1;
  const top = bl - 1 + e2;
  // Below the normal range the precision shrinks, so that the last bit kept is the subnormals' unit.
  const keep = top < emin ? p - (emin - top) : p;
  const shift = bl - keep;
  let q = mant;
  let eq = e2;
  if (shift > 0) {
    const s = BigInt(shift);
    q = mant >> s;
    const rem = mant - (q << s);
    const half = 1n << (s - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q++;
    eq = e2 + shift;
  }
  const v = Number(q) * 2 ** eq;
  return flt === FLOAT32 && v >= 2 ** 128 ? Infinity : v;
}

/** mant × 10^e10 rounded to the nearest float of flt (ties to even). */
function decimalToFloat(mant: bigint, e10: number, flt: FloatInfo): number {
  if (mant === 0n) return 0;
  const magnitude = e10 + mant.toString().length; // The value is below 10^magnitude, at least 10^(magnitude-1).
  if (magnitude > (flt === FLOAT32 ? 40 : 310)) return Infinity;
  if (magnitude < (flt === FLOAT32 ? -47 : -325)) return 0;
  if (e10 >= 0) return binaryToFloat(mant * 10n ** BigInt(e10), 0, flt);
  const den = 10n ** BigInt(-e10);
  // Enough quotient bits for the rounding, and a sticky bit for what is left.
  const k = Math.max(0, 66 + bitLength(den) - bitLength(mant));
  const num = mant << BigInt(k);
  const q = num / den;
  const sticky = num % den === 0n ? 0n : 1n;
  return binaryToFloat((q << 1n) | sticky, -k - 1, flt);
}

/** Go's strconv.ParseFloat (bitSize 32 rounds to float32, as Go does, correctly rounded from the decimal). */
export function ParseFloat(s: string, bitSize: number): Parsed<number> {
  const flt = bitSize === 32 ? FLOAT32 : FLOAT64;
  const sp = special(s);
  if (sp !== undefined) {
    return sp.n === s.length ? { value: sp.value, err: undefined } : { value: 0, err: numError("ParseFloat", s, SYNTAX) };
  }
  const r = readFloat(s);
  if (r === undefined || r.n !== s.length) return { value: 0, err: numError("ParseFloat", s, SYNTAX) };
  const magnitude = r.hex ? binaryToFloat(r.mant, r.exp, flt) : decimalToFloat(r.mant, r.exp, flt);
  const value = r.neg ? -magnitude : magnitude;
  return { value, err: magnitude === Infinity ? numError("ParseFloat", s, RANGE) : undefined };
}
