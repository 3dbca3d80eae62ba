// Checks float printing by Println and the %v, %g, %f and %.2f verbs.
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{0, 1, -2.5, 0.1 + 0.2, 1.0 / 3, 1e6, 1e21, 1e-7, 123456789.0, 2.0 / 3}
	for _, x := range xs {
		fmt.Println(x)
		fmt.Printf("%v %g %f %.2f\n", x, x, x, x)
	}
	x1, x2 := 0.1, 0.2
	fmt.Println(x1+x2, x1+x2 == 0.3, 0.1+0.2 == 0.3)
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32))
	fmt.Println(math.Inf(1), math.Inf(-1), math.NaN())
	fmt.Println(math.Sqrt(2), math.Floor(-2.5), math.Ceil(2.1), math.Trunc(-2.7))
	fmt.Println(math.MaxInt64, math.Pi)
	pos, neg := 2.9, -2.9
	fmt.Println(int(pos), int(neg), float64(7)/2)
	var zero float64
	fmt.Println(-zero, 1/math.Inf(-1))
}
