// Checks const blocks with iota, skipped values, expressions and untyped constants.
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	_
	Thursday
)

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const (
	a, b = iota * 10, iota + 100
	c, d
)

const big = 1 << 100
const huge = big >> 98
const third = 1.0 / 3
const typed int8 = 100

func main() {
	fmt.Println(Sunday, Monday, Tuesday, Thursday)
	fmt.Println(KB, MB, GB)
	fmt.Println(a, b, c, d)
	fmt.Println(huge)
	var f32 float32 = third
	var f64 float64 = third
	fmt.Println(f32, f64)
	fmt.Println(typed + 27)
	x := 7 / 2
	y := 7 / 2.0
	fmt.Println(x, y)
	fmt.Printf("%T %T %T\n", x, y, 'a')
}
