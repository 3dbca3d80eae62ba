// Checks the float verbs %e %E %g %G %f %.Nf and float widths, plus big and tiny values.
package main

import (
	"fmt"
	"math"
)

func main() {
	xs := []float64{3.14159265, -0.000123, 1234567.891, 100, 1e-10, 6.02e23}
	for _, x := range xs {
		fmt.Printf("%e|%E|%g|%G|%f|%.0f|%.3f|%.3g\n", x, x, x, x, x, x, x, x)
	}
	fmt.Printf("%8.2f|%-8.2f|%08.2f|%+.1f|% .1f\n", math.Pi, math.Pi, -math.Pi, math.Pi, math.Pi)
	fmt.Printf("%05.1f|%5.1f|%.2e\n", 2.25, 2.35, 123456.0)
	fmt.Printf("%v %v %.1f\n", math.Inf(1), math.NaN(), math.Inf(-1))
	var f32 float32 = 1.1
	fmt.Printf("%v %g %.10f\n", f32, f32, f32)
	fmt.Println(float32(16777217), 1e20, 1e21, 123456789012345678.0)
	fmt.Printf("%6.2f%%\n", 12.3456)
	fmt.Printf("%x\n", 1.5)
}
