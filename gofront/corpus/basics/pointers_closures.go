// Checks pointers to values and structs, and closures capturing and sharing variables.
package main

import "fmt"

type counter struct{ n int }

func inc(p *int) { *p++ }

func newCounter() func() int {
	c := 0
	return func() int {
		c++
		return c
	}
}

func main() {
	x := 1
	p := &x
	inc(p)
	inc(&x)
	fmt.Println(x, *p, p == &x)

	c := &counter{}
	c.n = 5
	d := c
	d.n++
	fmt.Println(c.n, *c)

	var nilPtr *counter
	fmt.Println(nilPtr == nil)

	next := newCounter()
	other := newCounter()
	fmt.Println(next(), next(), next(), other())

	var fs []func() int
	for i := 0; i < 3; i++ {
		i := i
		fs = append(fs, func() int { return i * i })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	total := 0
	add := func(n int) { total += n }
	add(3)
	add(4)
	fmt.Println(total)

	pp := &p
	**pp = 42
	fmt.Println(x)
	n := new(int)
	fmt.Println(*n)
}
