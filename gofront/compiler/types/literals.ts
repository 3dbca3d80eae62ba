// Go's literals as constants (spec: "Integer literals" … "String literals"):
// bases and underscores, hex floats, rune and string escapes. A string's value
// is a Go byte string (one char per UTF-8 byte), as the compiled program holds
// it; `\xff` is one byte, `\u00e9` two.

import type { BasicLit } from "../syntax/ast";
import { intConst, ratConst, stringConst, type ConstValue, type Rat } from "./constant";

export class LiteralError extends Error {}

export function literalValue(lit: BasicLit): ConstValue {
  switch (lit.lit) {
    case "int":
      return intConst(parseIntLiteral(lit.raw));
    case "float":
      return ratConst(parseFloatExact(lit.raw));
    case "rune":
      return intConst(BigInt(parseRuneLiteral(lit.raw)));
    case "string":
      return stringConst(parseStringLiteral(lit.raw));
  }
}

export function parseIntLiteral(raw: string): bigint {
  const s = raw.replace(/_/g, "");
  if (/^0[xX][0-9a-fA-F]+$/.test(s) || /^0[bB][01]+$/.test(s) || /^0[oO][0-7]+$/.test(s)) return BigInt(s.toLowerCase());
  // A leading 0 is octal, as in C.
  if (/^0[0-7]+$/.test(s)) return BigInt(`0o${s.slice(1)}`);
  if (/^(0|[1-9][0-9]*)$/.test(s)) return BigInt(s);
  throw new LiteralError(`invalid integer literal ${raw}`);
}

/** A float literal's exact value: 1.5e-3 is 15/10000, 0x1p-2 is 1/4. */
export function parseFloatExact(raw: string): Rat {
  const s = raw.replace(/_/g, "");
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (hex !== null) {
    const frac = hex[2] ?? "";
    const mantissa = BigInt(`0x${(hex[1] ?? "") + frac || "0"}`);
    const exp = Number(hex[3]) - 4 * frac.length;
    return exp >= 0 ? { num: mantissa << BigInt(exp), den: 1n } : { num: mantissa, den: 1n << BigInt(-exp) };
  }
  const dec = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(s);
  if (dec === null || (dec[1] === "" && (dec[2] ?? "") === "")) throw new LiteralError(`invalid floating-point literal ${raw}`);
  const frac = dec[2] ?? "";
  const mantissa = BigInt((dec[1] ?? "") + frac || "0");
  const exp = Number(dec[3] ?? "0") - frac.length;
  return exp >= 0 ? { num: mantissa * 10n ** BigInt(exp), den: 1n } : { num: mantissa, den: 10n ** BigInt(-exp) };
}

export function parseFloatLiteral(raw: string): number {
  const s = raw.replace(/_/g, "");
  const hex = /^0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/.exec(s);
  if (hex !== null) {
    const int = hex[1] ?? "";
    const frac = hex[2] ?? "";
    const mantissa = parseInt(int + frac || "0", 16);
    return mantissa * 2 ** (Number(hex[3]) - 4 * frac.length);
  }
  const v = Number(s);
  if (Number.isNaN(v)) throw new LiteralError(`invalid floating-point literal ${raw}`);
  return v;
}

/** Reads one escape or character of a quoted literal at `i`; returns its bytes (as a byte string) or code point, and the next index. */
function readChar(
  body: string,
  i: number,
  quote: "'" | '"',
): { readonly bytes: string; readonly rune: number | undefined; readonly next: number } {
  const c = body[i] as string;
  if (c !== "\\") {
    const cp = body.codePointAt(i) as number;
    return { bytes: utf8(cp), rune: cp, next: i + (cp > 0xffff ? 2 : 1) };
  }
  const e = body[i + 1];
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
  if (e !== undefined && e in simple) {
    const v = simple[e] as number;
    return { bytes: String.fromCharCode(v), rune: v, next: i + 2 };
  }
  if (e === quote) return { bytes: quote, rune: quote.charCodeAt(0), next: i + 2 };
  if (e === "x") {
    const h = body.slice(i + 2, i + 4);
    if (!/^[0-9a-fA-F]{2}$/.test(h)) throw new LiteralError("invalid escape sequence");
    // \xNN is one byte, not a code point: in a rune literal it is the value NN.
    return { bytes: String.fromCharCode(parseInt(h, 16)), rune: parseInt(h, 16), next: i + 4 };
  }
  if (e !== undefined && /[0-7]/.test(e)) {
    const o = body.slice(i + 1, i + 4);
    if (!/^[0-7]{3}$/.test(o) || parseInt(o, 8) > 255) throw new LiteralError("invalid octal escape");
    return { bytes: String.fromCharCode(parseInt(o, 8)), rune: parseInt(o, 8), next: i + 4 };
  }
  if (e === "u" || e === "U") {
    const n = e === "u" ? 4 : 8;
    const h = body.slice(i + 2, i + 2 + n);
    if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(h)) throw new LiteralError("invalid escape sequence");
    const cp = parseInt(h, 16);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new LiteralError("escape is invalid Unicode code point");
    return { bytes: utf8(cp), rune: cp, next: i + 2 + n };
  }
  throw new LiteralError("unknown escape sequence");
}

export function parseRuneLiteral(raw: string): number {
  const body = raw.slice(1, -1);
  if (body === "") throw new LiteralError("empty rune literal or unescaped ' in rune literal");
  const c = readChar(body, 0, "'");
  if (c.next !== body.length) throw new LiteralError("more than one character in rune literal");
  return c.rune as number;
}

export function parseStringLiteral(raw: string): string {
  if (raw.startsWith("`")) {
    // Raw strings: as written, carriage returns dropped (spec), as UTF-8 bytes.
    let out = "";
    for (const ch of raw.slice(1, -1).replace(/\r/g, "")) out += utf8(ch.codePointAt(0) as number);
    return out;
  }
  const body = raw.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length;) {
    const c = readChar(body, i, '"');
    out += c.bytes;
    i = c.next;
  }
  return out;
}

/** A code point's UTF-8 bytes as a byte string. */
function utf8(cp: number): string {
  if (cp < 0x80) return String.fromCharCode(cp);
  if (cp < 0x800) return String.fromCharCode(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
  if (cp < 0x10000) return String.fromCharCode(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  return String.fromCharCode(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
}
