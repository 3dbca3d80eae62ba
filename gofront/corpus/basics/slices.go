// Checks slices: len and cap, append growth and aliasing, copy and 3-index slicing.
package main

import "fmt"

func main() {
	var s []int
	fmt.Println(s == nil, len(s), cap(s))
	for i := 0; i < 5; i++ {
		s = append(s, i)
	}
	fmt.Println(s, len(s))

	a := make([]int, 3, 10)
	b := append(a, 4)
	c := append(a, 5)
	fmt.Println(a, b, c, len(b), cap(b))

	full := []int{1, 2, 3}
	d := append(full[:2], 99)
	fmt.Println(full, d)

	limited := full[0:2:2]
	e := append(limited, 42)
	e[0] = -1
	fmt.Println(full, limited, e, cap(limited))

	dst := make([]int, 2)
	n := copy(dst, []int{7, 8, 9})
	fmt.Println(n, dst)
	n = copy(full[1:], full)
	fmt.Println(n, full)

	m := [][]string{{"a"}, {"b", "c"}}
	m[1] = append(m[1], "d")
	fmt.Println(m, len(m[1]))

	t := s[1:3]
	t[0] = 100
	fmt.Println(s, t, len(t), cap(t))
	u := s[:0]
	fmt.Println(u, len(u), cap(u) >= 5)
	z := make([]string, 2)
	fmt.Printf("%q\n", z)
}
