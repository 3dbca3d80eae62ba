// Go's sort package. sort.Sort and sort.Slice run Go 1.19's pdqsort and
// sort.Stable its insertion sort and SymMerge (pdqsort.ts), so a program
// whose less has ties prints the order Go prints.

import { basicType, definedType, interfaceOf, pointerTo, type BasicKind, type GoType, type MethodFn } from "../types";
import { Iface, type Ptr, type Slice as GoSlice } from "../values";
import { newError } from "./errors";
import { goPanic } from "../panics";
import { synchronous, type GoFunc } from "./calls";
import { callMethod } from "./methods";
import { pdqsortAll, stable, type LessSwap } from "./pdqsort";

type Less = GoFunc<[number, number], boolean>;

/** The elements of a slice swapped in place, within the caller's window. */
function slicedSwap<T>(x: GoSlice<T>): (i: number, j: number) => void {
  return (i, j) => {
    const a = x.array;
    const p = x.offset + i;
    const q = x.offset + j;
    [a[p], a[q]] = [a[q] as T, a[p] as T];
  };
}

function ordered<T>(x: GoSlice<T>, less: (a: T, b: T) => boolean): LessSwap {
  return { less: (i, j) => less(x.get(i), x.get(j)), swap: slicedSwap(x) };
}

const numberLess = (a: number, b: number): boolean => a < b;
const stringLess = (a: string, b: string): boolean => a < b;
/** Float64Slice's Less: NaNs first. */
const floatLess = (a: number, b: number): boolean => a < b || (Number.isNaN(a) && !Number.isNaN(b));

function sortSlice<T>(x: GoSlice<T> | null, less: (a: T, b: T) => boolean): void {
  if (x !== null && x.length > 1) pdqsortAll(ordered(x, less), x.length);
}

function isSortedBy(n: number, less: (i: number, j: number) => boolean): boolean {
  for (let i = n - 1; i > 0; i--) if (less(i, i - 1)) return false;
  return true;
}

const sliceIsSorted = <T>(x: GoSlice<T> | null, less: (a: T, b: T) => boolean): boolean =>
  x === null || isSortedBy(x.length, (i, j) => less(x.get(i), x.get(j)));

export const Ints = (x: GoSlice<number> | null): void => sortSlice(x, numberLess);
export const Float64s = (x: GoSlice<number> | null): void => sortSlice(x, floatLess);
export const Strings = (x: GoSlice<string> | null): void => sortSlice(x, stringLess);
export const IntsAreSorted = (x: GoSlice<number> | null): boolean => sliceIsSorted(x, numberLess);
export const Float64sAreSorted = (x: GoSlice<number> | null): boolean => sliceIsSorted(x, floatLess);
export const StringsAreSorted = (x: GoSlice<string> | null): boolean => sliceIsSorted(x, stringLess);

/** The slice in sort.Slice's `x any`; Go's reflect panics for anything else. */
function sliceOf(x: Iface | null): GoSlice | null {
  // Go's reflect says so, with a *reflect.ValueError.
  if (x === null) goPanic(newError("reflect: call of Swapper on zero Value"));
  const kind = x.type.shape;
  if (kind.kind !== "slice") goPanic(newError(`reflect: call of Swapper on ${kind.kind === "basic" ? kind.basic : kind.kind} Value`));
  return x.value as GoSlice | null;
}

function sliceSorting(x: Iface | null, less: Less, api: string): { readonly data: LessSwap; readonly n: number } {
  const s = sliceOf(x);
  const swap = s === null ? () => undefined : slicedSwap(s);
  return { data: { less: synchronous(api, less), swap }, n: s?.length ?? 0 };
}

/** Go's sort.Slice (not stable: pdqsort). */
export function Slice(x: Iface | null, less: Less): void {
  const { data, n } = sliceSorting(x, less, "sort.Slice");
  pdqsortAll(data, n);
}

/** Go's sort.SliceStable. */
export function SliceStable(x: Iface | null, less: Less): void {
  const { data, n } = sliceSorting(x, less, "sort.SliceStable");
  stable(data, n);
}

/** Go's sort.SliceIsSorted. */
export function SliceIsSorted(x: Iface | null, less: Less): boolean {
  const { data, n } = sliceSorting(x, less, "sort.SliceIsSorted");
  return isSortedBy(n, data.less);
}

/** An Interface value's methods, called through its type's method table. */
function viaInterface(data: Iface, api: string): LessSwap & { readonly len: () => number } {
  const call = synchronous(api, (name: string, ...args: unknown[]) => callMethod(data, name, ...args));
  return {
    len: () => call("Len") as number,
    less: (i, j) => call("Less", i, j) as boolean,
    swap: (i, j) => void call("Swap", i, j),
  };
}

