// Go 1.21's slices package (the functions gofront declares). Elements are
// compared with Go's == (equal.ts) and ordered with < (numbers, byte
// strings), NaNs first as cmp.Less orders them. Sorting runs Go's pdqsort
// (pdqsort.ts), so ties land where Go puts them.

import { goEqual } from "../equal";
import { runtimeError } from "../panics";
import { Iface, Slice, goString } from "../values";
import { basicType } from "../types";
import { goPanic } from "../panics";
import { appendItems } from "./append";
import { synchronous, type GoFunc } from "./calls";
import { pdqsortAll, stable, type LessSwap } from "./pdqsort";

type Ordered = number | string;
type Cmp<E> = GoFunc<[E, E], number>;

const isNaN = (x: unknown): boolean => typeof x === "number" && Number.isNaN(x);

/** cmp.Less: NaNs before everything else. */
const cmpLess = (a: Ordered, b: Ordered): boolean => (isNaN(a) && !isNaN(b)) || a < b;

/** Go's builtin max over two ordered values: NaN wins; max(-0, +0) is +0. */
function max2<E extends Ordered>(a: E, b: E): E {
  if (isNaN(a) || isNaN(b)) return isNaN(a) ? a : b;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return b > a ? b : a;
}

/** Go's builtin min over two ordered values: NaN wins; min(-0, +0) is -0. */
function min2<E extends Ordered>(a: E, b: E): E {
  if (isNaN(a) || isNaN(b)) return isNaN(a) ? a : b;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return b < a ? b : a;
}

function byIndex<E>(s: Slice<E>, less: (a: E, b: E) => boolean): LessSwap {
  return {
    less: (i, j) => less(s.get(i), s.get(j)),
    swap: (i, j) => {
      const t = s.get(i);
      s.set(i, s.get(j));
      s.set(j, t);
    },
  };
}

const funcLess = <E>(api: string, cmp: Cmp<E>): ((a: E, b: E) => boolean) => {
  const c = synchronous(api, cmp);
  return (a, b) => c(a, b) < 0;
};

export function Sort<E extends Ordered>(x: Slice<E> | null): void {
  if (x !== null) pdqsortAll(byIndex(x, cmpLess), x.length);
}

export function SortFunc<E>(x: Slice<E> | null, cmp: Cmp<E>): void {
  if (x !== null) pdqsortAll(byIndex(x, funcLess("slices.SortFunc", cmp)), x.length);
}

export function SortStableFunc<E>(x: Slice<E> | null, cmp: Cmp<E>): void {
  if (x !== null) stable(byIndex(x, funcLess("slices.SortStableFunc", cmp)), x.length);
}

function isSortedBy<E>(x: Slice<E> | null, less: (a: E, b: E) => boolean): boolean {
  for (let i = (x?.length ?? 0) - 1; i > 0; i--) if (less((x as Slice<E>).get(i), (x as Slice<E>).get(i - 1))) return false;
  return true;
}

export const IsSorted = <E extends Ordered>(x: Slice<E> | null): boolean => isSortedBy(x, cmpLess);
export const IsSortedFunc = <E>(x: Slice<E> | null, cmp: Cmp<E>): boolean => isSortedBy(x, funcLess("slices.IsSortedFunc", cmp));

/** The first index in [0, n) at which below is false. */
function searchBelow(n: number, below: (h: number) => boolean): number {
  let i = 0;
  let j = n;
  while (i < j) {
    const h = (i + j) >>> 1;
    if (below(h)) i = h + 1;
    else j = h;
  }
  return i;
}

export function BinarySearch<E extends Ordered>(x: Slice<E> | null, target: E): [number, boolean] {
  const n = x?.length ?? 0;
  const i = searchBelow(n, (h) => cmpLess((x as Slice<E>).get(h), target));
  const found = i < n && ((x as Slice<E>).get(i) === target || (isNaN((x as Slice<E>).get(i)) && isNaN(target)));
  return [i, found];
}

export function BinarySearchFunc<E, T>(x: Slice<E> | null, target: T, cmp: GoFunc<[E, T], number>): [number, boolean] {
  const c = synchronous("slices.BinarySearchFunc", cmp);
  const n = x?.length ?? 0;
  const i = searchBelow(n, (h) => c((x as Slice<E>).get(h), target) < 0);
  return [i, i < n && c((x as Slice<E>).get(i), target) === 0];
}

