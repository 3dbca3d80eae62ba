import { describe, expect, it } from "vitest";
import { GoPanic } from "../../../runtime/index";
import { Slice } from "../values";
import * as slices from "./slices";
import * as sort from "./sort";
import { INT, iface } from "../testing/goValues";
import { sliceOf } from "../types";

const of = <T>(xs: T[]): Slice<T> => Slice.of(xs);

describe("slices", () => {
  it("sorts ordered values (NaNs first) and by a cmp func, stably when asked", () => {
    const xs = of([3, NaN, 1, 2]);
    slices.Sort(xs);
    expect(xs.toArray()).toEqual([NaN, 1, 2, 3]);
    const words = of(["bb", "a", "ccc", "dd"]);
    slices.SortStableFunc(words, (a, b) => a.length - b.length);
    expect(words.toArray()).toEqual(["a", "bb", "dd", "ccc"]);
    expect(slices.IsSorted(of([1, 2, 2]))).toBe(true);
  });

  it("SortFunc leaves ties where sort.Slice does (the same pdqsort)", () => {
    const recs = Array.from({ length: 300 }, (_, id) => ({ id, key: (id * 7919) % 5 }));
    const a = of([...recs]);
    const b = of([...recs]);
    slices.SortFunc(a, (x, y) => x.key - y.key);
    sort.Slice(iface(sliceOf(INT), b), (i, j) => b.get(i).key < b.get(j).key);
    expect(a.toArray().map((r) => r.id)).toEqual(b.toArray().map((r) => r.id));
  });

  it("searches and compares with Go's ==", () => {
    expect(slices.BinarySearch(of([1, 3, 5]), 3)).toEqual([1, true]);
    expect(slices.BinarySearch(of([1, 3, 5]), 4)).toEqual([2, false]);
    expect(slices.Index(of(["a", "b"]), "b")).toBe(1);
    expect(slices.Contains(of([NaN]), NaN)).toBe(false);
    expect(slices.Equal(of([1, 2]), of([1, 2])) && !slices.Equal(of([1]), null)).toBe(true);
    expect(slices.Equal(null, of([]))).toBe(true);
    expect(slices.IndexFunc(of([1, 4]), (x) => x > 2)).toBe(1);
  });

  it("Max and Min: NaN wins, an empty slice panics", () => {
    expect(slices.Max(of([1, 5, 2]))).toBe(5);
    expect(slices.Min(of([1, NaN, 2]))).toBeNaN();
    expect(slices.Max(of(["b", "c", "a"]))).toBe("c");
    expect(() => slices.Max(of<number>([]))).toThrow(GoPanic);
    expect(() => slices.Min(null)).toThrow("slices.Min: empty list");
  });

  it("edits in place where Go does: Insert, Delete, Compact, Reverse, Clone", () => {
    const backing = [1, 2, 3, 0, 0];
    const s = new Slice(backing, 0, 3, 5);
    const inserted = slices.Insert(s, 1, of([9]));
    expect([inserted?.toArray(), inserted?.array === backing]).toEqual([[1, 9, 2, 3], true]);
    const grown = slices.Insert(of([1, 2]), 2, of([3]));
    expect([grown?.toArray(), grown?.cap]).toEqual([[1, 2, 3], 4]);
    const deleted = slices.Delete(of([1, 2, 3, 4]), 1, 3);
    expect([deleted?.toArray(), deleted?.array]).toEqual([
      [1, 4],
      [1, 4, 3, 4],
    ]);
    expect(() => slices.Delete(of([1]), 0, 2)).toThrow(GoPanic);
    expect(slices.Compact(of([1, 1, 2, 2, 2, 1]))?.toArray()).toEqual([1, 2, 1]);
    const r = of([1, 2, 3]);
    slices.Reverse(r);
    expect(r.toArray()).toEqual([3, 2, 1]);
    expect(slices.Clone(null)).toBe(null);
    const c = slices.Clone(r);
    expect([c?.toArray(), c?.array === r.array]).toEqual([[3, 2, 1], false]);
  });
});
