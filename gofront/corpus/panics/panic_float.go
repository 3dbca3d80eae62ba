// Checks panic with a float64: the runtime prints it in its own exponent format, not fmt's.
package main

import "fmt"

func main() {
	ratio := 1.5
	fmt.Println("ratio is", ratio)
	panic(ratio)
}
