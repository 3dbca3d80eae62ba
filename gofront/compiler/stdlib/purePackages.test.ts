import { describe, expect, it } from "vitest";
import { checkGo } from "../testing/checkGo";

describe("programs that call the pure standard packages", () => {
  it("check slices' and maps' generic functions with inferred type arguments", async () => {
    const { messages } = await checkGo(`package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

type Names []string

func main() {
	xs := []int{3, 1, 2}
	slices.Sort(xs)
	i, found := slices.BinarySearch(xs, 2)
	xs = slices.Insert(xs, 1, 7, 8)
	xs = slices.Delete(xs, 0, 1)
	var ns Names = slices.Clone(Names{"b", "a"})
	slices.SortFunc(ns, func(a, b string) int { return strings.Compare(a, b) })
	m := map[string]int{"a": 1}
	c := maps.Clone(m)
	maps.DeleteFunc(c, func(k string, v int) bool { return v > 1 })
	sort.Sort(sort.Reverse(sort.IntSlice(xs)))
	r := strings.NewReplacer("a", "b")
	fmt.Println(i, found, slices.Contains(xs, 3), slices.Max(xs), maps.Equal(m, c), ns, r.Replace("abc"))
}
`);
    expect(messages).toEqual([]);
  });

  it("leave out maps.Keys, an iterator since Go 1.23", async () => {
    const { messages } = await checkGo(`package main

import "maps"

func main() {
	_ = maps.Keys(map[int]int{})
}
`);
    expect(messages).toEqual(["prog.go:6:11: undefined: maps.Keys"]);
  });
});
