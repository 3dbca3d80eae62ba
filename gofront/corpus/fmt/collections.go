// Checks printing of slices, arrays, maps with sorted keys, nested collections and nil ones.
package main

import "fmt"

type ID int

func main() {
	var nilSlice []int
	var nilMap map[string]bool
	empty := []string{}
	fmt.Println(nilSlice, nilMap, empty, len(empty))
	fmt.Printf("%v %v %d %q\n", nilSlice, nilMap, []int{1, 2}, []string{"a", "b c"})
	fmt.Println([3]int{1}, [][]int{{1}, {2, 3}, nil})
	m := map[string]int{"zeta": 26, "alpha": 1, "mu": 12, "Beta": 2}
	fmt.Println(m)
	fmt.Printf("%v\n%+v\n", m, m)
	fmt.Println(map[int]string{10: "ten", -5: "minus", 0: "zero"})
	fmt.Println(map[float64]int{2.5: 1, -1: 2, 0.5: 3})
	fmt.Println(map[bool]int{true: 1, false: 0})
	fmt.Println(map[ID][]string{3: {"c"}, 1: {"a", "b"}})
	fmt.Println(map[[2]int]string{{1, 2}: "a", {0, 5}: "b", {1, 0}: "c"})
	fmt.Println(map[string]map[string]int{"x": {"b": 2, "a": 1}, "w": nil})
	fmt.Println([]interface{}{1, "a", nil, 2.5, []int{}})
	fmt.Println([]error{nil, fmt.Errorf("e")})
	var ids []ID = []ID{3, 1}
	fmt.Printf("%v %d %T\n", ids, ids, ids)
	ch := make(chan int)
	fmt.Println(ch == nil, len(ch))
	bs := []byte("AZ")
	fmt.Println(bs, string(bs))
	fmt.Printf("%s|%v|%q\n", bs, bs, bs)
}
