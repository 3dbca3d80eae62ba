// Go's unicode/utf8 over Go byte strings and []byte Slices.

import { runtimeError } from "../panics";
import { decodeRune, runeString, type Slice } from "../values";
import { appendBytes, bytesText } from "./append";

const RUNE_ERROR = 0xfffd;
const RUNE_SELF = 0x80;
const UTF_MAX = 4;

/** Go's utf8.DecodeRuneInString: (RuneError, 0) for "", (RuneError, 1) for an invalid byte. */
export function DecodeRuneInString(s: string): [number, number] {
  if (s.length === 0) return [RUNE_ERROR, 0];
  const { rune, width } = decodeRune(s, 0);
  return [rune, width];
}

export const DecodeRune = (p: Slice<number> | null): [number, number] => DecodeRuneInString(bytesText(p));

const runeStart = (b: number): boolean => (b & 0xc0) !== 0x80;

/** Go's utf8.DecodeLastRuneInString. */
export function DecodeLastRuneInString(s: string): [number, number] {
  const end = s.length;
  if (end === 0) return [RUNE_ERROR, 0];
  let start = end - 1;
  const last = s.charCodeAt(start);
  if (last < RUNE_SELF) return [last, 1];
  const lim = Math.max(0, end - UTF_MAX);
  for (start--; start >= lim; start--) if (runeStart(s.charCodeAt(start))) break;
  start = Math.max(start, 0);
  const [r, size] = DecodeRuneInString(s.slice(start, end));
  return start + size === end ? [r, size] : [RUNE_ERROR, 1];
}

export const DecodeLastRune = (p: Slice<number> | null): [number, number] => DecodeLastRuneInString(bytesText(p));

/** Go's utf8.RuneCountInString: invalid bytes count one each. */
export function RuneCountInString(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; n++) i += s.charCodeAt(i) < RUNE_SELF ? 1 : decodeRune(s, i).width;
  return n;
}

export const RuneCount = (p: Slice<number> | null): number => RuneCountInString(bytesText(p));

/** Go's utf8.ValidRune: a Unicode scalar value. */
export function ValidRune(r: number): boolean {
  return (r >= 0 && r < 0xd800) || (r > 0xdfff && r <= 0x10ffff);
}

/** Go's utf8.RuneLen: -1 for what is not a valid rune. */
export function RuneLen(r: number): number {
  if (!ValidRune(r)) return -1;
  return r < 0x80 ? 1 : r < 0x800 ? 2 : r < 0x10000 ? 3 : 4;
}

/** Go's utf8.ValidString. */
export function ValidString(s: string): boolean {
  for (let i = 0; i < s.length;) {
    if (s.charCodeAt(i) < RUNE_SELF) {
      i++;
      continue;
    }
    const { rune, width } = decodeRune(s, i);
    if (rune === RUNE_ERROR && width === 1) return false;
    i += width;
  }
  return true;
}

export const Valid = (p: Slice<number> | null): boolean => ValidString(bytesText(p));

/** Go's utf8.EncodeRune: writes r's UTF-8 (U+FFFD for an invalid rune) into p; too short a p panics as Go's indexing does. */
export function EncodeRune(p: Slice<number> | null, r: number): number {
  const bytes = runeString(r);
  const length = p?.length ?? 0;
  if (p === null || bytes.length > length) runtimeError(`index out of range [${bytes.length - 1}] with length ${length}`);
  for (let i = 0; i < bytes.length; i++) p.set(i, bytes.charCodeAt(i));
  return bytes.length;
}

/** Go's utf8.AppendRune. */
export function AppendRune(p: Slice<number> | null, r: number): Slice<number> | null {
  return appendBytes(p, runeString(r));
}

// The first byte of a sequence: its length, and the range its second byte must be in (Go's first and acceptRanges).
function sequence(b: number): { readonly size: number; readonly lo: number; readonly hi: number } {
  if (b < 0xc2 || b > 0xf4) return { size: 1, lo: 0x80, hi: 0xbf };
  if (b < 0xe0) return { size: 2, lo: 0x80, hi: 0xbf };
  if (b < 0xf0) return { size: 3, lo: b === 0xe0 ? 0xa0 : 0x80, hi: b === 0xed ? 0x9f : 0xbf };
  return { size: 4, lo: b === 0xf0 ? 0x90 : 0x80, hi: b === 0xf4 ? 0x8f : 0xbf };
}

/** Go's utf8.FullRuneInString: s begins with a whole rune, or with bytes that can never become one. */
export function FullRuneInString(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const { size, lo, hi } = sequence(s.charCodeAt(0));
  if (n >= size) return true;
  const outside = (c: number, l: number, h: number): boolean => c < l || c > h;
  if (n > 1 && outside(s.charCodeAt(1), lo, hi)) return true;
  return n > 2 && outside(s.charCodeAt(2), 0x80, 0xbf);
}

export const FullRune = (p: Slice<number> | null): boolean => FullRuneInString(bytesText(p));

/** Go's utf8.RuneStart. */
export const RuneStart = (b: number): boolean => runeStart(b);
