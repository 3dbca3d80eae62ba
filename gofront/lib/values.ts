// Go's values as a compiled program holds them in JavaScript. The choices, and
// why (gofront/README.md, "Values", says the same for readers of the code):
//
// - bool, the integer and float types: JS numbers and booleans. Sized integer
//   results are wrapped by the compiled code (int8…uint32); int, int64, uint
//   and uint64 are exact up to 2^53 and a result beyond stops the run with a
//   clear error rather than a silently wrong value (see ints.ts).
// - string: a JS string of bytes, one char code 0–255 per byte of the Go
//   string's UTF-8. len, indexing and slicing are then Go's, in O(1); text is
//   decoded from UTF-8 only where it leaves the program (printing).
// - struct: an object of a class the compiler emits per struct type, copied
//   on assignment ($clone); a pointer to a struct is the object itself.
// - a pointer to anything else: a Ptr (get/set over the variable, element or
//   field it points at).
// - slice: a Slice (a window on a JS array); nil is null.
// - map: a GoMap; nil is null.
// - interface: an Iface (dynamic type and value); nil is null.
// - chan: the runtime's channel; func: a JS function.

import type { GoType } from "./types";

/** A non-nil interface value: its dynamic type and the value. */
export class Iface {
  constructor(
    readonly type: GoType,
    readonly value: unknown,
  ) {}
}

/** A pointer to a variable, an element or a field that is not a struct object itself. */
export class Ptr<T = unknown> {
  constructor(
    readonly get: () => T,
    readonly set: (v: T) => void,
    /** What it points at, for == (two pointers to the same variable are equal). */
    readonly target: object,
    readonly key: string | number,
  ) {}
}

/** A slice: `len` elements of `array` from `offset`, room for `cap`. */
export class Slice<T = unknown> {
  constructor(
    readonly array: T[],
    readonly offset: number,
    readonly length: number,
    readonly cap: number,
  ) {}

  static of<T>(items: T[]): Slice<T> {
    return new Slice(items, 0, items.length, items.length);
  }

  get(i: number): T {
    return this.array[this.offset + i] as T;
  }

  set(i: number, v: T): void {
    this.array[this.offset + i] = v;
  }

  /** The elements, in order, as a new JS array. */
  toArray(): T[] {
    return this.array.slice(this.offset, this.offset + this.length);
  }
}

/**
 * A Go map. Keys of types JS compares by value (numbers, byte strings,
 * booleans) are used as they are; struct, array and interface keys are
 * encoded to a string (keyOf) and the original key kept for iteration.
 */
export class GoMap<K = unknown, V = unknown> {
  readonly entries = new Map<unknown, { key: K; value: V }>();

  constructor(
    readonly keyType: GoType,
    readonly keyOf: (k: K) => unknown,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  lookup(k: K): { key: K; value: V } | undefined {
    return this.entries.get(this.keyOf(k));
  }

  set(k: K, v: V): void {
    this.entries.set(this.keyOf(k), { key: k, value: v });
  }

  delete(k: K): void {
    this.entries.delete(this.keyOf(k));
  }
}

// ---------------------------------------------------------------------------
// Strings: Go's bytes in a JS string

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

/** A JS (UTF-16) text as a Go string: its UTF-8 bytes, one char per byte. */
export function goString(text: string): string {
  // ASCII is the same in both.
  if (/^[^\u0080-\uffff]*$/.test(text)) return text;
  let out = "";
  for (const b of encoder.encode(text)) out += String.fromCharCode(b);
  return out;
}

/** A Go string as text: its bytes decoded as UTF-8 (invalid bytes become U+FFFD, as Go prints them). */
export function jsText(s: string): string {
  if (/^[^\u0080-\uffff]*$/.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return decoder.decode(bytes);
}

/** The rune at byte offset i of Go string s and its width in bytes, as `for range` decodes it (invalid: U+FFFD, width 1). */
export function decodeRune(s: string, i: number): { readonly rune: number; readonly width: number } {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return { rune: b0, width: 1 };
  const cont = (k: number): number => {
    const b = s.charCodeAt(i + k);
    return i + k < s.length && (b & 0xc0) === 0x80 ? b & 0x3f : -1;
  };
  const bad = { rune: 0xfffd, width: 1 };
  if (b0 >= 0xc2 && b0 <= 0xdf) {
    const c1 = cont(1);
    return c1 < 0 ? bad : { rune: ((b0 & 0x1f) << 6) | c1, width: 2 };
  }
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const c1 = cont(1);
    const c2 = cont(2);
    if (c1 < 0 || c2 < 0) return bad;
    const r = ((b0 & 0x0f) << 12) | (c1 << 6) | c2;
    return r < 0x800 || (r >= 0xd800 && r <= 0xdfff) ? bad : { rune: r, width: 3 };
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const c1 = cont(1);
    const c2 = cont(2);
    const c3 = cont(3);
    if (c1 < 0 || c2 < 0 || c3 < 0) return bad;
    const r = ((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) | c3;
    return r < 0x10000 || r > 0x10ffff ? bad : { rune: r, width: 4 };
  }
  return bad;
}

/** A rune as a Go string (its UTF-8 bytes); an invalid rune is U+FFFD, as string(rune) makes it. */
export function runeString(r: number): string {
  const valid = r >= 0 && r <= 0x10ffff && !(r >= 0xd800 && r <= 0xdfff);
  return goString(String.fromCodePoint(valid ? r : 0xfffd));
}
