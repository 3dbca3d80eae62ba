// Checks multiple and named results, variadic parameters, and function values.
package main

import (
	"fmt"
	"strconv"
)

func divmod(a, b int) (int, int) { return a / b, a % b }

func parse(s string) (n int, err error) {
	n, err = strconv.Atoi(s)
	if err != nil {
		n = -1
	}
	return
}

func sum(label string, nums ...int) string {
	t := 0
	for _, n := range nums {
		t += n
	}
	return label + "=" + strconv.Itoa(t) + " (" + strconv.Itoa(len(nums)) + " args)"
}

func apply(f func(int) int, xs ...int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func named() (x, y string) {
	x = "first"
	defer func() { y = "set by defer" }()
	return x, "returned"
}

func main() {
	q, r := divmod(17, 5)
	fmt.Println(q, r)
	fmt.Println(parse("42"))
	fmt.Println(parse("4x2"))
	fmt.Println(sum("none"))
	fmt.Println(sum("three", 1, 2, 3))
	nums := []int{10, 20}
	fmt.Println(sum("spread", nums...))
	fmt.Println(apply(func(x int) int { return x * x }, 1, 2, 3))
	fmt.Println(named())
	f, _ := strconv.ParseFloat("2.5", 64)
	b, err := strconv.ParseBool("maybe")
	fmt.Println(f, b, err)
	fmt.Println(strconv.Quote("hi\n"), strconv.FormatInt(-255, 16))
}
