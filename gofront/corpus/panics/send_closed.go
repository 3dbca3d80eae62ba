// Checks that sending on a closed channel panics, after deferred calls run.
package main

import "fmt"

func main() {
	defer fmt.Println("deferred in main runs before the crash")
	ch := make(chan int, 1)
	ch <- 1
	close(ch)
	fmt.Println("buffered value still there:", <-ch)
	ch <- 2
	fmt.Println("unreachable")
}
