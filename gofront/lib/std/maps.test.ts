import { describe, expect, it } from "vitest";
import { GoPanic } from "../../../runtime/index";
import { STRING, simpleMap } from "../testing/goValues";
import type { GoMap } from "../values";
import * as maps from "./maps";

const m = (entries: [string, number][]): GoMap<string, number> => simpleMap(STRING, entries) as GoMap<string, number>;
const entries = (x: GoMap<string, number> | null): [string, number][] => [...(x?.entries.values() ?? [])].map((e) => [e.key, e.value]);

describe("maps", () => {
  it("Clone copies, and keeps nil nil", () => {
    const a = m([["a", 1]]);
    const c = maps.Clone(a);
    c?.set("b", 2);
    expect([entries(a), entries(c)]).toEqual([
      [["a", 1]],
      [
        ["a", 1],
        ["b", 2],
      ],
    ]);
    expect(maps.Clone(null)).toBe(null);
  });

  it("Copy sets dst's entries from src; into a nil map it panics", () => {
    const dst = m([["a", 1]]);
    maps.Copy(
      dst,
      m([
        ["a", 3],
        ["b", 2],
      ]),
    );
    expect(entries(dst)).toEqual([
      ["a", 3],
      ["b", 2],
    ]);
    maps.Copy(null, m([]));
    expect(() => maps.Copy(null, m([["a", 1]]))).toThrow(GoPanic);
  });

  it("DeleteFunc deletes what the func picks", () => {
    const x = m([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    maps.DeleteFunc(x, (_k, v) => v % 2 === 1);
    expect(entries(x)).toEqual([["b", 2]]);
  });

  it("Equal compares keys and values with Go's ==; nil equals empty", () => {
    expect(maps.Equal(m([["a", 1]]), m([["a", 1]]))).toBe(true);
    expect(maps.Equal(m([["a", NaN]]), m([["a", NaN]]))).toBe(false);
    expect(maps.Equal(null, m([]))).toBe(true);
    expect(maps.EqualFunc(m([["a", 1]]), m([["a", 2]]), (x, y) => x < y)).toBe(true);
  });
});
