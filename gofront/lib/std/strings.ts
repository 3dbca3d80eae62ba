// Go's strings package over Go byte strings (values.ts): indexes and lengths
// are in bytes, runes are decoded from UTF-8 where Go decodes them (an invalid
// byte is U+FFFD, width 1), and case mapping is Go's rune-to-rune mapping.

import { goPanic } from "../panics";
import { basicType, definedType, sliceOf } from "../types";
import { Iface, Slice, decodeRune, runeString } from "../values";
import { bytesText } from "./append";
import { synchronous, type GoFunc } from "./calls";
import { pointerMethods } from "./methods";
import { foldKey, isLetterOrDigit, isSpace, toLower, toTitle, toUpper } from "./unicode";
import { DecodeLastRuneInString, RuneCountInString, ValidRune } from "./utf8";

const STRING = basicType("string");
const RUNE_SELF = 0x80;
const RUNE_ERROR = 0xfffd;

type RuneFunc = GoFunc<[number], number>;
type RuneTest = GoFunc<[number], boolean>;

/** A panic whose value is a Go string, as the strings package's own panics are. */
const stringPanic = (text: string): never => goPanic(new Iface(STRING, text));

// ---------------------------------------------------------------------------
// Builder and Replacer

export class Builder {
  buf = "";

  String(): string {
    return this.buf;
  }
  Len(): number {
    return this.buf.length;
  }
  Reset(): void {
    this.buf = "";
  }
  Grow(n: number): void {
    if (n < 0) stringPanic("strings.Builder.Grow: negative count");
  }
  Write(p: Slice<number> | null): [number, null] {
    this.buf += bytesText(p);
    return [p?.length ?? 0, null];
  }
  WriteString(s: string): [number, null] {
    this.buf += s;
    return [s.length, null];
  }
  WriteByte(c: number): null {
    this.buf += String.fromCharCode(c);
    return null;
  }
  WriteRune(r: number): [number, null] {
    const bytes = runeString(r);
    this.buf += bytes;
    return [bytes.length, null];
  }
}

export const Builder$type = definedType("strings.Builder", {
  kind: "struct",
  fields: [{ name: "buf", type: sliceOf(basicType("uint8")), embedded: false, exported: false }],
});
pointerMethods(Builder$type, ["String", "Len", "Reset", "Grow", "Write", "WriteString", "WriteByte", "WriteRune"]);

export class Replacer {
  constructor(readonly oldnew: readonly string[] = []) {}

  /** At each position the first pair (in argument order) whose old string is there; an empty old string matches between bytes, as Go's generic replacer does. */
  Replace(s: string): string {
    let out = "";
    let last = 0;
    let prevMatchEmpty = false;
    for (let i = 0; i <= s.length;) {
      const k = this.pairAt(s, i, prevMatchEmpty);
      prevMatchEmpty = k >= 0 && this.oldnew[k] === "";
      if (k < 0) {
        i++;
        continue;
      }
      out += s.slice(last, i) + (this.oldnew[k + 1] ?? "");
      i += (this.oldnew[k] ?? "").length;
      last = i;
    }
    return out + s.slice(last);
  }

  private pairAt(s: string, i: number, skipEmpty: boolean): number {
    for (let k = 0; k < this.oldnew.length; k += 2) {
      const old = this.oldnew[k] ?? "";
      if (old === "" ? !skipEmpty : s.startsWith(old, i)) return k;
    }
    return -1;
  }
}

export const Replacer$type = definedType("strings.Replacer", { kind: "struct", fields: [] });
pointerMethods(Replacer$type, ["Replace"]);

/** Go's strings.NewReplacer(oldnew...). */
export function NewReplacer(oldnew: Slice<string> | null): Replacer {
  const pairs = oldnew?.toArray() ?? [];
  if (pairs.length % 2 === 1) stringPanic("strings.NewReplacer: odd argument count");
  return new Replacer(pairs);
}

// ---------------------------------------------------------------------------
// Searching

export const Contains = (s: string, substr: string): boolean => s.includes(substr);
export const ContainsRune = (s: string, r: number): boolean => IndexRune(s, r) >= 0;
export const ContainsAny = (s: string, chars: string): boolean => IndexAny(s, chars) >= 0;
export const ContainsFunc = (s: string, f: RuneTest): boolean => IndexFunc(s, f) >= 0;
export const HasPrefix = (s: string, prefix: string): boolean => s.startsWith(prefix);
export const HasSuffix = (s: string, suffix: string): boolean => s.endsWith(suffix);
export const Index = (s: string, substr: string): number => s.indexOf(substr);
export const LastIndex = (s: string, substr: string): number => s.lastIndexOf(substr);
export const IndexByte = (s: string, c: number): number => s.indexOf(String.fromCharCode(c));
export const LastIndexByte = (s: string, c: number): number => s.lastIndexOf(String.fromCharCode(c));

/** Go's strings.IndexRune: U+FFFD also finds an invalid byte; an invalid rune is never found. */
export function IndexRune(s: string, r: number): number {
  if (r >= 0 && r < RUNE_SELF) return IndexByte(s, r);
  if (r === RUNE_ERROR) return indexWhere(s, (c) => c === RUNE_ERROR);
  return ValidRune(r) ? s.indexOf(runeString(r)) : -1;
}