/** Go's sort.Sort. */
export function Sort(data: Iface): void {
  const d = viaInterface(data, "sort.Sort");
  const n = d.len();
  if (n > 1) pdqsortAll(d, n);
}

/** Go's sort.Stable. */
export function Stable(data: Iface): void {
  const d = viaInterface(data, "sort.Stable");
  stable(d, d.len());
}

/** Go's sort.IsSorted. */
export function IsSorted(data: Iface): boolean {
  const d = viaInterface(data, "sort.IsSorted");
  return isSortedBy(d.len(), d.less);
}

export class reverse {
  constructor(public Interface: Iface | null = null) {}
}

const INT = basicType("int");
const signature = (params: readonly GoType[], results: readonly GoType[]) => ({ params, results, variadic: false });
export const Interface$type: GoType = definedType(
  "sort.Interface",
  interfaceOf([
    { name: "Len", signature: signature([], [INT]) },
    { name: "Less", signature: signature([INT, INT], [basicType("bool")]) },
    { name: "Swap", signature: signature([INT, INT], []) },
  ]).shape,
);
export const reverse$type: GoType = definedType("sort.reverse", {
  kind: "struct",
  fields: [{ name: "Interface", type: Interface$type, embedded: true, exported: true }],
});
const REVERSE_PTR = pointerTo(reverse$type);
const embedded = (r: unknown): Iface => (r as reverse).Interface as Iface;
REVERSE_PTR.methods.set("Len", (r) => callMethod(embedded(r), "Len"));
REVERSE_PTR.methods.set("Less", (r, i, j) => callMethod(embedded(r), "Less", j, i));
REVERSE_PTR.methods.set("Swap", (r, i, j) => callMethod(embedded(r), "Swap", i, j));

/** Go's sort.Reverse: a *sort.reverse whose Less is data's, swapped. */
export function Reverse(data: Iface | null): Iface {
  return new Iface(REVERSE_PTR, new reverse(data));
}

/** Go's sort.Search: the smallest i in [0, n) at which f is true (n if none), by binary search. */
export function Search(n: number, f: GoFunc<[number], boolean>): number {
  const test = synchronous("sort.Search", f);
  let i = 0;
  let j = n;
  while (i < j) {
    const h = Math.floor((i + j) / 2);
    if (!test(h)) i = h + 1;
    else j = h;
  }
  return i;
}

/** Go's sort.Find: the smallest i at which cmp(i) <= 0, and whether cmp(i) == 0 there. */
export function Find(n: number, cmp: GoFunc<[number], number>): [number, boolean] {
  const c = synchronous("sort.Find", cmp);
  let i = 0;
  let j = n;
  while (i < j) {
    const h = Math.floor((i + j) / 2);
    if (c(h) > 0) i = h + 1;
    else j = h;
  }
  return [i, i < n && c(i) === 0];
}

const searchIn = <T>(a: GoSlice<T> | null, x: T): number => Search(a?.length ?? 0, (i) => (a as GoSlice<T>).get(i) >= x);

export const SearchInts = (a: GoSlice<number> | null, x: number): number => searchIn(a, x);
export const SearchFloat64s = (a: GoSlice<number> | null, x: number): number => searchIn(a, x);
export const SearchStrings = (a: GoSlice<string> | null, x: string): number => searchIn(a, x);

// ---------------------------------------------------------------------------
// IntSlice, Float64Slice, StringSlice: named slice types with methods, called
// through their method tables and as <Type>$<Method>(recv, …) (pure.ts
// exports those from the tables).

function sliceType<T>(name: string, elem: BasicKind, less: (a: T, b: T) => boolean): GoType {
  const t = definedType(name, { kind: "slice", elem: basicType(elem) });
  const at = (x: unknown): GoSlice<T> => x as GoSlice<T>;
  const methods: Readonly<Record<string, MethodFn>> = {
    Len: (x) => at(x)?.length ?? 0,
    Less: (x, i, j) => less(at(x).get(i as number), at(x).get(j as number)),
    Swap: (x, i, j) => slicedSwap(at(x))(i as number, j as number),
    Sort: (x) => sortSlice(at(x), less),
    Search: (x, v) => searchIn(at(x), v as T),
  };
  for (const [name, fn] of Object.entries(methods)) {
    t.methods.set(name, fn);
    pointerTo(t).methods.set(name, (p, ...args) => fn((p as Ptr).get(), ...args));
  }
  return t;
}

export const IntSlice$type = sliceType("sort.IntSlice", "int", numberLess);
export const Float64Slice$type = sliceType("sort.Float64Slice", "float64", floatLess);
export const StringSlice$type = sliceType("sort.StringSlice", "string", stringLess);
