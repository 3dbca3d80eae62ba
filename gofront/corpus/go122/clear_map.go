// Checks the clear builtin (Go 1.21) on maps, through aliases, on nil maps and on slices.
package main

import "fmt"

func main() {
	m := map[string]int{"a": 1, "b": 2}
	clear(m)
	fmt.Println(len(m), m, m == nil)
	m["c"] = 3
	fmt.Println(m)
	alias := m
	clear(alias)
	fmt.Println(len(m))
	var nilMap map[int]bool
	clear(nilMap)
	fmt.Println(len(nilMap), nilMap == nil)
	s := []int{1, 2, 3}
	clear(s[1:])
	fmt.Println(s, len(s))
	for i := range 2 {
		m[fmt.Sprint("k", i)] = i
	}
	fmt.Println(m)
}
