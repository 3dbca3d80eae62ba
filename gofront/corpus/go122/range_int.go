// Checks range over an integer (Go 1.22): for i := range n, typed counts, and empty ranges.
package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Println("i =", i)
	}
	sum := 0
	for i := range 101 {
		sum += i
	}
	fmt.Println(sum)
	var n int8 = 4
	for i := range n {
		fmt.Printf("%T %d\n", i, i)
	}
	count := 0
	for range 5 {
		count++
	}
	fmt.Println(count)
	for i := range 0 {
		fmt.Println("never", i)
	}
	limit := -2
	for i := range limit {
		fmt.Println("never", i)
	}
	fmt.Println("done")
}
