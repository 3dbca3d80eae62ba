// Checks re-panicking from a deferred function after recover: Go marks the first as recovered.
package main

import "fmt"

func cleanup() {
	if r := recover(); r != nil {
		fmt.Println("cleanup saw:", r)
		panic(r)
	}
}

func main() {
	defer fmt.Println("outer deferred still runs")
	defer cleanup()
	var arr []int
	idx := 3
	fmt.Println(arr[idx])
}