/** The byte index of the first rune of s that test accepts, or -1. */
function indexWhere(s: string, test: (r: number) => boolean): number {
  for (let i = 0; i < s.length;) {
    const { rune, width } = decodeRune(s, i);
    if (test(rune)) return i;
    i += width;
  }
  return -1;
}

/** The byte index of the last rune of s that test accepts, or -1. */
function lastIndexWhere(s: string, test: (r: number) => boolean): number {
  for (let end = s.length; end > 0;) {
    const [rune, width] = DecodeLastRuneInString(s.slice(0, end));
    end -= width;
    if (test(rune)) return end;
  }
  return -1;
}

export function IndexAny(s: string, chars: string): number {
  return chars === "" ? -1 : indexWhere(s, (r) => IndexRune(chars, r) >= 0);
}

export function LastIndexAny(s: string, chars: string): number {
  return chars === "" ? -1 : lastIndexWhere(s, (r) => IndexRune(chars, r) >= 0);
}

export const IndexFunc = (s: string, f: RuneTest): number => indexWhere(s, synchronous("strings.IndexFunc", f));
export const LastIndexFunc = (s: string, f: RuneTest): number => lastIndexWhere(s, synchronous("strings.LastIndexFunc", f));

/** Go's strings.Count: non-overlapping instances; "" is found around every rune. */
export function Count(s: string, substr: string): number {
  if (substr === "") return RuneCountInString(s) + 1;
  let n = 0;
  for (let i = s.indexOf(substr); i >= 0; i = s.indexOf(substr, i + substr.length)) n++;
  return n;
}

// ---------------------------------------------------------------------------
// Splitting and joining

/** s split into its UTF-8 sequences, an invalid byte as U+FFFD (as Go's explode does), at most n pieces (n < 0: all). */
function explode(s: string, n: number): Slice<string> {
  const l = RuneCountInString(s);
  if (n < 0 || n > l) n = l;
  const pieces: string[] = [];
  let i = 0;
  while (pieces.length < n - 1) {
    const { rune, width } = decodeRune(s, i);
    pieces.push(rune === RUNE_ERROR ? runeString(RUNE_ERROR) : s.slice(i, i + width));
    i += width;
  }
  if (n > 0) pieces.push(s.slice(i));
  return Slice.of(pieces);
}

/** Go's genSplit: at most n pieces (n < 0: all), each keeping sepSave bytes of its separator. */
function genSplit(s: string, sep: string, sepSave: number, n: number): Slice<string> | null {
  if (n === 0) return null;
  if (sep === "") return explode(s, n);
  if (n < 0) n = Count(s, sep) + 1;
  if (n > s.length + 1) n = s.length + 1;
  const pieces: string[] = [];
  while (pieces.length < n - 1) {
    const m = s.indexOf(sep);
    if (m < 0) break;
    pieces.push(s.slice(0, m + sepSave));
    s = s.slice(m + sep.length);
  }
  pieces.push(s);
  return new Slice(pieces, 0, pieces.length, n);
}

export const Split = (s: string, sep: string): Slice<string> | null => genSplit(s, sep, 0, -1);
export const SplitN = (s: string, sep: string, n: number): Slice<string> | null => genSplit(s, sep, 0, n);
export const SplitAfter = (s: string, sep: string): Slice<string> | null => genSplit(s, sep, sep.length, -1);
export const SplitAfterN = (s: string, sep: string, n: number): Slice<string> | null => genSplit(s, sep, sep.length, n);

/** The runs of runes that isSep rejects. */
function fieldsBy(s: string, isSep: (r: number) => boolean): Slice<string> {
  const fields: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length;) {
    const { rune, width } = decodeRune(s, i);
    if (isSep(rune)) {
      if (start >= 0) fields.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
    i += width;
  }
  if (start >= 0) fields.push(s.slice(start));
  return Slice.of(fields);
}

export const Fields = (s: string): Slice<string> => fieldsBy(s, isSpace);
export const FieldsFunc = (s: string, f: RuneTest): Slice<string> => fieldsBy(s, synchronous("strings.FieldsFunc", f));

export const Join = (elems: Slice<string> | null, sep: string): string => (elems?.toArray() ?? []).join(sep);

/** Go's strings.Cut. */
export function Cut(s: string, sep: string): [string, string, boolean] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, "", false] : [s.slice(0, i), s.slice(i + sep.length), true];
}

export const CutPrefix = (s: string, prefix: string): [string, boolean] =>
  s.startsWith(prefix) ? [s.slice(prefix.length), true] : [s, false];
export const CutSuffix = (s: string, suffix: string): [string, boolean] =>
  s.endsWith(suffix) ? [s.slice(0, s.length - suffix.length), true] : [s, false];

// ---------------------------------------------------------------------------
// Making new strings

/** Go's strings.Repeat, with its panics. */
export function Repeat(s: string, count: number): string {
  if (count === 0) return "";
  if (count < 0) stringPanic("strings: negative Repeat count");
  if (s.length * count > Number.MAX_SAFE_INTEGER) stringPanic("strings: Repeat count causes overflow");
  return s.repeat(count);
}

