// Go's strconv package as a compiled program calls it: the Go-exact
// formatting and parsing of lib/strconv.ts, with Go's (value, error) results.
// A parse error is a *strconv.NumError whose Err is ErrSyntax or ErrRange
// themselves, so errors.Is finds them.

import * as conv from "../strconv";
import { basicType, definedType, pointerTo, ERROR, type GoType } from "../types";
import { Iface, decodeRune, runeString, type Slice } from "../values";
import { appendBytes } from "./append";
import { New, errorText, newError } from "./errors";
import { pointerMethods } from "./methods";
import { ValidRune } from "./utf8";

export const ErrRange = New("value out of range");
export const ErrSyntax = New("invalid syntax");

export class NumError {
  constructor(
    public Func = "",
    public Num = "",
    public Err: Iface | null = null,
  ) {}

  Error(): string {
    return `strconv.${this.Func}: parsing ${conv.Quote(this.Num)}: ${this.Err === null ? "<nil>" : errorText(this.Err)}`;
  }

  Unwrap(): Iface | null {
    return this.Err;
  }
}

const STRING = basicType("string");
export const NumError$type: GoType = definedType("strconv.NumError", {
  kind: "struct",
  fields: [
    { name: "Func", type: STRING, embedded: false, exported: true },
    { name: "Num", type: STRING, embedded: false, exported: true },
    { name: "Err", type: ERROR, embedded: false, exported: true },
  ],
});
const NUM_ERROR_PTR = pointerTo(NumError$type);
pointerMethods(NumError$type, ["Error", "Unwrap"]);

/** Go's result for a lib/strconv parse: its text `strconv.F: parsing "s": why` as the *NumError it spells. */
function result<T>(fn: string, s: string, parsed: conv.Parsed<T>): [T, Iface | null] {
  if (parsed.err === undefined) return [parsed.value, null];
  const why = parsed.err.slice(`strconv.${fn}: parsing ${conv.Quote(s)}: `.length);
  const err = why === "invalid syntax" ? ErrSyntax : why === "value out of range" ? ErrRange : newError(why);
  return [parsed.value, new Iface(NUM_ERROR_PTR, new NumError(fn, s, err))];
}

export const Atoi = (s: string): [number, Iface | null] => result("Atoi", s, conv.Atoi(s));
export const ParseInt = (s: string, base: number, bitSize: number): [number, Iface | null] =>
  result("ParseInt", s, conv.ParseInt(s, base, bitSize));
export const ParseUint = (s: string, base: number, bitSize: number): [number, Iface | null] =>
  result("ParseUint", s, conv.ParseUint(s, base, bitSize));
export const ParseFloat = (s: string, bitSize: number): [number, Iface | null] => result("ParseFloat", s, conv.ParseFloat(s, bitSize));
export const ParseBool = (str: string): [boolean, Iface | null] => result("ParseBool", str, conv.ParseBool(str));

export const Itoa = conv.Itoa;
export const FormatInt = conv.FormatInt;
export const FormatUint = conv.FormatUint;
export const FormatBool = conv.FormatBool;
/** Go's strconv.FormatFloat; fmt is a byte ('f', 'e', 'g'…). */
export const FormatFloat = (f: number, fmt: number, prec: number, bitSize: number): string => conv.FormatFloat(f, fmt, prec, bitSize);
export const Quote = conv.Quote;
export const QuoteToASCII = conv.QuoteToASCII;
export const QuoteToGraphic = conv.QuoteToGraphic;
export const QuoteRune = conv.QuoteRune;
export const QuoteRuneToASCII = conv.QuoteRuneToASCII;
export const CanBackquote = conv.CanBackquote;
export const IsPrint = conv.IsPrint;
export const IsGraphic = conv.IsGraphic;

export const AppendInt = (dst: Slice<number> | null, i: number, base: number): Slice<number> | null =>
  appendBytes(dst, conv.FormatInt(i, base));
export const AppendQuote = (dst: Slice<number> | null, s: string): Slice<number> | null => appendBytes(dst, conv.Quote(s));

// ---------------------------------------------------------------------------
// Unquote, from Go 1.19's strconv/quote.go.

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 0x5c };
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Go's strconv.UnquoteChar: the first character of s, decoded; err is ErrSyntax or null. */
export function UnquoteChar(s: string, quote: number): [number, boolean, string, Iface | null] {
  const fail: [number, boolean, string, Iface | null] = [0, false, "", ErrSyntax];
  if (s.length === 0) return fail;
  const c = s.charCodeAt(0);
  if (c === quote && (quote === 0x27 || quote === 0x22)) return fail;
  if (c >= 0x80) {
    const { rune, width } = decodeRune(s, 0);
    return [rune, true, s.slice(width), null];
  }
  if (c !== 0x5c) return [c, false, s.slice(1), null];
  if (s.length <= 1) return fail;
  const e = s.charAt(1);
  const rest = s.slice(2);
  const simple = SIMPLE_ESCAPES[e];
  if (simple !== undefined) return [simple, false, rest, null];
  const n = HEX_DIGITS[e];
  if (n !== undefined) {
    const digits = rest.slice(0, n);
    if (digits.length < n || !/^[0-9a-fA-F]+$/.test(digits)) return fail;
    const v = parseInt(digits, 16);
    if (e === "x") return [v, false, rest.slice(n), null];
    return ValidRune(v) ? [v, true, rest.slice(n), null] : fail;
  }
  if (e >= "0" && e <= "7") {
    const digits = s.slice(1, 4);
    if (!/^[0-7]{3}$/.test(digits)) return fail;
    const v = parseInt(digits, 8);
    return v > 255 ? fail : [v, false, s.slice(4), null];
  }
  if ((e === "'" || e === '"') && e.charCodeAt(0) === quote) return [quote, false, rest, null];
  return fail;
}

/** Go's strconv.Unquote: the value of a Go string, rune or raw string literal. */
export function Unquote(s: string): [string, Iface | null] {
  const q = s.charAt(0);
  const end = s.indexOf(q, 1) + 1;
  if (s.length < 2 || end <= 0) return ["", ErrSyntax];
  if (q === "`") return end === s.length ? [s.slice(1, end - 1).replaceAll("\r", ""), null] : ["", ErrSyntax];
  if (q !== '"' && q !== "'") return ["", ErrSyntax];
  return unquoteEscaped(s, q.charCodeAt(0));
}

function unquoteEscaped(s: string, quote: number): [string, Iface | null] {
  let out = "";
  let rest = s.slice(1);
  while (rest.length > 0 && rest.charCodeAt(0) !== quote) {
    const [r, multibyte, tail, err] = UnquoteChar(rest, quote);
    if (rest.charCodeAt(0) === 0x0a || err !== null) return ["", ErrSyntax];
    rest = tail;
    out += r < 0x80 || !multibyte ? String.fromCharCode(r) : runeString(r);
    if (quote === 0x27) break;
  }
  if (!(rest.length > 0 && rest.charCodeAt(0) === quote) || rest.length > 1) return ["", ErrSyntax];
  return [out, null];
}
