// Checks the runtime error for integer division by zero (float division gives +Inf instead).
package main

import "fmt"

func average(total, count int) int {
	return total / count
}

func main() {
	zero := 0.0
	fmt.Println(average(10, 4), 1/zero)
	fmt.Println(average(10, 0))
}
