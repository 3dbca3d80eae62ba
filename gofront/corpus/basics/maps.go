// Checks maps: nil map reads, comma-ok, delete, len, and fmt printing with sorted keys.
package main

import (
	"fmt"
	"sort"
)

func main() {
	var nilMap map[string]int
	fmt.Println(nilMap == nil, len(nilMap), nilMap["x"])
	v, ok := nilMap["x"]
	fmt.Println(v, ok)
	delete(nilMap, "x")

	ages := map[string]int{"carol": 41, "alice": 30, "bob": 25}
	ages["dave"] = 19
	ages["alice"]++
	fmt.Println(ages, len(ages))
	delete(ages, "bob")
	delete(ages, "nobody")
	_, ok = ages["bob"]
	fmt.Println(ok, len(ages))

	keys := make([]string, 0, len(ages))
	for k := range ages {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, ages[k])
	}

	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	fmt.Println(counts)
	fmt.Printf("%v\n", map[int]bool{3: true, -1: false, 2: true})

	groups := map[bool][]int{}
	for i := 0; i < 6; i++ {
		groups[i%2 == 0] = append(groups[i%2 == 0], i)
	}
	fmt.Println(groups)
	type key struct{ a, b int }
	grid := map[key]string{{1, 2}: "x", {0, 9}: "y"}
	fmt.Println(grid[key{1, 2}], len(grid))
}