function indexWhere<E>(s: Slice<E> | null, test: (e: E) => boolean): number {
  for (let i = 0; i < (s?.length ?? 0); i++) if (test((s as Slice<E>).get(i))) return i;
  return -1;
}

export const Index = <E>(s: Slice<E> | null, v: E): number => indexWhere(s, (e) => goEqual(v, e));
export const IndexFunc = <E>(s: Slice<E> | null, f: GoFunc<[E], boolean>): number => indexWhere(s, synchronous("slices.IndexFunc", f));
export const Contains = <E>(s: Slice<E> | null, v: E): boolean => Index(s, v) >= 0;
export const ContainsFunc = <E>(s: Slice<E> | null, f: GoFunc<[E], boolean>): boolean =>
  indexWhere(s, synchronous("slices.ContainsFunc", f)) >= 0;

export function Equal<E>(s1: Slice<E> | null, s2: Slice<E> | null): boolean {
  const n = s1?.length ?? 0;
  if (n !== (s2?.length ?? 0)) return false;
  for (let i = 0; i < n; i++) if (!goEqual((s1 as Slice<E>).get(i), (s2 as Slice<E>).get(i))) return false;
  return true;
}

export function Reverse<E>(s: Slice<E> | null): void {
  if (s === null) return;
  for (let i = 0, j = s.length - 1; i < j; i++, j--) {
    const t = s.get(i);
    s.set(i, s.get(j));
    s.set(j, t);
  }
}

function fold<E extends Ordered>(api: string, x: Slice<E> | null, pick: (a: E, b: E) => E): E {
  if (x === null || x.length === 0) goPanic(new Iface(basicType("string"), goString(`${api}: empty list`)));
  let m = x.get(0);
  for (let i = 1; i < x.length; i++) m = pick(m, x.get(i));
  return m;
}

export const Max = <E extends Ordered>(x: Slice<E> | null): E => fold("slices.Max", x, max2);
export const Min = <E extends Ordered>(x: Slice<E> | null): E => fold("slices.Min", x, min2);

/** Go 1.21's slices.Insert: v inserted at i, in place when s has room. */
export function Insert<E>(s: Slice<E> | null, i: number, v: Slice<E> | null): Slice<E> | null {
  const n = s?.length ?? 0;
  if (i < 0 || i > n) runtimeError(`slice bounds out of range [${i}:${n}]`);
  const items = v?.toArray() ?? [];
  if (items.length === 0) return s;
  const tail = s?.toArray().slice(i) ?? [];
  if (s !== null && n + items.length <= s.cap) {
    const grown = new Slice(s.array, s.offset, n + items.length, s.cap);
    [...items, ...tail].forEach((x, k) => grown.set(i + k, x));
    return grown;
  }
  const head = s === null ? null : new Slice(s.array, s.offset, i, s.cap);
  return appendItems(head, [...items, ...tail], 8, undefined as E);
}

/** Go 1.21's slices.Delete: s[i:j] removed in place (the elements after the new length stay as they were). */
export function Delete<E>(s: Slice<E> | null, i: number, j: number): Slice<E> | null {
  const n = s?.length ?? 0;
  if (j > n) runtimeError(`slice bounds out of range [:${j}] with capacity ${s?.cap ?? 0}`);
  if (i < 0 || i > j) runtimeError(`slice bounds out of range [${i}:${j}]`);
  if (s === null || i === j) return s;
  const tail = s.toArray().slice(j);
  tail.forEach((x, k) => s.set(i + k, x));
  return new Slice(s.array, s.offset, n - (j - i), s.cap);
}

/** Go's slices.Compact: runs of equal elements kept once, in place. */
export function Compact<E>(s: Slice<E> | null): Slice<E> | null {
  if (s === null || s.length < 2) return s;
  let i = 1;
  for (let k = 1; k < s.length; k++) {
    if (!goEqual(s.get(k), s.get(k - 1))) {
      if (i !== k) s.set(i, s.get(k));
      i++;
    }
  }
  return new Slice(s.array, s.offset, i, s.cap);
}

/** Go's slices.Clone: nil stays nil. */
export const Clone = <E>(s: Slice<E> | null): Slice<E> | null => (s === null ? null : Slice.of(s.toArray()));
