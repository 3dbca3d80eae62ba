// Checks the runtime error for an index out of range, with the index and the length.
package main

import "fmt"

func at(xs []int, i int) int {
	return xs[i]
}

func main() {
	xs := []int{10, 20, 30}
	fmt.Println(at(xs, 2))
	defer fmt.Println("deferred runs")
	fmt.Println(at(xs, 5))
}
