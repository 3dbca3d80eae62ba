import { describe, expect, it } from "vitest";
import { INT, STRING } from "../testing/goValues";
import { definedType, sliceOf } from "../types";
import { Iface, Slice } from "../values";
import * as sort from "./sort";

const ints = (xs: number[]): Slice<number> => Slice.of(xs);

describe("sort", () => {
  it("sorts ints, strings and floats (NaNs first) in place, within the slice's window", () => {
    const backing = [9, 3, 1, 2, 0];
    const window = new Slice(backing, 1, 3, 4);
    sort.Ints(window);
    expect(backing).toEqual([9, 1, 2, 3, 0]);
    const ss = Slice.of(["b", "a", "c"]);
    sort.Strings(ss);
    expect(ss.toArray()).toEqual(["a", "b", "c"]);
    const fs = Slice.of([2, NaN, -1]);
    sort.Float64s(fs);
    expect(fs.toArray()).toEqual([NaN, -1, 2]);
    expect(sort.IntsAreSorted(ints([1, 2, 2])) && !sort.StringsAreSorted(Slice.of(["b", "a"]))).toBe(true);
    sort.Ints(null);
  });

  it("sort.Slice sorts the slice in an any by less", () => {
    const xs = ints([5, 2, 8, 1, 9, 3, 7, 4, 6, 0, 11, 15, 13, 12, 14, 10]);
    sort.Slice(new Iface(sliceOf(INT), xs), (i, j) => xs.get(i) > xs.get(j));
    expect(xs.toArray()).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(sort.SliceIsSorted(new Iface(sliceOf(INT), xs), (i, j) => xs.get(i) > xs.get(j))).toBe(true);
    expect(() => sort.Slice(new Iface(INT, 1), () => true)).toThrow("reflect: call of Swapper on int Value");
  });

  it("sort.SliceStable keeps equal elements in order", () => {
    const recs = Slice.of(Array.from({ length: 100 }, (_, id) => ({ id, key: id % 3 })));
    sort.SliceStable(new Iface(sliceOf(STRING), recs), (i, j) => recs.get(i).key < recs.get(j).key);
    const ids = recs.toArray().map((r) => r.id);
    expect(ids.slice(0, 4)).toEqual([0, 3, 6, 9]);
    expect(ids.slice(34, 37)).toEqual([1, 4, 7]);
  });

  it("sorts an Interface through its method table, and Reverse swaps its Less", () => {
    const xs = ints([3, 1, 2]);
    sort.Sort(new Iface(sort.IntSlice$type, xs));
    expect(xs.toArray()).toEqual([1, 2, 3]);
    sort.Sort(sort.Reverse(new Iface(sort.IntSlice$type, xs)));
    expect(xs.toArray()).toEqual([3, 2, 1]);
    sort.Stable(new Iface(sort.IntSlice$type, xs));
    expect(xs.toArray()).toEqual([1, 2, 3]);
    expect(sort.IsSorted(new Iface(sort.IntSlice$type, xs))).toBe(true);
  });

  it("says so when less blocks", () => {
    const xs = ints([2, 1]);
    expect(() => sort.Slice(new Iface(sliceOf(INT), xs), () => Promise.resolve(true))).toThrow(
      "sort.Slice: the function passed to it blocks",
    );
    const BLOCKING = definedType("main.blocking", { kind: "slice", elem: INT });
    BLOCKING.methods.set("Len", () => 2);
    BLOCKING.methods.set("Less", () => Promise.resolve(true));
    expect(() => sort.Sort(new Iface(BLOCKING, xs))).toThrow("sort.Sort: the function passed to it blocks");
  });

  it("searches", () => {
    expect(sort.Search(100, (i) => i * i >= 50)).toBe(8);
    expect(sort.SearchInts(ints([1, 3, 5]), 4)).toBe(2);
    expect(sort.SearchStrings(Slice.of(["a", "c"]), "b")).toBe(1);
    expect(sort.SearchInts(null, 4)).toBe(0);
    expect(sort.Find(3, (i) => 1 - i)).toEqual([1, true]);
  });
});
