// Checks the min and max builtins (Go 1.21) on ints, floats, strings, NaN and constants.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(min(3, 1, 2), max(3, 1, 2))
	fmt.Println(min(2.5, 1), max(-1, -0.5))
	fmt.Println(min("banana", "apple", "cherry"), max("a", "b"))
	x, y := 7, -3
	fmt.Println(min(x, y), max(x, y, 10))
	nan := math.NaN()
	fmt.Println(min(nan, 1.0), max(2.0, nan))
	fmt.Println(min(x))
	var u8 uint8 = 200
	fmt.Println(max(u8, 100))
	const c = min(1, 2.0)
	fmt.Printf("%T %v\n", c, c)
}