/** Go's strings.Replace: the first n instances (n < 0: all); an empty old matches before every rune and at the end. */
export function Replace(s: string, old: string, replacement: string, n: number): string {
  if (old === replacement || n === 0) return s;
  const m = Count(s, old);
  if (m === 0) return s;
  if (n < 0 || m < n) n = m;
  let out = "";
  let start = 0;
  for (let i = 0; i < n; i++) {
    let j = start;
    if (old.length === 0) {
      if (i > 0) j += decodeRune(s, start).width;
    } else j = s.indexOf(old, start);
    out += s.slice(start, j) + replacement;
    start = j + old.length;
  }
  return out + s.slice(start);
}

export const ReplaceAll = (s: string, old: string, replacement: string): string => Replace(s, old, replacement, -1);

/** Go's strings.Map: each rune mapped; a negative result drops it; an invalid byte becomes U+FFFD. */
export function Map(mapping: RuneFunc, s: string): string {
  return mapRunes(synchronous("strings.Map", mapping), s);
}

function mapRunes(mapping: (r: number) => number, s: string): string {
  let out = "";
  for (let i = 0; i < s.length;) {
    const { rune, width } = decodeRune(s, i);
    const r = mapping(rune);
    if (r === rune && !(rune === RUNE_ERROR && width === 1)) out += s.slice(i, i + width);
    else if (r >= 0) out += runeString(r);
    i += width;
  }
  return out;
}

const isASCII = (s: string): boolean => !/[\x80-\xff]/.test(s);

export const ToUpper = (s: string): string => (isASCII(s) ? s.toUpperCase() : mapRunes(toUpper, s));
export const ToLower = (s: string): string => (isASCII(s) ? s.toLowerCase() : mapRunes(toLower, s));
export const ToTitle = (s: string): string => mapRunes(toTitle, s);

/** Go's isSeparator for Title: what ends a word. */
function isSeparator(r: number): boolean {
  if (r <= 0x7f) return !/[0-9a-zA-Z_]/.test(String.fromCharCode(r));
  return !isLetterOrDigit(r) && isSpace(r);
}

/** Go's (deprecated) strings.Title: the first rune of each word in title case. */
export function Title(s: string): string {
  let prev = 0x20;
  return mapRunes((r) => {
    const first = isSeparator(prev);
    prev = r;
    return first ? toTitle(r) : r;
  }, s);
}

// ---------------------------------------------------------------------------
// Trimming

function trimLeftBy(s: string, trims: (r: number) => boolean): string {
  const i = indexWhere(s, (r) => !trims(r));
  return i < 0 ? "" : s.slice(i);
}

function trimRightBy(s: string, trims: (r: number) => boolean): string {
  const i = lastIndexWhere(s, (r) => !trims(r));
  return i < 0 ? "" : s.slice(0, i + decodeRuneWidthAt(s, i));
}

const decodeRuneWidthAt = (s: string, i: number): number => (s.charCodeAt(i) < RUNE_SELF ? 1 : decodeRune(s, i).width);

const inCutset = (cutset: string) => (r: number) => IndexRune(cutset, r) >= 0;

export const TrimSpace = (s: string): string => trimRightBy(trimLeftBy(s, isSpace), isSpace);
export const Trim = (s: string, cutset: string): string =>
  s === "" || cutset === "" ? s : trimRightBy(trimLeftBy(s, inCutset(cutset)), inCutset(cutset));
export const TrimLeft = (s: string, cutset: string): string => (s === "" || cutset === "" ? s : trimLeftBy(s, inCutset(cutset)));
export const TrimRight = (s: string, cutset: string): string => (s === "" || cutset === "" ? s : trimRightBy(s, inCutset(cutset)));
export const TrimFunc = (s: string, f: RuneTest): string => {
  const trims = synchronous("strings.TrimFunc", f);
  return trimRightBy(trimLeftBy(s, trims), trims);
};
export const TrimLeftFunc = (s: string, f: RuneTest): string => trimLeftBy(s, synchronous("strings.TrimLeftFunc", f));
export const TrimRightFunc = (s: string, f: RuneTest): string => trimRightBy(s, synchronous("strings.TrimRightFunc", f));
export const TrimPrefix = (s: string, prefix: string): string => (s.startsWith(prefix) ? s.slice(prefix.length) : s);
export const TrimSuffix = (s: string, suffix: string): string =>
  suffix !== "" && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;

// ---------------------------------------------------------------------------
// Comparing

export const Compare = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

/** Go's strings.EqualFold: equal under simple Unicode case folding. */
export function EqualFold(s: string, t: string): boolean {
  let i = 0;
  let j = 0;
  while (i < s.length && j < t.length) {
    const a = decodeRune(s, i);
    const b = decodeRune(t, j);
    i += a.width;
    j += b.width;
    if (a.rune !== b.rune && foldKey(a.rune) !== foldKey(b.rune)) return false;
  }
  return i === s.length && j === t.length;
}

export const Clone = (s: string): string => s;
